/**
 * Hostile topic folders, end to end through `dialogpack build` and `check`: load reads topic.yaml, then
 * only the files it names (and the pictures their markdown shows). A pipe, a draft no one names or a
 * thousand spare files cannot hang or mislead the build; a file named thousands of times is one error.
 * The folders are made here in a temporary folder: a pipe and a thousand files cannot live in git.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { topicLimits } from '../../src/load/load-topic.js';
import { repoRoot } from '../helpers/build-fixture.js';
import { stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-hostile-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function topic(name: string, yamlExtra = '', files: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'topic.yaml'),
    `title: En mappe med for meget i\nparticipants: { min: 4, max: 12 }\nduration: 20\npurpose: purpose.md\n${yamlExtra}steps:\n  - title: Trin\n    minutes: 20\n`,
  );
  writeFileSync(path.join(dir, 'purpose.md'), 'Formålet med dialogen.\n');
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

function run(command: 'build' | 'check', dir: string) {
  const out = path.join(tmp, `out-${path.basename(dir)}`);
  const started = performance.now();
  // A pipe that is opened blocks until a writer comes, for ever, and a process stuck in that open does
  // not end on SIGTERM: the time-out kills it, so a hang fails the test instead of stalling it.
  const args = command === 'build' ? ['build', dir, '--out', out, '--kind', 'pack'] : ['check', dir];
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000, out };
}

const pdfs = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')) : []);
const fifo = (file: string) => execFileSync('mkfifo', [file]);

describe.skipIf(process.platform === 'win32')('special files in a topic folder', () => {
  it('builds a topic beside a pipe named notes.md that nothing names, without opening it', () => {
    const dir = topic('fifo-unnamed');
    fifo(path.join(dir, 'notes.md'));
    const result = run('build', dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('0 errors, 0 warnings');
    expect(pdfs(result.out)).toHaveLength(1);
    expect(result.seconds).toBeLessThan(20);
  });

  it('refuses a pipe that topic.yaml names as a card, unread, at the line that names it', () => {
    const dir = topic('fifo-named', 'cards:\n  - kort.md\n');
    fifo(path.join(dir, 'kort.md'));
    const result = run('build', dir);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(stackFrame);
    expect(result.stderr).toContain(`${path.join(dir, 'topic.yaml')}:6:5: error: \`kort.md\` is not an ordinary file (it is a pipe, a device or a socket), so it is not read [file-not-a-file]`);
    expect(pdfs(result.out)).toEqual([]);
  });
});

describe('files no one names, and files named too often', () => {
  it('does not read or parse a markdown file that topic.yaml does not name', () => {
    // Broken front matter in a draft used to fail the topic that never shows it.
    const dir = topic('unnamed-draft', '', { 'udkast.md': '---\nname: [ikke lukket\n---\nKladde.\n' });
    const result = run('check', dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('0 errors, 0 warnings');
  });

  it('reports a folder of 1 000 card files past the limit as too many files, not as a missing topic.yaml', () => {
    const dir = topic('many-files', 'cards:\n  - kort/k0000.md\n');
    mkdirSync(path.join(dir, 'kort'));
    for (let i = 0; i < 1000; i++) writeFileSync(path.join(dir, 'kort', `k${String(i).padStart(4, '0')}.md`), `---\nname: Kort ${i}\n---\n\nTekst.\n`);
    const result = run('build', dir);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'topic.yaml')}:1:1: error: ${dir} holds more than ${topicLimits.maxFiles} files and folders, more than a topic may have [too-many-files]`);
    expect(result.stderr).not.toContain('no-topic-yaml');
  });

  it('refuses one card file named 4 000 times with one error per rule, not one per entry (all outputs of it ran for minutes)', () => {
    const dir = topic('card-4000', `cards:\n${'  - kort.md\n'.repeat(4000)}`, { 'kort.md': '---\nname: Kasper\n---\n\nTekst på kortet.\n' });
    const result = run('build', dir);
    expect(result.code, result.stderr).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.includes(': error: '));
    // The repetition, once, at the first repeat; and the list's length, at the entry past the 50 a topic may have.
    expect(errors).toEqual([
      `${path.join(dir, 'topic.yaml')}:7:5: error: \`kort.md\` is named again; cards[0] on line 6 already prints it [file-named-twice]`,
      `${path.join(dir, 'topic.yaml')}:56:5: error: \`cards\` has 4000 entries; a topic may have at most 50, and this is number 51 [too-many-entries]`,
    ]);
    expect(result.seconds).toBeLessThan(20);
  });

  it('refuses the purpose file named again as a section', () => {
    const dir = topic('purpose-twice', 'sections:\n  - { title: Igen, file: purpose.md }\n');
    const result = run('check', dir);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('`purpose.md` is named again; purpose on line 4 already prints it [file-named-twice]');
  });
});
