/**
 * write: removes files an earlier run wrote and this one no longer produces (a topic gone from its
 * content root, a kind no longer built), then each folder that leaves empty.
 * Input: the output folder and the files' paths relative to it, as the previous manifest lists them.
 * Output: what was removed, or an I/O diagnostic per file that could not be.
 * Never: remove anything outside the output folder (through `..` or a symlinked folder), a folder that
 * still holds a file, or the output folder itself.
 */
import { lstat, realpath, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export async function removeOutputs(outDir: string, paths: readonly string[]): Promise<{ removed: string[]; diagnostics: Diagnostic[] }> {
  const removed: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const root = await realpath(outDir).catch(() => undefined);
  if (!root || !paths.length) return { removed, diagnostics };
  const emptied = new Set<string>();
  for (const relative of paths) {
    const parent = await realpath(path.dirname(path.resolve(outDir, relative))).catch(() => undefined);
    // The parent is resolved through symlinks: a manifest edited to point elsewhere, or a topic folder
    // replaced by a link, must not lead a removal out of the output folder.
    if (!parent || (parent !== root && !isInside(parent, root))) continue;
    const file = path.join(parent, path.basename(relative));
    const kind = await lstat(file).catch(() => undefined);
    // Already gone is what was wanted; a folder under a file's name is not one of ours.
    if (kind?.isDirectory()) continue;
    if (kind) {
      try {
        await unlink(file);
        removed.push(relative);
      } catch (error) {
        const detail = (error as Error).message;
        const message = { da: `kan ikke fjerne ${relative}: ${detail}`, en: `cannot remove ${relative}: ${detail}` };
        diagnostics.push({ file: path.join(outDir, relative), severity: 'error', rule: 'io-error', message });
        continue;
      }
    }
    emptied.add(parent);
  }
  for (const start of emptied) {
    for (let dir = start; isInside(dir, root); dir = path.dirname(dir)) {
      // rmdir refuses a folder that still holds anything, such as a file the user put there.
      if (!(await rmdir(dir).then(() => true, () => false))) break;
    }
  }
  return { removed, diagnostics };
}

function isInside(target: string, root: string): boolean {
  return target.startsWith(root + path.sep);
}
