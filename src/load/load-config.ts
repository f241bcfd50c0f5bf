/**
 * Reads `dialogpack.yaml` from the working folder, where a municipality keeps its standing choices
 * (`templates:`, `out:`) so every build picks them up without flags. Input: the folder, and the working
 * folder its path is shown relative to (the command line passes both; nothing here asks the process).
 * Output: the config's text and its path for messages, or nothing when there is none.
 * Never: interpret it (model/model-config does).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from './decode-text.js';

export const configFileName = 'dialogpack.yaml';

export async function loadConfig(dir: string, cwd: string = dir): Promise<{ file: string; text: string } | undefined> {
  const file = path.resolve(cwd, dir, configFileName);
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  const decoded = decodeText(new Uint8Array(bytes));
  return { file: path.relative(cwd, file) || configFileName, text: 'text' in decoded ? decoded.text : '' };
}
