import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { directiveWarning, escapeAuthorDirectives } from '../parse/escape-author-directives.js';
import { parseMarkdown } from '../parse/markdown-parser.js';
import { guardDiagnostic, markdownGuard } from '../parse/markdown-guard.js';
import { markdownLimits } from './markdown-limits.js';

type Place = Pick<Diagnostic, 'file' | 'line' | 'column'>;

/**
 * Text nothing but a list, quote, table or directive can be made of; the rest (most questions and
 * instructions) is left to compose without being parsed here.
 */
const mayHoldStructure = /[|>:\]]|^[ \t]*([-+*]|\d{1,9}[.)])([ \t]|$)/m;

/**
 * A markdown string of topic.yaml (a question, an instruction, the purpose written in place) meets the
 * rules a topic file does: no directive of the templates, lists and quotes no deeper and tables no
 * wider than a page takes. Compose parses the string where a template prints it, so the checks run on
 * the string alone and are placed at its line in topic.yaml. Returns the text compose is to print:
 * its directives escaped, a line nested too deeply blanked.
 */
export function yamlMarkdown(text: string, where: () => Place): { markdown: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!mayHoldStructure.test(text)) return { markdown: text, diagnostics };
  const place = where();
  const guarded = markdownGuard(text);
  for (const finding of guarded.findings) diagnostics.push({ ...guardDiagnostic(place.file, finding), line: place.line, column: place.column });
  const { text: markdown, tree, directives } = escapeAuthorDirectives(guarded.text, (t) => parseMarkdown(t));
  for (const d of directives) diagnostics.push(directiveWarning(d.written, place));
  diagnostics.push(...markdownLimits(tree, () => place));
  return { markdown, diagnostics };
}
