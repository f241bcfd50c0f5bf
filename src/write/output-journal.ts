/**
 * write: the journal of a build that is putting files in place. It is written before the first PDF is
 * renamed into the output folder and removed once the manifest that records them is, so a build
 * stopped in between (kill -9, a full disk, a crash) leaves it behind, and the next build knows the
 * manifest may not describe the files: load/load-manifest then checks every PDF's sha256 instead of
 * only its size.
 * Input: the output folder. Output: begin and finish. Never: remove the journal while the manifest
 * may still be an older one than the files.
 *
 * Its content does not matter, only that it exists, so it is written directly: a journal cut short by
 * a kill is still a journal. It is not flushed to the disk (fsync): a kill leaves what was written in
 * the system's cache, and a power cut is not among the interruptions it guards against.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { journalFileName } from '../load/load-manifest.js';

export function outputJournal(outDir: string): { begin(): Promise<void>; finish(): Promise<void> } {
  const file = path.join(outDir, journalFileName);
  return {
    async begin() {
      await mkdir(outDir, { recursive: true });
      await writeFile(file, 'dialogpack was putting files in place here; the next build checks each PDF against manifest.json\n');
    },
    finish: () => rm(file, { force: true }),
  };
}
