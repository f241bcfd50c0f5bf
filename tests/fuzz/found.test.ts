import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testFixtures } from '../helpers/build-fixture.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

// Minimal counterexamples the fuzzer found (a crash, a hang or an out-of-memory each), kept as fixtures.
const found = path.join(testFixtures, 'fuzz-found');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-found-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('inputs the fuzzer once broke the pipeline with', () => {
  it.each(readdirSync(found))('%s: PDFs or placed errors, never a crash', (name) => {
    const started = Date.now();
    const run = runCli(['build', path.join(found, name), '--out', path.join(tmp, name)], { timeout: 60_000 });
    expect([0, 1], run.stderr.slice(0, 500)).toContain(run.code);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr).toMatch(/\d+ errors?, \d+ warnings? in 1 topic/);
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 70_000);
});
