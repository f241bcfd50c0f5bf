import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { referenceTopic } from '../helpers/build-fixture.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-repro-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pdfs(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).sort();
  return new Map(files.map((f) => [f, readFileSync(path.join(dir, f))]));
}

describe('reproducible builds', () => {
  it('two builds in separate processes give byte-identical PDFs', () => {
    const args = ['build', referenceTopic, '--participants', '14', '--start', '13:00'];
    const a = runCli([...args, '--out', path.join(tmp, 'a')]);
    // A different working directory and time of day must not matter either.
    const b = runCli([...args, '--out', path.join(tmp, 'b')], { cwd: os.tmpdir(), env: { TZ: 'Pacific/Auckland' } });
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const first = pdfs(path.join(tmp, 'a'));
    const second = pdfs(path.join(tmp, 'b'));
    expect([...first.keys()]).toEqual([...second.keys()]);
    expect(first.size).toBe(5);
    for (const [file, bytes] of first) expect(Buffer.compare(bytes, second.get(file)!), file).toBe(0);
  });

  it('worker threads build the same bytes as the main thread, whatever order topics finish in', () => {
    const content = path.resolve('content');
    const inThread = runCli(['build', content, '--jobs', '1', '--out', path.join(tmp, 'jobs-1')]);
    const onWorkers = runCli(['build', content, '--jobs', '2', '--out', path.join(tmp, 'jobs-2')]);
    expect(inThread.code, inThread.stderr).toBe(0);
    expect(onWorkers.code, onWorkers.stderr).toBe(0);
    const first = pdfs(path.join(tmp, 'jobs-1'));
    const second = pdfs(path.join(tmp, 'jobs-2'));
    // Three topics: enough for the pool (it starts at three); every output of each.
    expect(new Set([...first.keys()].map((f) => f.split(path.sep)[0])).size).toBe(3);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, bytes] of first) expect(Buffer.compare(bytes, second.get(file)!), file).toBe(0);
    const manifest = (dir: string) => JSON.parse(readFileSync(path.join(tmp, dir, 'manifest.json'), 'utf8')) as { topics: unknown[] };
    expect(manifest('jobs-2').topics).toEqual(manifest('jobs-1').topics);
  });

  it('SOURCE_DATE_EPOCH sets the dates; without it the topic date is used', () => {
    const dir = referenceTopic;
    runCli(['build', dir, '--kind', 'pack', '--out', path.join(tmp, 'epoch')], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    runCli(['build', dir, '--kind', 'pack', '--out', path.join(tmp, 'topic-date')], { env: { SOURCE_DATE_EPOCH: undefined } });
    const epoch = readFileSync(path.join(tmp, 'epoch/samtykke-og-fuldmagt/samtykke-og-fuldmagt-pack.pdf'), 'latin1');
    const topicDate = readFileSync(path.join(tmp, 'topic-date/samtykke-og-fuldmagt/samtykke-og-fuldmagt-pack.pdf'), 'latin1');
    expect(epoch).toContain('D:20231114221320Z');
    expect(topicDate).toContain('D:20260302120000Z');
  });

  it.each(['99999999999999', '253402300800'])('refuses SOURCE_DATE_EPOCH=%s, past the year a PDF date can hold, as a usage error', (epoch) => {
    const out = path.join(tmp, `epoch-${epoch}`);
    const run = runCli(['build', referenceTopic, '--kind', 'pack', '--out', out], { env: { SOURCE_DATE_EPOCH: epoch } });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`SOURCE_DATE_EPOCH: error: SOURCE_DATE_EPOCH is past the year 9999, which a PDF date cannot hold: "${epoch}" [bad-option]`);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(() => readdirSync(out)).toThrow();
  });

  it('takes the last second of 9999 as a date', () => {
    const run = runCli(['build', referenceTopic, '--kind', 'pack', '--out', path.join(tmp, 'epoch-max')], { env: { SOURCE_DATE_EPOCH: '253402300799' } });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(tmp, 'epoch-max/samtykke-og-fuldmagt/samtykke-og-fuldmagt-pack.pdf'), 'latin1')).toContain('D:99991231235959Z');
  });
});
