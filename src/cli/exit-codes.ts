import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ruleKinds } from '../diagnostics/rules.js';

/** The one table of exit codes; which rule is which kind of problem is in src/diagnostics/rules.ts. */
export const exitCodes = {
  ok: 0,
  content: 1,
  usage: 2,
  internal: 3,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM: 128 plus the signal's number, as a shell reports it. */
  interrupted: 130,
  terminated: 143,
} as const;

/** The worst problem decides: I/O over usage over content. Warnings never fail a run. */
export function exitCodeFor(diagnostics: readonly Diagnostic[]): number {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.some((d) => ruleKinds[d.rule] === 'io')) return exitCodes.internal;
  if (errors.some((d) => ruleKinds[d.rule] === 'usage')) return exitCodes.usage;
  if (errors.length) return exitCodes.content;
  return exitCodes.ok;
}
