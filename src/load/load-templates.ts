/**
 * Reads a template set: `<kind>/*.hbs` and `theme.yaml` under a templates folder. A municipality's
 * folder (`--templates DIR`) is read over the built-in one, so it needs to hold only what it changes.
 * Input: folder paths. Output: TemplateSource. Never: compile or interpret the templates.
 */
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Text } from '../diagnostics/diagnostic.js';
import { topicLimits } from './load-topic.js';
import { readTopicFile } from './read-topic-file.js';
import { describeRefusalText } from './source-file.js';

export interface TemplateFile {
  /** Path relative to its templates folder, e.g. `pack/step.hbs`. */
  path: string;
  /** Path for messages. */
  displayPath: string;
  /** Text files (.hbs, .yaml, .svg) are decoded; images and fonts stay bytes. */
  text?: string;
  bytes?: Uint8Array;
}

export interface TemplateSource {
  files: Map<string, TemplateFile>;
}

export const builtInTemplatesDir = fileURLToPath(new URL('../../templates', import.meta.url));

/**
 * Reads the set afresh on every call; pipeline/shared-resources keeps one per process and folder.
 * `cwd` is the working folder the cli was started in, which messages name the built-in files from;
 * without it they are named by their full path.
 */
export async function loadTemplates(customDir?: string, cwd?: string): Promise<{ source: TemplateSource; diagnostics: Diagnostic[] }> {
  const files = new Map<string, TemplateFile>();
  const diagnostics: Diagnostic[] = [];
  await readInto(builtInTemplatesDir, cwd === undefined ? builtInTemplatesDir : path.relative(cwd, builtInTemplatesDir), files, diagnostics);
  if (customDir) {
    const exists = await readdir(customDir).then(() => true, () => false);
    if (!exists) {
      diagnostics.push({ file: customDir, severity: 'error', rule: 'path-not-found', message: { da: `skabelonmappen ${customDir} findes ikke`, en: `no such templates folder: ${customDir}` } });
    }
    else await readInto(path.resolve(customDir), customDir, files, diagnostics);
  }
  return { source: { files }, diagnostics };
}

/**
 * What one file of a template set may hold. A municipality's templates can come from anyone, as a
 * topic can: a 10 MB template took 30 s and 1.8 GB to build, and files no template uses were read whole.
 */
export const templateLimits = {
  /** A `.hbs` template or `theme.yaml`: the built-in ones are 1–3 KB. */
  maxTextBytes: 256 * 1024,
  /** A logo (PNG, JPEG or SVG). */
  maxImageBytes: topicLimits.maxSvgBytes,
  /** A typeface the theme brings. */
  maxFontBytes: 32 * 1024 * 1024,
  /** Everything one template folder is read for, together. */
  maxSetBytes: topicLimits.maxTopicBytes,
};

const textExtensions = ['.hbs', '.yaml', '.yml', '.svg'];
const binaryExtensions = ['.png', '.jpg', '.jpeg', '.woff', '.ttf', '.otf'];

async function readInto(dir: string, display: string, files: Map<string, TemplateFile>, diagnostics: Diagnostic[]): Promise<void> {
  const root = await realpath(dir);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  let budget = templateLimits.maxSetBytes;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(root, full).split(path.sep).join('/');
    const ext = path.extname(rel).toLowerCase();
    const isText = textExtensions.includes(ext);
    // Only what a template set is made of is read, and each file no further than its limit.
    if (!isText && !binaryExtensions.includes(ext)) continue;
    const displayPath = path.join(display, rel);
    const file = readTopicFile(root, rel, 'file', isText, { ...limitsFor(ext), budget });
    if (file.kind === 'refused') {
      const { reason, line, column, hint } = file;
      const why = describeRefusalText(file);
      diagnostics.push({ file: displayPath, line, column, severity: 'error', rule: `file-${reason}`, message: { da: `${rel} ${why.da}`, en: `${rel} ${why.en}` }, hint });
      continue;
    }
    if (file.kind === 'text') {
      budget -= Buffer.byteLength(file.text);
      files.set(rel, { path: rel, displayPath, text: file.text });
    } else {
      budget -= file.bytes.byteLength;
      files.set(rel, { path: rel, displayPath, bytes: file.bytes });
    }
  }
}

function limitsFor(ext: string): { maxBytes: number; what: Text; hint: Text } {
  if (ext === '.hbs' || ext === '.yaml' || ext === '.yml') {
    return {
      maxBytes: templateLimits.maxTextBytes,
      what: { da: 'en skabelonfil', en: 'a template file' },
      hint: {
        da: 'en skabelon stiller emnets tekst op; hold lang tekst i emnerne, eller del skabelonen i flere dele (partials)',
        en: "a template arranges the topic's text; keep long text in the topics, or split the template into partials",
      },
    };
  }
  if (ext === '.woff' || ext === '.ttf' || ext === '.otf') {
    return {
      maxBytes: templateLimits.maxFontBytes,
      what: { da: 'en skrifttype', en: 'a typeface' },
      hint: { da: 'brug et udsnit af skrifttypen, eller WOFF i stedet for TTF', en: 'use a subset of the typeface, or WOFF instead of TTF' },
    };
  }
  return { maxBytes: templateLimits.maxImageBytes, what: { da: 'et logo', en: 'a logo' }, hint: { da: 'gem logoet i en mindre udgave', en: 'save the logo smaller' } };
}
