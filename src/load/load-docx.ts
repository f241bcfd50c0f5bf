/**
 * load: a Word document (.docx) that `dialogpack import` turns into markdown.
 * Input: the file's path as the user typed it. Output: its bytes, or a diagnostic saying why not.
 * Never: read more than the size limit, read anything the document links to, or look inside it
 * (parse/parse-docx does, from these bytes alone).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RuleId } from '../diagnostics/rules.js';
import type { Diagnostic, Text } from '../diagnostics/diagnostic.js';

/**
 * A Word document with a few dozen photos is 5–20 MB. The whole file is held in memory and unzipped
 * there, so the limit keeps one import well within a small machine's memory.
 */
export const docxLimits = { maxFileBytes: 32 * 1024 * 1024 };

/** A .docx (and .docm, the same format with macros, which are never run) starts as a zip file does. */
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

export async function loadDocx(file: string): Promise<{ bytes?: Uint8Array; diagnostics: Diagnostic[] }> {
  const refuse = (rule: RuleId, message: Text, hint?: Text) => ({ diagnostics: [{ file, severity: 'error', rule, message, hint } satisfies Diagnostic] });
  const ext = path.extname(file).toLowerCase();
  if (ext === '.doc') {
    return refuse(
      'not-a-docx',
      { da: `${file} er i Words gamle format (.doc), som dialogpack ikke kan læse`, en: `${file} is in Word's old format (.doc), which dialogpack cannot read` },
      { da: 'åbn den i Word, vælg Filer › Gem som, og gem den som Word-dokument (.docx)', en: 'open it in Word, choose File › Save As, and save it as a Word Document (.docx)' },
    );
  }
  const info = await stat(file).catch(() => undefined);
  if (!info) {
    return refuse(
      'path-not-found',
      { da: `filen ${file} findes ikke`, en: `the file ${file} does not exist` },
      { da: 'skriv stien til Word-filen, fx dialogpack import rapport.docx', en: 'give the path of the Word file, e.g. dialogpack import rapport.docx' },
    );
  }
  if (!info.isFile()) return refuse('not-a-docx', { da: `${file} er en mappe, ikke en Word-fil`, en: `${file} is a folder, not a Word file` });
  if (info.size > docxLimits.maxFileBytes) {
    return refuse(
      'file-too-large',
      {
        da: `${file} fylder ${megabytes(info.size, 'da-DK')}, mere end de ${megabytes(docxLimits.maxFileBytes, 'da-DK')}, dialogpack læser`,
        en: `${file} is ${megabytes(info.size, 'en')}, more than the ${megabytes(docxLimits.maxFileBytes, 'en')} dialogpack reads`,
      },
      {
        da: 'gør billederne mindre i Word (Billedformat › Komprimer billeder), eller del dokumentet i flere',
        en: 'make the pictures smaller in Word (Picture Format › Compress Pictures), or split the document',
      },
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const detail = (error as Error).message;
    return { diagnostics: [{ file, severity: 'error', rule: 'io-error', message: { da: `kan ikke læse ${file}: ${detail}`, en: `cannot read ${file}: ${detail}` } }] };
  }
  if (!zipSignature.every((b, i) => bytes[i] === b)) {
    return refuse(
      'not-a-docx',
      { da: `${file} er ikke et Word-dokument (.docx)`, en: `${file} is not a Word document (.docx)` },
      { da: 'gem filen i Word som Word-dokument (.docx), og importér den igen', en: 'save the file in Word as a Word Document (.docx), and import it again' },
    );
  }
  return { bytes, diagnostics: [] };
}

function megabytes(bytes: number, locale: string): string {
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
