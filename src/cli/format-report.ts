import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { terminalText } from './terminal-text.js';

/**
 * `path:line:column: error: message [rule]` and an indented `hint:` line, as compilers print them.
 * Every part may hold text from a topic (a folder's name, a quoted title), so each is escaped: one
 * diagnostic is always exactly these one or two lines.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const place = [terminalText(d.file), d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':');
  const head = `${place}: ${d.severity}: ${terminalText(d.message)} [${terminalText(d.rule)}]`;
  return d.hint ? `${head}\n  hint: ${terminalText(d.hint)}` : head;
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
