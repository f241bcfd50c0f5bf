/**
 * write: rendered files → disk, atomically. Each file goes to a temporary name beside its target and is
 * renamed over it only when every file of the batch has been written, so a failed or interrupted build
 * leaves the previous files intact and no temporary files behind.
 * Input: the output folder and files by relative path. Output: what was written, or an I/O diagnostic.
 * Never: write outside the output folder, or leave a partial file under a final name.
 */
import { mkdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface OutputFile {
  /** Path relative to the output folder, with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

/**
 * A batch filled one file at a time, so a caller that reads its files one by one (publish copying
 * shards) never holds them all in memory, and still replaces nothing until it commits.
 */
export interface OutputBatch {
  /** Writes the file under a temporary name; false once the batch has failed (it is then abandoned). */
  add(file: OutputFile): Promise<boolean>;
  /** Renames every file to its final name, or reports why the batch failed. */
  commit(): Promise<{ written: string[]; diagnostics: Diagnostic[] }>;
  /** Removes the temporary files: nothing of the batch reaches a final name. */
  abandon(): Promise<void>;
}

const pendingTemps = new Set<string>();

/** Temporary files of writes in flight, for a Ctrl-C handler to remove. */
export function temporaryFiles(): string[] {
  return [...pendingTemps];
}

export async function writeOutputs(outDir: string, files: readonly OutputFile[], writer: number): Promise<{ written: string[]; diagnostics: Diagnostic[] }> {
  const batch = openOutputs(outDir, writer);
  for (const file of files) if (!(await batch.add(file))) break;
  return batch.commit();
}

/**
 * `writer` goes into the temporary names (the process id the cli passes), so two processes writing the
 * same file never share one.
 */
export function openOutputs(outDir: string, writer: number): OutputBatch {
  const root = path.resolve(outDir);
  const temps: { temp: string; final: string }[] = [];
  /** Folders this batch made, so an abandoned batch leaves not even an empty one behind. */
  const made: string[] = [];
  let failure: Error | undefined;
  const abandon = async () => {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true }).finally(() => pendingTemps.delete(temp))));
    // Deepest first; rmdir leaves any folder that something else has put a file in since.
    for (const dir of [...made].sort((a, b) => b.length - a.length)) await rmdir(dir).catch(() => {});
  };
  const failed = async (error: Error) => {
    failure ??= error;
    await abandon();
    return {
      written: [],
      diagnostics: [
        { file: outDir, severity: 'error', rule: 'io-error', message: { da: `kan ikke skrive filerne: ${failure.message}`, en: `cannot write output: ${failure.message}` } } satisfies Diagnostic,
      ],
    };
  };
  return {
    async add(file) {
      if (failure) return false;
      try {
        const final = path.resolve(root, file.path);
        if (!final.startsWith(root + path.sep)) throw new Error(`refusing to write outside ${outDir}: ${file.path}`);
        const first = await mkdir(path.dirname(final), { recursive: true });
        for (let dir = path.dirname(final); first && !made.includes(dir); dir = path.dirname(dir)) {
          made.push(dir);
          if (dir === first) break;
        }
        const temp = path.join(path.dirname(final), `.${path.basename(final)}.${writer}.tmp`);
        pendingTemps.add(temp);
        temps.push({ temp, final });
        await writeFile(temp, file.bytes);
        return true;
      } catch (error) {
        failure = error as Error;
        await abandon();
        return false;
      }
    },
    async commit() {
      if (failure) return failed(failure);
      try {
        for (const { temp, final } of temps) {
          await rename(temp, final);
          pendingTemps.delete(temp);
        }
        return { written: temps.map((t) => t.final), diagnostics: [] };
      } catch (error) {
        return failed(error as Error);
      }
    },
    abandon,
  };
}
