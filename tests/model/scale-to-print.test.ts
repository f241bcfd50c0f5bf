import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { OutputKind } from '../../src/compose/compose-document.js';
import { cardFace, pageSetup } from '../../src/layout/page-setup.js';
import { defaultTheme } from '../../src/layout/theme.js';
import { checkJpeg } from '../../src/model/check-jpeg.js';
import { photoJpeg } from '../helpers/make-photo.js';
import { imageBudget, imageLimits, readImage } from '../../src/model/read-image.js';
import { areaAverage, largestPrint, orient, printDpi, printPixels, scaleToPrint } from '../../src/model/scale-to-print.js';

/** A photo of `width` × `height`, red in its left half and blue in its right, so a turn shows. */
const halves = (width: number, height: number, orientation?: number) => photoJpeg(width, height, { orientation });

/** The RGB of the pixel at (x, y), rounded down to whole pixels: half a width is no place in the data. */
const pixel = (img: { data: Uint8Array; width: number }, x: number, y: number) => {
  const at = (Math.floor(y) * img.width + Math.floor(x)) * 4;
  return [...img.data.subarray(at, at + 3)];
};

describe('scaleToPrint', () => {
  it('covers every frame layout prints a picture in at 300 dpi', () => {
    // layout-document: a picture is at most the frame's width and three fifths of its height.
    const frames = (['pack', 'handout', 'facilitator', 'flipchart', 'cards'] as OutputKind[]).map((kind) => {
      const setup = pageSetup(kind, defaultTheme);
      const size = setup.mode === 'cards' ? cardFace : setup.paper;
      const margin = setup.mode === 'cards' ? { top: 16, bottom: 16, left: 16, right: 16 } : setup.margin;
      return { kind, width: size.width - margin.left - margin.right, height: (size.height - margin.top - margin.bottom) * 0.6 };
    });
    for (const frame of frames) {
      expect(frame.width, frame.kind).toBeLessThanOrEqual(largestPrint.width);
      expect(frame.height, frame.kind).toBeLessThanOrEqual(largestPrint.height);
    }
    // And the largest is one of them, so no picture keeps more pixels than some page can print.
    expect(largestPrint.width - Math.max(...frames.map((f) => f.width))).toBeLessThan(1);
    expect(largestPrint.height - Math.max(...frames.map((f) => f.height))).toBeLessThan(1);
    expect(printPixels).toEqual({ width: Math.ceil((largestPrint.width / 72) * printDpi), height: Math.ceil((largestPrint.height / 72) * printDpi) });
  });

  it('leaves a picture that fits as it is', () => {
    expect(scaleToPrint('jpeg', halves(400, 300), 400, 300)).toBeUndefined();
  });

  it('scales a 12-megapixel photo to the print box, keeping its proportions', () => {
    const scaled = scaleToPrint('jpeg', halves(4000, 3000), 4000, 3000)!;
    expect(scaled.width).toBeLessThanOrEqual(printPixels.width);
    expect(scaled.height).toBe(printPixels.height);
    expect(scaled.width / scaled.height).toBeCloseTo(4 / 3, 2);
    expect(checkJpeg(scaled.bytes, { maxPixels: 50e6 })).toEqual({ width: scaled.width, height: scaled.height });
  });

  it('turns a photo upright as its EXIF orientation says', () => {
    // Orientation 6: stored on its side, shown turned a quarter clockwise, so the stored left (red) is the top.
    const stored = halves(4000, 3000, 6);
    expect(checkJpeg(stored, { maxPixels: 50e6 })).toEqual({ width: 3000, height: 4000 });
    const scaled = scaleToPrint('jpeg', stored, 3000, 4000)!;
    expect(scaled.height).toBe(printPixels.height);
    expect(scaled.width).toBeLessThan(scaled.height);
    const decoded = jpeg.decode(scaled.bytes, { useTArray: true });
    expect(checkJpeg(scaled.bytes, { maxPixels: 50e6 })).toEqual({ width: decoded.width, height: decoded.height });
    const [top, bottom] = [pixel(decoded, decoded.width / 2, 10), pixel(decoded, decoded.width / 2, decoded.height - 10)];
    expect(top[0]).toBeGreaterThan(150);
    expect(top[2]).toBeLessThan(80);
    expect(bottom[2]).toBeGreaterThan(150);
    expect(bottom[0]).toBeLessThan(80);
  });

  it('scales a PNG as PNG, keeping transparency', () => {
    const png = new PNG({ width: 10000, height: 400 });
    png.data.fill(0);
    for (let i = 0; i < png.data.length; i += 4) png.data[i + 3] = i % 8 === 0 ? 255 : 0;
    const bytes = new Uint8Array(PNG.sync.write(png));
    const scaled = scaleToPrint('png', bytes, 10000, 400)!;
    expect(scaled.format).toBe('png');
    expect(scaled.width).toBe(printPixels.width);
    const decoded = PNG.sync.read(Buffer.from(scaled.bytes));
    // Every other pixel was opaque: each target pixel covers 2.2 of them, so about half.
    expect(decoded.data[3]).toBeGreaterThan(100);
    expect(decoded.data[3]).toBeLessThan(155);
  });
});

describe('readImage', () => {
  it('scales photos down while the topic has scaled pixels left, and embeds the rest as they are', () => {
    const photo = halves(3000, 2000);
    const budget = { ...imageBudget(), scaled: 7_000_000 };
    const first = readImage('a.jpg', { bytes: photo }, budget);
    const second = readImage('b.jpg', { bytes: photo }, budget);
    if ('problem' in first || 'problem' in second) throw new Error('not read');
    expect(first.image.bytes).not.toBe(photo);
    // 3000 × 2000 to the print box's height, its proportions kept.
    expect(checkJpeg(first.image.bytes!, { maxPixels: 50e6 })).toEqual({ width: Math.round((3000 * printPixels.height) / 2000), height: printPixels.height });
    expect(second.image.bytes).toBe(photo);
    // Placed as the original either way.
    expect([first.image.naturalWidth, second.image.naturalWidth]).toEqual([2250, 2250]);
    expect(imageLimits.maxTopicScaledPixels).toBeGreaterThanOrEqual(2 * 12_000_000);
  });
});

describe('areaAverage', () => {
  it('averages the pixels each target pixel covers, whole and in part', () => {
    // 4 × 1 grey values → 2 × 1: whole pixels.
    const whole = areaAverage(new Uint8Array([0, 100, 200, 40]), 4, 1, 2, 1, 1);
    expect([...whole.data]).toEqual([50, 120]);
    // 3 × 1 → 2 × 1: the middle pixel is shared half and half.
    const part = areaAverage(new Uint8Array([0, 90, 180]), 3, 1, 2, 1, 1);
    expect([...part.data]).toEqual([30, 150]);
    // 1 × 3 → 1 × 2, the same down a column.
    expect([...areaAverage(new Uint8Array([0, 90, 180]), 1, 3, 1, 2, 1).data]).toEqual([30, 150]);
  });

  it('keeps a flat colour flat and the mean of any picture', () => {
    const flat = areaAverage(new Uint8Array(997 * 13).fill(77), 997, 13, 301, 5, 1);
    expect(new Set(flat.data)).toEqual(new Set([77]));
    const noise = new Uint8Array(640 * 480).map((_, i) => (i * 7919) % 256);
    const small = areaAverage(noise, 640, 480, 213, 160, 1);
    const mean = (a: Uint8Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(Math.abs(mean(small.data) - mean(noise))).toBeLessThan(1);
  });
});

describe('orient', () => {
  // A 3 × 2 picture whose pixels are numbered 1…6 in reading order (in the red channel).
  const src = new Uint8Array(6 * 4);
  for (let i = 0; i < 6; i++) src[i * 4] = i + 1;
  const read = (o: number) => {
    const r = orient(src, 3, 2, o);
    return { size: [r.width, r.height], order: Array.from({ length: 6 }, (_, i) => r.data[i * 4]) };
  };

  it('turns and mirrors as EXIF orientations 1–8 say', () => {
    // 1 2 3
    // 4 5 6
    expect(read(1)).toEqual({ size: [3, 2], order: [1, 2, 3, 4, 5, 6] });
    expect(read(2)).toEqual({ size: [3, 2], order: [3, 2, 1, 6, 5, 4] });
    expect(read(3)).toEqual({ size: [3, 2], order: [6, 5, 4, 3, 2, 1] });
    expect(read(4)).toEqual({ size: [3, 2], order: [4, 5, 6, 1, 2, 3] });
    expect(read(5)).toEqual({ size: [2, 3], order: [1, 4, 2, 5, 3, 6] });
    // A quarter turn clockwise: the left column, read upwards, becomes the top row.
    expect(read(6)).toEqual({ size: [2, 3], order: [4, 1, 5, 2, 6, 3] });
    expect(read(7)).toEqual({ size: [2, 3], order: [6, 3, 5, 2, 4, 1] });
    expect(read(8)).toEqual({ size: [2, 3], order: [3, 6, 2, 5, 1, 4] });
  });
});
