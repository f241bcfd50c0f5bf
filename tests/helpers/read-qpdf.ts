import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A PDF value as qpdf --json writes it: "/Name", "u:text", "b:hex", "12 0 R", numbers, arrays, dictionaries. */
export type QpdfValue = string | number | boolean | null | QpdfValue[] | { [key: string]: QpdfValue };
export type QpdfDict = { [key: string]: QpdfValue };

export interface QpdfObject {
  /** The object itself, or a stream's dictionary. */
  dict: QpdfDict;
  /** A stream's data, decoded (Flate and the like undone). */
  data?: Buffer;
}

export interface QpdfReadBack {
  /** Objects by reference ("12 0 R"). */
  objects: Map<string, QpdfObject>;
  /** Page objects' references, first page first. */
  pages: string[];
  catalog: QpdfDict;
  /** Follows a reference; anything else is returned as it is. */
  resolve(value: QpdfValue | undefined): QpdfValue | undefined;
}

/** Reads a PDF's objects the way qpdf sees them, streams decoded, for checks below what pdf.js exposes. */
export function readQpdf(bytes: Uint8Array): QpdfReadBack {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-qpdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const json = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
    ) as { pages: { object: string }[]; qpdf: [unknown, Record<string, { value?: QpdfValue; stream?: { dict: QpdfDict; data?: string } }>] };
    const objects = new Map<string, QpdfObject>();
    let trailer: QpdfDict = {};
    for (const [key, entry] of Object.entries(json.qpdf[1])) {
      if (key === 'trailer') trailer = entry.value as QpdfDict;
      else if (entry.stream) objects.set(key.slice(4), { dict: entry.stream.dict, data: entry.stream.data === undefined ? undefined : Buffer.from(entry.stream.data, 'base64') });
      else objects.set(key.slice(4), { dict: entry.value as QpdfDict });
    }
    const resolve = (value: QpdfValue | undefined): QpdfValue | undefined =>
      typeof value === 'string' && / \d+ R$/.test(value) ? objects.get(value)?.dict : value;
    return { objects, pages: json.pages.map((p) => p.object), catalog: resolve(trailer['/Root']) as QpdfDict, resolve };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A qpdf text string ("u:…" or "b:…") as text. */
export function qpdfText(value: QpdfValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('u:')) return value.slice(2);
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1');
  return undefined;
}
