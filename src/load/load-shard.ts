/**
 * Reads a shard: the output folder of one `dialogpack build --shard i/n` job, which publish merges with
 * the others. Input: the shard's folder. Output: its manifest.json, a reader for the PDFs it lists (one
 * at a time, so a publish of many topics never holds them all), and a diagnostic when the folder is not
 * a shard. Never: read a file the manifest names outside the shard's folder.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Text } from '../diagnostics/diagnostic.js';
import type { Manifest } from './load-manifest.js';

export interface Shard {
  dir: string;
  manifest?: Manifest;
  /** The file's bytes, or undefined when it is missing or lies outside the shard. */
  readPdf(relative: string): Promise<Uint8Array | undefined>;
  diagnostics: Diagnostic[];
}

export async function loadShard(dir: string): Promise<Shard> {
  const file = path.join(dir, 'manifest.json');
  const root = path.resolve(dir);
  const readPdf = async (relative: string) => {
    const target = path.resolve(root, relative);
    if (!target.startsWith(root + path.sep)) return undefined;
    return readFile(target).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength), () => undefined);
  };
  const notAShard = (message: Text): Shard => ({
    dir,
    readPdf,
    diagnostics: [
      {
        file,
        severity: 'error',
        rule: 'not-a-shard',
        message,
        hint: { da: 'giv --out-mappen fra en kørsel af `dialogpack build` (med eller uden --shard)', en: 'give the --out folder of a `dialogpack build` (with or without --shard)' },
      },
    ],
  });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
    return notAShard(
      isDir
        ? { da: `der er ingen manifest.json i ${dir}, så mappen er ikke lavet af en kørsel af dialogpack build`, en: `${dir} holds no manifest.json, so it is not the output of a build` }
        : { da: `mappen ${dir} findes ikke`, en: `no such folder: ${dir}` },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    return notAShard({ da: `manifest.json kan ikke læses som JSON: ${detail}`, en: `manifest.json is not JSON: ${detail}` });
  }
  if (!isManifest(parsed)) {
    return notAShard({
      da: 'manifest.json er ikke lavet af dialogpack (der er ingen "topics" med "slug" og "pdfs" med "path" og "sha256")',
      en: 'manifest.json is not a dialogpack manifest (no "topics" with "slug" and "pdfs" of "path" and "sha256")',
    });
  }
  return { dir, manifest: parsed, readPdf, diagnostics: [] };
}

/** Enough of the shape to merge and check it; the rest is carried over as the build wrote it. */
function isManifest(value: unknown): value is Manifest {
  const record = value as Manifest | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    record.tool === 'dialogpack' &&
    Array.isArray(record.topics) &&
    record.topics.every(
      (t) =>
        typeof t === 'object' &&
        t !== null &&
        typeof t.slug === 'string' &&
        Array.isArray(t.pdfs) &&
        t.pdfs.every((p) => typeof p === 'object' && p !== null && typeof p.path === 'string' && typeof p.sha256 === 'string'),
    )
  );
}
