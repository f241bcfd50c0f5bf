import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-out-folder-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file and folder under `dir` with its size and modification time: a write anywhere shows. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f) => {
      const s = statSync(path.join(dir, f));
      return `${f} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`;
    });
}

function workspace(name: string): string {
  const dir = path.join(tmp, name);
  cpSync(path.join(repoRoot, 'content/hardware'), path.join(dir, 'content/hardware'), { recursive: true });
  cpSync(path.join(repoRoot, 'content/personas'), path.join(dir, 'content/personas'), { recursive: true });
  return dir;
}

describe('an output folder that overlaps the sources is refused, and nothing is written', () => {
  const dir = workspace('overlap');
  symlinkSync(path.join(dir, 'content/hardware'), path.join(dir, 'link-to-hardware'));
  it.each([
    ['the topic folder itself', ['content/hardware'], 'content/hardware', 'content/hardware'],
    ['a folder inside the topic folder', ['content/hardware'], 'content/hardware/pdf', 'content/hardware'],
    ['the content root', ['content'], 'content', 'content'],
    ['a new folder inside the content root', ['content'], 'content/out', 'content'],
    ['a topic folder of the root, through ..', ['content'], 'elsewhere/../content/personas/out', 'content'],
    ['a topic folder through a symlink', ['content/hardware'], 'link-to-hardware/out', 'content/hardware'],
    ['a folder that holds the sources', ['content/hardware'], '.', 'content/hardware'],
    ['a folder that holds the sources, through a symlink', ['link-to-hardware'], '.', 'link-to-hardware'],
  ])('--out at %s: exit 2 naming --out and the source', (_case, paths, out, source) => {
    const before = snapshot(dir);
    const run = runCli(['build', ...paths, '--out', out], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^--out: error: the output folder ${out.replace(/\./g, '\\.')} .*${source.replace(/\./g, '\\.')}.* \\[out-overlaps-source\\]$`, 'm'));
    expect(run.stderr).toContain('hint: build into a folder beside the content');
    expect(run.stderr).not.toMatch(stackFrame);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the same for `out:` in dialogpack.yaml, which the message names', () => {
    const config = workspace('config-overlap');
    writeFileSync(path.join(config, 'dialogpack.yaml'), 'out: content/hardware/print\n');
    const before = snapshot(config);
    const run = runCli(['build', 'content'], { cwd: config });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^out: in dialogpack\.yaml: error: the output folder content\/hardware\/print is inside the sources content: .* \[out-overlaps-source\]$/m);
    expect(snapshot(config)).toEqual(before);
    // A folder beside the content still builds, and check, which writes nothing, never minds out:.
    expect(runCli(['check', 'content'], { cwd: config }).code).toBe(0);
    writeFileSync(path.join(config, 'dialogpack.yaml'), 'out: print\n');
    const beside = runCli(['build', 'content/hardware', '--kind', 'handout'], { cwd: config });
    expect(beside.code, beside.stderr).toBe(0);
    expect(existsSync(path.join(config, 'print/hardware/hardware-handout.pdf'))).toBe(true);
  });
});

describe('dialogpack.yaml', () => {
  it('keeps an absolute out: absolute, instead of making it a folder under the working folder', () => {
    const dir = workspace('absolute');
    const target = path.join(tmp, 'absolute-target', 'print');
    writeFileSync(path.join(dir, 'dialogpack.yaml'), `out: ${target}\n`);
    const run = runCli(['build', 'content/hardware', '--kind', 'handout'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(target, 'hardware/hardware-handout.pdf'))).toBe(true);
    expect(existsSync(path.join(dir, target.slice(1)))).toBe(false);
  });
});

describe('topic folder names', () => {
  const dir = path.join(tmp, 'names');
  const hostile = 'javascript:alert(document.domain);<!--';
  mkdirSync(dir);
  const copy = (from: string, to: string) => cpSync(path.join(repoRoot, 'content', from), path.join(dir, to), { recursive: true });
  copy('hardware', 'root-a/Hjælp til MitID');
  copy('hardware', `root-a/${hostile}`);
  copy('hardware', 'root-a/con');
  copy('hardware', 'root-a/hardware');
  copy('private-it', 'root-b/hardware');
  copy('personas', 'root-b/personas');

  it('each bad name is a placed error of its topic, with a hint; the other topics still build', () => {
    const run = runCli(['--json', 'build', 'root-a', 'root-b', '--out', 'out', '--kind', 'handout'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string; rule: string; message: string; hint?: string }[]; topics: { dir: string; status: string }[] };
    const byFile = new Map(report.diagnostics.map((d) => [d.file, d]));
    expect(byFile.get('root-a/Hjælp til MitID')).toMatchObject({ rule: 'bad-slug-folder' });
    expect(byFile.get('root-a/Hjælp til MitID')!.hint).toContain('`hjaelp-til-mitid`');
    expect(byFile.get(`root-a/${hostile}`)).toMatchObject({ rule: 'bad-slug-folder' });
    expect(byFile.get('root-a/con')).toMatchObject({ rule: 'reserved-slug' });
    // Two folders named hardware in two roots would have written the same files: both are refused.
    expect(byFile.get('root-a/hardware')).toMatchObject({ rule: 'duplicate-slug' });
    expect(byFile.get('root-b/hardware')).toMatchObject({ rule: 'duplicate-slug' });
    expect(byFile.get('root-b/hardware')!.message).toContain('root-a/hardware, root-b/hardware');
    expect(Object.fromEntries(report.topics.map((t) => [t.dir, t.status]))).toMatchObject({ 'root-b/personas': 'built' });
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['index.html', 'manifest.json', 'personas']);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/manifest.json'), 'utf8')) as { topics: { slug: string }[] };
    expect(manifest.topics.map((t) => t.slug)).toEqual(['personas']);
    const html = readFileSync(path.join(dir, 'out/index.html'), 'utf8');
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['personas/personas-handout.pdf']);
    expect(html).not.toContain('javascript');
  });

  it('check reports the same', () => {
    const run = runCli(['check', 'root-a'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^root-a\/Hjælp til MitID: error: the folder name "Hjælp til MitID" cannot name the topic's PDFs/m);
  });
});
