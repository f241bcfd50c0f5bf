import { inflateSync } from 'node:zlib';

/**
 * A PDF's streams, each inflated when it is Flate-encoded, in file order, and the file with every
 * stream and every byte offset (the /Length values, the xref table, startxref) taken out: what two
 * PDFs must share to be the same document whatever deflate wrote their streams.
 */
export function pdfStreams(pdf: Uint8Array): { streams: string[]; rest: string } {
  const text = Buffer.from(pdf).toString('latin1');
  const streams: string[] = [];
  let rest = '';
  let at = 0;
  const start = /\/Length (\d+)[^]*?>>\s*stream\r?\n/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const from = m.index + m[0].length;
    const raw = pdf.subarray(from, from + Number(m[1]));
    const dict = text.slice(text.lastIndexOf('<<', m.index), m.index + m[0].length);
    streams.push(Buffer.from(dict.includes('/FlateDecode') ? inflateSync(raw) : raw).toString('base64'));
    rest += text.slice(at, m.index);
    at = from + Number(m[1]);
    start.lastIndex = at;
  }
  rest += text.slice(at);
  return { streams, rest: rest.replace(/\/Length \d+/g, '/Length ?').replace(/xref[^]*?trailer/, 'xref trailer').replace(/startxref\s+\d+/, 'startxref ?') };
}
