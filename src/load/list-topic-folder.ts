import { opendir } from 'node:fs/promises';
import path from 'node:path';
import { typeOfExtension } from './sniff-file-type.js';

/** How a listed name looks before it is opened: only a regular file, or a link to one, is ever read. */
export type EntryKind = 'file' | 'link' | 'special';

export interface TopicListing {
  /** Files a topic may name (markdown, YAML, images), by path relative to the folder, with their kind. */
  entries: Map<string, EntryKind>;
  /** The folder holds more than `maxEntries` names: the listing stopped there and is incomplete. */
  overflow: boolean;
}

// Word files, PDFs and the picture kinds dialogpack cannot print are listed too, never read as text: a
// topic that names one is told what to do with it, instead of being told it does not exist.
const namedExtensions = new Set(['.yaml', '.yml', '.md', '.markdown', '.svg', ...Object.keys(typeOfExtension)]);

/**
 * The names in a topic folder and its subfolders (to `maxDepth`), without opening a file. Every name
 * counts towards `maxEntries`, folders and other files too, and the listing stops as soon as it is
 * passed, so a folder of a million files costs no more than one of `maxEntries`. Hidden names and
 * node_modules are passed over, links to folders are not followed.
 */
export async function listTopicFolder(root: string, limits: { maxEntries: number; maxDepth: number }): Promise<TopicListing> {
  const entries = new Map<string, EntryKind>();
  let seen = 0;
  const pending: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
  while (pending.length) {
    const { rel, depth } = pending.shift()!;
    let dir;
    try {
      dir = await opendir(path.join(root, rel));
    } catch {
      continue;
    }
    // Leaving the loop early (break or throw) closes the directory handle.
    for await (const entry of dir) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (++seen > limits.maxEntries) return { entries: sorted(entries), overflow: true };
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth < limits.maxDepth) pending.push({ rel: relPath, depth: depth + 1 });
        continue;
      }
      if (!namedExtensions.has(path.extname(entry.name).toLowerCase())) continue;
      entries.set(relPath, entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : 'special');
    }
  }
  return { entries: sorted(entries), overflow: false };
}

/** Byte order, so suggestions and fingerprints do not depend on the order the file system lists in. */
function sorted(entries: Map<string, EntryKind>): Map<string, EntryKind> {
  return new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
