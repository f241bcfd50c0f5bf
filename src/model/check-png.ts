import { crc32, inflateSync } from 'node:zlib';
import type { Text } from '../diagnostics/diagnostic.js';

export interface RasterSize {
  width: number;
  height: number;
}

export interface RasterLimits {
  /** Decoded pixels a picture may have; decoding a PNG costs four bytes a pixel at 8 bits per channel. */
  maxPixels: number;
}

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const bitDepths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const channels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7: where each of the seven passes starts and how far apart its pixels are. */
const adam7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/**
 * A PNG as PDFKit will embed it, or why it cannot be: every chunk whole and its checksum right, the
 * header's size within the pixel limit (checked before anything is decompressed, so a small file that
 * would unpack to gigabytes costs nothing), and the image data unpacked once to exactly the size the
 * header promises, with a valid filter on every row. PDFKit's PNG decoder throws from a callback on any
 * of these, which ends the process, or embeds the picture broken. `problem` completes "the image …".
 */
export function checkPng(bytes: Uint8Array, limits: RasterLimits): RasterSize | { problem: Text } {
  // The Danish leaves out the why: an editor fixes any damage the same way.
  const corrupt = (why: string): { problem: Text } => ({
    problem: { da: 'er en ødelagt PNG-fil; åbn den i et billedprogram, og gem den igen', en: `is a damaged PNG file (${why}); open it in an image program and save it again` },
  });
  if (bytes.length < 8 || signature.some((b, i) => bytes[i] !== b)) return corrupt('it does not start as a PNG file does');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | undefined;
  let paletteEntries = 0;
  let transparency = false;
  const data: Uint8Array[] = [];
  let dataEnded = false;
  let ended = false;
  while (!ended) {
    const start = at;
    if (start + 12 > bytes.length) return corrupt('the file ends before its last chunk');
    const length = view.getUint32(start);
    const type = String.fromCharCode(...bytes.subarray(start + 4, start + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) return corrupt(`a chunk at byte ${start} has no valid name`);
    if (length > bytes.length - start - 12) return corrupt(`the ${type} chunk runs past the end of the file`);
    const body = bytes.subarray(start + 8, start + 8 + length);
    if (crc32(bytes.subarray(start + 4, start + 8 + length)) !== view.getUint32(start + 8 + length)) return corrupt(`the ${type} chunk's checksum is wrong`);
    at = start + 12 + length;
    if (!header && type !== 'IHDR') return corrupt('the IHDR chunk is not first');
    if (type !== 'IDAT' && data.length) dataEnded = true;
    switch (type) {
      case 'IHDR': {
        if (header || length !== 13) return corrupt('its IHDR chunk is wrong');
        const h = { width: view.getUint32(start + 8), height: view.getUint32(start + 12), depth: body[8], colour: body[9], interlaced: body[12] === 1 };
        if (!(h.width > 0 && h.height > 0 && h.width < 2 ** 31 && h.height < 2 ** 31)) return corrupt('its width or height is 0');
        if (!bitDepths[h.colour]?.includes(h.depth) || body[10] !== 0 || body[11] !== 0 || body[12] > 1) return corrupt('its IHDR chunk names a kind of PNG that does not exist');
        // Decoding keeps every pixel in memory, at two bytes a channel for 16-bit pictures.
        const cost = h.width * h.height * Math.max(1, (channels[h.colour] * h.depth) / 32);
        if (cost > limits.maxPixels) return { problem: tooManyPixels(h.width, h.height, h.depth, limits) };
        header = h;
        break;
      }
      case 'PLTE':
        if (length % 3 !== 0 || length === 0 || length > 768) return corrupt('its palette has a wrong length');
        paletteEntries = length / 3;
        break;
      case 'tRNS':
        transparency = true;
        break;
      case 'IDAT':
        if (dataEnded) return corrupt('its image data is split by other chunks');
        data.push(body);
        break;
      case 'IEND':
        ended = true;
        break;
    }
  }
  if (!header) return corrupt('it has no IHDR chunk');
  if (header.colour === 3 && !paletteEntries) return corrupt('it has no palette');
  if (!data.length) return corrupt('it has no image data');
  // PDFKit's decoder reads these packed or 16-bit variants as if they were 8-bit, and prints noise.
  if ((header.depth < 8 && (header.interlaced || (header.colour === 3 && transparency))) || (header.depth === 16 && header.colour === 2 && transparency)) {
    return {
      problem: {
        da: 'er en slags PNG, som dialogpack ikke kan udskrive (interlaced, eller med en gennemsigtig farve i en usædvanlig farvedybde); gem den igen som almindelig PNG',
        en: 'is a kind of PNG that dialogpack cannot print (interlaced, or with a transparent colour at an unusual bit depth); save it again as an ordinary PNG',
      },
    };
  }

  const bitsPerPixel = channels[header.colour] * header.depth;
  const rows = passes(header).map(([w, h]) => ({ count: h, bytes: 1 + Math.ceil((w * bitsPerPixel) / 8) }));
  const expected = rows.reduce((sum, r) => sum + r.count * r.bytes, 0);
  let unpacked: Buffer;
  try {
    unpacked = inflateSync(Buffer.concat(data), { maxOutputLength: expected });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return corrupt('it holds more image data than its size');
    if (code === 'Z_BUF_ERROR') return corrupt('its image data is cut off');
    return corrupt('its image data cannot be unpacked');
  }
  if (unpacked.length < expected) return corrupt('its image data is cut off');
  let row = 0;
  for (const pass of rows) {
    for (let i = 0; i < pass.count; i++, row += pass.bytes) {
      if (unpacked[row] > 4) return corrupt(`row ${i + 1} has an unknown filter`);
    }
  }
  return { width: header.width, height: header.height };
}

/** Width and height of each pass that holds pixels: one pass when not interlaced, up to seven with Adam7. */
function passes(header: { width: number; height: number; interlaced: boolean }): [number, number][] {
  if (!header.interlaced) return [[header.width, header.height]];
  return adam7
    .map(([x0, y0, dx, dy]) => [Math.ceil((header.width - x0) / dx), Math.ceil((header.height - y0) / dy)] as [number, number])
    .filter(([w, h]) => w > 0 && h > 0);
}

export function tooManyPixels(width: number, height: number, depth: number, limits: RasterLimits): Text {
  const megapixels = (n: number, locale: string) => `${(n / 1e6).toLocaleString(locale, { maximumFractionDigits: 1 })} megapixel${locale === 'en' ? 's' : ''}`;
  return {
    da: `har ${width.toLocaleString('da')} × ${height.toLocaleString('da')} punkter (${megapixels(width * height, 'da')}${depth === 16 ? ' med 16 bit pr. farve' : ''}), mere end de ${megapixels(limits.maxPixels, 'da')}, et billede må have; gør billedet mindre, fx ved at sende det til dig selv som mail i størrelsen "Stor"`,
    en: `has ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels (${megapixels(width * height, 'en')}${depth === 16 ? ' at 16 bits per channel' : ''}), more than the ${megapixels(limits.maxPixels, 'en')} a picture may have`,
  };
}
