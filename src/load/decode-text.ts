import type { RefusalReason } from './source-file.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 with or without BOM, LF or CRLF line ends; anything else is refused rather than guessed. */
export function decodeText(bytes: Uint8Array): { text: string } | { refused: RefusalReason } {
  if (bytes.includes(0)) return { refused: 'nul-byte' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { refused: 'not-utf8' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.replace(/\r\n?/g, '\n') };
}
