/**
 * The editor's loop, end to end through the real CLI: `new` scaffolds a topic that checks and builds at
 * once, `check` writes nothing, `list` shows the bundled topics, `schema` is the JSON Schema the checker's
 * zod schema implies, and `watch` rebuilds on save. Everything that writes works in a temporary folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot, referenceTopic, basicBadFixtures } from '../helpers/build-fixture.js';
import { compileTopicSchema } from '../helpers/topic-schema-validator.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli, stackFrame, type CliRun } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-editor-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bundled = ['hardware', 'personas', 'private-it'];

/** Every file under a folder with its size and modification time, to prove a command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const info = statSync(path.join(dir, rel));
    files[rel] = info.isDirectory() ? 'dir' : `${info.size}:${info.mtimeMs}`;
  }
  return files;
}

function pdfsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).sort();
}

describe('dialogpack new', () => {
  it('scaffolds a topic that checks without a warning and builds at once', () => {
    const cwd = path.join(tmp, 'new-ok');
    mkdirSync(cwd);
    const created = runCli(['new', 'min-dialog'], { cwd });
    expect(created.code, created.stderr).toBe(0);
    const dir = path.join(cwd, 'content', 'min-dialog');
    expect(readdirSync(dir).sort()).toEqual(['case.md', 'purpose.md', 'topic.yaml']);
    expect(created.stderr).toContain('dialogpack check content/min-dialog');

    const check = runCli(['check', 'content/min-dialog', '--strict'], { cwd });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/0 errors, 0 warnings in 1 topic/);
    for (const participants of ['4', '16']) {
      const tailored = runCli(['check', 'content/min-dialog', '--strict', '--participants', participants], { cwd });
      expect(tailored.code, tailored.stderr).toBe(0);
    }

    const build = runCli(['build', 'content/min-dialog', '--participants', '12'], { cwd });
    expect(build.code, build.stderr).toBe(0);
    expect(pdfsUnder(path.join(cwd, 'out'))).toEqual(
      ['facilitator', 'flipchart', 'handout', 'pack'].map((kind) => path.join('min-dialog', `min-dialog-${kind}.pdf`)),
    );
  });

  it("points the editor's YAML tooling at a schema copy in the content root, which moves with the content", () => {
    const cwd = path.join(tmp, 'new-schema');
    mkdirSync(cwd);
    expect(runCli(['new', 'med-skema', '--dir', 'emner/dialoger'], { cwd }).code).toBe(0);
    const dir = path.join(cwd, 'emner', 'dialoger', 'med-skema');
    const firstLine = readFileSync(path.join(dir, 'topic.yaml'), 'utf8').split('\n')[0];
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine);
    expect(match, firstLine).not.toBeNull();
    expect(match![1]).toBe('../topic.schema.json');
    const copy = path.resolve(dir, match![1]);
    expect(copy).toBe(path.join(cwd, 'emner', 'dialoger', 'topic.schema.json'));
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(path.join(repoRoot, 'schema', 'topic.schema.json'), 'utf8'));

    // Copied to another machine (another folder), the pointer still resolves: nothing in it names where dialogpack lives.
    const moved = path.join(tmp, 'elsewhere');
    cpSync(path.join(cwd, 'emner'), moved, { recursive: true });
    expect(existsSync(path.resolve(moved, 'dialoger', 'med-skema', match![1]))).toBe(true);
  });

  it('writes starter files in Danish that validate against the schema', () => {
    const cwd = path.join(tmp, 'new-danish');
    mkdirSync(cwd);
    expect(runCli(['new', 'dansk', '--dir', '.'], { cwd }).code).toBe(0);
    const dir = path.join(cwd, 'dansk');
    expect(readFileSync(path.join(dir, 'purpose.md'), 'utf8')).toMatch(/formål/i);
    expect(readFileSync(path.join(dir, 'case.md'), 'utf8')).toMatch(/borger/);
    const validate = compileTopicSchema(JSON.parse(readFileSync(path.join(repoRoot, 'schema/topic.schema.json'), 'utf8')));
    expect(validate(parseYaml(readFileSync(path.join(dir, 'topic.yaml'), 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses a folder that exists, with exit 2, and leaves it untouched', () => {
    const cwd = path.join(tmp, 'new-exists');
    mkdirSync(path.join(cwd, 'content', 'findes'), { recursive: true });
    writeFileSync(path.join(cwd, 'content', 'findes', 'noter.md'), 'Mine noter.\n');
    const before = snapshot(cwd);
    const run = runCli(['new', 'findes'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/content\/findes: error: content\/findes already exists.*\[topic-exists\]/);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(snapshot(cwd)).toEqual(before);
  });

  it.each([['Hjælp-til-MitID', 'hjaelp-til-mitid'], ['to  ord', 'to-ord'], ['slut-', 'slut'], ['a--b', 'a-b']])(
    'refuses the slug %j, with exit 2 and a kebab-case suggestion',
    (slug, suggestion) => {
      const cwd = path.join(tmp, `new-bad-${suggestion}`);
      mkdirSync(cwd);
      const run = runCli(['new', slug], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`the slug "${slug}" is not kebab-case`);
      expect(run.stderr).toContain(`did you mean \`${suggestion}\`?`);
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  it('asks for a slug, with exit 2', () => {
    const run = runCli(['new'], { cwd: tmp });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'slug'/);
  });
});

describe('dialogpack check', () => {
  it('writes nothing, not even the output folder', () => {
    const cwd = path.join(tmp, 'check-nothing');
    mkdirSync(cwd);
    cpSync(path.join(repoRoot, 'content', 'hardware'), path.join(cwd, 'hardware'), { recursive: true });
    const before = snapshot(cwd);
    const run = runCli(['check', 'hardware', '--participants', '14', '--out', 'out'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/0 errors, 0 warnings in 1 topic/);
    expect(run.stderr).not.toMatch(/^wrote /m);
    expect(snapshot(cwd)).toEqual(before);
  });
});

describe('dialogpack list', () => {
  it('shows the bundled topics as aligned text: title, participants, duration, outputs, state', () => {
    const run = runCli(['list']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TOPIC\s+TITLE\s+PARTICIPANTS\s+DURATION\s+OUTPUTS\s+STATUS$/);
    expect(lines).toHaveLength(1 + bundled.length);
    for (const [i, slug] of bundled.entries()) expect(lines[i + 1].startsWith(`content/${slug} `)).toBe(true);
    expect(lines[1]).toMatch(/Hjælp med borgerens hardware og udstyr\s+4–20\s+about 45 min\s+pack, facilitator, handout, flipchart\s+ok$/);
    expect(lines[2]).toMatch(/pack, facilitator, handout, flipchart, cards\s+ok$/);
    for (const column of ['TITLE', 'PARTICIPANTS', 'DURATION', 'OUTPUTS', 'STATUS']) {
      const at = lines[0].indexOf(column);
      for (const line of lines.slice(1)) expect(line[at - 1], `${column} in ${line}`).toBe(' ');
      for (const line of lines.slice(1)) expect(line[at], `${column} in ${line}`).not.toBe(' ');
    }
  });

  it('prints JSON on stdout with --json', () => {
    const run = runCli(['--json', 'list', 'content']);
    expect(run.code, run.stderr).toBe(0);
    const listed = JSON.parse(run.stdout) as { topics: { path: string; slug: string; title: string; participants: unknown; duration: number; outputs: string[]; errors: number; warnings: number }[] };
    expect(listed.topics.map((t) => t.slug)).toEqual(bundled);
    const personas = listed.topics.find((t) => t.slug === 'personas')!;
    expect(personas).toMatchObject({ path: 'content/personas', participants: { min: 4, max: 20 }, duration: 40, errors: 0, warnings: 0 });
    expect(personas.outputs).toContain('cards');
    expect(listed.topics.find((t) => t.slug === 'hardware')!.outputs).not.toContain('cards');
  });

  it('marks a topic with errors and still lists the others', () => {
    const run = runCli(['list', path.join(basicBadFixtures, 'wrong-type'), 'content/hardware']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/wrong-type\s.*1 error$/m);
    expect(run.stdout).toMatch(/^content\/hardware\s.*ok$/m);
    expect(run.stderr).toContain('dialogpack check');
  });

  it('exits 2 on a path that is not there', () => {
    const run = runCli(['list', 'no-such-folder']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no-such-folder: error: no such file or folder.*\[path-not-found\]/);
  });
});

describe('dialogpack schema', () => {
  let run: CliRun;
  let validate: ValidateFunction;
  beforeAll(() => {
    run = runCli(['schema']);
    validate = compileTopicSchema(JSON.parse(run.stdout) as object);
  });
  const topicYaml = (dir: string) => parseYaml(readFileSync(path.join(dir, 'topic.yaml'), 'utf8')) as unknown;

  it('prints exactly the schema kept in schema/topic.schema.json', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout, 'refresh it with: node bin/dialogpack.js schema > schema/topic.schema.json').toBe(
      readFileSync(path.join(repoRoot, 'schema', 'topic.schema.json'), 'utf8'),
    );
  });

  it.each([...bundled.map((slug) => path.join(repoRoot, 'content', slug)), referenceTopic])(
    'accepts %s',
    (dir) => {
      expect(validate(topicYaml(dir)), JSON.stringify(validate.errors, null, 2)).toBe(true);
    },
  );

  it('rejects an unknown key where it is', () => {
    expect(validate(topicYaml(path.join(basicBadFixtures, 'unknown-key')))).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/steps/0', keyword: 'additionalProperties', params: { additionalProperty: 'minuts' } }),
    );
  });

  it('rejects a value of the wrong type where it is', () => {
    expect(validate(topicYaml(path.join(basicBadFixtures, 'wrong-type')))).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain('/steps/0/minutes');
  });
});

describe('dialogpack watch', () => {
  it('rebuilds the topic whose file changed, shows errors and keeps watching, and stops on SIGTERM', async () => {
    const cwd = path.join(tmp, 'watch');
    mkdirSync(cwd);
    cpSync(path.join(repoRoot, 'content', 'hardware'), path.join(cwd, 'content', 'hardware'), { recursive: true });
    cpSync(path.join(repoRoot, 'content', 'private-it'), path.join(cwd, 'content', 'private-it'), { recursive: true });
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'watch', 'content', '--kind', 'pack'], { cwd });
    const watched = new WatchedProcess(child);
    try {
      await watched.waitFor(/watching 2 topics in content for changes/, 30_000);
      const pack = path.join(cwd, 'out', 'hardware', 'hardware-pack.pdf');
      const firstBuilt = statSync(pack).mtimeMs;
      const otherBuilt = statSync(path.join(cwd, 'out', 'private-it', 'private-it-pack.pdf')).mtimeMs;

      let mark = watched.mark();
      const casePath = path.join(cwd, 'content', 'hardware', 'case.md');
      writeFileSync(casePath, `${readFileSync(casePath, 'utf8')}\nEn ny linje, skrevet under watch.\n`);
      const rebuilt = await watched.waitFor(/rebuilt content\/hardware in [\d.]+ s/, 15_000, mark);
      expect(rebuilt).toMatch(/^changed: content\/hardware$/m);
      expect(rebuilt).toMatch(/wrote out\/hardware\/hardware-pack\.pdf/);
      expect(statSync(pack).mtimeMs).toBeGreaterThan(firstBuilt);
      expect(statSync(path.join(cwd, 'out', 'private-it', 'private-it-pack.pdf')).mtimeMs, 'only the changed topic is rebuilt').toBe(otherBuilt);

      mark = watched.mark();
      const topicPath = path.join(cwd, 'content', 'hardware', 'topic.yaml');
      const good = readFileSync(topicPath, 'utf8');
      writeFileSync(topicPath, good.replace('duration: 45', 'duration: fyrre'));
      const failed = await watched.waitFor(/rebuilt content\/hardware/, 15_000, mark);
      expect(failed).toMatch(/topic\.yaml:\d+:\d+: error: .*\[[a-z-]+\]/);
      expect(child.exitCode).toBeNull();

      mark = watched.mark();
      writeFileSync(topicPath, good);
      expect(await watched.waitFor(/rebuilt content\/hardware/, 15_000, mark)).toMatch(/0 errors, 0 warnings in 1 topic/);

      mark = watched.mark();
      child.kill('SIGTERM');
      const [code, signal] = await watched.exited(10_000);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(watched.since(mark)).toMatch(/stopped watching/);
      expect(watched.stderr).not.toMatch(stackFrame);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 90_000);

  it('rebuilds every topic with the new templates when a file in --templates changes', async () => {
    const cwd = path.join(tmp, 'watch-templates');
    mkdirSync(cwd);
    cpSync(path.join(repoRoot, 'content', 'hardware'), path.join(cwd, 'content', 'hardware'), { recursive: true });
    cpSync(path.join(repoRoot, 'content', 'private-it'), path.join(cwd, 'content', 'private-it'), { recursive: true });
    cpSync(path.join(repoRoot, 'templates'), path.join(cwd, 'templates'), { recursive: true });
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'watch', 'content', '--templates', 'templates', '--kind', 'pack'], { cwd });
    const watched = new WatchedProcess(child);
    const packs = ['hardware', 'private-it'].map((slug) => path.join(cwd, 'out', slug, `${slug}-pack.pdf`));
    try {
      await watched.waitFor(/watching 2 topics in content for changes/, 30_000);
      const firstBuilt = packs.map((p) => statSync(p).mtimeMs);

      let mark = watched.mark();
      const template = path.join(cwd, 'templates', 'pack', 'pack.hbs');
      const good = readFileSync(template, 'utf8');
      writeFileSync(template, good.replace('## {{labels.frameQuestions}}', '## Spørgsmål fra den nye skabelon'));
      const rebuilt = await watched.waitFor(/rebuilt content in [\d.]+ s/, 20_000, mark);
      expect(rebuilt).toMatch(/^changed: templates, content$/m);
      expect(rebuilt).toMatch(/0 errors, 0 warnings in 2 topics/);
      packs.forEach((p, i) => expect(statSync(p).mtimeMs, p).toBeGreaterThan(firstBuilt[i]));
      for (const p of packs) expect((await readPdf(readFileSync(p))).text, p).toContain('Spørgsmål fra den nye skabelon');

      mark = watched.mark();
      writeFileSync(template, `${good}\n{{#if topic.title}}\n`);
      const failed = await watched.waitFor(/rebuilt content in [\d.]+ s/, 20_000, mark);
      expect(failed).toMatch(/pack\.hbs:\d+:\d+: error: \{\{#if\}\} is opened here but never closed \[template-error\]/);
      expect(child.exitCode).toBeNull();

      mark = watched.mark();
      child.kill('SIGTERM');
      const [code, signal] = await watched.exited(10_000);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(watched.stderr).not.toMatch(stackFrame);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 90_000);

  it('exits 2 at once when no path names a topic', () => {
    const run = runCli(['watch', 'no-such-folder'], { timeout: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no such file or folder/);
  });
});

describe('dialogpack build', () => {
  it('builds the bundled topics without a warning, even under --strict', () => {
    const run = runCli(['build', 'content', '--strict', '--out', path.join(tmp, 'strict')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^0 errors, 0 warnings in 3 topics$/m);
  });
});

describe('help', () => {
  it.each([[[]], [['build']], [['check']], [['init']], [['new']], [['list']], [['watch']], [['schema']]])('%j --help shows examples', (command) => {
    const run = runCli([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nExamples:\n {2}dialogpack /);
  });

  it('lists every command', () => {
    const run = runCli(['--help']);
    for (const command of ['build', 'check', 'init', 'new', 'publish', 'list', 'watch', 'schema']) expect(run.stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
  });
});

/** A spawned CLI whose stderr a test can wait on, from a mark, within a deadline. */
class WatchedProcess {
  stderr = '';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly child: ChildProcess) {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      this.stderr += chunk;
      for (const listener of this.listeners) listener();
    });
    child.stdout!.resume();
    child.on('exit', () => {
      for (const listener of this.listeners) listener();
    });
  }

  mark(): number {
    return this.stderr.length;
  }

  since(mark: number): string {
    return this.stderr.slice(mark);
  }

  /** Resolves with the stderr since `mark` once it matches; rejects with everything seen at the deadline. */
  waitFor(pattern: RegExp, timeoutMs: number, mark = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const seen = this.since(mark);
        if (pattern.test(seen)) finish(() => resolve(seen));
        else if (this.child.exitCode !== null || this.child.signalCode !== null) finish(() => reject(new Error(`exited before ${pattern}:\n${this.stderr}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; stderr:\n${this.stderr}`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  exited(timeoutMs: number): Promise<[number | null, NodeJS.Signals | null]> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve([this.child.exitCode, this.child.signalCode]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still running ${timeoutMs} ms after the signal; stderr:\n${this.stderr}`)), timeoutMs);
      this.child.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve([code, signal]);
      });
    });
  }
}
