import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPng } from '../../src/model/check-png.js';
import { pngChunk } from '../helpers/png-chunk.js';


function png(width: number, height: number, options: { depth?: number; colour?: number; interlaced?: boolean; data: Uint8Array; extra?: Buffer[] }): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = options.depth ?? 8;
  ihdr[9] = options.colour ?? 2;
  ihdr[12] = options.interlaced ? 1 : 0;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), ...(options.extra ?? []), pngChunk('IDAT', deflateSync(options.data)), pngChunk('IEND', new Uint8Array())]);
}

const limits = { maxPixels: 1_000_000 };

describe('checkPng', () => {
  it('accepts a PNG whose data unpacks to exactly its size', () => {
    expect(checkPng(png(3, 2, { data: Buffer.alloc(2 * (1 + 9)) }), limits)).toEqual({ width: 3, height: 2 });
  });

  it('counts an interlaced PNG’s seven passes, rows of each pass with their own filter byte', () => {
    // 5 × 5 RGB: Adam7 passes of 1×1, 1×1, 2×1, 1×2, 3×1, 2×3 and 5×2 pixels, 3 bytes a pixel.
    const rows = [[1, 1], [1, 1], [2, 1], [1, 2], [3, 1], [2, 3], [5, 2]].reduce((n, [w, h]) => n + h * (1 + 3 * w), 0);
    expect(checkPng(png(5, 5, { interlaced: true, data: Buffer.alloc(rows) }), limits)).toEqual({ width: 5, height: 5 });
    expect(checkPng(png(5, 5, { interlaced: true, data: Buffer.alloc(rows - 1) }), limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('cut off') }) });
  });

  it('refuses more data than the size holds, without unpacking past it', () => {
    expect(checkPng(png(3, 2, { data: Buffer.alloc(10_000) }), limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('more image data than its size') }) });
  });

  it('reads the pixel limit from the header, counting 16-bit channels double', () => {
    expect(checkPng(png(1001, 1000, { data: Buffer.alloc(1) }), limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('1,001 × 1,000 pixels (1 megapixels), more than the 1 megapixels') }) });
    expect(checkPng(png(800, 800, { depth: 16, colour: 6, data: Buffer.alloc(1) }), limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('at 16 bits per channel') }) });
    expect(checkPng(png(800, 800, { depth: 16, colour: 0, data: Buffer.alloc(800 * 1601) }), limits)).toEqual({ width: 800, height: 800 });
  });

  it('refuses kinds that PDFKit would print as noise, and kinds that do not exist', () => {
    const palette = pngChunk('PLTE', Buffer.alloc(6));
    const transparent = pngChunk('tRNS', Buffer.from([0]));
    expect(checkPng(png(8, 1, { depth: 4, colour: 3, data: Buffer.alloc(5), extra: [palette, transparent] }), limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('cannot print') }) });
    expect(checkPng(png(8, 1, { depth: 4, colour: 3, data: Buffer.alloc(5), extra: [palette] }), limits)).toEqual({ width: 8, height: 1 });
    expect(checkPng(png(8, 1, { depth: 3, colour: 2, data: Buffer.alloc(5) }), limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('does not exist') }) });
    expect(checkPng(png(8, 1, { depth: 8, colour: 3, data: Buffer.alloc(9) }), limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('no palette') }) });
  });
});
