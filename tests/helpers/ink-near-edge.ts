import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A page as pdftoppm -gray draws it: one byte a pixel, 255 white, row by row from the top. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The ink nearest a page's edge, where it lies inside the band the test forbids. */
export interface EdgeInk {
  page: number;
  /** Pixel column and row, from the page's top left. */
  x: number;
  y: number;
  /** How far the pixel's outer side is from the nearest paper edge. */
  mm: number;
  value: number;
}

/** Reads a binary PGM (P5, max value 255), the format pdftoppm -gray writes. */
export function readPgm(bytes: Uint8Array): GrayImage {
  const fields: string[] = [];
  let at = 0;
  // Header: magic, width, height and max value, separated by whitespace, with # comments allowed.
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at]))) at++;
    if (bytes[at] === 0x23) {
      while (bytes[at] !== 0x0a) at++;
      continue;
    }
    let field = '';
    while (at < bytes.length && !/\s/.test(String.fromCharCode(bytes[at]))) field += String.fromCharCode(bytes[at++]);
    fields.push(field);
  }
  at++; // the single whitespace byte before the pixels
  const [magic, w, h, max] = fields;
  if (magic !== 'P5' || max !== '255') throw new Error(`not an 8-bit binary PGM: ${fields.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  const pixels = bytes.subarray(at, at + width * height);
  if (pixels.length !== width * height) throw new Error(`PGM is short: ${pixels.length} of ${width * height} pixels`);
  return { width, height, pixels };
}

/**
 * The non-white pixel nearest the edge among those that reach into the outer `mm` of the page, or
 * undefined when that band is white. A pixel counts when any part of it lies in the band, so ink
 * drawn exactly at the band's inner line, anti-aliased onto the pixel across it, is found too.
 */
export function inkInBand(image: GrayImage, dpi: number, mm: number): Omit<EdgeInk, 'page'> | undefined {
  const pxPerMm = dpi / 25.4;
  const band = Math.ceil(mm * pxPerMm);
  let found: Omit<EdgeInk, 'page'> | undefined;
  const { width, height, pixels } = image;
  for (let y = 0; y < height; y++) {
    const rowBand = y < band || y >= height - band;
    for (let x = 0; x < width; x++) {
      if (!rowBand && x >= band && x < width - band) {
        x = width - band - 1;
        continue;
      }
      const value = pixels[y * width + x];
      if (value === 255) continue;
      const edge = Math.min(x, y, width - 1 - x, height - 1 - y);
      const at = edge / pxPerMm;
      if (!found || at < found.mm) found = { x, y, mm: at, value };
    }
  }
  return found;
}

/** Renders every page of a PDF with pdftoppm -gray and reports each page that has ink within `mm` of an edge. */
export function inkNearEdge(pdf: Uint8Array, options: { dpi?: number; mm?: number } = {}): EdgeInk[] {
  const dpi = options.dpi ?? 50;
  const mm = options.mm ?? 5;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-ink-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)![1]) - Number(/(\d+)\.pgm$/.exec(b)![1]));
    return pages.flatMap((file, i) => {
      const ink = inkInBand(readPgm(readFileSync(path.join(dir, file))), dpi, mm);
      return ink ? [{ page: i + 1, ...ink }] : [];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
