import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { referenceTopic, basicBadFixtures } from '../helpers/build-fixture.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function pdfsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
}

describe('dialogpack build', () => {
  it('writes the reference topic pack and exits 0', () => {
    const out = path.join(tmp, 'ok');
    const run = runCli(['build', referenceTopic, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const pack = path.join(out, 'samtykke-og-fuldmagt', 'samtykke-og-fuldmagt-pack.pdf');
    expect(readFileSync(pack).subarray(0, 5).toString()).toBe('%PDF-');
    expect(run.stderr).toMatch(/0 errors, 0 warnings in 1 topic/);
    expect(pdfsUnder(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  const bad = readdirSync(basicBadFixtures);
  it.each(bad)('refuses bad/%s: exit 1, the place in stderr, no stack trace, no PDF', (name) => {
    const dir = path.join(basicBadFixtures, name);
    const want = readFileSync(path.join(dir, 'expect'), 'utf8').trim();
    const out = path.join(tmp, `bad-${name}`);
    const run = runCli(['build', dir, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(want);
    expect(run.stderr).toMatch(/: error: .*\[[a-z-]+\]/);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(pdfsUnder(out)).toEqual([]);
  });

  it('hints at the key that was meant', () => {
    const run = runCli(['check', path.join(basicBadFixtures, 'unknown-key')]);
    expect(run.stderr).toMatch(/topic\.yaml:6:5: error: unknown key `minuts` in steps\[0\] \[unknown-key\]/);
    expect(run.stderr).toContain('hint: did you mean `minutes`?');
  });

  it.each([
    [['--participants', '0'], /--participants must be a whole number/],
    [['--start', '25:99'], /--start must be a time of day/],
    [['--kind', 'posters'], /unknown output kind "posters"/],
    [['--no-such-option'], /unknown option/],
  ])('exits 2 on bad options %j', (args, message) => {
    const run = runCli(['build', referenceTopic, '--out', path.join(tmp, 'usage'), ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(pdfsUnder(path.join(tmp, 'usage'))).toEqual([]);
  });
});
