import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-stale-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Manifest {
  topics: { slug: string; source?: string; pdfs: { path: string; kind: string; pages: number }[] }[];
}

/** A copy of content/ built into its own out/, so each test starts from a finished build. */
function built(name: string): { content: string; out: string } {
  const content = path.join(tmp, name, 'content');
  const out = path.join(tmp, name, 'out');
  cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
  const run = runCli(['build', content, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  return { content, out };
}

function manifestOf(out: string): Manifest {
  return JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')).sort();
}

function statuses(stdout: string): Record<string, string> {
  return Object.fromEntries((JSON.parse(stdout).topics as { slug: string; status: string }[]).map((t) => [t.slug, t.status]));
}

describe('a build leaves out/ true to the content', () => {
  it('a topic removed from its content root leaves no trace in manifest.json, index.html or out/', () => {
    const { content, out } = built('removed');
    expect(manifestOf(out).topics.map((t) => t.source)).toEqual(['../content/hardware', '../content/personas', '../content/private-it']);
    rmSync(path.join(content, 'private-it'), { recursive: true });
    const run = runCli(['--json', 'build', content, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    // Nothing was rebuilt, and still the manifest and the page were rewritten.
    expect(statuses(run.stdout)).toEqual({ hardware: 'unchanged', personas: 'unchanged' });
    expect(JSON.parse(run.stdout).removed).toHaveLength(4);
    expect(manifestOf(out).topics.map((t) => t.slug)).toEqual(['hardware', 'personas']);
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('private-it');
    expect(html).not.toContain('Private it-løsninger');
    expect(filesUnder(out).filter((f) => f.includes('private-it'))).toEqual([]);
  });

  it('a rebuild with --kind pack leaves only the pack of each topic, on disk and in the record', async () => {
    const { content, out } = built('pack');
    const run = runCli(['build', content, '--out', out, '--kind', 'pack'], { env: { CI: 'true' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^removed .*hardware-flipchart\.pdf$/m);
    expect(filesUnder(out).filter((f) => f.endsWith('.pdf'))).toEqual(['hardware/hardware-pack.pdf', 'personas/personas-pack.pdf', 'private-it/private-it-pack.pdf']);
    const manifest = manifestOf(out);
    expect(manifest.topics.flatMap((t) => t.pdfs.map((p) => p.kind))).toEqual(['pack', 'pack', 'pack']);
    const html = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual(manifest.topics.map((t) => t.pdfs[0].path));
    for (const pdf of manifest.topics.map((t) => t.pdfs[0])) {
      expect((await readPdf(new Uint8Array(readFileSync(path.join(out, pdf.path))))).pages).toHaveLength(pdf.pages);
    }
  });

  it('never deletes a file the user put in out/, nor the folder that holds it', () => {
    const { content, out } = built('user-files');
    const mine = {
      'noter.txt': 'mine',
      'private-it/egne-noter.txt': 'mine',
      // Named as dialogpack would name it, but no manifest lists it (the topic has no cards).
      'hardware/hardware-cards.pdf': '%PDF- not ours',
      'arkiv/gammel-pack.pdf': '%PDF- not ours',
    };
    mkdirSync(path.join(out, 'arkiv'));
    for (const [file, text] of Object.entries(mine)) writeFileSync(path.join(out, file), text);
    rmSync(path.join(content, 'private-it'), { recursive: true });
    expect(runCli(['build', content, '--out', out, '--kind', 'pack']).code).toBe(0);
    for (const [file, text] of Object.entries(mine)) expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(text);
    // In the same run, what dialogpack wrote and no longer makes went, beside the user's files.
    expect(filesUnder(path.join(out, 'private-it'))).toEqual(['egne-noter.txt']);
    expect(filesUnder(path.join(out, 'hardware'))).toEqual(['hardware-cards.pdf', 'hardware-pack.pdf']);
    expect(existsSync(path.join(out, 'arkiv'))).toBe(true);
  });

  it('keeps a topic whose manifest entry has no source, as an earlier version wrote it', () => {
    const { content, out } = built('kept');
    const manifest = manifestOf(out);
    delete manifest.topics.find((t) => t.slug === 'personas')!.source;
    writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(path.join(content, 'personas'), { recursive: true });
    rmSync(path.join(content, 'private-it'), { recursive: true });
    const run = runCli(['--json', 'build', content, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).removed).toEqual([`${out}/private-it/private-it-pack.pdf`, `${out}/private-it/private-it-facilitator.pdf`, `${out}/private-it/private-it-handout.pdf`, `${out}/private-it/private-it-flipchart.pdf`]);
    expect(manifestOf(out).topics.map((t) => t.slug)).toEqual(['hardware', 'personas']);
    expect(filesUnder(path.join(out, 'personas')).filter((f) => f.endsWith('.pdf'))).toHaveLength(5);
  });

  it('under --shard keeps only its own share, so cached shard folders still publish after a topic is added', () => {
    const content = path.join(tmp, 'sharded', 'content');
    const shard = (i: number) => path.join(tmp, 'sharded', `shard-${i}`);
    cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
    const build = (i: number) => {
      const run = runCli(['--json', 'build', content, '--shard', `${i}/2`, '--out', shard(i)]);
      expect(run.code, run.stderr).toBe(0);
      return run;
    };
    build(1);
    build(2);
    expect(manifestOf(shard(1)).topics.map((t) => t.slug)).toEqual(['hardware', 'private-it']);
    // A new topic sorts first and moves every other topic to the other share.
    cpSync(path.join(content, 'personas'), path.join(content, 'aaa-ny'), { recursive: true });
    const first = build(1);
    expect(statuses(first.stdout)).toEqual({ 'aaa-ny': 'built', personas: 'built' });
    expect(manifestOf(shard(1)).topics.map((t) => t.slug)).toEqual(['aaa-ny', 'personas']);
    expect(filesUnder(shard(1)).filter((f) => f.endsWith('.pdf') && !/^(aaa-ny|personas)\//.test(f))).toEqual([]);
    build(2);
    expect(manifestOf(shard(2)).topics.map((t) => t.slug)).toEqual(['hardware', 'private-it']);
    const site = path.join(tmp, 'sharded', 'site');
    const published = runCli(['publish', shard(1), shard(2), '--out', site]);
    expect(published.code, published.stderr).toBe(0);
    expect(manifestOf(site).topics.map((t) => t.slug)).toEqual(['aaa-ny', 'hardware', 'personas', 'private-it']);
  });
});
