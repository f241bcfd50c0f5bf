import path from 'node:path';
import { suggest } from '../diagnostics/suggest.js';
import type { TopicSource } from '../load/load-topic.js';
import { sniffFileType, typeOfExtension, type FileType } from '../load/sniff-file-type.js';
import type { SourceFile } from '../load/source-file.js';
import { describeWrongType, type WantedFile, type WrongType } from './describe-wrong-type.js';

export type FoundTopicFile =
  | { path: string; file: Exclude<SourceFile, { kind: 'refused' }> }
  | { problem: 'outside' }
  | { problem: 'missing'; path: string; guess?: string; known: string[] }
  /**
   * Refused by load, or a kind the place cannot use (reason `wrong-type`, with the message's words in
   * `detail` and the next step in `hint`, and what the file is in `wrongType`).
   */
  | { problem: 'refused'; path: string; file: Extract<SourceFile, { kind: 'refused' }>; wrongType?: WrongType };

/** No file name in a folder is longer; past it a "did you mean" would only cost time. */
const maxGuessLength = 255;
/** Misses per topic that get a guess: a page of missing pictures needs the first few, not every one. */
const maxGuesses = 50;
const guessesMade = new WeakMap<TopicSource, number>();

/** The files each place may name, and so the only ones a guess may offer: never a picture for a text. */
const usable: Record<WantedFile, RegExp> = {
  markdown: /\.(md|markdown)$/i,
  image: /\.(png|jpe?g|svg)$/i,
  picture: /\.(png|jpe?g)$/i,
};
const pictureTypes: ReadonlySet<FileType> = new Set(['png', 'jpeg']);
const documentTypes: ReadonlySet<FileType> = new Set(['pdf', 'docx', 'odt', 'doc', 'rtf']);

/**
 * A file named by topic.yaml or a markdown file, read through load's reader: `ref` as the author wrote
 * it (backslashes as on Windows accepted), relative to `from`, a folder inside the topic. A miss comes
 * with the file the author most likely meant, among the listed files of the kind `wanted`. A file of a
 * kind the place cannot use (a Word file for a text, a HEIC photo for an image) is told apart from a
 * miss, by its name and, where its name says it is usable, by its first bytes.
 */
export function findTopicFile(source: TopicSource, ref: string, from = '', wanted: WantedFile | ((path: string) => boolean) = 'markdown'): FoundTopicFile {
  // A test of names, as callers once passed, is one more filter on a text's guesses.
  const also = typeof wanted === 'function' ? wanted : () => true;
  if (typeof wanted === 'function') wanted = 'markdown';
  const kind = wanted;
  const wrong = (path: string, type: WrongType) => wrongTypeFound(path, ref, kind, type);
  const written = ref.replace(/\\/g, '/');
  const normalised = path.posix.normalize(path.posix.join(from, written));
  if (path.posix.isAbsolute(written) || /^[a-zA-Z]:/.test(ref) || normalised === '..' || normalised.startsWith('../')) return { problem: 'outside' };
  const claimed = typeOfExtension[path.posix.extname(normalised).toLowerCase()] as FileType | undefined;
  // Named where a text belongs, or a document where a picture belongs: its name says enough, and it is
  // never read (a Word file may be larger than any text may be).
  if (claimed && (wanted === 'markdown' || documentTypes.has(claimed)) && source.listing.includes(normalised)) {
    return wrong(normalised, { type: claimed });
  }
  const file = source.read(normalised);
  if (!file) {
    const known = source.listing.filter((k) => usable[kind].test(k) && also(k));
    const made = guessesMade.get(source) ?? 0;
    if (normalised.length > maxGuessLength || made >= maxGuesses) return { problem: 'missing', path: normalised, known };
    guessesMade.set(source, made + 1);
    const guess = known.find((k) => k.toLowerCase() === normalised.toLowerCase()) ?? suggest(normalised, known);
    return { problem: 'missing', path: normalised, guess, known };
  }
  if (file.kind === 'refused') return { problem: 'refused', path: normalised, file };
  if (file.kind === 'binary') {
    // By content: a Word file renamed to .md, a HEIC photo a phone saved as .jpg. A picture whose name
    // lies the other way (a JPEG saved as .webp) is simply a picture.
    const type = sniffFileType(file.bytes);
    if (type && (wanted === 'markdown' || !pictureTypes.has(type))) {
      return wrong(normalised, { type, named: claimed !== type ? path.posix.extname(normalised) : undefined });
    }
  }
  return { path: normalised, file };
}

function wrongTypeFound(path: string, ref: string, wanted: WantedFile, wrongType: WrongType): FoundTopicFile {
  const said = describeWrongType(wrongType, ref, wanted);
  return { problem: 'refused', path, file: { kind: 'refused', path, reason: 'wrong-type', detail: said.detail, hint: said.hint }, wrongType };
}
