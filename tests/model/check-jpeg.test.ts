import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJpeg } from '../../src/model/check-jpeg.js';
import { testFixtures } from '../helpers/build-fixture.js';

const photo = readFileSync(path.join(testFixtures, 'images/billeder/side.jpg'));
const limits = { maxPixels: 1_000_000 };

/** The photo with an EXIF segment saying how the camera was held (6: turned a quarter, as a portrait phone photo). */
function withOrientation(orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([photo.subarray(0, 2), app1, photo.subarray(2)]);
}

describe('checkJpeg', () => {
  it('measures the photo as printed: PDFKit turns it as its EXIF orientation says', () => {
    expect(checkJpeg(photo, limits)).toEqual({ width: 166, height: 234 });
    expect(checkJpeg(withOrientation(1), limits)).toEqual({ width: 166, height: 234 });
    expect(checkJpeg(withOrientation(6), limits)).toEqual({ width: 234, height: 166 });
  });

  it('refuses a frame past the pixel limit, and a kind PDF cannot show', () => {
    expect(checkJpeg(photo, { maxPixels: 1000 })).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('166 × 234 pixels') }) });
    const sof = photo.indexOf(Buffer.from([0xff, 0xc0]));
    const arithmetic = Buffer.from(photo);
    arithmetic[sof + 1] = 0xc9;
    expect(checkJpeg(arithmetic, limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('lossless or arithmetic-coded') }) });
  });

  it('refuses a file cut short, or ending before its picture data', () => {
    expect(checkJpeg(photo.subarray(0, photo.length - 2), limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('cut off') }) });
    const sos = photo.indexOf(Buffer.from([0xff, 0xda]));
    expect(checkJpeg(Buffer.concat([photo.subarray(0, sos), Buffer.from([0xff, 0xd9])]), limits)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('holds no picture data') }) });
  });
});
