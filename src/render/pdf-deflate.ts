/**
 * The deflate of every Flate stream of every PDF, in the CLI and in the browser (issue #21): fflate's,
 * at PDFKit's level (6), which is the deflate PDFKit's own browser build calls. The two hosts must write
 * the same bytes, and a deflate's bytes are its implementation's: Node 20's node:zlib is Chromium's
 * zlib fork, which no JavaScript deflate reproduces, and a browser has no native deflate of its own
 * that a page may call synchronously. A deflate in JavaScript gives the same bytes wherever it runs;
 * fflate is the faster of the two measured (pako is the other; docs/performance.md, "The web edition
 * (#21)"). tests/render/pdf-deflate.test.ts holds every stream of a PDF to it.
 *
 * PDFKit's Node build deflates through Node's zlib module, reading `deflateSync` from it at each call:
 * in a PDFReference's finalize (every stream: content, fonts, the structure, metadata) and in a PNG's
 * decodePixels callback (a picture with an alpha channel, a palette with transparency, or interlace,
 * whose planes PDFKit deflates anew). pdfkit-patches.ts, where render reaches into PDFKit, runs exactly
 * those calls, which are synchronous, inside withPdfDeflate, which points that one property at
 * pdfDeflate and puts it back after, so nothing else in the process deflates differently, and the CLI's
 * own inflateSync and crc32 stay native. In the browser bundle PDFKit already calls fflate
 * (scripts/bundle-web.mjs points it here), and the swap changes nothing.
 *
 * pngjs's re-encode of a scaled picture (src/model/scale-to-print.ts) keeps Node's deflate: at its level 9
 * with the RLE strategy, Chromium's zlib and pako (inside pngjs's browser build) write the same bytes
 * (that strategy has no match finder to differ in), and the test checks that too.
 */
import zlib from 'node:zlib';
import { zlibSync } from 'fflate';

export function pdfDeflate(data: Uint8Array): Uint8Array {
  return zlibSync(data);
}

/** Runs `fn` with Node's zlib.deflateSync replaced by pdfDeflate. */
export function withPdfDeflate<T>(fn: () => T): T {
  const mutable = zlib as unknown as { deflateSync: unknown };
  const native = mutable.deflateSync;
  mutable.deflateSync = pdfDeflate;
  try {
    return fn();
  } finally {
    mutable.deflateSync = native;
  }
}
