/**
 * Diagnostics are plain data, created by any stage and reported once by the CLI.
 * A stage never prints and never throws for bad content: it returns diagnostics instead.
 */
import type { RuleId } from './rules.js';

export type Severity = 'error' | 'warning';

/** The languages dialogpack speaks to its users: Danish first, English on request. */
export type Language = 'da' | 'en';

/**
 * A message in both languages, written where the problem is found; the CLI picks one when it reports.
 * Danish is written for editors who have never seen YAML: "linje", "felt", "liste", "tekst".
 */
export interface Text {
  da: string;
  en: string;
}

export interface Diagnostic {
  /** Path as the user would type it (relative to the working directory where possible). */
  file: string;
  line?: number;
  column?: number;
  severity: Severity;
  /** Stable kebab-case id, shown as `[rule]`, usable in tests and `--json`. */
  rule: RuleId;
  message: Text;
  /** The corrected line or the next step, in the same words as the message. */
  hint?: Text;
}

/** A diagnostic as a user reads it: its message and hint in one language. */
export interface ReportedDiagnostic extends Omit<Diagnostic, 'rule' | 'message' | 'hint'> {
  /** A rule of this version, or one an earlier version stored in a manifest. */
  rule: string;
  message: string;
  hint?: string;
}

export function inLanguage(d: Diagnostic, language: Language): ReportedDiagnostic {
  const { message, hint, ...rest } = d;
  return hint === undefined ? { ...rest, message: message[language] } : { ...rest, message: message[language], hint: hint[language] };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Under `--strict` every warning counts as an error. */
export function escalateWarnings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}
