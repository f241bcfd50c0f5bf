import { hostname } from 'node:os';
import type { LockOwner } from '../write/lock-output-folder.js';

/**
 * This process as the holder of an output folder's lock (write/lock-output-folder), and how to tell
 * whether the process that left a lock still runs: a question only the command line asks the system.
 */
export function lockOwner(): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    isRunning(pid) {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        // EPERM: it runs, as another user.
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  };
}
