/**
 * Expands the paths a user gives (topic folders or content roots holding topic folders)
 * into topic folders, in a stable order, and names the content roots it listed: a build may take a
 * topic recorded from one of those and no longer found there as removed. Reads only directory listings.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export async function findTopics(paths: readonly string[]): Promise<{ topics: string[]; roots: string[]; diagnostics: Diagnostic[] }> {
  const topics: string[] = [];
  const roots: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const given of paths) {
    const isDir = await stat(given).then((s) => s.isDirectory()).catch(() => undefined);
    if (isDir === undefined) {
      diagnostics.push({ file: given, severity: 'error', rule: 'path-not-found', message: `no such file or folder: ${given}` });
      continue;
    }
    if (!isDir) {
      if (path.basename(given) === 'topic.yaml') topics.push(path.dirname(given));
      else diagnostics.push({ file: given, severity: 'error', rule: 'not-a-topic', message: `${given} is neither a topic folder nor a content root` });
      continue;
    }
    if (await isFile(path.join(given, 'topic.yaml'))) {
      topics.push(given);
      continue;
    }
    roots.push(given);
    const entries = (await readdir(given, { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.'));
    const children: string[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = path.join(given, entry.name);
      if (await isFile(path.join(child, 'topic.yaml'))) children.push(child);
    }
    if (!children.length) {
      diagnostics.push({
        file: given,
        severity: 'error',
        rule: 'not-a-topic',
        message: `${given} holds no topic.yaml and no topic folders`,
        hint: 'a topic folder holds topic.yaml; a content root holds topic folders',
      });
    }
    topics.push(...children);
  }
  return { topics, roots, diagnostics };
}

function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile()).catch(() => false);
}
