import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-topic-isolation-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a topic that trips a dependency', () => {
  it('fails alone: its error is placed in its folder, exit 1, the other topics are built and recorded', () => {
    const root = path.join(tmp, 'content');
    cpSync(path.join(repoRoot, 'content/hardware'), path.join(root, 'a-fine'), { recursive: true });
    cpSync(path.join(repoRoot, 'content/hardware'), path.join(root, 'b-broken-picture'), { recursive: true });
    cpSync(path.join(repoRoot, 'content/personas'), path.join(root, 'c-fine'), { recursive: true });
    // A PNG whose header is whole and whose data is not: PDFKit's decoder threw on it, and the
    // whole build stopped with exit 3.
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from('IHDR'),
      Buffer.from([0, 0, 0, 16, 0, 0, 0, 16, 8, 2, 0, 0, 0]),
      Buffer.from('garbage where the image data should be'),
    ]);
    writeFileSync(path.join(root, 'b-broken-picture/skaerm.png'), png);
    appendFileSync(path.join(root, 'b-broken-picture/purpose.md'), '\n![Skærmbillede af MitID-appen](skaerm.png)\n');
    const out = path.join(tmp, 'out');
    const run = runCli(['--json', 'build', root, '--out', out, '--kind', 'pack']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(stackFrame);
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string; severity: string }[]; topics: { dir: string; status: string }[] };
    expect(Object.fromEntries(report.topics.map((t) => [path.basename(t.dir), t.status]))).toEqual({ 'a-fine': 'built', 'b-broken-picture': 'failed', 'c-fine': 'built' });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.file.startsWith(path.join(root, 'b-broken-picture'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { topics: { slug: string }[] };
    expect(manifest.topics.map((t) => t.slug)).toEqual(['a-fine', 'c-fine']);
    expect(existsSync(path.join(out, 'b-broken-picture'))).toBe(false);
  });
});
