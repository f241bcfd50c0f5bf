import { appendFileSync, copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli } from '../helpers/run-cli.js';

/*
 * A no-op build checks the files each topic's previous build recorded as used (out/manifest.json,
 * `inputs`) instead of parsing the topic again. These are the changes it must still see.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-recorded-'));
const content = path.join(tmp, 'content');
const images = path.join(content, 'images');
const out = path.join(tmp, 'out');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Entry {
  slug: string;
  inputHash: string;
  inputs?: { files: string[]; listing: string };
}

const manifestPath = path.join(out, 'manifest.json');
const manifest = () => JSON.parse(readFileSync(manifestPath, 'utf8')) as { topics: Entry[] };
const entry = (slug: string) => manifest().topics.find((t) => t.slug === slug)!;

function build(...extra: string[]): Record<string, string> {
  const run = runCli(['--json', 'build', content, '--out', out, '--kind', 'pack', ...extra]);
  expect(run.code, run.stderr).toBe(0);
  const summary = JSON.parse(run.stdout) as { topics: { slug: string; status: string }[] };
  return Object.fromEntries(summary.topics.map((t) => [t.slug, t.status]));
}

/** Modification time and inode of every PDF: a rewrite (even of equal bytes) changes them. */
function stamps(): Map<string, string> {
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).sort();
  return new Map(files.map((f) => {
    const s = statSync(path.join(out, f));
    return [f, `${s.mtimeMs}:${s.ino}`];
  }));
}

describe('a no-op build from the files the manifest records', () => {
  beforeAll(() => {
    cpSync(path.join(repoRoot, 'tests/fixtures/images'), images, { recursive: true });
    cpSync(path.join(repoRoot, 'content/hardware'), path.join(content, 'hardware'), { recursive: true });
    // In the folder, named by nothing: never read, so never recorded.
    writeFileSync(path.join(images, 'udkast.md'), '# Et udkast\n');
    expect(build()).toEqual({ hardware: 'built', images: 'built' });
  });

  it('records the files each topic used, pictures too, in the order they were read, and not the others', () => {
    const { inputs } = entry('images');
    expect(inputs?.files[0]).toBe('topic.yaml');
    expect([...inputs!.files].sort()).toEqual(['billeder/forloeb.svg', 'billeder/side.jpg', 'billeder/skaerm.png', 'kort/lene.md', 'purpose.md', 'topic.yaml', 'vejledning/vejledning.md']);
    expect(inputs!.listing).toMatch(/^[0-9a-f]{64}$/);
    expect(entry('hardware').inputs?.files).toContain('purpose.md');
  });

  it('takes nothing changed as unchanged and rewrites nothing', () => {
    const before = stamps();
    const manifestBefore = statSync(manifestPath).mtimeMs;
    expect(build()).toEqual({ hardware: 'unchanged', images: 'unchanged' });
    expect(stamps()).toEqual(before);
    expect(statSync(manifestPath).mtimeMs).toBe(manifestBefore);
  });

  it('rebuilds a topic whose picture was edited, even to the same size and modification time', () => {
    const svg = path.join(images, 'billeder', 'forloeb.svg');
    const { mtime, atime } = statSync(svg);
    const text = readFileSync(svg, 'utf8');
    expect(text).toContain('#105e6e');
    writeFileSync(svg, text.replace('#105e6e', '#6e1010'));
    utimesSync(svg, atime, mtime);
    expect(build()).toEqual({ hardware: 'unchanged', images: 'built' });
    expect(build()).toEqual({ hardware: 'unchanged', images: 'unchanged' });
  });

  it('rebuilds a topic whose text names a new picture, and records the picture', () => {
    copyFileSync(path.join(images, 'billeder', 'skaerm.png'), path.join(images, 'billeder', 'ny.png'));
    appendFileSync(path.join(images, 'vejledning', 'vejledning.md'), '\n![Det samme skærmbillede igen](../billeder/ny.png)\n');
    expect(build()).toEqual({ hardware: 'unchanged', images: 'built' });
    expect(entry('images').inputs?.files).toContain('billeder/ny.png');
    const png = path.join(images, 'billeder', 'ny.png');
    const bytes = readFileSync(png);
    // A PNG ends with its IEND chunk; bytes after it change the file, not the picture.
    writeFileSync(png, Buffer.concat([bytes, Buffer.from('ekstra')]));
    expect(build()).toEqual({ hardware: 'unchanged', images: 'built' });
  });

  it('a file added that nothing names leaves the topic unchanged, and the new listing is recorded', () => {
    const before = entry('images').inputs!;
    const stampsBefore = stamps();
    writeFileSync(path.join(images, 'noter.md'), '# Noter\n');
    expect(build()).toEqual({ hardware: 'unchanged', images: 'unchanged' });
    expect(stamps()).toEqual(stampsBefore);
    const after = entry('images').inputs!;
    expect(after.files).toEqual(before.files);
    expect(after.listing).not.toBe(before.listing);
    const manifestBefore = statSync(manifestPath).mtimeMs;
    expect(build()).toEqual({ hardware: 'unchanged', images: 'unchanged' });
    expect(statSync(manifestPath).mtimeMs).toBe(manifestBefore);
  });

  it('a manifest of an older version, without the record, is fingerprinted in full: unchanged stays unchanged, and the record is added', () => {
    const old = manifest();
    for (const topic of old.topics) delete topic.inputs;
    writeFileSync(manifestPath, `${JSON.stringify(old, null, 2)}\n`);
    const before = stamps();
    expect(build()).toEqual({ hardware: 'unchanged', images: 'unchanged' });
    expect(stamps()).toEqual(before);
    expect(entry('images').inputs?.files).toContain('billeder/forloeb.svg');
  });

  it('a manifest of an older version still sees an edited picture', () => {
    const old = manifest();
    for (const topic of old.topics) delete topic.inputs;
    writeFileSync(manifestPath, `${JSON.stringify(old, null, 2)}\n`);
    const svg = path.join(images, 'billeder', 'forloeb.svg');
    writeFileSync(svg, readFileSync(svg, 'utf8').replace('#6e1010', '#106e10'));
    expect(build()).toEqual({ hardware: 'unchanged', images: 'built' });
  });

  it('a record that leaves out a file the topic uses never makes it unchanged', () => {
    const edited = manifest();
    const images = edited.topics.find((t) => t.slug === 'images')!;
    images.inputs!.files = images.inputs!.files.filter((f) => f !== 'billeder/forloeb.svg');
    writeFileSync(manifestPath, `${JSON.stringify(edited, null, 2)}\n`);
    expect(build()).toEqual({ hardware: 'unchanged', images: 'built' });
  });

  it('another option rebuilds every topic', () => {
    expect(build('--participants', '14')).toEqual({ hardware: 'built', images: 'built' });
  });
});
