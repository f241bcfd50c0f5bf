/**
 * write: a new topic's starter files → a new folder under a content root.
 * Input: the content root, the slug and the files. Output: the paths written, or a diagnostic.
 * Never: write into a folder that already exists, or leave a half-made topic behind. The folder is
 * created exclusively (so an existing topic is refused, even one made a moment ago by someone else) and
 * removed again if any file cannot be written.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from './write-outputs.js';

export async function writeScaffold(root: string, slug: string, files: readonly OutputFile[]): Promise<{ written: string[]; diagnostics: Diagnostic[] }> {
  const dir = path.join(root, slug);
  try {
    await mkdir(root, { recursive: true });
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      return {
        written: [],
        diagnostics: [
          {
            file: dir,
            severity: 'error',
            rule: 'topic-exists',
            message: {
              da: `${dir} findes allerede; dialogpack new skriver aldrig i en mappe, der findes`,
              en: `${dir} already exists; dialogpack new never writes into an existing folder`,
            },
            hint: { da: 'vælg et andet navn til mappen, eller ret i det emne, der er der', en: 'choose another slug, or edit the existing topic' },
          },
        ],
      };
    }
    return { written: [], diagnostics: [ioError(dir, error)] };
  }
  try {
    const written: string[] = [];
    for (const file of files) {
      const target = path.join(dir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.bytes, { flag: 'wx' });
      written.push(target);
    }
    return { written, diagnostics: [] };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    return { written: [], diagnostics: [ioError(dir, error)] };
  }
}

function ioError(dir: string, error: unknown): Diagnostic {
  const detail = (error as Error).message;
  return { file: dir, severity: 'error', rule: 'io-error', message: { da: `kan ikke lave emnet: ${detail}`, en: `cannot create the topic: ${detail}` } };
}
