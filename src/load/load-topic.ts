/**
 * load: a topic folder on disk → TopicSource: the folder's listing, topic.yaml read, and a reader
 * through which later stages ask for the files topic.yaml and its markdown name.
 * Input: the folder path. Output: TopicSource and diagnostics.
 * Never: parse content, follow links out of the folder, open anything but a regular file, or read
 * more than the limits allow.
 * Only names are listed up front; a file is opened when a later stage first names it, so a file no
 * one names (a draft, a pipe, a thousand spare cards) is never read. The reader is the one door to
 * the disk for the later stages: they see a file's text or bytes, or why it was refused.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { listTopicFolder } from './list-topic-folder.js';
import { readTopicFile } from './read-topic-file.js';
import { describeRefusal, type SourceFile } from './source-file.js';

export interface TopicSource {
  /** Absolute folder path. */
  dir: string;
  /** The folder as the user named it, for messages. */
  displayDir: string;
  slug: string;
  /**
   * The files read so far, by path relative to the folder: topic.yaml, then each file as a later stage
   * asks for it. After the model stage it holds exactly what the topic's documents are made from.
   */
  files: Map<string, SourceFile>;
  /** Every file in the folder a topic may name (markdown, YAML, PNG, JPEG, SVG), listed but not read. */
  listing: readonly string[];
  /** A listed file, read on the first ask and kept; undefined when the folder has no such file. */
  read(path: string): SourceFile | undefined;
}

const MiB = 1024 * 1024;

/** Documented for editors in docs/authoring.md, "Grænser". */
export const topicLimits = {
  /** A markdown or YAML file. */
  maxFileBytes: MiB,
  /** A PNG or JPEG picture: an editor's phone photo fits. */
  maxImageBytes: 25 * MiB,
  /** An SVG drawing: text, so it is decoded and parsed whole. */
  maxSvgBytes: 5 * MiB,
  /** Everything one topic reads, together. */
  maxTopicBytes: 100 * MiB,
  /** Names in the folder and its subfolders, files and folders alike. */
  maxFiles: 400,
  /** Subfolders below the topic folder. */
  maxDepth: 4,
};

const textExtensions = new Set(['.yaml', '.yml', '.md', '.markdown']);

export async function loadTopic(dir: string, displayDir = dir): Promise<{ source?: TopicSource; diagnostics: Diagnostic[] }> {
  const absolute = path.resolve(dir);
  const yamlPath = path.join(displayDir, 'topic.yaml');
  let root: string;
  try {
    root = await realpath(absolute);
  } catch {
    return {
      diagnostics: [{ file: displayDir, severity: 'error', rule: 'path-not-found', message: `no such folder: ${displayDir}` }],
    };
  }
  const listing = await listTopicFolder(root, { maxEntries: topicLimits.maxFiles, maxDepth: topicLimits.maxDepth });
  if (listing.overflow) {
    return {
      diagnostics: [
        {
          file: yamlPath,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'too-many-files',
          message: `${displayDir} holds more than ${topicLimits.maxFiles} files and folders, more than a topic may have`,
          hint: 'keep only the topic’s own files in its folder: move other material, old drafts and spare pictures elsewhere',
        },
      ],
    };
  }

  const files = new Map<string, SourceFile>();
  let budget = topicLimits.maxTopicBytes;
  const read = (rel: string): SourceFile | undefined => {
    const known = files.get(rel);
    if (known) return known;
    const kind = listing.entries.get(rel);
    if (!kind) return undefined;
    const file = readTopicFile(root, rel, kind, isText(rel), { ...limitsFor(rel), budget });
    if (file.kind === 'text') budget -= Buffer.byteLength(file.text);
    else if (file.kind === 'binary') budget -= file.bytes.byteLength;
    files.set(rel, file);
    return file;
  };

  const topicFile = read('topic.yaml');
  if (!topicFile) {
    return {
      diagnostics: [
        { file: yamlPath, severity: 'error', rule: 'no-topic-yaml', message: `${displayDir} has no topic.yaml`, hint: 'create one with `dialogpack new <slug>`' },
      ],
    };
  }
  if (topicFile.kind === 'refused') {
    return {
      diagnostics: [
        {
          file: yamlPath,
          line: topicFile.line,
          column: topicFile.column,
          severity: 'error',
          rule: `file-${topicFile.reason}`,
          message: `topic.yaml ${describeRefusal(topicFile)}`,
          hint: topicFile.hint,
        },
      ],
    };
  }
  return { source: { dir: root, displayDir, slug: path.basename(absolute), files, listing: [...listing.entries.keys()], read }, diagnostics: [] };
}

function isText(rel: string): boolean {
  const ext = path.extname(rel).toLowerCase();
  return textExtensions.has(ext) || ext === '.svg';
}

function limitsFor(rel: string): { maxBytes: number; what: string; hint: string } {
  const ext = path.extname(rel).toLowerCase();
  if (ext === '.svg') return { maxBytes: topicLimits.maxSvgBytes, what: 'an SVG drawing', hint: 'simplify the drawing, or save it as PNG' };
  if (!textExtensions.has(ext)) return { maxBytes: topicLimits.maxImageBytes, what: 'a picture', hint: 'save the picture smaller, e.g. as JPEG at 2000 pixels across' };
  return { maxBytes: topicLimits.maxFileBytes, what: 'a topic file', hint: 'split the text into several files' };
}
