import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, testFixtures } from '../helpers/build-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-interrupt-'));
const content = path.join(tmp, 'content');
const out = path.join(tmp, 'out');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pdfBytes(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).sort();
  return new Map(files.map((f) => [f, readFileSync(path.join(dir, f))]));
}

function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));
}

/** Starts a build and sends `signal` after `delay` ms; resolves with the exit code and signal. */
function interrupted(args: string[], signal: NodeJS.Signals, delay: number): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(signal), delay);
    child.on('exit', (code, sig) => {
      clearTimeout(timer);
      resolve({ code, signal: sig });
    });
  });
}

describe('an interrupted build', () => {
  let old: Map<string, Buffer>;
  let fresh: Map<string, Buffer>;
  /** How long a whole forced build takes here, so the kills land before, during and late in it. */
  let full = 0;
  const mixed: string[] = [];

  beforeAll(() => {
    cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
    cpSync(path.join(testFixtures, 'long-content'), path.join(content, 'long-content'), { recursive: true });
    expect(runCli(['build', content, '--out', out, '--participants', '8']).code).toBe(0);
    old = pdfBytes(out);
    // What a finished build with other options writes: every file must end up as one or the other.
    const started = Date.now();
    expect(runCli(['build', content, '--out', path.join(tmp, 'fresh'), '--participants', '16']).code).toBe(0);
    full = Date.now() - started;
    fresh = pdfBytes(path.join(tmp, 'fresh'));
    // Packs and facilitator sheets depend on the participant count, so a torn write would show.
    const differing = [...old].filter(([file, bytes]) => Buffer.compare(bytes, fresh.get(file)!) !== 0).map(([file]) => file);
    expect(differing.filter((f) => f.endsWith('-pack.pdf')).length).toBe(4);
  }, 120_000);

  it.each([
    ['SIGINT', 0.5],
    ['SIGINT', 0.85],
    ['SIGKILL', 0.6],
    ['SIGKILL', 0.9],
  ] as const)('killed with %s at %f of a build leaves every PDF whole: the old one or the finished new one', async (signal, fraction) => {
    const delay = Math.round(full * fraction);
    const result = await interrupted(['build', content, '--out', out, '--participants', '16', '--force'], signal, delay);
    const now = pdfBytes(out);
    expect([...now.keys()]).toEqual([...old.keys()]);
    const renewed = [...now].filter(([file, bytes]) => Buffer.compare(bytes, old.get(file)!) !== 0).length;
    if (renewed > 0 && renewed < [...now].filter(([file]) => Buffer.compare(old.get(file)!, fresh.get(file)!) !== 0).length) mixed.push(`${signal}@${delay}`);
    for (const [file, bytes] of now) {
      const whole = Buffer.compare(bytes, old.get(file)!) === 0 || Buffer.compare(bytes, fresh.get(file)!) === 0;
      expect(whole, `${file} after ${signal} at ${delay} ms (exit ${result.code ?? result.signal})`).toBe(true);
    }
    // Ctrl-C cleans up; a kill -9 cannot, but its leftovers are hidden temp names, never final ones.
    if (signal === 'SIGINT') expect(leftovers(out)).toEqual([]);
    for (const name of leftovers(out)) expect(path.basename(name).startsWith('.')).toBe(true);
    // Put the old files back for the next case.
    expect(runCli(['build', content, '--out', out, '--participants', '8', '--force']).code).toBe(0);
    for (const name of leftovers(out)) rmSync(path.join(out, name));
  }, 60_000);

  it('was really interrupted mid-build at least once (some files new, some old)', () => {
    expect(mixed.length, `kills at ${full} ms × fractions`).toBeGreaterThan(0);
  });
});
