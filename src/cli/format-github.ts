import type { Language, ReportedDiagnostic } from '../diagnostics/diagnostic.js';
import { terminalText } from './terminal-text.js';

/**
 * A diagnostic as a GitHub Actions workflow command, `::error file=…,line=…,col=…,title=…::message`,
 * which the runner turns into an annotation on the pull request. Escaped exactly as @actions/core does,
 * so text from a topic (a title, a quoted line) can neither end the command early nor start a second
 * one on a line of its own.
 */
export function formatGithub(d: ReportedDiagnostic, language: Language): string {
  const properties: [string, string | number | undefined][] = [
    ['file', d.file],
    ['line', d.line],
    ['col', d.line !== undefined ? d.column : undefined],
    ['title', `dialogpack [${d.rule}]`],
  ];
  const given = properties.filter(([, value]) => value !== undefined && value !== '');
  const message = d.hint ? `${d.message}\n${language === 'da' ? 'sådan retter du det' : 'hint'}: ${d.hint}` : d.message;
  return `::${d.severity} ${given.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')}::${escapeData(message)}`;
}

/** Line breaks as @actions/core has them; any other control character (ESC, BEL) is shown, not sent. */
function escapeData(text: string): string {
  return terminalText(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
