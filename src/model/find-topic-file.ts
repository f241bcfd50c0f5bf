import path from 'node:path';
import { suggest } from '../diagnostics/suggest.js';
import type { TopicSource } from '../load/load-topic.js';
import type { SourceFile } from '../load/source-file.js';

export type FoundTopicFile =
  | { path: string; file: Exclude<SourceFile, { kind: 'refused' }> }
  | { problem: 'outside' }
  | { problem: 'missing'; path: string; guess?: string; known: string[] }
  | { problem: 'refused'; path: string; file: Extract<SourceFile, { kind: 'refused' }> };

/**
 * A file named by topic.yaml or a markdown file, among the files load read: `ref` as the author wrote
 * it (backslashes as on Windows accepted), relative to `from`, a folder inside the topic. A miss comes
 * with the file the author most likely meant, among the `candidates`.
 */
export function findTopicFile(source: TopicSource, ref: string, from = '', candidates: (path: string) => boolean = () => true): FoundTopicFile {
  const written = ref.replace(/\\/g, '/');
  const normalised = path.posix.normalize(path.posix.join(from, written));
  if (path.posix.isAbsolute(written) || /^[a-zA-Z]:/.test(ref) || normalised === '..' || normalised.startsWith('../')) return { problem: 'outside' };
  const file = source.files.get(normalised);
  if (!file) {
    const known = [...source.files.keys()].filter(candidates);
    const guess = known.find((k) => k.toLowerCase() === normalised.toLowerCase()) ?? suggest(normalised, known);
    return { problem: 'missing', path: normalised, guess, known };
  }
  if (file.kind === 'refused') return { problem: 'refused', path: normalised, file };
  return { path: normalised, file };
}
