import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-publish-'));
const content = path.join(tmp, 'content');
const shard = (i: number) => path.join(tmp, `shard-${i}`);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const titles: Record<string, string> = {
  hardware: 'Hjælp med borgerens hardware og udstyr',
  personas: 'Fire kolleger, fire slags digital hjælp',
  'private-it': 'Private it-løsninger',
};

interface Manifest {
  topics: { slug: string; source?: string; title: string; pdfs: { path: string; kind: string; pages: number; bytes: number; sha256: string }[] }[];
}

/** Every file and folder under a folder, files with their hash: what "nothing written" is measured against. */
function snapshot(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  return new Map(entries.map((f) => {
    const file = path.join(dir, f);
    return [f, statSync(file).isFile() ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'folder'];
  }));
}

describe('dialogpack publish', () => {
  beforeAll(() => {
    cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
    for (const i of [1, 2]) {
      const run = runCli(['build', content, '--shard', `${i}/2`, '--out', shard(i)]);
      expect(run.code, run.stderr).toBe(0);
    }
  });

  it('merges two shards into one folder: one page listing every topic, one manifest whose hashes match the files', async () => {
    // Each shard's own page holds only its topics: that is what publish is for.
    const pages = [1, 2].map((i) => readFileSync(path.join(shard(i), 'index.html'), 'utf8'));
    expect(Object.values(titles).filter((t) => pages.every((p) => p.includes(t)))).toEqual([]);

    const site = path.join(tmp, 'site');
    const run = runCli(['publish', shard(1), shard(2), '--out', site]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/0 errors, 0 warnings in 3 topics/);
    expect(run.stderr).not.toMatch(stackFrame);

    const manifest = JSON.parse(readFileSync(path.join(site, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.topics.map((t) => t.slug)).toEqual(['hardware', 'personas', 'private-it']);
    const html = readFileSync(path.join(site, 'index.html'), 'utf8');
    let pdfs = 0;
    for (const topic of manifest.topics) {
      expect(topic.title).toBe(titles[topic.slug]);
      expect(html).toContain(`<h2 id="${topic.slug}">${titles[topic.slug]}</h2>`);
      // Shards and the published folder are siblings here, so the source reads as from a build of it.
      expect(topic.source).toBe(`../content/${topic.slug}`);
      for (const pdf of topic.pdfs) {
        const bytes = readFileSync(path.join(site, pdf.path));
        expect(pdf.sha256, pdf.path).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(pdf.bytes, pdf.path).toBe(bytes.length);
        expect(html).toContain(`href="${pdf.path}"`);
        const read = await readPdf(new Uint8Array(bytes));
        expect(read.pages.length, pdf.path).toBe(pdf.pages);
        if (pdf.kind === 'pack') expect(read.text.replace(/\s+/g, ' ')).toContain(titles[topic.slug]);
        pdfs++;
      }
    }
    expect(pdfs).toBe(13);
    const onDisk = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
    expect(onDisk).toHaveLength(13);
    expect(readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails on a shard PDF changed after its build, naming shard and file, and writes nothing', () => {
    const tampered = path.join(tmp, 'tampered-2');
    cpSync(shard(2), tampered, { recursive: true });
    const file = path.join(tampered, 'personas', 'personas-cards.pdf');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    writeFileSync(file, bytes);

    const fresh = path.join(tmp, 'site-fresh');
    const run = runCli(['publish', shard(1), tampered, '--out', fresh]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/error: shard .*tampered-2: personas\/personas-cards\.pdf does not match its manifest\.json .*\[shard-file-changed\]/);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(existsSync(fresh)).toBe(false);

    // Over an earlier publish, not a byte of it changes and no temporary file is left.
    const site = path.join(tmp, 'site-kept');
    expect(runCli(['publish', shard(1), shard(2), '--out', site]).code).toBe(0);
    const before = snapshot(site);
    const again = runCli(['publish', shard(1), tampered, '--out', site]);
    expect(again.code).toBe(3);
    expect(snapshot(site)).toEqual(before);
  });

  it('fails on a PDF missing from a shard, and writes nothing', () => {
    const partial = path.join(tmp, 'partial-1');
    cpSync(shard(1), partial, { recursive: true });
    rmSync(path.join(partial, 'hardware', 'hardware-handout.pdf'));
    const out = path.join(tmp, 'site-partial');
    const run = runCli(['publish', partial, shard(2), '--out', out]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/partial-1: hardware\/hardware-handout\.pdf is listed in its manifest\.json but missing \[shard-file-missing\]/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a topic that two shards both hold, and writes nothing', () => {
    const copy = path.join(tmp, 'shard-1-again');
    cpSync(shard(1), copy, { recursive: true });
    const out = path.join(tmp, 'site-twice');
    const run = runCli(['publish', shard(1), shard(2), copy, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/topic "hardware" is in both .*shard-1 and .*shard-1-again \[duplicate-topic\]/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder that is not the output of a build, and requires --out', () => {
    const run = runCli(['publish', content, '--out', path.join(tmp, 'site-none')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds no manifest\.json.*\[not-a-shard\]/);
    const noOut = runCli(['publish', shard(1)]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
  });

  it('is listed in --help and has examples of its own', () => {
    expect(runCli(['--help']).stdout).toMatch(/^ {2}publish \[options\] <shards\.\.\.>/m);
    const help = runCli(['publish', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\nExamples:\n {2}dialogpack publish shard-1 shard-2 --out site/);
  });
});
