/**
 * Reads the web edition's built browser files (scripts/bundle-web.mjs writes them to dist/web/): the
 * script the topic pages' form runs and its licences, and the bytes of the catalog's fonts, which
 * publish turns into the scripts the page loads. `build --site` writes them under out/assets/. Input:
 * the catalog's font files. Output: the files by their path under assets/ and the fonts by id, or an
 * error when the browser build is missing (a checkout that has not run `npm run build`).
 *
 * The fonts are read from where the CLI reads them, not kept a second time in dist/web: as base64
 * scripts they were 4 MB, which took the installed package over its 40 MB budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadFonts, type FontFileSpec } from './load-fonts.js';

/** src/load and dist/cli both lie two folders below the package root, so one relative URL finds dist/web from either. */
const webDir = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface WebAssets {
  files: { path: string; bytes: Uint8Array }[];
  fonts: { id: string; bytes: Uint8Array }[];
  diagnostics: Diagnostic[];
}

export async function loadWebAssets(fontSpecs: readonly FontFileSpec[]): Promise<WebAssets> {
  let files: WebAssets['files'];
  try {
    const names = readdirSync(webDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(webDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    if (!names.includes('dialogpack-web.js')) throw new Error('dialogpack-web.js is missing');
    files = names.map((name) => ({ path: `assets/${name}`, bytes: new Uint8Array(readFileSync(path.join(webDir, name))) }));
  } catch {
    return {
      files: [],
      fonts: [],
      diagnostics: [
        {
          file: webDir,
          severity: 'error',
          rule: 'path-not-found',
          message: {
            da: `webudgavens script er ikke bygget (${webDir}), så emnesidernes formular kan ikke lave PDF'er`,
            en: `the web edition's script is not built (${webDir}), so the topic pages' form cannot make PDFs`,
          },
          hint: { da: 'kør `npm run build` i dialogpack-mappen, og byg så igen', en: 'run `npm run build` in the dialogpack folder, then build again' },
        },
      ],
    };
  }
  const source = await loadFonts(fontSpecs);
  return { files, fonts: fontSpecs.map((spec) => ({ id: spec.id, bytes: source.read(spec.id) })), diagnostics: [] };
}
