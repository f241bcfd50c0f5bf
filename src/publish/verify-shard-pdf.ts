/**
 * publish: a PDF read from a shard → whether it is the file the shard's build wrote.
 * Input: the shard's folder, the manifest's record of the PDF and the bytes found (undefined when none).
 * Output: nothing when size and sha256 match, else an error naming the shard and the file.
 * Never: let a file through whose hash was not checked.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ManifestPdf } from '../load/load-manifest.js';

export function verifyShardPdf(shard: string, pdf: ManifestPdf, bytes: Uint8Array | undefined): Diagnostic | undefined {
  const file = path.join(shard, pdf.path);
  if (!bytes) {
    return {
      file,
      severity: 'error',
      rule: 'shard-file-missing',
      message: {
        da: `delen ${shard}: ${pdf.path} står i dens manifest.json, men findes ikke`,
        en: `shard ${shard}: ${pdf.path} is listed in its manifest.json but missing`,
      },
      hint: { da: 'byg delen igen, eller hent hele dens artefakt', en: 'build the shard again, or download its whole artifact' },
    };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 === pdf.sha256) return undefined;
  return {
    file,
    severity: 'error',
    rule: 'shard-file-changed',
    message: {
      da: `delen ${shard}: ${pdf.path} passer ikke med dens manifest.json (sha256 ${sha256}, der står ${pdf.sha256})`,
      en: `shard ${shard}: ${pdf.path} does not match its manifest.json (sha256 ${sha256}, recorded ${pdf.sha256})`,
    },
    hint: { da: 'filen er ændret, efter den blev bygget: byg delen igen', en: 'the file changed after the build wrote it: build the shard again' },
  };
}
