import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The one table of exit codes. */
export const exitCodes = {
  ok: 0,
  content: 1,
  usage: 2,
  internal: 3,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM: 128 plus the signal's number, as a shell reports it. */
  interrupted: 130,
  terminated: 143,
} as const;

const usageRules = new Set(['path-not-found', 'not-a-topic', 'bad-option', 'unknown-option', 'unknown-command', 'bad-slug', 'topic-exists', 'not-a-shard', 'duplicate-topic', 'out-overlaps-source', 'not-a-docx', 'import-target-exists']);
// A shard's file that is missing or not the one its build wrote is a problem of the files on disk, not of
// content. An output folder another build holds is too: the command and the content are right, and the
// same command succeeds once the other build is done, as after a busy disk.
const ioRules = new Set(['io-error', 'internal-error', 'shard-file-missing', 'shard-file-changed', 'shard-file-outside', 'out-busy']);

/** The worst problem decides: I/O over usage over content. Warnings never fail a run. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.some((d) => ioRules.has(d.rule))) return exitCodes.internal;
  if (errors.some((d) => usageRules.has(d.rule))) return exitCodes.usage;
  if (errors.length) return exitCodes.content;
  return exitCodes.ok;
}
