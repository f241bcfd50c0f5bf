import path from 'node:path';
import { suggest } from '../diagnostics/suggest.js';
import type { TopicSource } from '../load/load-topic.js';
import type { SourceFile } from '../load/source-file.js';

export type FoundTopicFile =
  | { path: string; file: Exclude<SourceFile, { kind: 'refused' }> }
  | { problem: 'outside' }
  | { problem: 'missing'; path: string; guess?: string; known: string[] }
  | { problem: 'refused'; path: string; file: Extract<SourceFile, { kind: 'refused' }> };

/** No file name in a folder is longer; past it a "did you mean" would only cost time. */
const maxGuessLength = 255;
/** Misses per topic that get a guess: a page of missing pictures needs the first few, not every one. */
const maxGuesses = 50;
const guessesMade = new WeakMap<TopicSource, number>();

/**
 * A file named by topic.yaml or a markdown file, read through load's reader: `ref` as the author wrote
 * it (backslashes as on Windows accepted), relative to `from`, a folder inside the topic. A miss comes
 * with the file the author most likely meant, among the listed files that pass `candidates`.
 */
export function findTopicFile(source: TopicSource, ref: string, from = '', candidates: (path: string) => boolean = () => true): FoundTopicFile {
  const written = ref.replace(/\\/g, '/');
  const normalised = path.posix.normalize(path.posix.join(from, written));
  if (path.posix.isAbsolute(written) || /^[a-zA-Z]:/.test(ref) || normalised === '..' || normalised.startsWith('../')) return { problem: 'outside' };
  const file = source.read(normalised);
  if (!file) {
    const known = source.listing.filter(candidates);
    const made = guessesMade.get(source) ?? 0;
    if (normalised.length > maxGuessLength || made >= maxGuesses) return { problem: 'missing', path: normalised, known };
    guessesMade.set(source, made + 1);
    const guess = known.find((k) => k.toLowerCase() === normalised.toLowerCase()) ?? suggest(normalised, known);
    return { problem: 'missing', path: normalised, guess, known };
  }
  if (file.kind === 'refused') return { problem: 'refused', path: normalised, file };
  return { path: normalised, file };
}
