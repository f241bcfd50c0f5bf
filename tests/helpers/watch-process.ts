import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './build-fixture.js';

export interface WatchProcess {
  child: ChildProcess;
  /** Resolves with all stderr so far once `pattern` matches stderr from offset `from` on; rejects after `ms`. */
  waitFor: (pattern: RegExp, ms: number, from?: number) => Promise<string>;
  exited: Promise<number | null>;
  stderr: () => string;
}

/** A running `dialogpack watch` (the real CLI, as a process) whose stderr can be awaited for a pattern. */
export function startWatch(cwd: string, args: string[]): WatchProcess {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/dialogpack.js'), 'watch', ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, ms: number, from = 0) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(stderr.slice(from))) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(stderr);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${pattern} within ${ms} ms (exit ${child.exitCode}); stderr:\n${stderr}`));
      }, ms);
      listeners.add(check);
      check();
    });
  return { child, waitFor, exited, stderr: () => stderr };
}
