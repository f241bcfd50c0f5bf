/**
 * Why every PDF's bytes are what they are: each Flate stream PDFKit writes is render's pdfDeflate
 * (fflate) of its content, not Node's zlib. That is what makes the PDFs the browser builds byte-identical
 * to the CLI's (issue #21; tests/web/tailor-in-browser.test.ts compares them): Node 20's zlib is
 * Chromium's fork, whose deflate no JavaScript port reproduces, so a change back to Node's deflate fails
 * here first. A picture with an alpha channel is in the topic, since PDFKit deflates its colour and alpha
 * planes anew, on a path of their own. The streams PDFKit does not deflate itself, a PNG's own IDAT
 * passed through (they carry DecodeParms), are the picture file's bytes, the same in both hosts.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { zlibSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleToPrint, printPixels } from '../../src/model/scale-to-print.js';
import { pdfDeflate } from '../../src/render/pdf-deflate.js';
import { buildInMemory, output, repoRoot, testFixtures } from '../helpers/build-fixture.js';

interface Stream {
  dict: string;
  raw: Uint8Array;
}

/** Every stream of a PDF (PDFKit writes no object streams), with its dictionary. */
function streams(pdf: Uint8Array): Stream[] {
  const text = Buffer.from(pdf).toString('latin1');
  const found: Stream[] = [];
  const start = /\/Length (\d+)[^]*?>>\s*stream\r?\n/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const from = m.index + m[0].length;
    found.push({ dict: text.slice(text.lastIndexOf(' obj', m.index), m.index + m[0].length), raw: pdf.subarray(from, from + Number(m[1])) });
    start.lastIndex = from + Number(m[1]);
  }
  return found;
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-pdf-deflate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A picture with an alpha channel: a blue disc on transparency, with a soft edge. */
function discWithAlpha(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const r = Math.hypot(x - width / 2, y - height / 2) / (height / 2);
      png.data.set([20 + (x % 7), 90 + (y % 5), 200, Math.max(0, Math.min(255, Math.round((1.1 - r) * 600)))], i);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

describe('the deflate of every PDF stream', () => {
  let pdfs: Uint8Array[];
  let nativeDeflate: unknown;
  beforeAll(async () => {
    const dir = path.join(tmp, 'images');
    cpSync(path.join(testFixtures, 'images'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'billeder/skaerm.png'), discWithAlpha(480, 300));
    nativeDeflate = zlib.deflateSync;
    const pictures = await buildInMemory(dir, { kinds: ['pack', 'cards'] });
    const hardware = await buildInMemory(path.join(repoRoot, 'content/hardware'), { kinds: ['pack', 'handout'], participants: 14, start: '13:00' });
    pdfs = [output(pictures, 'pack'), output(pictures, 'cards'), output(hardware, 'pack'), output(hardware, 'handout')];
  }, 120_000);

  it('is pdfDeflate (fflate at level 6) of the stream, for every stream PDFKit deflates, the alpha planes of a picture too', () => {
    let checked = 0;
    let masks = 0;
    for (const pdf of pdfs) {
      for (const { dict, raw } of streams(pdf)) {
        if (!dict.includes('/FlateDecode') || dict.includes('/DecodeParms')) continue;
        const content = zlib.inflateSync(raw);
        expect(Buffer.compare(Buffer.from(raw), Buffer.from(zlibSync(content))), dict).toBe(0);
        checked++;
        if (dict.includes('/DeviceGray') && dict.includes('/Subtype /Image')) masks++;
      }
    }
    expect(checked).toBeGreaterThan(60);
    // The picture's alpha plane, on the pack's page and on the card.
    expect(masks).toBe(2);
  });

  it("is not Node's deflate, which gives other bytes for the same streams", () => {
    const [first] = pdfs;
    const deflated = streams(first).filter(({ dict }) => dict.includes('/FlateDecode') && !dict.includes('/DecodeParms'));
    const differ = deflated.filter(({ raw }) => Buffer.compare(Buffer.from(raw), zlib.deflateSync(zlib.inflateSync(raw))) !== 0);
    expect(differ.length).toBeGreaterThan(deflated.length / 2);
  });

  it("leaves Node's own zlib.deflateSync as it was once a PDF is made", () => {
    expect(zlib.deflateSync).toBe(nativeDeflate);
    expect(pdfDeflate(new Uint8Array([1, 2, 3]))).toEqual(zlibSync(new Uint8Array([1, 2, 3])));
  });
});

describe("a scaled picture's PNG", () => {
  it("is the bytes pngjs's browser build writes of the same pixels, with Node's deflate (level 9, RLE)", () => {
    const width = printPixels.width + 62;
    const source = discWithAlpha(width, 120);
    const scaled = scaleToPrint('png', source, width, 120)!;
    expect(scaled.width).toBe(printPixels.width);
    // What the web bundle runs in pngjs's place (scripts/bundle-web.mjs), with pako inside it.
    const BrowserPNG = (createRequire(import.meta.url)('pngjs/browser.js') as { PNG: typeof PNG }).PNG;
    const pixels = PNG.sync.read(Buffer.from(scaled.bytes));
    const again = BrowserPNG.sync.write(Object.assign(new BrowserPNG({ width: pixels.width, height: pixels.height }), { data: pixels.data }), { colorType: 6 });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(scaled.bytes))).toBe(0);
  });
});
