/**
 * load, for a host without a disk: font bytes by catalog id → the FontSource loadFonts makes, so
 * FontBook measures and embeds the same files. The page loads a font's file only when a document
 * needs it; `read` of one it has not loaded yet throws MissingFontError, which names the font, so
 * the host can load it and build again (the stages ask for fonts synchronously, mid-layout).
 */
import type { FontFileSpec, FontSource } from './load-fonts.js';

export class MissingFontError extends Error {
  constructor(readonly fontId: string) {
    super(`font ${fontId} is not loaded yet`);
  }
}

/**
 * @param specs the catalog's files: every id FontBook may ask for.
 * @param loaded the bytes there are so far; the host adds to the map as fonts arrive.
 * @param extra a theme's own fonts, as loadFonts takes them.
 */
export function loadInMemoryFonts(specs: readonly FontFileSpec[], loaded: ReadonlyMap<string, Uint8Array>, extra: ReadonlyMap<string, Uint8Array> = new Map()): FontSource {
  const sizes = new Map<string, number>();
  // Only the fingerprint reads sizes, and the browser keeps none; every catalog id must be there, as `has` tells FontBook which fonts exist.
  for (const spec of specs) sizes.set(spec.id, loaded.get(spec.id)?.byteLength ?? 0);
  for (const [id, bytes] of extra) sizes.set(id, bytes.byteLength);
  return {
    has: (id) => sizes.has(id),
    read(id) {
      const bytes = extra.get(id) ?? loaded.get(id);
      if (!bytes) throw new MissingFontError(id);
      return bytes;
    },
    sizes,
  };
}
