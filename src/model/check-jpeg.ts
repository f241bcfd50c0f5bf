import type { Text } from '../diagnostics/diagnostic.js';
import { tooManyPixels, type RasterLimits, type RasterSize } from './check-png.js';

/** Frame markers PDF's DCT filter decodes: baseline, extended sequential and progressive, Huffman-coded. */
const printableFrames = new Set([0xc0, 0xc1, 0xc2]);
const frameMarker = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * A JPEG as PDFKit will embed it (it copies the bytes and the reader's viewer decodes them), or why it
 * cannot be: segments whole from the start marker through a frame the PDF can decode, at least one
 * scan with data, to the end marker. A file cut short, or one with a frame and no scan, would print as
 * a grey box or make the PDF fail to open. The size is as printed: PDFKit turns the picture as the
 * camera's orientation tag says, so a portrait phone photo stored on its side is measured upright.
 */
export function checkJpeg(bytes: Uint8Array, limits: RasterLimits): RasterSize | { problem: Text } {
  // The Danish leaves out the why: an editor fixes any damage the same way.
  const corrupt = (why: string): { problem: Text } => ({
    problem: { da: 'er en ødelagt JPEG-fil; åbn den i et billedprogram, og gem den igen', en: `is a damaged JPEG file (${why}); open it in an image program and save it again` },
  });
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return corrupt('it does not start as a JPEG file does');
  const u16 = (at: number) => (bytes[at] << 8) | bytes[at + 1];
  let frame: RasterSize | undefined;
  let scans = 0;
  let at = 2;
  for (;;) {
    if (at >= bytes.length) return corrupt('the file is cut off before its end marker');
    if (bytes[at] !== 0xff) return corrupt(`byte ${at} should start a marker`);
    while (bytes[at] === 0xff) at++;
    if (at >= bytes.length) return corrupt('the file is cut off before its end marker');
    const marker = bytes[at++];
    if (marker === 0xd9) break;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (marker === 0xd8 || marker === 0x00) return corrupt(`byte ${at - 1} is not a marker that may stand there`);
    if (at + 2 > bytes.length) return corrupt('the file is cut off inside a segment');
    const length = u16(at);
    if (length < 2 || at + length > bytes.length) return corrupt('a segment runs past the end of the file');
    if (frameMarker(marker)) {
      if (frame) return corrupt('it has more than one frame');
      if (!printableFrames.has(marker)) {
        return {
          problem: {
            da: 'er en slags JPEG, som PDF-filer ikke kan vise (tabsfri eller aritmetisk kodet); gem den igen som almindelig JPEG',
            en: 'is a kind of JPEG that PDF files cannot show (lossless or arithmetic-coded); save it again as an ordinary JPEG',
          },
        };
      }
      if (length < 8) return corrupt('its frame header is too short');
      const precision = bytes[at + 2];
      const height = u16(at + 3);
      const width = u16(at + 5);
      const components = bytes[at + 7];
      if (precision !== 8) {
        return {
          problem: {
            da: `har ${precision} bit pr. farve; PDF-filer viser JPEG-billeder med 8 bit; gem det igen som almindelig JPEG`,
            en: `has ${precision} bits per channel; PDF files show JPEG pictures of 8 bits; save it again as an ordinary JPEG`,
          },
        };
      }
      if (!(width > 0 && height > 0)) return corrupt('its width or height is 0');
      if (![1, 3, 4].includes(components)) return corrupt(`it has ${components} colour channels`);
      if (width * height > limits.maxPixels) return { problem: tooManyPixels(width, height, 8, limits) };
      frame = { width, height };
    }
    at += length;
    if (marker !== 0xda) continue;
    if (!frame) return corrupt('a scan comes before the frame that describes it');
    // Entropy-coded data runs to the next marker; 0xFF 0x00 is an escaped byte and RSTn a restart.
    const start = at;
    for (;;) {
      if (at >= bytes.length) return corrupt('the file is cut off inside the picture data');
      if (bytes[at] !== 0xff) {
        at++;
        continue;
      }
      let next = at + 1;
      while (bytes[next] === 0xff) next++;
      const b = bytes[next];
      if (b === undefined) return corrupt('the file is cut off inside the picture data');
      if (b === 0x00 || (b >= 0xd0 && b <= 0xd7)) {
        at = next + 1;
        continue;
      }
      break;
    }
    if (at === start) return corrupt('a scan holds no picture data');
    scans++;
  }
  if (!frame) return corrupt('it has no frame header');
  if (!scans) return corrupt('it holds no picture data');
  return exifOrientation(bytes) > 4 ? { width: frame.height, height: frame.width } : frame;
}

/**
 * The EXIF orientation read the way PDFKit reads it (pdfkit's parseExifOrientation), so the size
 * measured here is the size PDFKit draws: 1 to 8, or 1 when there is none.
 */
export function exifOrientation(data: Uint8Array): number {
  if (data.length < 20) return 1;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 2;
  while (pos < data.length - 4) {
    while (pos < data.length && data[pos] !== 0xff) pos++;
    if (pos >= data.length - 4) return 1;
    const marker = view.getUint16(pos);
    pos += 2;
    if (marker === 0xffda) return 1;
    if ((marker >= 0xffd0 && marker <= 0xffd9) || marker === 0xff01) continue;
    if (pos + 2 > data.length) return 1;
    const segmentLength = view.getUint16(pos);
    if (marker === 0xffe1 && pos + 8 <= data.length && String.fromCharCode(...data.subarray(pos + 2, pos + 8)) === 'Exif\0\0') {
      const tiff = pos + 8;
      if (tiff + 8 > data.length) return 1;
      const order = String.fromCharCode(data[tiff], data[tiff + 1]);
      const little = order === 'II';
      if (!little && order !== 'MM') return 1;
      const read16 = (o: number) => view.getUint16(o, little);
      if (read16(tiff + 2) !== 42) return 1;
      const ifd = tiff + view.getUint32(tiff + 4, little);
      if (ifd + 2 > data.length) return 1;
      const entries = read16(ifd);
      for (let i = 0; i < entries; i++) {
        const entry = ifd + 2 + i * 12;
        if (entry + 12 > data.length) return 1;
        if (read16(entry) === 0x0112) {
          const value = read16(entry + 8);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
      return 1;
    }
    pos += segmentLength;
  }
  return 1;
}
