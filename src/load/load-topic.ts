/**
 * load: a topic folder on disk → TopicSource (every candidate file's text or bytes, by relative path).
 * Input: the folder path. Output: TopicSource and diagnostics.
 * Never: parse content, follow links out of the folder, or read more than the limits allow.
 * Files are read eagerly and bounded, so later stages can check references without touching disk.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeText } from './decode-text.js';
import { describeRefusal, type SourceFile } from './source-file.js';

export interface TopicSource {
  /** Absolute folder path. */
  dir: string;
  /** The folder as the user named it, for messages. */
  displayDir: string;
  slug: string;
  files: Map<string, SourceFile>;
}

export const topicLimits = {
  maxFileBytes: 1024 * 1024,
  maxFiles: 400,
  maxDepth: 4,
};

const TEXT_EXTENSIONS = new Set(['.yaml', '.yml', '.md', '.markdown', '.svg']);
const BINARY_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

export async function loadTopic(dir: string, displayDir = dir): Promise<{ source?: TopicSource; diagnostics: Diagnostic[] }> {
  const absolute = path.resolve(dir);
  const diagnostics: Diagnostic[] = [];
  let root: string;
  try {
    root = await realpath(absolute);
  } catch {
    return {
      diagnostics: [
        { file: displayDir, severity: 'error', rule: 'path-not-found', message: `no such folder: ${displayDir}` },
      ],
    };
  }
  const files = new Map<string, SourceFile>();
  await walk(root, '', 0, files);

  const topicFile = files.get('topic.yaml');
  const yamlPath = path.join(displayDir, 'topic.yaml');
  if (!topicFile) {
    diagnostics.push({
      file: yamlPath,
      severity: 'error',
      rule: 'no-topic-yaml',
      message: `${displayDir} has no topic.yaml`,
      hint: 'create one with `dialogpack new <slug>`',
    });
  } else if (topicFile.kind === 'refused') {
    diagnostics.push({
      file: yamlPath,
      line: topicFile.line,
      column: topicFile.column,
      severity: 'error',
      rule: `file-${topicFile.reason}`,
      message: `topic.yaml ${describeRefusal(topicFile)}`,
      hint: topicFile.hint,
    });
  }
  if (diagnostics.length) return { diagnostics };
  return { source: { dir: root, displayDir, slug: path.basename(absolute), files }, diagnostics };
}

async function walk(root: string, rel: string, depth: number, files: Map<string, SourceFile>): Promise<void> {
  if (depth > topicLimits.maxDepth || files.size >= topicLimits.maxFiles) return;
  const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    if (files.size >= topicLimits.maxFiles) return;
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    const full = path.join(root, relPath);
    if (entry.isDirectory()) {
      await walk(root, relPath, depth + 1, files);
      continue;
    }
    const ext = path.extname(entry.name).toLowerCase();
    if (!TEXT_EXTENSIONS.has(ext) && !BINARY_EXTENSIONS.has(ext)) continue;
    files.set(relPath, await readSourceFile(root, relPath, full, TEXT_EXTENSIONS.has(ext)));
  }
}

async function readSourceFile(root: string, relPath: string, full: string, isText: boolean): Promise<SourceFile> {
  try {
    const info = await lstat(full);
    if (info.isSymbolicLink()) {
      const target = await realpath(full);
      if (target !== root && !target.startsWith(root + path.sep)) {
        return {
          kind: 'refused',
          path: relPath,
          reason: 'outside-folder',
          detail: target,
          hint: 'copy the file into the topic folder instead of linking to it',
        };
      }
    }
    const size = info.isSymbolicLink() ? (await stat(full)).size : info.size;
    if (size > topicLimits.maxFileBytes) {
      return {
        kind: 'refused',
        path: relPath,
        reason: 'too-large',
        detail: `${formatBytes(size)}, over the ${formatBytes(topicLimits.maxFileBytes)} limit for a topic file`,
        hint: 'split the text into several files, or move large images out of the topic',
      };
    }
    const bytes = new Uint8Array(await readFile(full));
    if (!isText) return { kind: 'binary', path: relPath, bytes };
    const decoded = decodeText(bytes);
    return 'text' in decoded
      ? { kind: 'text', path: relPath, text: decoded.text }
      : { kind: 'refused', path: relPath, ...decoded.refused };
  } catch (error) {
    return { kind: 'refused', path: relPath, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code };
  }
}

/** `1,048,577 bytes` against `1 MiB`: exact where it matters (just over the limit), round for the limit. */
function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${bytes.toLocaleString('en')} bytes`;
}
