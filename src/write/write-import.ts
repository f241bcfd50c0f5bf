/**
 * write: an imported Word document → its markdown file and pictures, in a topic folder (or beside the
 * document).
 * Input: the folder, the files by path relative to it, and whether existing files may be replaced.
 * Output: the paths written and which of them replaced a file, or one diagnostic.
 * Never: replace a file unless told to, write outside the folder, or leave a half-written file under a
 * final name. Each file is written under a temporary name first. Without `replace` it is then linked
 * to its final name, which fails when that name exists, even for a file made a moment ago by someone
 * else; every name taken is then reported and the files placed are removed again, so a refused import
 * leaves nothing behind.
 * With `replace` the files are renamed over the old ones, the markdown last, so it never names a
 * picture that is not there yet.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './write-outputs.js';

export interface ImportWrite {
  written: string[];
  /** Those of `written` that replaced a file (only with `replace`). */
  replaced: string[];
  diagnostics: Diagnostic[];
}

export async function writeImport(dir: string, files: readonly OutputFile[], options: { replace: boolean; /** The process id, for the temporary names (the cli passes it). */ pid: number }): Promise<ImportWrite> {
  const root = path.resolve(dir);
  const temps: { temp: string; final: string; shown: string }[] = [];
  const made: string[] = [];
  const placed: string[] = [];
  const undo = async () => {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    if (!options.replace) await Promise.all(placed.map((f) => rm(f, { force: true })));
    for (const folder of [...made].sort((a, b) => b.length - a.length)) await rmdir(folder).catch(() => {});
  };
  const failed = async (file: string, error: unknown): Promise<ImportWrite> => {
    await undo();
    const detail = (error as Error).message;
    return { written: [], replaced: [], diagnostics: [{ file, severity: 'error', rule: 'io-error', message: { da: `kan ikke skrive ${file}: ${detail}`, en: `cannot write ${file}: ${detail}` } }] };
  };

  for (const file of files) {
    const final = path.resolve(root, file.path);
    const shown = path.join(dir, file.path);
    if (!final.startsWith(root + path.sep)) return failed(shown, new Error(`the path lies outside ${dir}`));
    try {
      const first = await mkdir(path.dirname(final), { recursive: true });
      if (first) for (let folder = path.dirname(final); !made.includes(folder); folder = path.dirname(folder)) {
        made.push(folder);
        if (folder === first) break;
      }
      const temp = path.join(path.dirname(final), `.${path.basename(final)}.${options.pid}.${randomBytes(4).toString('hex')}.tmp`);
      temps.push({ temp, final, shown });
      await writeFile(temp, file.bytes);
    } catch (error) {
      return failed(shown, error);
    }
  }

  const written: string[] = [];
  const replaced: string[] = [];
  const taken: string[] = [];
  for (const { temp, final, shown } of temps) {
    try {
      if (await placeExclusively(temp, final)) {
        placed.push(final);
        written.push(shown);
      } else if (options.replace) {
        await rename(temp, final);
        replaced.push(shown);
        written.push(shown);
      } else {
        taken.push(shown);
      }
    } catch (error) {
      return failed(shown, error);
    }
  }
  if (taken.length) {
    await undo();
    return {
      written: [],
      replaced: [],
      diagnostics: taken.map((shown) => ({
        file: shown,
        severity: 'error',
        rule: 'import-target-exists',
        message: {
          da: `${shown} findes allerede; dialogpack import skriver ikke oven i en fil, uden at du beder om det`,
          en: `${shown} already exists; dialogpack import does not write over a file unless you ask it to`,
        },
        hint: {
          da: 'skriv --force til sidst for at erstatte den med en ny import, eller giv Word-filen et andet navn',
          en: 'add --force at the end to replace it with a new import, or give the Word file another name',
        },
      })),
    };
  }
  await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
  return { written, replaced, diagnostics: [] };
}

/**
 * Gives the temporary file its final name unless that name exists: true when placed, false when the
 * name is taken. A file system without hard links (some network drives) gets an exclusive copy instead,
 * which is as safe against replacing a file, though another process could see it half-copied.
 */
async function placeExclusively(temp: string, final: string): Promise<boolean> {
  try {
    await link(temp, final);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    try {
      await copyFile(temp, final, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw copyError;
    }
  }
  await unlink(temp);
  return true;
}
