/**
 * write: rendered files → disk, atomically. Each file goes to a temporary name beside its target and is
 * renamed over it only when every file of the batch has been written, so a failed or interrupted build
 * leaves the previous files intact and no temporary files behind.
 * Input: the output folder and files by relative path. Output: what was written, or an I/O diagnostic.
 * Never: write outside the output folder, or leave a partial file under a final name.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface OutputFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

const pendingTemps = new Set<string>();

/** Temporary files of writes in flight, for a Ctrl-C handler to remove. */
export function temporaryFiles(): string[] {
  return [...pendingTemps];
}

export async function writeOutputs(outDir: string, files: readonly OutputFile[]): Promise<{ written: string[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(outDir);
  const temps: { temp: string; final: string }[] = [];
  try {
    for (const file of files) {
      const final = path.resolve(root, file.path);
      if (!final.startsWith(root + path.sep)) throw new Error(`refusing to write outside ${outDir}: ${file.path}`);
      await mkdir(path.dirname(final), { recursive: true });
      const temp = path.join(path.dirname(final), `.${path.basename(final)}.${process.pid}.tmp`);
      pendingTemps.add(temp);
      temps.push({ temp, final });
      await writeFile(temp, file.bytes);
    }
    for (const { temp, final } of temps) {
      await rename(temp, final);
      pendingTemps.delete(temp);
    }
    return { written: temps.map((t) => t.final), diagnostics: [] };
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true }).finally(() => pendingTemps.delete(temp))));
    return {
      written: [],
      diagnostics: [{ file: outDir, severity: 'error', rule: 'io-error', message: `cannot write output: ${(error as Error).message}` }],
    };
  }
}
