/**
 * An error nothing in dialogpack expected is reported like every other problem: a diagnostic with the
 * rule internal-error, in the text format on stderr or as JSON on stdout under --json, and exit code 3.
 * It is provoked from outside, as a user can: dialogpack started in a folder that has since been
 * deleted, so that asking for the working folder (to find dialogpack.yaml) throws.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';
import { stackFrame, type CliRun } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-internal-error-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const topic = path.join(repoRoot, 'content/hardware');

/** The CLI, started in a working folder removed just before it runs. */
function runInDeletedFolder(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const gone = mkdtempSync(path.join(tmp, 'gone-'));
  const result = spawnSync('/bin/sh', ['-c', 'cd "$0" && rmdir "$0" && exec "$@"', gone, process.execPath, path.join(repoRoot, 'bin/dialogpack.js'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(process.platform === 'win32')('an internal error', () => {
  it('under --json is a diagnostic with the rule internal-error in valid JSON on stdout, and exit 3', () => {
    const run = runInDeletedFolder(['--json', '--lang', 'en', 'check', topic]);
    expect(run.code, run.stderr).toBe(3);
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string; severity: string; rule: string; message: string; hint?: string }[]; summary: string };
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'internal-error', message: expect.stringMatching(/^internal error: .*uv_cwd/), hint: expect.stringContaining('--debug') }),
    ]);
    expect(report.summary).toBe('1 error, 0 warnings in 0 topics');
    expect(run.stderr).toBe('');
  });

  it('in Danish text says "intern fejl", names the rule and points to --debug, without a stack trace', () => {
    const run = runInDeletedFolder(['check', topic], { LANG: 'da_DK.UTF-8' });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^dialogpack: fejl: intern fejl: .*uv_cwd \[internal-error\]\n {2}sådan retter du det: .*--debug/);
    expect(run.stderr).toContain('1 fejl, 0 advarsler i 0 emner');
    expect(run.stderr).not.toMatch(stackFrame);
  });

  it('with --debug adds the stack trace on stderr, and --json output stays valid JSON', () => {
    const run = runInDeletedFolder(['--json', '--debug', 'check', topic]);
    expect(run.code).toBe(3);
    expect((JSON.parse(run.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule)).toEqual(['internal-error']);
    expect(run.stderr).toMatch(stackFrame);
  });
});
