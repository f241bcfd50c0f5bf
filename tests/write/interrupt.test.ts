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

/**
 * Starts a one-thread build and sends `signal` once `topics` topics have been reported written (the
 * progress lines under CI=true), so the kill lands mid-build, between or during writes.
 */
function interrupted(args: string[], signal: NodeJS.Signals, topics: number): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), ...args, '--jobs', '1'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let seen = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      seen += (chunk.toString().match(/^\[\d+\/\d+\]/gm) ?? []).length;
      if (seen >= topics) child.kill(signal);
    });
    child.on('exit', (code, sig) => resolve({ code, signal: sig }));
  });
}

describe('an interrupted build', () => {
  let old: Map<string, Buffer>;
  let fresh: Map<string, Buffer>;

  beforeAll(() => {
    cpSync(path.join(repoRoot, 'content'), content, { recursive: true });
    cpSync(path.join(testFixtures, 'long-content'), path.join(content, 'long-content'), { recursive: true });
    expect(runCli(['build', content, '--out', out, '--participants', '8']).code).toBe(0);
    old = pdfBytes(out);
    // What a finished build with other options writes: every file must end up as one or the other.
    expect(runCli(['build', content, '--out', path.join(tmp, 'fresh'), '--participants', '16']).code).toBe(0);
    fresh = pdfBytes(path.join(tmp, 'fresh'));
    // Packs and facilitator sheets depend on the participant count, so a torn write would show.
    const differing = [...old].filter(([file, bytes]) => Buffer.compare(bytes, fresh.get(file)!) !== 0).map(([file]) => file);
    expect(differing.filter((f) => f.endsWith('-pack.pdf')).length).toBe(4);
  }, 120_000);

  it.each([
    ['SIGINT', 1],
    ['SIGINT', 2],
    ['SIGKILL', 1],
    ['SIGKILL', 3],
  ] as const)('killed with %s after %i of 4 topics leaves every PDF whole: the old one or the finished new one', async (signal, topics) => {
    const result = await interrupted(['build', content, '--out', out, '--participants', '16', '--force'], signal, topics);
    const now = pdfBytes(out);
    expect([...now.keys()]).toEqual([...old.keys()]);
    // The kill really landed mid-build: some files are already new, some still old.
    const renewed = [...now].filter(([file, bytes]) => Buffer.compare(bytes, old.get(file)!) !== 0).map(([file]) => file);
    const changing = [...now.keys()].filter((file) => Buffer.compare(old.get(file)!, fresh.get(file)!) !== 0);
    expect(renewed.length, `exit ${result.code ?? result.signal}`).toBeGreaterThan(0);
    expect(renewed.length).toBeLessThan(changing.length);
    for (const [file, bytes] of now) {
      const whole = Buffer.compare(bytes, old.get(file)!) === 0 || Buffer.compare(bytes, fresh.get(file)!) === 0;
      expect(whole, `${file} after ${signal} (exit ${result.code ?? result.signal})`).toBe(true);
    }
    // Ctrl-C cleans up; a kill -9 cannot, but its leftovers are hidden temp names, never final ones.
    if (signal === 'SIGINT') expect(leftovers(out)).toEqual([]);
    for (const name of leftovers(out)) expect(path.basename(name).startsWith('.')).toBe(true);
    // Put the old files back for the next case.
    expect(runCli(['build', content, '--out', out, '--participants', '8', '--force']).code).toBe(0);
    for (const name of leftovers(out)) rmSync(path.join(out, name));
  }, 60_000);
});
