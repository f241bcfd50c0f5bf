import type { Language, ReportedDiagnostic } from '../diagnostics/diagnostic.js';
import { terminalText } from './terminal-text.js';

const words = {
  da: { error: 'fejl', warning: 'advarsel', hint: 'sådan retter du det' },
  en: { error: 'error', warning: 'warning', hint: 'hint' },
} as const;

/**
 * `path:line:column: fejl: message [rule]` and an indented hint line, as compilers print them. Every
 * part may hold text from a topic (a folder's name, a quoted title), so each is escaped: one diagnostic
 * is always exactly these one or two lines. The rule id stays English in both languages, for searching.
 */
export function formatDiagnostic(d: ReportedDiagnostic, language: Language): string {
  const place = [terminalText(d.file), d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':');
  const head = `${place}: ${words[language][d.severity]}: ${terminalText(d.message)} [${terminalText(d.rule)}]`;
  return d.hint ? `${head}\n  ${words[language].hint}: ${terminalText(d.hint)}` : head;
}

/** "2 fejl, 1 advarsel i 1 emne" / "2 errors, 1 warning in 1 topic" */
export function formatSummary(diagnostics: readonly ReportedDiagnostic[], topics: number, language: Language): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (language === 'da') {
    return `${errors} fejl, ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'} i ${topics} ${topics === 1 ? 'emne' : 'emner'}`;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(topics, 'topic')}`;
}

/**
 * Said under the count when there is more than one error: a mistake early in a file can cause the
 * ones after it, and an editor who starts at the top fixes the cause first.
 */
export function formatFirstErrorAdvice(diagnostics: readonly ReportedDiagnostic[], language: Language): string | undefined {
  if (diagnostics.filter((d) => d.severity === 'error').length < 2) return undefined;
  return language === 'da'
    ? 'Ret den første fejl først, og kør så igen: de næste kan skyldes den.'
    : 'Fix the first error first, then run again: the ones after it may follow from it.';
}

/** Sorted by file, line and column, so related problems read together. */
export function sortDiagnostics<T extends ReportedDiagnostic>(diagnostics: readonly T[]): T[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
