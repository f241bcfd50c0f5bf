/**
 * load, for a host without a disk (the web edition's page): a topic's files handed in as bytes →
 * the same TopicSource loadTopic makes from a folder, so every later stage runs unchanged.
 * Input: the topic's short name, the names its folder listed and the bytes of the files it uses.
 * Output: TopicSource and diagnostics. Never: touch a file system; the bytes were read by loadTopic
 * where the topic was built for the site, and come here through the page's topic-data.js.
 * A file is classified as readTopicFile does (a picture under a text's name stays bytes, text must be
 * UTF-8), within the same limits, so a file reads the same on both hosts.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeText } from './decode-text.js';
import { topicLimits, type TopicSource } from './load-topic.js';
import { sniffFileType } from './sniff-file-type.js';
import type { SourceFile } from './source-file.js';

export interface InMemoryTopic {
  slug: string;
  /** The folder as messages name it. */
  displayDir: string;
  /** Every name the topic's folder listed (loadTopic's `listing`), in its order. */
  listing: readonly string[];
  /** The bytes of the listed files there are, by path relative to the folder. */
  files: ReadonlyMap<string, Uint8Array>;
}

const textExtensions = ['.yaml', '.yml', '.md', '.markdown', '.svg'];

export function loadInMemoryTopic(input: InMemoryTopic): { source?: TopicSource; diagnostics: Diagnostic[] } {
  const files = new Map<string, SourceFile>();
  let budget = topicLimits.maxTopicBytes;
  const read = (rel: string): SourceFile | undefined => {
    const known = files.get(rel);
    if (known) return known;
    if (!input.listing.includes(rel)) return undefined;
    const bytes = input.files.get(rel);
    const file = bytes ? classify(rel, bytes, budget) : ({ kind: 'refused', path: rel, reason: 'unreadable' } as const);
    if (file.kind !== 'refused') budget -= bytes!.byteLength;
    files.set(rel, file);
    return file;
  };
  const topicFile = read('topic.yaml');
  if (topicFile?.kind !== 'text') {
    return {
      diagnostics: [
        {
          file: `${input.displayDir}/topic.yaml`,
          severity: 'error',
          rule: 'no-topic-yaml',
          message: { da: `${input.displayDir} har ingen topic.yaml, der kan læses`, en: `${input.displayDir} has no readable topic.yaml` },
        },
      ],
    };
  }
  return { source: { dir: input.displayDir, displayDir: input.displayDir, slug: input.slug, files, listing: [...input.listing], read }, diagnostics: [] };
}

function classify(rel: string, bytes: Uint8Array, budget: number): SourceFile {
  const ext = rel.slice(rel.lastIndexOf('.')).toLowerCase();
  const isText = textExtensions.includes(ext);
  const maxBytes = ext === '.svg' ? topicLimits.maxSvgBytes : isText ? topicLimits.maxFileBytes : topicLimits.maxImageBytes;
  if (bytes.byteLength > maxBytes) return { kind: 'refused', path: rel, reason: 'too-large' };
  if (bytes.byteLength > budget) return { kind: 'refused', path: rel, reason: 'over-budget' };
  if (!isText || sniffFileType(bytes)) return { kind: 'binary', path: rel, bytes };
  const decoded = decodeText(bytes);
  return 'text' in decoded ? { kind: 'text', path: rel, text: decoded.text } : { kind: 'refused', path: rel, ...decoded.refused };
}
