/**
 * Finds the font files named by the catalog, in the package's dist/fonts or in their npm packages. Their sizes are read at once (they
 * go into build fingerprints); their bytes only when a font is first needed, since most fallback fonts
 * never are. Input: file specs. Output: a FontSource. Never parses the fonts (see fonts/font-book).
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A font file to find, as load takes it; fonts/font-catalog names the files of each face in this
 * shape, since load runs before fonts and cannot ask the catalog for its type.
 */
export interface FontFileSpec {
  id: string;
  /** npm package that ships the file. */
  package: string;
  file: string;
}

/** Font bytes by id, read on first use. */
export interface FontSource {
  has(id: string): boolean;
  read(id: string): Uint8Array;
  /** File size by id, for fingerprints. */
  sizes: ReadonlyMap<string, number>;
}

const require = createRequire(import.meta.url);

/**
 * The installed package carries the catalog's files in dist/fonts (scripts/bundle.mjs copies them there),
 * not the 24 MB font packages they come from. Both src/load and dist/cli lie two folders below the
 * package root, so one relative URL finds it from either.
 */
const packagedFonts = fileURLToPath(new URL('../../dist/fonts/', import.meta.url));

export async function loadFonts(specs: readonly FontFileSpec[], extra: ReadonlyMap<string, Uint8Array> = new Map()): Promise<FontSource> {
  const files = new Map<string, string>();
  const sizes = new Map<string, number>();
  await Promise.all(
    specs.map(async (spec) => {
      const packaged = path.join(packagedFonts, path.basename(spec.file));
      // A checkout that has not run the bundle yet (vitest on the sources) reads them from the font packages.
      const found = await stat(packaged).then(
        (s) => ({ file: packaged, size: s.size }),
        async () => {
          const file = path.join(path.dirname(require.resolve(`${spec.package}/package.json`)), spec.file);
          return { file, size: (await stat(file)).size };
        },
      );
      files.set(spec.id, found.file);
      sizes.set(spec.id, found.size);
    }),
  );
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
