/**
 * A phone's photos, end to end through `dialogpack build`: a 12-megapixel JPEG of several megabytes is
 * printed, embedded at 300 dpi of the largest frame layout prints a picture in rather than at its own
 * 12 megapixels, and one stored on its side with an EXIF orientation is printed upright. The photos are
 * made here, since they are large; the embedded pictures are read back with poppler's pdfimages.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { printPixels } from '../../src/model/scale-to-print.js';
import { photoJpeg } from '../helpers/make-photo.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-phone-photo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function topicWith(name: string, photo: Uint8Array): string {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, 'billeder'), { recursive: true });
  writeFileSync(path.join(dir, 'topic.yaml'), 'title: Et foto fra telefonen\nparticipants: { min: 4, max: 12 }\nduration: 20\npurpose: purpose.md\nsteps:\n  - title: Trin\n    minutes: 20\n');
  writeFileSync(path.join(dir, 'purpose.md'), 'Før billedet.\n\n![Borgerservice set fra skranken](billeder/foto.jpg)\n\nEfter billedet.\n');
  writeFileSync(path.join(dir, 'billeder/foto.jpg'), photo);
  return dir;
}

/** The embedded pictures of a PDF, as pdfimages lists them: width and height in pixels, and the encoding. */
function embedded(pdf: string): { width: number; height: number; enc: string }[] {
  const lines = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    return { width: Number(cols[3]), height: Number(cols[4]), enc: cols[8] };
  });
}

function buildPack(dir: string): string {
  const out = path.join(tmp, `out-${path.basename(dir)}`);
  const run = runCli(['build', dir, '--out', out, '--kind', 'pack', '--lang', 'en'], { timeout: 120_000 });
  expect(run.code, run.stderr).toBe(0);
  const folder = path.join(out, path.basename(dir));
  return path.join(folder, readdirSync(folder).find((f) => f.endsWith('.pdf'))!);
}

describe('a phone photo', () => {
  it('is printed at print resolution, not at its 12 megapixels', () => {
    const photo = photoJpeg(4000, 3000, { noise: 40, quality: 85 });
    expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
    const pdf = buildPack(topicWith('stort-foto', photo));
    const [image] = embedded(pdf);
    expect(image.enc).toBe('jpeg');
    expect(image.width).toBeLessThanOrEqual(printPixels.width);
    expect(image.height).toBeLessThanOrEqual(printPixels.height);
    // Scaled only as far as print needs: the box's height, at the photo's proportions.
    expect(image.height).toBe(printPixels.height);
    expect(image.width).toBe(Math.round((4000 * printPixels.height) / 3000));
    expect(statSync(pdf).size).toBeLessThan(photo.length);
  });

  it('is printed upright when its EXIF orientation says it was stored on its side', () => {
    // Stored 4000 × 3000 with the red half on the left; orientation 6 turns it a quarter clockwise.
    const pdf = buildPack(topicWith('drejet-foto', photoJpeg(4000, 3000, { orientation: 6 })));
    const [image] = embedded(pdf);
    expect(image.width).toBeLessThan(image.height);
    expect(image.height).toBeLessThanOrEqual(printPixels.height);
    // The picture itself is turned, not only its size: the stored left half (red) is now the top.
    execFileSync('pdfimages', ['-j', pdf, path.join(tmp, 'drejet')]);
    const file = readdirSync(tmp).find((f) => f.startsWith('drejet') && f.endsWith('.jpg'))!;
    const decoded = jpeg.decode(readFileSync(path.join(tmp, file)), { useTArray: true });
    const at = (x: number, y: number) => [...decoded.data.subarray((y * decoded.width + x) * 4, (y * decoded.width + x) * 4 + 3)];
    const [top, bottom] = [at(decoded.width >> 1, 20), at(decoded.width >> 1, decoded.height - 20)];
    expect(top[0]).toBeGreaterThan(top[2] + 100);
    expect(bottom[2]).toBeGreaterThan(bottom[0] + 100);
  });
});
