import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { exifOrientation } from './check-jpeg.js';

/**
 * The largest frame layout ever prints a picture in, in points, each side on its own: the A3 flipchart
 * sheet's width, landscape, less its 18 mm margins (1 088.5 pt, 384 mm), and three fifths of the tallest
 * frame, the most a picture may take: the facilitator's A4 sheet with its 50 pt margins (446.4 pt,
 * 157.5 mm). Cards are smaller; a poster is the A3 sheet enlarged, read from metres away.
 * tests/model/scale-to-print.test.ts checks this against layout's page setups.
 */
export const largestPrint = { width: 1089, height: 447 };
/** Print shops ask for 300 dpi; past it no printer shows more. */
export const printDpi = 300;

/** Pixels that fill `largestPrint` at `printDpi`: 4 538 × 1 863. */
export const printPixels = {
  width: Math.ceil((largestPrint.width / 72) * printDpi),
  height: Math.ceil((largestPrint.height / 72) * printDpi),
};

export interface ScaledRaster {
  format: 'png' | 'jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** True when a picture of this size (as printed) has no more pixels than print needs. */
export function fitsPrint(width: number, height: number): boolean {
  return width <= printPixels.width && height <= printPixels.height;
}

/** JPEG quality of a scaled photo: no print shows the difference from the original's. */
const jpegQuality = 90;

/**
 * A PNG or JPEG larger than print needs → the same picture at the pixels `printPixels` allows (upright,
 * as its EXIF orientation says), or undefined when it already fits and its bytes are embedded as they
 * are. A 12-megapixel phone photo becomes about 2 500 × 1 850 pixels: the PDF is a fifth of the size
 * and prints as sharp. Pure bytes → bytes; the caller has checked the file whole and within its pixels.
 * `width` and `height` are the picture's as printed (after orientation).
 */
export function scaleToPrint(format: 'png' | 'jpeg', bytes: Uint8Array, width: number, height: number): ScaledRaster | undefined {
  if (fitsPrint(width, height)) return undefined;
  const scale = Math.min(printPixels.width / width, printPixels.height / height);
  const targetWidth = Math.max(1, Math.round(width * scale));
  const targetHeight = Math.max(1, Math.round(height * scale));
  if (format === 'jpeg') {
    const orientation = exifOrientation(bytes);
    // The pixels are stored before turning: scale them to the target's size on their own axes.
    const turned = orientation > 4;
    const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 100, maxMemoryUsageInMB: 1024 });
    const scaled = areaAverage(decoded.data, decoded.width, decoded.height, turned ? targetHeight : targetWidth, turned ? targetWidth : targetHeight, 4);
    const upright = orient(scaled.data, scaled.width, scaled.height, orientation);
    const encoded = jpeg.encode({ data: upright.data, width: upright.width, height: upright.height }, jpegQuality);
    return { format: 'jpeg', bytes: new Uint8Array(encoded.data.buffer, encoded.data.byteOffset, encoded.data.byteLength), width: upright.width, height: upright.height };
  }
  const decoded = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const scaled = areaAverage(decoded.data, decoded.width, decoded.height, targetWidth, targetHeight, 4);
  let opaque = true;
  for (let i = 3; i < scaled.data.length; i += 4) if (scaled.data[i] !== 255) opaque = false;
  const png = PNG.sync.write(Object.assign(new PNG({ width: scaled.width, height: scaled.height }), { data: Buffer.from(scaled.data.buffer) }), {
    colorType: opaque ? 2 : 6,
  });
  return { format: 'png', bytes: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width: scaled.width, height: scaled.height };
}

/**
 * Box-filter downscaling: each target pixel is the average of the source pixels it covers, weighted by
 * how much of each it covers, so a photo's noise and fine patterns average out instead of aliasing. A
 * source pixel touches at most two target pixels on each axis (the scale is below 1), and rows are
 * taken one at a time into one row of sums, so the memory is the target's plus two rows.
 */
export function areaAverage(src: Uint8Array, width: number, height: number, targetWidth: number, targetHeight: number, channels: number): { data: Uint8Array; width: number; height: number } {
  const out = new Uint8Array(targetWidth * targetHeight * channels);
  const sx = width / targetWidth;
  const sy = height / targetHeight;
  // For each source column: the first target column it falls in, and the share of it that falls there.
  const column = new Int32Array(width);
  const columnShare = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const j = Math.min(targetWidth - 1, Math.floor(x / sx));
    column[x] = j;
    columnShare[x] = Math.min(1, (j + 1) * sx - x);
  }
  // One spare pixel at the end, so a source pixel's second share needs no bounds test (its weight is 0 there).
  const rowSums = new Float64Array((targetWidth + 1) * channels);
  const outRow = new Float64Array(targetWidth * channels);
  const nextRow = new Float64Array(targetWidth * channels);
  const area = sx * sy;
  let target = 0;
  for (let y = 0; y < height; y++) {
    rowSums.fill(0);
    let at = y * width * channels;
    for (let x = 0; x < width; x++, at += channels) {
      const first = column[x] * channels;
      const share = columnShare[x];
      const rest = 1 - share;
      for (let c = 0; c < channels; c++) {
        const v = src[at + c];
        rowSums[first + c] += v * share;
        rowSums[first + channels + c] += v * rest;
      }
    }
    const rowEnd = (target + 1) * sy;
    const share = Math.min(1, rowEnd - y);
    for (let k = 0; k < outRow.length; k++) {
      outRow[k] += rowSums[k] * share;
      if (share < 1) nextRow[k] += rowSums[k] * (1 - share);
    }
    if (y + 1 >= rowEnd - 1e-9 || y === height - 1) {
      const offset = target * targetWidth * channels;
      for (let k = 0; k < outRow.length; k++) out[offset + k] = Math.min(255, Math.round(outRow[k] / area));
      target++;
      outRow.set(nextRow);
      nextRow.fill(0);
      if (target >= targetHeight) break;
    }
  }
  return { data: out, width: targetWidth, height: targetHeight };
}

/**
 * Pixels stored as a camera held them → upright, as EXIF orientation 1–8 says (2, 4, 5 and 7 mirror
 * too); 5 to 8 swap width and height. PDFKit would turn the original itself, but a picture drawn anew
 * has no EXIF, so the turn is made here.
 */
export function orient(src: Uint8Array, width: number, height: number, orientation: number): { data: Uint8Array; width: number; height: number } {
  if (orientation <= 1 || orientation > 8) return { data: src, width, height };
  const swap = orientation > 4;
  const w = swap ? height : width;
  const h = swap ? width : height;
  const out = new Uint8Array(src.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2: [sx, sy] = [width - 1 - x, y]; break;
        case 3: [sx, sy] = [width - 1 - x, height - 1 - y]; break;
        case 4: [sx, sy] = [x, height - 1 - y]; break;
        case 5: [sx, sy] = [y, x]; break;
        case 6: [sx, sy] = [y, height - 1 - x]; break;
        case 7: [sx, sy] = [width - 1 - y, height - 1 - x]; break;
        default: [sx, sy] = [width - 1 - y, x]; break;
      }
      const from = (sy * width + sx) * 4;
      const to = (y * w + x) * 4;
      out[to] = src[from];
      out[to + 1] = src[from + 1];
      out[to + 2] = src[from + 2];
      out[to + 3] = src[from + 3];
    }
  }
  return { data: out, width: w, height: h };
}
