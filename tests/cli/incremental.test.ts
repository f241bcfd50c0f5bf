import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-incremental-'));
const content = path.join(tmp, 'content');
const out = path.join(tmp, 'out');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Modification time and inode of every PDF: a rewrite (even of equal bytes) changes them. */
function stamps(): Map<string, string> {
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).sort();
  return new Map(files.map((f) => {
    const s = statSync(path.join(out, f));
    return [f, `${s.mtimeMs}:${s.ino}`];
  }));
}

describe('incremental builds', () => {
  beforeAll(() => {
    cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
    const first = runCli(['build', content, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
  });

  it('a second build with nothing changed rewrites nothing', () => {
    const before = stamps();
    const manifestBefore = statSync(path.join(out, 'manifest.json')).mtimeMs;
    const second = runCli(['build', content, '--out', out], { env: { CI: 'true' } });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/\[3\/3\] \S+: unchanged/);
    expect(second.stderr).not.toMatch(/^wrote /m);
    expect(stamps()).toEqual(before);
    expect(statSync(path.join(out, 'manifest.json')).mtimeMs).toBe(manifestBefore);
  });

  it('changing one topic file rebuilds that topic alone', () => {
    const before = stamps();
    appendFileSync(path.join(content, 'hardware', 'advice.md'), '\nEt nyt råd: tag pauser.\n');
    const run = runCli(['--json', 'build', content, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { topics: { slug: string; status: string }[] };
    expect(Object.fromEntries(summary.topics.map((t) => [t.slug, t.status]))).toEqual({ hardware: 'built', personas: 'unchanged', 'private-it': 'unchanged' });
    const after = stamps();
    for (const [file, stamp] of before) {
      if (file.startsWith('hardware')) expect(after.get(file), file).not.toBe(stamp);
      else expect(after.get(file), file).toBe(stamp);
    }
  });

  it('--force rebuilds everything; a deleted PDF is rebuilt without --force', () => {
    rmSync(path.join(out, 'personas', 'personas-cards.pdf'));
    const run = runCli(['--json', 'build', content, '--out', out]);
    const statuses = Object.fromEntries((JSON.parse(run.stdout).topics as { slug: string; status: string }[]).map((t) => [t.slug, t.status]));
    expect(statuses.personas).toBe('built');
    expect(statuses.hardware).toBe('unchanged');
    expect(existsSync(path.join(out, 'personas', 'personas-cards.pdf'))).toBe(true);
    const forced = runCli(['--json', 'build', content, '--out', out, '--force']);
    expect((JSON.parse(forced.stdout).topics as { status: string }[]).every((t) => t.status === 'built')).toBe(true);
  });

  it('the manifest lists every topic and PDF with hashes that match the files', () => {
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.tool).toBe('dialogpack');
    expect(manifest.topics.map((t: { slug: string }) => t.slug)).toEqual(['hardware', 'personas', 'private-it']);
    let pdfs = 0;
    for (const topic of manifest.topics) {
      expect(topic.title).toBeTruthy();
      expect(topic.participants).toEqual({ min: 4, max: 20 });
      for (const pdf of topic.pdfs) {
        const bytes = readFileSync(path.join(out, pdf.path));
        expect(pdf.bytes).toBe(bytes.length);
        expect(pdf.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(pdf.pages).toBeGreaterThan(0);
        pdfs++;
      }
    }
    expect(pdfs).toBe(13);
  });

  it('--shard i/n splits the topics between jobs without overlap', () => {
    const shares = [1, 2].map((i) => {
      const run = runCli(['--json', 'build', content, '--out', path.join(tmp, `shard-${i}`), '--shard', `${i}/2`]);
      return (JSON.parse(run.stdout).topics as { slug: string }[]).map((t) => t.slug);
    });
    expect([...shares[0], ...shares[1]].sort()).toEqual(['hardware', 'personas', 'private-it']);
    expect(shares[0].filter((s) => shares[1].includes(s))).toEqual([]);
  });
});
