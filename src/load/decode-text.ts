import type { Refusal } from './source-file.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/**
 * UTF-8 with or without BOM, LF or CRLF line ends; anything else is refused rather than guessed.
 * A refusal says where the first offending byte is, so an editor can find it without a hex viewer.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { refused: Refusal } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      refused: {
        reason: 'nul-byte',
        ...placeOf(bytes, nul),
        hint: {
          da: 'en fil med NUL-tegn er som regel ikke en tekstfil, eller den er gemt som UTF-16; gem den som tekst i UTF-8 (i Notesblok: Gem som, Kodning: UTF-8)',
          en: 'a file with NUL bytes is usually a binary file or UTF-16; save it as UTF-8 text',
        },
      },
    };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const byte = bytes[offset];
    const legacy = legacyChar(byte);
    return {
      refused: {
        reason: 'not-utf8',
        ...placeOf(bytes, offset),
        detail: { da: `fandt byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`, en: `found byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}` },
        hint: legacy
          ? {
              da: `gem filen som UTF-8 (i Notesblok: Gem som, Kodning: UTF-8): byte 0x${byte.toString(16).toUpperCase()} er “${legacy}” i Windows-1252, så filen er nok gemt i den kodning`,
              en: `save the file as UTF-8: byte 0x${byte.toString(16).toUpperCase()} is “${legacy}” in Latin-1/Windows-1252, so the file was probably saved in that encoding`,
            }
          : { da: 'gem filen som UTF-8 (i Notesblok: Gem som, Kodning: UTF-8)', en: 'save the file as UTF-8' },
      },
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, '\n') };
}

/**
 * 1-based line and column of a byte offset; the bytes before it decode leniently. Columns count UTF-16
 * units, as the yaml and markdown parsers' positions (and most editors) do.
 */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = lenientDecoder.decode(bytes.subarray(lineStart, offset)).replace(/^\uFEFF/, '').replace(/\r$/, '');
  return { line, column: before.length + 1 };
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (RFC 3629: no overlongs, no surrogates). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** What a byte means in the legacy encoding Danish files are most often saved in, if printable. */
function legacyChar(byte: number): string | undefined {
  try {
    const char = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
    return /\p{L}|\p{N}|\p{P}|\p{S}/u.test(char) ? char : undefined;
  } catch {
    return undefined;
  }
}
