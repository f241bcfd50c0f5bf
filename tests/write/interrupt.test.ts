import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Starts a one-job build and sends `signal` once `topics` topics have been reported done (the progress
 * lines under CI=true) and `delayMs` more, so the signal lands mid-build, while the next topic is built.
 * Also measures how long the process took to exit after the signal.
 */
function interrupted(args: string[], signal: NodeJS.Signals, topics: number, delayMs = 0): Promise<{ code: number | null; signal: string | null; exitMs: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), ...args, '--jobs', '1'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let seen = 0;
    let sent = 0;
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      seen += (chunk.toString().match(/^\[\d+\/\d+\]/gm) ?? []).length;
      if (seen >= topics && !armed) {
        armed = true;
        setTimeout(() => {
          sent = performance.now();
          child.kill(signal);
        }, delayMs);
      }
    });
    child.on('exit', (code, sig) => resolve({ code, signal: sig, exitMs: performance.now() - sent }));
  });
}

describe('an interrupted build', () => {
  let old: Map<string, Buffer>;

  beforeAll(() => {
    cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
    cpSync(path.join(testFixtures, 'long-content'), path.join(content, 'long-content'), { recursive: true });
    expect(runCli(['build', content, '--out', out, '--participants', '8']).code).toBe(0);
    old = pdfBytes(out);
    // What a finished build with other options writes: the interrupted builds below must not leave it.
    expect(runCli(['build', content, '--out', path.join(tmp, 'fresh'), '--participants', '16']).code).toBe(0);
    const fresh = pdfBytes(path.join(tmp, 'fresh'));
    // Packs and facilitator sheets depend on the participant count, so a file put in place would show.
    const differing = [...old].filter(([file, bytes]) => Buffer.compare(bytes, fresh.get(file)!) !== 0).map(([file]) => file);
    expect(differing.filter((f) => f.endsWith('-pack.pdf')).length).toBe(4);
  }, 120_000);

  it.each([
    ['SIGINT', 1],
    ['SIGTERM', 2],
    ['SIGKILL', 1],
    ['SIGKILL', 3],
  ] as const)('stopped with %s after %i of 4 topics leaves every PDF as the last finished build left it', async (signal, topics) => {
    const result = await interrupted(['build', content, '--out', out, '--participants', '16', '--force'], signal, topics);
    expect(result.code, 'the build finished before the signal').not.toBe(0);
    const now = pdfBytes(out);
    expect([...now.keys()]).toEqual([...old.keys()]);
    // Files are renamed into place only when every topic is done: until then, nothing changes.
    for (const [file, bytes] of now) expect(Buffer.compare(bytes, old.get(file)!), `${file} after ${signal}`).toBe(0);
    // Ctrl-C and SIGTERM clean up, lock included; a kill -9 cannot, but leaves only hidden names,
    // which the next build removes.
    if (signal !== 'SIGKILL') expect(leftovers(out)).toEqual([]);
    if (signal !== 'SIGKILL') expect(existsSync(path.join(out, '.dialogpack.lock'))).toBe(false);
    for (const name of leftovers(out)) expect(path.basename(name).startsWith('.')).toBe(true);
    const next = runCli(['build', content, '--out', out, '--participants', '8']);
    expect(next.code, next.stderr).toBe(0);
    expect(leftovers(out)).toEqual([]);
    expect(existsSync(path.join(out, '.dialogpack.lock'))).toBe(false);
  }, 60_000);

  it('stops within a second of SIGTERM or Ctrl-C, even while a large topic is being laid out', async () => {
    // A small topic, then one whose layout takes seconds: the signal comes while that one is built.
    const heavyRoot = path.join(tmp, 'heavy');
    const heavyOut = path.join(tmp, 'heavy-out');
    cpSync(path.join(repoRoot, 'content/hardware'), path.join(heavyRoot, 'a-small'), { recursive: true });
    cpSync(path.join(testFixtures, 'long-content'), path.join(heavyRoot, 'heavy'), { recursive: true });
    const tables = readFileSync(path.join(testFixtures, 'long-content/tables.md'), 'utf8');
    // Three times the tables: about 50 KB, as much as the 64 KiB a topic's text may have allows.
    writeFileSync(path.join(heavyRoot, 'heavy/tables.md'), tables.repeat(3));
    expect(runCli(['build', heavyRoot, '--out', heavyOut, '--participants', '8'], { timeout: 120_000 }).code).toBe(0);
    const before = pdfBytes(heavyOut);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const result = await interrupted(['build', heavyRoot, '--out', heavyOut, '--participants', '16', '--force'], signal, 1, 200);
      expect(result.exitMs, `${signal}: exited ${Math.round(result.exitMs)} ms after the signal`).toBeLessThan(1000);
      expect(result.code).toBe(signal === 'SIGTERM' ? 143 : 130);
      for (const [file, bytes] of pdfBytes(heavyOut)) expect(Buffer.compare(bytes, before.get(file)!), file).toBe(0);
      expect(leftovers(heavyOut)).toEqual([]);
      expect(existsSync(path.join(heavyOut, '.dialogpack.lock'))).toBe(false);
    }
  }, 120_000);
});
