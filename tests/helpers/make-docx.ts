/**
 * Word documents for the import tests, made by a real writer: pandoc turns a markdown source into a .docx
 * (pictures with their alt text as Word's »alternative text«, notes, comments and tracked changes
 * included), so the tests read what a writer of the format writes rather than what the reader expects.
 * What pandoc cannot make (a Danish Word's style names, a text box) is then changed in the document's XML.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';

/** `source` is pandoc markdown; `files` are the pictures it names, written beside it. */
export function pandocDocx(dir: string, name: string, source: string, files: Record<string, Uint8Array> = {}, args: string[] = []): string {
  const work = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-pandoc-'));
  writeFileSync(path.join(work, 'source.md'), source);
  for (const [file, bytes] of Object.entries(files)) writeFileSync(path.join(work, file), bytes);
  const out = path.resolve(dir, name);
  // Without implicit figures a picture alone in a paragraph keeps its alt text and gets no caption
  // paragraph, as a picture put into Word by hand.
  const run = spawnSync('pandoc', ['-f', 'markdown-implicit_figures', '-o', out, ...args, 'source.md'], { cwd: work, encoding: 'utf8' });
  rmSync(work, { recursive: true, force: true });
  if (run.error || run.status !== 0) {
    throw new Error(`pandoc could not make ${name} (${run.error?.message ?? run.stderr}); the import tests need it: apt-get install pandoc`);
  }
  return out;
}

/** Rewrites parts of a .docx (word/document.xml, word/styles.xml, …) in place. */
export async function editDocx(file: string, edits: Record<string, (xml: string) => string>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const [part, edit] of Object.entries(edits)) {
    const entry = zip.file(part);
    if (!entry) throw new Error(`${file} has no ${part}`);
    zip.file(part, edit(await entry.async('string')));
  }
  writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** A PNG of one colour, so each test picture is a different file. */
export function png(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A 1×1 GIF: a format Word holds and dialogpack does not print. */
export const gif = new Uint8Array(Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'));

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
