/**
 * Reads the web edition's built browser files (scripts/bundle-web.mjs writes them to dist/web/): the
 * script the topic pages' form runs, one script per catalog font, and their licences. `build --site`
 * writes them under out/assets/. Input: nothing. Output: the files by their path under assets/, or
 * an error when the browser build is missing (a checkout that has not run `npm run build`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** src/load and dist/cli both lie two folders below the package root, so one relative URL finds dist/web from either. */
const webDir = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export function loadWebAssets(): { files: { path: string; bytes: Uint8Array }[]; diagnostics: Diagnostic[] } {
  try {
    const names = readdirSync(webDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(webDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    if (!names.includes('dialogpack-web.js')) throw new Error('dialogpack-web.js is missing');
    return { files: names.map((name) => ({ path: `assets/${name}`, bytes: new Uint8Array(readFileSync(path.join(webDir, name))) })), diagnostics: [] };
  } catch {
    return {
      files: [],
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
}
