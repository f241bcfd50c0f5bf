import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { allFontFiles } from '../fonts/font-catalog.js';
import { loadFonts, type FontSource } from '../load/load-fonts.js';
import { loadTemplates } from '../load/load-templates.js';
import { loadToolVersion } from '../load/load-tool-version.js';
import { modelTheme } from '../model/model-theme.js';
import type { SharedResources } from './build-topic.js';
import { sharedFingerprint } from './input-fingerprint.js';

/** What every topic of a build shares, short of the parsed fonts: enough to tell an unchanged topic. */
export interface SharedInputs extends Omit<SharedResources, 'fonts'> {
  fontSource: FontSource;
}

type Prepared<T> = Promise<{ shared: T; diagnostics: Diagnostic[] }>;

const inputsCache = new Map<string, Prepared<SharedInputs>>();
const resourcesCache = new WeakMap<SharedInputs, Promise<SharedResources>>();

/**
 * Templates, theme and the font files' sizes, read once per process (per templates folder): the
 * fingerprint a no-op build compares with. `reload` reads them again, for `watch` after a template
 * changed; `cwd`, the cli's working folder, is what messages name the built-in templates from.
 */
export function sharedInputs(templatesDir?: string, options: { reload?: boolean; cwd?: string } = {}): Prepared<SharedInputs> {
  // The working folder names the built-in templates in messages, so a set read for another one is another entry.
  const key = `${templatesDir ?? ''}\0${options.cwd ?? ''}`;
  let pending = options.reload ? undefined : inputsCache.get(key);
  if (!pending) {
    pending = prepareInputs(templatesDir, options.cwd);
    inputsCache.set(key, pending);
  }
  return pending;
}

/**
 * Fonts, templates and theme, read and parsed once per process (per templates folder) and shared by
 * every topic and document built with them. The FontBook, and with it fontkit (about 120 ms to load,
 * docs/performance.md), is imported only here: a no-op build, which needs only `sharedInputs`, and
 * the main thread of a build on workers never load it.
 */
export async function sharedResources(templatesDir?: string, options: { reload?: boolean; cwd?: string } = {}): Prepared<SharedResources> {
  const { shared: inputs, diagnostics } = await sharedInputs(templatesDir, options);
  return { shared: await withFonts(inputs), diagnostics };
}

/** The resources of a set of inputs, their FontBook made once. */
export function withFonts(inputs: SharedInputs): Promise<SharedResources> {
  let pending = resourcesCache.get(inputs);
  if (!pending) {
    pending = import('../fonts/font-book.js').then(({ FontBook }) => {
      const { fontSource, ...rest } = inputs;
      return { ...rest, fonts: new FontBook(fontSource, inputs.theme.fonts) };
    });
    resourcesCache.set(inputs, pending);
  }
  return pending;
}

async function prepareInputs(templatesDir: string | undefined, cwd: string | undefined): Prepared<SharedInputs> {
  const templates = await loadTemplates(templatesDir, cwd);
  const themed = modelTheme(templates.source);
  const fontSource = await loadFonts(allFontFiles(), themed.fonts);
  const fingerprint = sharedFingerprint(loadToolVersion(), templates.source, fontSource.sizes);
  return {
    shared: { fontSource, templates: templates.source, theme: themed.theme, fingerprint },
    diagnostics: [...templates.diagnostics, ...themed.diagnostics],
  };
}
