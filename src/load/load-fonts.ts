/**
 * Finds the font files named by the catalog in their npm packages. Their sizes are read at once (they
 * go into build fingerprints); their bytes only when a font is first needed, since most fallback fonts
 * never are. Input: file specs. Output: a FontSource. Never parses the fonts (see fonts/font-book).
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontFileSpec } from '../fonts/font-catalog.js';

/** Font bytes by id, read on first use. */
export interface FontSource {
  has(id: string): boolean;
  read(id: string): Uint8Array;
  /** File size by id, for fingerprints. */
  sizes: ReadonlyMap<string, number>;
}

const require = createRequire(import.meta.url);

export async function loadFonts(specs: readonly FontFileSpec[], extra: ReadonlyMap<string, Uint8Array> = new Map()): Promise<FontSource> {
  const files = new Map(specs.map((spec) => [spec.id, path.join(path.dirname(require.resolve(`${spec.package}/package.json`)), spec.file)]));
  const sizes = new Map<string, number>();
  await Promise.all([...files].map(async ([id, file]) => sizes.set(id, (await stat(file)).size)));
  for (const [id, bytes] of extra) sizes.set(id, bytes.byteLength);
  const read = new Map<string, Uint8Array>(extra);
  return {
    has: (id) => sizes.has(id),
    read(id) {
      let bytes = read.get(id);
      if (!bytes) {
        bytes = new Uint8Array(readFileSync(files.get(id)!));
        read.set(id, bytes);
      }
      return bytes;
    },
    sizes,
  };
}
