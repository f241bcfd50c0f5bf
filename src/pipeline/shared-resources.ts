import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FontBook } from '../fonts/font-book.js';
import { allFontFiles } from '../fonts/font-catalog.js';
import { loadFonts } from '../load/load-fonts.js';
import { loadTemplates } from '../load/load-templates.js';
import { loadToolVersion } from '../load/load-tool-version.js';
import { modelTheme } from '../model/model-theme.js';
import type { SharedResources } from './build-topic.js';
import { sharedFingerprint } from './input-fingerprint.js';

const cache = new Map<string, Promise<{ shared: SharedResources; diagnostics: Diagnostic[] }>>();

/**
 * Fonts, templates and theme, read and parsed once per process (per templates folder) and shared by
 * every topic and document built with them. `reload` reads them again, for `watch` after a template changed;
 * `cwd`, the cli's working folder, is what messages name the built-in templates from.
 */
export function sharedResources(templatesDir?: string, options: { reload?: boolean; cwd?: string } = {}): Promise<{ shared: SharedResources; diagnostics: Diagnostic[] }> {
  // The working folder names the built-in templates in messages, so a set read for another one is another entry.
  const key = `${templatesDir ?? ''}\0${options.cwd ?? ''}`;
  let pending = options.reload ? undefined : cache.get(key);
  if (!pending) {
    pending = prepare(templatesDir, options.cwd);
    cache.set(key, pending);
  }
  return pending;
}

async function prepare(templatesDir: string | undefined, cwd: string | undefined): Promise<{ shared: SharedResources; diagnostics: Diagnostic[] }> {
  const templates = await loadTemplates(templatesDir, cwd);
  const themed = modelTheme(templates.source);
  const source = await loadFonts(allFontFiles(), themed.fonts);
  const fonts = new FontBook(source, themed.theme.fonts);
  const fingerprint = sharedFingerprint(loadToolVersion(), templates.source, source.sizes);
  return {
    shared: { fonts, templates: templates.source, theme: themed.theme, fingerprint },
    diagnostics: [...templates.diagnostics, ...themed.diagnostics],
  };
}
