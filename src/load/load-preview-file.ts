/**
 * load: a file `dialogpack preview` serves → its bytes: a PDF the build wrote into the output folder,
 * or one of the pdf.js files the page renders pages with (scripts/bundle.mjs copies them to dist/pdfjs/).
 * Input: a PDF's path relative to the output folder as the manifest records it, or a pdf.js file by
 * its fixed name. Output: the bytes, or undefined when the file is not there or not an ordinary file
 * inside the folder.
 * Never: take a name from a request: the caller names only files it listed itself.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pdf.js files the page loads, and nothing else from dist/pdfjs/. */
export const pdfjsFiles = ['pdf.min.mjs', 'pdf.worker.min.mjs'] as const;
export type PdfjsFile = (typeof pdfjsFiles)[number];

/** Beside dist/cli/ in the package, and in dist/ of a working copy for the tests that run src/. */
const pdfjsDir = fileURLToPath(new URL('../../dist/pdfjs/', import.meta.url));

export async function loadPreviewFile(file: { outDir: string; pdf: string } | { pdfjs: PdfjsFile }): Promise<Buffer | undefined> {
  if ('pdfjs' in file) return pdfjsFiles.includes(file.pdfjs) ? readInside(pdfjsDir, file.pdfjs) : undefined;
  return readInside(file.outDir, file.pdf);
}

/** `rel` read from under `root`, following no link out of it. */
async function readInside(root: string, rel: string): Promise<Buffer | undefined> {
  const realRoot = await realpath(root).catch(() => undefined);
  const real = await realpath(path.join(root, rel)).catch(() => undefined);
  if (!realRoot || !real || !real.startsWith(realRoot + path.sep)) return undefined;
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return readFile(real).catch(() => undefined);
}
