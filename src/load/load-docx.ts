/**
 * load: a Word document (.docx) that `dialogpack import` turns into markdown.
 * Input: the file's path as the user typed it. Output: its bytes, or a diagnostic saying why not.
 * Never: read more than the size limit, read anything the document links to, or look inside it
 * (parse/parse-docx does, from these bytes alone).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * A Word document with a few dozen photos is 5–20 MB. The whole file is held in memory and unzipped
 * there, so the limit keeps one import well within a small machine's memory.
 */
export const docxLimits = { maxFileBytes: 32 * 1024 * 1024 };

/** A .docx (and .docm, the same format with macros, which are never run) starts as a zip file does. */
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

export async function loadDocx(file: string): Promise<{ bytes?: Uint8Array; diagnostics: Diagnostic[] }> {
  const refuse = (rule: string, message: string, hint?: string) => ({ diagnostics: [{ file, severity: 'error', rule, message, hint } satisfies Diagnostic] });
  const ext = path.extname(file).toLowerCase();
  if (ext === '.doc') {
    return refuse('not-a-docx', `${file} er i Words gamle format (.doc), som dialogpack ikke kan læse`, 'åbn den i Word, vælg Filer › Gem som, og gem den som Word-dokument (.docx)');
  }
  const info = await stat(file).catch(() => undefined);
  if (!info) return refuse('path-not-found', `filen ${file} findes ikke`, 'skriv stien til Word-filen, fx dialogpack import rapport.docx');
  if (!info.isFile()) return refuse('not-a-docx', `${file} er en mappe, ikke en Word-fil`);
  if (info.size > docxLimits.maxFileBytes) {
    return refuse(
      'file-too-large',
      `${file} fylder ${megabytes(info.size)}, mere end de ${megabytes(docxLimits.maxFileBytes)}, dialogpack læser`,
      'gør billederne mindre i Word (Billedformat › Komprimer billeder), eller del dokumentet i flere',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    return { diagnostics: [{ file, severity: 'error', rule: 'io-error', message: `kan ikke læse ${file}: ${(error as Error).message}` }] };
  }
  if (!zipSignature.every((b, i) => bytes[i] === b)) {
    return refuse('not-a-docx', `${file} er ikke et Word-dokument (.docx)`, 'gem filen i Word som Word-dokument (.docx), og importér den igen');
  }
  return { bytes, diagnostics: [] };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
}
