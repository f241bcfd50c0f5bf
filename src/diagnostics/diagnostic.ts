/**
 * Diagnostics are plain data, created by any stage and reported once by the CLI.
 * A stage never prints and never throws for bad content: it returns diagnostics instead.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path as the user would type it (relative to the working directory where possible). */
  file: string;
  line?: number;
  column?: number;
  severity: Severity;
  /** Stable kebab-case id, shown as `[rule]`, usable in tests and `--json`. */
  rule: string;
  message: string;
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Under `--strict` every warning counts as an error. */
export function escalateWarnings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}
