/**
 * What the stages ask of node:zlib, for the browser bundle (scripts/bundle-web.mjs puts this module in
 * its place): inflate for WOFF fonts and PNG checks, CRC-32 for PNG chunks, deflate for PDFKit's streams.
 * Inflating is exact whoever does it. Deflating is not: Node 20 deflates with Chromium's zlib fork, which
 * no JavaScript deflate reproduces, so both hosts deflate PDF streams with render's pdfDeflate, fflate's
 * zlibSync (src/render/pdf-deflate.ts, which imports this module in the bundle, hence fflate here and not
 * pdfDeflate), and this module's deflateSync is the same, so that no deflate in the bundle differs from the
 * CLI's (docs/performance.md, "The web edition (#21)").
 */
import { Buffer } from 'buffer';
import { zlibSync } from 'fflate';
import { inflate } from 'pako';

export function deflateSync(data: Uint8Array): Buffer {
  return Buffer.from(zlibSync(data));
}

export function inflateSync(data: Uint8Array, options?: { maxOutputLength?: number }): Buffer {
  const out = inflate(data);
  if (options?.maxOutputLength !== undefined && out.byteLength > options.maxOutputLength) throw new RangeError('Cannot create a Buffer larger than maxOutputLength');
  return Buffer.from(out);
}

const table = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

export function crc32(data: Uint8Array | string, value = 0): number {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let c = ~value;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export default { deflateSync, inflateSync, crc32 };
