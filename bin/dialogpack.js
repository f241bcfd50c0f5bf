#!/usr/bin/env node
// Thin entry: the compiled CLI decides everything, including the exit code.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
