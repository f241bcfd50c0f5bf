/**
 * Reads font files named by the catalog from their npm packages, once per process.
 * Input: file specs. Output: bytes by font id. Never parses the fonts (see fonts/font-book).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontFileSpec } from '../fonts/font-catalog.js';

const require = createRequire(import.meta.url);
const cache = new Map<string, Promise<Uint8Array>>();

export async function loadFonts(specs: readonly FontFileSpec[]): Promise<Map<string, Uint8Array>> {
  const entries = await Promise.all(specs.map(async (spec) => [spec.id, await readFontFile(spec)] as const));
  return new Map(entries);
}

function readFontFile(spec: FontFileSpec): Promise<Uint8Array> {
  const packageDir = path.dirname(require.resolve(`${spec.package}/package.json`));
  const file = path.join(packageDir, spec.file);
  let pending = cache.get(file);
  if (!pending) {
    pending = readFile(file).then((b) => new Uint8Array(b));
    cache.set(file, pending);
  }
  return pending;
}
