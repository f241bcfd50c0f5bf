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
import type { Diagnostic, Text } from '../diagnostics/diagnostic.js';
import { listTopicFolder } from './list-topic-folder.js';
import { readTopicFile } from './read-topic-file.js';
import { describeRefusalText, type SourceFile } from './source-file.js';

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
      diagnostics: [{ file: displayDir, severity: 'error', rule: 'path-not-found', message: { da: `mappen findes ikke: ${displayDir}`, en: `no such folder: ${displayDir}` } }],
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
          message: {
            da: `${displayDir} indeholder mere end ${topicLimits.maxFiles} filer og mapper, flere end et emne må have`,
            en: `${displayDir} holds more than ${topicLimits.maxFiles} files and folders, more than a topic may have`,
          },
          hint: {
            da: 'hav kun emnets egne filer i dets mappe: flyt andet materiale, gamle udkast og ekstra billeder et andet sted hen',
            en: 'keep only the topic’s own files in its folder: move other material, old drafts and spare pictures elsewhere',
          },
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
        {
          file: yamlPath,
          severity: 'error',
          rule: 'no-topic-yaml',
          message: { da: `${displayDir} har ingen topic.yaml`, en: `${displayDir} has no topic.yaml` },
          hint: { da: 'lav en med `dialogpack new <mappens-navn>`', en: 'create one with `dialogpack new <slug>`' },
        },
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
          message: prefixed('topic.yaml', describeRefusalText(topicFile)),
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

function prefixed(name: string, text: Text): Text {
  return { da: `${name} ${text.da}`, en: `${name} ${text.en}` };
}

/** Each kind of file its own limit, and the hint that fits it: a photo is made smaller, a text is split. */
function limitsFor(rel: string): { maxBytes: number; what: Text; hint: Text } {
  const ext = path.extname(rel).toLowerCase();
  if (ext === '.svg') {
    return {
      maxBytes: topicLimits.maxSvgBytes,
      what: { da: 'en SVG-tegning', en: 'an SVG drawing' },
      hint: { da: 'gør tegningen enklere, eller gem den som PNG', en: 'simplify the drawing, or save it as PNG' },
    };
  }
  if (!textExtensions.has(ext)) {
    return {
      maxBytes: topicLimits.maxImageBytes,
      what: { da: 'et billede', en: 'a picture' },
      hint: {
        da: 'gør billedet mindre, fx ved at sende det til dig selv som mail i størrelsen "Stor" og gemme det, der kommer frem, eller gem det som JPEG, 2000 punkter bredt',
        en: 'save the picture smaller, e.g. mail it to yourself at the size "Large" and save what arrives, or save it as JPEG at 2000 pixels across',
      },
    };
  }
  return {
    maxBytes: topicLimits.maxFileBytes,
    what: { da: 'en tekstfil', en: 'a topic file' },
    hint: { da: 'del teksten op i flere filer, fx ét afsnit i hver', en: 'split the text into several files' },
  };
}
