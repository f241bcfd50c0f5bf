import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './build-fixture.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a user would: a separate Node process on bin/dialogpack.js (built by `npm test`). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A Node stack frame, which users must never see without --debug. */
export const stackFrame = /^\s+at .*\(.*:\d+:\d+\)/m;
