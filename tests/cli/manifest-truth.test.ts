import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-manifest-truth-'));
const content = path.join(tmp, 'content');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Manifest {
  topics: { slug: string; pdfs: { path: string; bytes: number; sha256: string }[] }[];
}

const manifestOf = (out: string) => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every PDF in out/ is the file the manifest records, and the manifest lists every PDF in out/. */
function expectTrue(out: string): void {
  const listed = manifestOf(out).topics.flatMap((t) => t.pdfs);
  for (const pdf of listed) expect(sha256(path.join(out, pdf.path)), pdf.path).toBe(pdf.sha256);
  const onDisk = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
  expect(onDisk.map((f) => f.split(path.sep).join('/')).sort()).toEqual(listed.map((p) => p.path).sort());
}

function build(out: string, env: NodeJS.ProcessEnv = {}, ...extra: string[]) {
  return runCli(['--json', 'build', content, '--out', out, '--kind', 'handout', ...extra], { env });
}

beforeAll(() => {
  cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
});

describe('out/manifest.json stays true to the files', () => {
  it('after a build stopped while renaming, a PDF of the same size but other bytes is rebuilt, not trusted', () => {
    const out = path.join(tmp, 'renamed');
    const other = path.join(tmp, 'renamed-other');
    expect(build(out, { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(0);
    expect(build(other, { SOURCE_DATE_EPOCH: '1700086400' }).code).toBe(0);
    // What a build of other options leaves when it is killed after renaming one PDF into place and
    // before writing its manifest: that PDF, under the old record, and its journal.
    const name = 'hardware/hardware-handout.pdf';
    const recorded = manifestOf(out).topics.find((t) => t.slug === 'hardware')!.pdfs[0];
    expect(readFileSync(path.join(other, name)).length).toBe(recorded.bytes);
    expect(sha256(path.join(other, name))).not.toBe(recorded.sha256);
    copyFileSync(path.join(other, name), path.join(out, name));
    writeFileSync(path.join(out, '.dialogpack-journal'), '');
    const run = build(out, { SOURCE_DATE_EPOCH: '1700000000' });
    expect(run.code, run.stderr).toBe(0);
    const statuses = Object.fromEntries((JSON.parse(run.stdout).topics as { slug: string; status: string }[]).map((t) => [t.slug, t.status]));
    expect(statuses).toEqual({ hardware: 'built', personas: 'unchanged', 'private-it': 'unchanged' });
    expectTrue(out);
    expect(sha256(path.join(out, name))).toBe(recorded.sha256);
    expect(existsSync(path.join(out, '.dialogpack-journal'))).toBe(false);
  });

  it('a PDF that is not the recorded one is dropped from the record even when its topic fails to rebuild', () => {
    const out = path.join(tmp, 'failing');
    expect(build(out, { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(0);
    const name = 'personas/personas-handout.pdf';
    writeFileSync(path.join(out, name), Buffer.alloc(readFileSync(path.join(out, name)).length, 1));
    writeFileSync(path.join(out, '.dialogpack-journal'), '');
    const broken = path.join(content, 'personas/topic.yaml');
    const yaml = readFileSync(broken, 'utf8');
    try {
      writeFileSync(broken, `${yaml}\nnot-a-key: 1\n`);
      const run = build(out, { SOURCE_DATE_EPOCH: '1700000000' });
      expect(run.code).toBe(1);
      expectTrue(out);
      expect(existsSync(path.join(out, name))).toBe(false);
    } finally {
      writeFileSync(broken, yaml);
    }
  });

  it('a damaged manifest is treated as none: the build succeeds and writes a true one', () => {
    for (const [name, text] of damaged) {
      const out = path.join(tmp, `damaged-${name.replace(/\W+/g, '-')}`);
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'manifest.json'), text);
      const run = build(out);
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stderr).not.toMatch(stackFrame);
      expectTrue(out);
      expect(manifestOf(out).topics.map((t) => t.slug)).toEqual(['hardware', 'personas', 'private-it']);
    }
  }, 60_000);

  const damaged = [
    ['topics without pdfs', '{"topics":[{"slug":"hardware"}]}'],
    ['a topic with a pdf of no hash', '{"tool":"dialogpack","version":"0","topics":[{"slug":"hardware","title":"x","participants":{"min":1,"max":2},"duration":1,"inputHash":"x","warnings":[],"pdfs":[{"path":"hardware/hardware-handout.pdf"}]}]}'],
    ['a pdf outside the folder', '{"tool":"dialogpack","version":"0","topics":[{"slug":"hardware","title":"x","participants":{"min":1,"max":2},"duration":1,"inputHash":"x","warnings":[],"pdfs":[{"path":"../../etc/passwd","kind":"pack","pages":1,"bytes":1,"sha256":"0000000000000000000000000000000000000000000000000000000000000000"}]}]}'],
    ['not JSON', '{"topics": ['],
    ['null', 'null'],
  ];

  it('temporary files a killed writer left are removed at the start of the next build; others are not', () => {
    const out = path.join(tmp, 'temporaries');
    expect(build(out).code).toBe(0);
    const left = ['.manifest.json.4242.tmp', 'hardware/.hardware-handout.pdf.4242.tmp', 'personas/.personas-handout.pdf.17.tmp'];
    for (const file of left) writeFileSync(path.join(out, file), 'half');
    const mine = ['noter.tmp', 'hardware/.noter.tmp'];
    for (const file of mine) writeFileSync(path.join(out, file), 'mine');
    const run = build(out);
    expect(run.code, run.stderr).toBe(0);
    for (const file of left) expect(existsSync(path.join(out, file)), file).toBe(false);
    for (const file of mine) expect(readFileSync(path.join(out, file), 'utf8'), file).toBe('mine');
  });
});

describe('the lock on the output folder', () => {
  it('is taken over from a build that is gone (kill -9), and released after the build', () => {
    const out = path.join(tmp, 'stale-lock');
    mkdirSync(out, { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path.join(out, '.dialogpack.lock'), JSON.stringify({ pid: Number(gone.stdout), host: os.hostname(), since: '2020-01-01T00:00:00.000Z' }));
    const run = build(out);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(out, '.dialogpack.lock'))).toBe(false);
    expectTrue(out);
  });

  it('held by a running build, makes a second build wait, then fail with exit 3 and write nothing', () => {
    const out = path.join(tmp, 'held-lock');
    expect(build(out).code).toBe(0);
    const before = readFileSync(path.join(out, 'manifest.json'));
    // This test's own process runs: its lock is live.
    writeFileSync(path.join(out, '.dialogpack.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), since: '2026-01-01T10:00:00.000Z' }));
    const started = performance.now();
    const run = runCli(['build', content, '--out', out, '--kind', 'pack', '--force']);
    expect(run.code, run.stderr).toBe(3);
    expect(performance.now() - started).toBeGreaterThan(2500);
    expect(run.stderr).toMatch(new RegExp(`^${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: error: another dialogpack build \\(process ${process.pid}, started 2026-01-01T10:00:00.000Z\\) is writing to .* \\[out-busy\\]$`, 'm'));
    expect(run.stderr).toContain('hint: run one build at a time into a folder, or give each its own --out; if no build is running, remove');
    expect(readFileSync(path.join(out, 'manifest.json')).equals(before)).toBe(true);
    expect(readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('-pack.pdf'))).toEqual([]);
    rmSync(path.join(out, '.dialogpack.lock'));
  });

  it('lets only one of two builds started at once into one folder write; the folder stays true', async () => {
    const out = path.join(tmp, 'two-at-once');
    // Nine topics, every kind: the first build takes much longer than the second waits.
    const nine = path.join(tmp, 'nine');
    for (const copy of ['a', 'b', 'c']) for (const topic of ['hardware', 'personas', 'private-it']) cpSync(path.join(content, topic), path.join(nine, `${copy}-${topic}`), { recursive: true });
    const start = (epoch: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'build', nine, '--out', out, '--jobs', '1'], {
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, SOURCE_DATE_EPOCH: epoch },
        });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const [first, second] = await Promise.all([start('1700000000'), start('1700086400')]);
    // The lock serialises them: the second either waits out the first (on a quiet machine nine topics
    // take less than the 3 s it waits; both then exit 0, one after the other) or gives up with out-busy.
    // Never both writing at once: each exit is 0 or 3, at least one wrote, and the folder is true.
    const both = `${first.stderr}\n${second.stderr}`;
    for (const run of [first, second]) {
      expect([0, 3], both).toContain(run.code);
      if (run.code === 3) expect(run.stderr).toContain('[out-busy]');
    }
    expect([first.code, second.code], both).toContain(0);
    expectTrue(out);
    expect(manifestOf(out).topics).toHaveLength(9);
  }, 60_000);
});
