/**
 * write: what a process that is told to stop (Ctrl-C, SIGTERM) undoes before it exits, at once and
 * synchronously, since the process exits right after: the temporary files of writes in flight go, and
 * so does its lock on the output folder. The files already in place stay whole: a final name is only
 * ever replaced by a finished file, and should the stop come while a build is renaming its files into
 * place, the journal it wrote first stays and the next build checks every PDF.
 * Input: nothing. Output: nothing. Never: remove anything but this process's temporary files and locks.
 */
import { rmSync } from 'node:fs';
import { heldLocks } from './lock-output-folder.js';
import { temporaryFiles } from './write-outputs.js';

export function stopWrites(): void {
  for (const temp of temporaryFiles()) rmSync(temp, { force: true });
  for (const lock of heldLocks()) rmSync(lock, { force: true });
}
