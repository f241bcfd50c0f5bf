/**
 * What a file is by its first bytes, whatever its name says: an editor's `case.md` may be a Word file
 * renamed, a phone's `IMG_0412.jpg` a HEIC picture. Only the kinds an editor is likely to hand over
 * are told apart; anything else is undefined (text, or a kind nobody names).
 */
export type FileType = 'png' | 'jpeg' | 'webp' | 'heic' | 'avif' | 'gif' | 'tiff' | 'bmp' | 'pdf' | 'docx' | 'odt' | 'doc' | 'rtf';

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

export function sniffFileType(bytes: Uint8Array): FileType | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  if (ascii(bytes, 0, 4) === 'GIF8') return 'gif';
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) return 'bmp';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'rtf';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'doc';
  if (ascii(bytes, 0, 4) === 'PK\x03\x04') {
    // An OpenDocument file stores its `mimetype` first and uncompressed; a .docx is any other zip with word/ in it.
    const head = ascii(bytes, 0, Math.min(bytes.length, 4096));
    if (head.includes('application/vnd.oasis.opendocument.text')) return 'odt';
    if (head.includes('word/') || head.includes('[Content_Types].xml')) return 'docx';
  }
  return undefined;
}

/** The kind a file's name claims, by its extension (lower case, with the dot). */
export const typeOfExtension: Record<string, FileType> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.webp': 'webp',
  '.heic': 'heic',
  '.heif': 'heic',
  '.avif': 'avif',
  '.gif': 'gif',
  '.tif': 'tiff',
  '.tiff': 'tiff',
  '.bmp': 'bmp',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.odt': 'odt',
  '.doc': 'doc',
  '.rtf': 'rtf',
};
