/**
 * Reads who holds the output folder's lock (write/lock-output-folder takes it).
 * Input: the lock file. Output: the holder's process id, machine and start, or what is known of an
 * unreadable lock (only its age); undefined when there is no lock.
 * Never: decide whether the holder still runs (the command line asks the system that).
 */
import { readFile, stat } from 'node:fs/promises';

export interface LockHolder {
  pid?: number;
  host?: string;
  /** When the holder took the lock, as it wrote it (ISO 8601). */
  since?: string;
  /** Milliseconds since the lock file was last written. */
  ageMs: number;
}

export async function loadLockHolder(file: string, now: number): Promise<LockHolder | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return undefined;
  const text = await readFile(file, 'utf8').catch(() => '');
  const holder: LockHolder = { ageMs: Math.max(0, now - info.mtimeMs) };
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (Number.isInteger(parsed.pid) && (parsed.pid as number) > 0) holder.pid = parsed.pid as number;
    if (typeof parsed.host === 'string') holder.host = parsed.host;
    if (typeof parsed.since === 'string') holder.since = parsed.since;
  } catch {
    // Cut short or empty: a holder killed while writing it, or one writing it this instant.
  }
  return holder;
}
