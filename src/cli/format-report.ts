import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** `path:line:column: error: message [rule]` and an indented `hint:` line, as compilers print them. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':');
  const head = `${place}: ${d.severity}: ${d.message} [${d.rule}]`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** "2 errors, 1 warning in 1 topic" */
export function formatSummary(diagnostics: readonly Diagnostic[], topics: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(topics, 'topic')}`;
}

/** Sorted by file, line and column, so related problems read together. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
