/**
 * Reads `dialogpack.yaml` from the working folder, where a municipality keeps its standing choices
 * (`templates:`, `out:`) so every build picks them up without flags. Input: the folder. Output: the
 * config's text and path, or nothing when there is none. Never: interpret it (model/model-config does).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from './decode-text.js';

export const configFileName = 'dialogpack.yaml';

export async function loadConfig(dir: string): Promise<{ file: string; text: string } | undefined> {
  const file = path.join(dir, configFileName);
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return undefined;
  const decoded = decodeText(new Uint8Array(bytes));
  return { file: path.relative(process.cwd(), file) || configFileName, text: 'text' in decoded ? decoded.text : '' };
}
