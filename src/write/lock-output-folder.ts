/**
 * write: takes the output folder for one build, so two builds (or a build and a publish) into one
 * folder cannot both write: each would otherwise read the same manifest, write PDFs over each other's
 * and leave a manifest that only one of them made true.
 * Input: the output folder, who takes it, and how to tell whether an earlier holder still runs.
 * Output: the release, or a diagnostic when another build holds the folder.
 * Never: take a lock whose holder runs; leave the lock, or an output folder it made and left empty.
 *
 * The lock is `.dialogpack.lock` in the output folder, created exclusively (O_EXCL), holding the
 * holder's process id, machine and start. It is stale when its process is gone on this machine (a
 * build killed with kill -9), or when it could not be read for longer than a holder needs to write it.
 * A lock from another machine (a shared network folder) is never judged stale: its process cannot be
 * asked, and the message says how to remove it.
 */
import { link, mkdir, open, rename, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadLockHolder, type LockHolder } from '../load/load-lock-holder.js';

export const lockFileName = '.dialogpack.lock';

export interface LockOwner {
  pid: number;
  host: string;
  /** Whether a process of this machine still runs. */
  isRunning(pid: number): boolean;
}

/** How long a second build waits for the first before it gives up: long enough for a watch rebuild. */
const defaultWaitMs = 3000;
const pollMs = 100;
/** An unreadable lock younger than this may be one being written this instant. */
const unreadableGraceMs = 10_000;

const held = new Set<string>();

/** Lock files this process holds, for a Ctrl-C handler to release (write/stop-writes). */
export function heldLocks(): string[] {
  return [...held];
}

export async function lockOutputFolder(
  outDir: string,
  owner: LockOwner,
  options: { waitMs?: number } = {},
): Promise<{ unlock: () => Promise<void> } | { diagnostics: Diagnostic[] }> {
  const waitMs = options.waitMs ?? defaultWaitMs;
  let made: string | undefined;
  try {
    made = await mkdir(outDir, { recursive: true });
  } catch (error) {
    const detail = (error as Error).message;
    return { diagnostics: [{ file: outDir, severity: 'error', rule: 'io-error', message: { da: `kan ikke skrive filerne: ${detail}`, en: `cannot write output: ${detail}` } }] };
  }
  const file = path.join(outDir, lockFileName);
  const record = `${JSON.stringify({ pid: owner.pid, host: owner.host, since: new Date().toISOString() })}\n`;
  const deadline = Date.now() + waitMs;
  let holder: LockHolder | undefined;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      held.add(file);
      try {
        await handle.writeFile(record);
      } finally {
        await handle.close();
      }
      return {
        async unlock() {
          held.delete(file);
          await unlink(file).catch(() => {});
          // A folder this build made and left empty (nothing built) goes with it.
          if (made === undefined) return;
          for (let dir = path.resolve(outDir); await rmdir(dir).then(() => true, () => false); dir = path.dirname(dir)) if (dir === path.resolve(made)) break;
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        const detail = (error as Error).message;
        const message = { da: `kan ikke skrive filerne: kan ikke låse mappen: ${detail}`, en: `cannot write output: cannot lock the folder: ${detail}` };
        return { diagnostics: [{ file: outDir, severity: 'error', rule: 'io-error', message }] };
      }
    }
    holder = await loadLockHolder(file, Date.now());
    if (holder && isStale(holder, owner)) {
      await removeStale(file, holder, owner.pid);
      continue;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const elsewhere = holder?.host && holder.host !== owner.host;
  const who = {
    da: holder?.pid ? `proces ${holder.pid}${elsewhere ? ` på ${holder.host}` : ''}${holder.since ? `, startet ${holder.since}` : ''}` : 'en proces',
    en: holder?.pid ? `process ${holder.pid}${elsewhere ? ` on ${holder.host}` : ''}${holder.since ? `, started ${holder.since}` : ''}` : 'a process',
  };
  const seconds = Math.round(waitMs / 1000);
  const lock = path.join(outDir, lockFileName);
  return {
    diagnostics: [
      {
        file: outDir,
        severity: 'error',
        rule: 'out-busy',
        message: {
          da: `en anden kørsel af dialogpack (${who.da}) skriver i ${outDir}; der er ventet ${seconds} s på den`,
          en: `another dialogpack build (${who.en}) is writing to ${outDir}; waited ${seconds} s for it`,
        },
        hint: {
          da: `byg til en mappe ad gangen, eller giv hver kørsel sin egen --out; kører der ingen anden, så slet ${lock}`,
          en: `run one build at a time into a folder, or give each its own --out; if no build is running, remove ${lock}`,
        },
      },
    ],
  };
}

function isStale(holder: LockHolder, owner: LockOwner): boolean {
  if (holder.pid === undefined) return holder.ageMs > unreadableGraceMs;
  if (holder.host !== undefined && holder.host !== owner.host) return false;
  return holder.pid !== owner.pid && !owner.isRunning(holder.pid);
}

/**
 * Moved aside before it is removed, and checked to be the lock that was judged: should another build
 * have replaced the stale lock with its own meanwhile, that one is put back, not deleted.
 */
async function removeStale(file: string, judged: LockHolder, pid: number): Promise<void> {
  const aside = `${file}.${pid}.stale`;
  if (!(await rename(file, aside).then(() => true, () => false))) return;
  const moved = await loadLockHolder(aside, Date.now());
  if (moved?.pid !== judged.pid || moved?.since !== judged.since) await link(aside, file).catch(() => {});
  await unlink(aside).catch(() => {});
}
