import type { Text } from '../diagnostics/diagnostic.js';
import { checkJpeg } from './check-jpeg.js';
import { checkPng } from './check-png.js';
import { sanitizeSvg, type SvgDrawing, type SvgPicture } from './sanitize-svg.js';
import { fitsPrint, scaleToPrint } from './scale-to-print.js';

/** A picture as layout places it and render embeds it: PNG or JPEG bytes, or a checked SVG drawing. */
export interface ImageData {
  format: 'png' | 'jpeg' | 'svg';
  bytes?: Uint8Array;
  svg?: SvgDrawing;
  /** Width over height, as printed. */
  aspect: number;
  /**
   * Width at the file's own size, in points (pixels at 96 per inch); layout never prints it wider. Of the
   * file as the editor gave it: a photo scaled down to print resolution is placed as its original.
   */
  naturalWidth: number;
}

/** Documented for editors in docs/authoring.md, "Grænser". */
export const imageLimits = {
  /** Pixels of one PNG or JPEG: a 48-megapixel phone photo fits; PDFKit decodes a PNG whole in memory. */
  maxPixels: 50_000_000,
  /** Pixels of every picture a topic shows, together. */
  maxTopicPixels: 200_000_000,
  /**
   * Pixels of the pictures a topic scales down to print resolution, together: decoding, scaling and
   * encoding a 12-megapixel photo in JavaScript costs about 3 s of CPU and 420 MB (docs/performance.md),
   * and `watch` builds a topic again on every save, so two phone photos are scaled and any more are
   * embedded as they are, which prints the same from a larger PDF.
   */
  maxTopicScaledPixels: 25_000_000,
  svg: {
    maxElements: 10_000,
    maxDepth: 64,
    maxAttributes: 200,
    maxStyleRules: 1_000,
    /** Shapes one drawing draws once its references are followed: svg-to-pdfkit draws about 5 000 a second. */
    maxDrawn: 10_000,
  },
  /** Shapes every SVG drawing of a topic draws, together. */
  maxTopicDrawn: 30_000,
};

/** What a topic may still spend on pictures; each picture read takes its share. */
export interface ImageBudget {
  pixels: number;
  drawn: number;
  /** Pixels still to be scaled down to print resolution. */
  scaled: number;
}

export function imageBudget(): ImageBudget {
  return { pixels: imageLimits.maxTopicPixels, drawn: imageLimits.maxTopicDrawn, scaled: imageLimits.maxTopicScaledPixels };
}

/**
 * A picture an SVG's `<image>` names by path: its bytes, found through load's reader, or why not,
 * completing "<image> shows a picture that …" / "<image> viser et billede, men det …".
 */
export type PictureFile = (href: string) => { bytes: Uint8Array; path: string } | { problem: Text };

export interface ReadImageResult {
  image: ImageData;
  /** What an SVG had that a print figure cannot show and was left out, for a warning. */
  leftOut: Text[];
}

/**
 * A loaded file → the picture's format and proportions, checked so render can embed it without a
 * surprise, or the reason it cannot be printed (completing "the image `name` …" / "billedet `name` …").
 * PNG and JPEG are checked whole within the pixel limits, and one larger than print needs is scaled
 * down to print resolution (scale-to-print); an SVG is reduced to what a print figure needs, and the
 * pictures it shows are found with `pictureFile` (relative to the SVG) or read from data: URIs.
 */
export function readImage(name: string, file: { text?: string; bytes?: Uint8Array }, budget: ImageBudget, pictureFile?: PictureFile): ReadImageResult | { problem: Text } {
  const at = `\`${name}\``;
  if (name.toLowerCase().endsWith('.svg')) {
    if (file.text === undefined) return { problem: { da: `${at} er ikke SVG-tekst, der kan læses`, en: `${at} is not readable SVG text` } };
    const checked = sanitizeSvg(file.text, imageLimits.svg, (href) => svgPicture(href, budget, pictureFile));
    if ('problem' in checked) {
      const place = (line: string, column: string) => (checked.line === undefined ? '' : ` (${line} ${checked.line}, ${column} ${checked.column})`);
      return {
        problem: {
          da: `${at}${place('linje', 'kolonne')} kan ikke udskrives: ${checked.problem.da}`,
          en: `${at}${place('line', 'column')} cannot be printed: ${checked.problem.en}`,
        },
      };
    }
    if (checked.drawn > budget.drawn) {
      return {
        problem: {
          da: `${at} kan ikke udskrives: emnets tegninger ville tilsammen tegne mere end ${imageLimits.maxTopicDrawn.toLocaleString('da')} figurer; gør tegningerne enklere, eller gem nogle af dem som PNG`,
          en: `${at} cannot be printed: the topic's drawings together would draw more than ${imageLimits.maxTopicDrawn.toLocaleString('en')} shapes`,
        },
      };
    }
    budget.drawn -= checked.drawn;
    return { image: { format: 'svg', svg: checked.drawing, aspect: checked.aspect, naturalWidth: checked.naturalWidth }, leftOut: checked.leftOut };
  }
  if (!file.bytes) return { problem: { da: `${at} skal være PNG, JPEG eller SVG`, en: `${at} must be PNG, JPEG or SVG` } };
  const raster = checkRaster(file.bytes, budget);
  if ('problem' in raster) return { problem: { da: `${at} ${raster.problem.da}`, en: `${at} ${raster.problem.en}` } };
  const image: ImageData = { format: raster.format, bytes: file.bytes, aspect: raster.width / raster.height, naturalWidth: raster.width * 0.75 };
  const pixels = raster.width * raster.height;
  if (!fitsPrint(raster.width, raster.height) && pixels <= budget.scaled) {
    budget.scaled -= pixels;
    const scaled = scaleQuietly(raster.format, file.bytes, raster.width, raster.height);
    if (scaled) image.bytes = scaled.bytes;
  }
  return { image, leftOut: [] };
}

/**
 * The picture at print resolution, or undefined to embed the file as it is: when it is small enough
 * already, or when the decoder cannot read what the checks passed (PDFKit and the reader's viewer
 * still can, so it prints, only larger).
 */
function scaleQuietly(format: 'png' | 'jpeg', bytes: Uint8Array, width: number, height: number) {
  try {
    return scaleToPrint(format, bytes, width, height);
  } catch {
    return undefined;
  }
}

/** A PNG or JPEG, by its first bytes (a misnamed file is judged by what it is), within the topic's pixels. */
function checkRaster(bytes: Uint8Array, budget: ImageBudget): ({ format: 'png' | 'jpeg'; width: number; height: number }) | { problem: Text } {
  const format = bytes[0] === 0x89 && bytes[1] === 0x50 ? 'png' : bytes[0] === 0xff && bytes[1] === 0xd8 ? 'jpeg' : undefined;
  if (!format) return { problem: { da: 'er ikke et PNG- eller JPEG-billede', en: 'is not a PNG or JPEG image' } };
  const checked = format === 'png' ? checkPng(bytes, { maxPixels: imageLimits.maxPixels }) : checkJpeg(bytes, { maxPixels: imageLimits.maxPixels });
  if ('problem' in checked) return checked;
  const pixels = checked.width * checked.height;
  if (pixels > budget.pixels) {
    return {
      problem: {
        da: `ville gøre emnets billeder større end ${imageLimits.maxTopicPixels / 1e6} megapixel tilsammen; gør nogle af dem mindre`,
        en: `would take the topic's pictures over ${imageLimits.maxTopicPixels / 1e6} megapixels together; make some of them smaller`,
      },
    };
  }
  budget.pixels -= pixels;
  return { format, ...checked };
}

function svgPicture(href: string, budget: ImageBudget, pictureFile: PictureFile | undefined): SvgPicture | { problem: Text } {
  let bytes: Uint8Array;
  if (href.startsWith('data:')) {
    const match = /^data:image\/(png|jpe?g);base64,/i.exec(href.slice(0, 40));
    if (!match) return { problem: { da: 'er lagt ind i tegningen som andet end et base64-kodet PNG- eller JPEG-billede', en: 'is given as data other than a base64 PNG or JPEG' } };
    const data = href.slice(match[0].length);
    if (!/^[A-Za-z0-9+/=\s]*$/.test(data)) return { problem: { da: 'er lagt ind i tegningen som base64-data, der er beskadiget', en: 'is given as base64 data that is damaged' } };
    bytes = new Uint8Array(Buffer.from(data, 'base64'));
  } else {
    if (!pictureFile) return { problem: { da: 'ligger ikke i tegningen, og tegningen har ingen mappe at finde det i', en: 'is not inside the drawing, and the drawing has no folder to find it in' } };
    const found = pictureFile(href);
    if ('problem' in found) return found;
    if (!/\.(png|jpe?g)$/i.test(found.path)) return { problem: notRaster(found.path) };
    bytes = found.bytes;
  }
  const raster = checkRaster(bytes, budget);
  if ('problem' in raster) return raster;
  return { format: raster.format, bytes, pixels: raster.width * raster.height };
}

/** A picture an SVG shows that is a file of another kind, as PictureFile words it. */
export function notRaster(file: string): Text {
  return { da: `er \`${file}\`, som ikke er en PNG- eller JPEG-fil`, en: `is \`${file}\`, which is not a PNG or JPEG file` };
}
