/** A picture as layout places it and render embeds it: PNG or JPEG bytes, or SVG text. */
export interface ImageData {
  format: 'png' | 'jpeg' | 'svg';
  bytes?: Uint8Array;
  svg?: string;
  /** Width over height. */
  aspect: number;
  /** Width at the file's own size, in points (pixels at 96 per inch); layout never prints it wider. */
  naturalWidth: number;
}

/**
 * A loaded file → the image's format and proportions, read from the PNG header, the JPEG frame or the
 * SVG's viewBox (or width and height), or the reason it cannot be printed. `name` is for the message.
 */
export function readImage(name: string, file: { text?: string; bytes?: Uint8Array }): { image: ImageData } | { problem: string } {
  if (name.toLowerCase().endsWith('.svg')) {
    if (file.text === undefined) return { problem: `\`${name}\` is not readable SVG text` };
    const box = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(file.text);
    const width = /<svg[^>]*\swidth\s*=\s*["']([\d.]+)/.exec(file.text);
    const height = /<svg[^>]*\sheight\s*=\s*["']([\d.]+)/.exec(file.text);
    const w = Number(box?.[1] ?? width?.[1]);
    const h = Number(box?.[2] ?? height?.[1]);
    if (!(w > 0 && h > 0)) return { problem: `\`${name}\` has no viewBox or width and height, so its size is unknown` };
    return { image: { format: 'svg', svg: file.text, aspect: w / h, naturalWidth: Number(width?.[1] ?? w) * 0.75 } };
  }
  if (!file.bytes) return { problem: `\`${name}\` must be PNG, JPEG or SVG` };
  const size = pixelSize(file.bytes);
  if (!size || !(size.width > 0 && size.height > 0)) return { problem: `\`${name}\` is not a PNG or JPEG image` };
  return { image: { format: size.format, bytes: file.bytes, aspect: size.width / size.height, naturalWidth: size.width * 0.75 } };
}

/** Width and height from a PNG's IHDR or a JPEG's SOF marker. */
function pixelSize(bytes: Uint8Array): { format: 'png' | 'jpeg'; width: number; height: number } | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length > 24 && view.readUInt32BE(0) === 0x89504e47) return { format: 'png', width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
  if (view.length > 4 && view[0] === 0xff && view[1] === 0xd8) {
    let at = 2;
    while (at + 9 < view.length) {
      if (view[at] !== 0xff) return undefined;
      const marker = view[at + 1];
      const length = view.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: 'jpeg', height: view.readUInt16BE(at + 5), width: view.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return undefined;
}
