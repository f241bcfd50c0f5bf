import { createHash } from 'node:crypto';
import type { ManifestInputs } from '../load/load-manifest.js';
import type { TemplateSource } from '../load/load-templates.js';
import type { TopicSource } from '../load/load-topic.js';
import { modelTopic } from '../model/model-topic.js';
import { parseTopic } from '../parse/parse-topic.js';
import type { BuildOptions } from './build-options.js';

/** Everything shared by a build's topics: tool version, templates and theme, font files. */
export function sharedFingerprint(version: string, templates: TemplateSource, fontSizes: ReadonlyMap<string, number>): string {
  const hash = createHash('sha256').update(`dialogpack ${version}\n`);
  for (const path of [...templates.files.keys()].sort()) {
    const file = templates.files.get(path)!;
    hash.update(`template ${path}\n`).update(file.text ?? file.bytes ?? '').update('\n');
  }
  for (const id of [...fontSizes.keys()].sort()) hash.update(`font ${id} ${fontSizes.get(id)}\n`);
  return hash.digest('hex');
}

/**
 * A topic's inputs, from its loaded source alone: to tell whether it changed before building it. Load
 * reads a file only when the model names it, so the parse and model stages run here to learn which
 * files the topic uses (their results are dropped); hashing the source as loaded would see topic.yaml
 * alone and miss a changed markdown file or picture.
 */
export function topicFingerprint(source: TopicSource, shared: string, options: Omit<BuildOptions, 'paths' | 'outDir'>): string {
  modelTopic(parseTopic(source).parsed);
  return usedFilesFingerprint(source, shared, options);
}

/**
 * A topic's inputs once the model stage has run on its source: the files it uses, the shared
 * fingerprint and every option that changes the PDFs. Equal to topicFingerprint for the same folder.
 */
export function usedFilesFingerprint(source: TopicSource, shared: string, options: Omit<BuildOptions, 'paths' | 'outDir'>): string {
  const hash = createHash('sha256').update(shared).update('\n');
  const { participants, start, kinds, poster, sheets, paper, pdfa, strict, sourceDate, hyphenationExceptions } = options;
  // `site` only when set, so a build without it keeps the fingerprints builds had before the option.
  const site = options.site || undefined;
  hash.update(JSON.stringify({ participants, start, kinds, poster, sheets, paper, pdfa, strict, sourceDate: sourceDate?.toISOString(), hyphenationExceptions, site })).update('\n');
  for (const path of [...source.files.keys()].sort()) {
    const file = source.files.get(path)!;
    hash.update(`file ${path} ${file.kind}\n`);
    if (file.kind === 'text') hash.update(file.text);
    else if (file.kind === 'binary') hash.update(file.bytes);
    else hash.update(file.reason);
    hash.update('\n');
  }
  return hash.digest('hex');
}

/**
 * The names in a topic folder, in the order load lists them, as one hash. The model looks names up in
 * the listing (a file it names, a markdown file of a step's title), so a file added, removed or renamed
 * can change what a topic uses without any file it read changing.
 */
export function listingFingerprint(listing: readonly string[]): string {
  const hash = createHash('sha256');
  for (const name of listing) hash.update(name).update('\0');
  return hash.digest('hex');
}

/**
 * A topic's inputs from the files its previous build recorded as used, without parsing YAML or
 * markdown: each is read again (in the recorded order, so the limits refuse exactly what they refused)
 * and hashed as usedFilesFingerprint does. Undefined when the folder's listing differs from the
 * recorded one: what the model would read then is not known without running it.
 *
 * It equals the fingerprint the build recorded exactly when every file the model read has the same
 * content, and the listing is the same: the model, given the same listing and the same files, reads
 * the same files and makes the same topic. When it differs, some file the model reads first is not
 * what it was, so topicFingerprint would differ too, and the topic is rebuilt without asking it.
 */
export function recordedFilesFingerprint(source: TopicSource, recorded: ManifestInputs, shared: string, options: Omit<BuildOptions, 'paths' | 'outDir'>): string | undefined {
  if (listingFingerprint(source.listing) !== recorded.listing) return undefined;
  for (const rel of recorded.files) source.read(rel);
  return usedFilesFingerprint(source, shared, options);
}
