import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/load/decode-text.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p)))));

function refusal(input: Uint8Array) {
  const result = decodeText(input);
  if (!('refused' in result)) throw new Error('expected a refusal');
  return result.refused;
}

describe('decodeText', () => {
  it('accepts UTF-8 with a BOM and CRLF line ends', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'æ\r\nø\rå'))).toEqual({ text: 'æ\nø\nå' });
  });

  it('places a Latin-1 byte at its line and column (UTF-16 units, as the parsers count), and names the character it meant', () => {
    const r = refusal(bytes('# Case\r\n\r\nblå 😀 hj', [0xe6], 'lper\n'));
    expect(r).toMatchObject({ reason: 'not-utf8', line: 3, column: 10, detail: { da: 'fandt byte 0xE6', en: 'found byte 0xE6' } });
    expect(r.hint?.en).toContain('“æ”');
    expect(r.hint?.da).toContain('“æ” i Windows-1252');
  });

  it.each([
    ['a truncated sequence at the end', bytes('ab', [0xc3]), 3],
    ['an overlong encoding', bytes('a', [0xc0, 0xaf]), 2],
    ['a UTF-16 surrogate', bytes('a', [0xed, 0xa0, 0x80]), 2],
    ['a lone continuation byte', bytes('ab', [0x80]), 3],
    ['a code point above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 1],
  ])('refuses %s at the byte that starts it', (_name, input, column) => {
    expect(refusal(input)).toMatchObject({ reason: 'not-utf8', line: 1, column });
  });

  it('refuses a NUL byte where it is, before any encoding question', () => {
    expect(refusal(bytes('ok\nab\u0000', [0xe6]))).toMatchObject({ reason: 'nul-byte', line: 2, column: 3 });
  });
});
