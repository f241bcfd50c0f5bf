import { FontBook } from '../fonts/font-book.js';
import { allFontFiles } from '../fonts/font-catalog.js';
import { defaultTheme } from '../layout/theme.js';
import { loadFonts } from '../load/load-fonts.js';
import { loadTemplates } from '../load/load-templates.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SharedResources } from './build-topic.js';

let fontBook: Promise<FontBook> | undefined;

/** Fonts and templates, read and parsed once per process and shared by every topic and document. */
export async function sharedResources(templatesDir?: string): Promise<{ shared: SharedResources; diagnostics: Diagnostic[] }> {
  fontBook ??= loadFonts(allFontFiles()).then((bytes) => new FontBook(bytes));
  const [fonts, templates] = await Promise.all([fontBook, loadTemplates(templatesDir)]);
  return { shared: { fonts, templates: templates.source, theme: defaultTheme }, diagnostics: templates.diagnostics };
}
