/**
 * write: the starter files of `dialogpack init` and the schema copy of `new` → a content folder.
 * Input: the folder and files by relative path, each either kept when it exists (an editor's own
 * settings, a topic already begun) or replaced (the schema copy, which follows the installed tool).
 * Output: which files were written and which were kept, or an I/O diagnostic.
 * Never: overwrite a file that is not marked to be replaced, or leave a half-written one: replaced
 * files go to a temporary name first and are renamed into place.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './write-outputs.js';

export interface StarterFile extends OutputFile {
  /** Write it even when it exists. */
  replace?: boolean;
}

export async function writeStarterFiles(
  dir: string,
  files: readonly StarterFile[],
): Promise<{ written: string[]; kept: string[]; diagnostics: Diagnostic[] }> {
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    const target = path.join(dir, file.path);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      if (file.replace) {
        const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
        await writeFile(temp, file.bytes).catch(async (error: unknown) => {
          await rm(temp, { force: true });
          throw error;
        });
        await rename(temp, target);
      } else {
        await writeFile(target, file.bytes, { flag: 'wx' });
      }
      written.push(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        kept.push(target);
        continue;
      }
      const detail = (error as Error).message;
      return { written, kept, diagnostics: [{ file: target, severity: 'error', rule: 'io-error', message: { da: `kan ikke skrive ${target}: ${detail}`, en: `cannot write ${target}: ${detail}` } }] };
    }
  }
  return { written, kept, diagnostics: [] };
}
