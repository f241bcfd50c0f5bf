/**
 * dialogpack as a user gets it: the tarball `npm pack` makes, installed globally and into an empty
 * folder, run from folders that have nothing to do with this repository. It holds what runs and
 * nothing of the workshop, and every command works from it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-install-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const globalPrefix = path.join(tmp, 'global');
const globalBin = process.platform === 'win32' ? globalPrefix : path.join(globalPrefix, 'bin');

/**
 * `npm test` runs this file with npm's own npm_* variables set (its prefix, the script's package), which
 * would make the npm and npx below act on this repository; a user's shell has none of them.
 */
function userEnv(extraPath?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  env.PATH = [extraPath, path.dirname(process.execPath), ...(process.env.PATH ?? '').split(path.delimiter)].filter(Boolean).join(path.delimiter);
  return env;
}

function run(command: string, args: string[], cwd: string, extraPath?: string) {
  const result = spawnSync(command, args, { cwd, env: userEnv(extraPath), encoding: 'utf8', timeout: 240_000 });
  return { code: result.status, stdout: result.stdout, stderr: `${result.stderr}${result.error ? String(result.error) : ''}` };
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const info = statSync(path.join(dir, entry));
    if (info.isFile()) total += info.size;
  }
  return total;
}

let tarball: string;
let packed: string[];

beforeAll(() => {
  // `npm test` has just bundled dist/ (pretest); packing again with scripts would only rebuild it.
  expect(existsSync(path.join(repoRoot, 'dist', 'cli', 'dialogpack.cjs')), 'run npm run build first').toBe(true);
  const json = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: repoRoot, env: userEnv(), encoding: 'utf8' });
  const [info] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, info.filename);
  packed = info.files.map((f) => f.path);
}, 120_000);

describe('the package', () => {
  it('holds what runs, and none of tests/, src/, .ci/ or content/', () => {
    for (const file of ['bin/dialogpack.js', 'dist/cli/dialogpack.cjs', 'dist/cli/load-bundle.cjs', 'dist/THIRD-PARTY-LICENSES.txt', 'schema/topic.schema.json', 'templates/theme.yaml', 'docs/authoring.md', 'LICENSE', 'README.md']) {
      expect(packed, file).toContain(file);
    }
    expect(packed.filter((f) => f.startsWith('dist/fonts/') && f.endsWith('.woff')).length).toBeGreaterThan(60);
    expect(packed.filter((f) => /^(tests|src|\.ci|content|scripts)\//.test(f))).toEqual([]);
    expect(packed.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('installs globally, under 40 MB, and every command works from an unrelated folder', async () => {
    const install = run('npm', ['install', '-g', '--prefix', globalPrefix, tarball, '--no-audit', '--no-fund', '--prefer-offline'], tmp);
    expect(install.code, install.stderr).toBe(0);
    const installed = path.join(globalPrefix, 'lib', 'node_modules');
    expect(sizeOf(installed)).toBeLessThan(40 * 1024 * 1024);
    // Only PDFKit, fontkit and svg-to-pdfkit with what they need: the rest is inside the bundle.
    expect(readdirSync(path.join(installed, 'dialogpack', 'node_modules')).length).toBeLessThan(30);

    const work = path.join(tmp, 'kommune');
    mkdirSync(work);
    const dialogpack = (...args: string[]) => run('dialogpack', args, work, globalBin);
    const shown = dialogpack('--version');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.trim()).toBe(version);

    for (const args of [['init'], ['new', 'andet-emne'], ['check', '--strict'], ['build']]) {
      const step = dialogpack(...args);
      expect(step.code, `dialogpack ${args.join(' ')}: ${step.stderr}`).toBe(0);
    }
    const pack = await readPdf(readFileSync(path.join(work, 'out', 'andet-emne', 'andet-emne-pack.pdf')));
    expect(pack.text).toContain('Andet emne');
    expect(pack.pages.length).toBeGreaterThan(1);
    const first = await readPdf(readFileSync(path.join(work, 'out', 'mit-foerste-emne', 'mit-foerste-emne-facilitator.pdf')));
    expect(first.text).toContain('Mit foerste emne');
  }, 300_000);

  it('installs into a content folder, where npx dialogpack builds', async () => {
    const folder = path.join(tmp, 'indhold');
    mkdirSync(folder);
    const install = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], folder);
    expect(install.code, install.stderr).toBe(0);
    for (const args of [['init'], ['build']]) {
      const step = run('npx', ['dialogpack', ...args], folder);
      expect(step.code, `npx dialogpack ${args.join(' ')}: ${step.stderr}`).toBe(0);
    }
    const pack = await readPdf(readFileSync(path.join(folder, 'out', 'mit-foerste-emne', 'mit-foerste-emne-pack.pdf')));
    expect(pack.text).toContain('Mit foerste emne');
  }, 300_000);
});
