#!/usr/bin/env node
// Thin entry: the bundled CLI decides everything, including the exit code.
import { createRequire } from 'node:module';

const { loadBundle } = createRequire(import.meta.url)('../dist/cli/load-bundle.cjs');
process.exitCode = await loadBundle().exports.main(process.argv.slice(2));
