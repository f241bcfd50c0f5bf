/**
 * Reads a template set: `<kind>/*.hbs` and `theme.yaml` under a templates folder. A municipality's
 * folder (`--templates DIR`) is read over the built-in one, so it needs to hold only what it changes.
 * Input: folder paths. Output: TemplateSource. Never: compile or interpret the templates.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeText } from './decode-text.js';
import { describeRefusal } from './source-file.js';

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

/** Reads the set afresh on every call; pipeline/shared-resources keeps one per process and folder. */
export async function loadTemplates(customDir?: string): Promise<{ source: TemplateSource; diagnostics: Diagnostic[] }> {
  const files = new Map<string, TemplateFile>();
  const diagnostics: Diagnostic[] = [];
  await readInto(builtInTemplatesDir, path.relative(process.cwd(), builtInTemplatesDir), files, diagnostics);
  if (customDir) {
    const exists = await readdir(customDir).then(() => true, () => false);
    if (!exists) diagnostics.push({ file: customDir, severity: 'error', rule: 'path-not-found', message: `no such templates folder: ${customDir}` });
    else await readInto(path.resolve(customDir), customDir, files, diagnostics);
  }
  return { source: { files }, diagnostics };
}

async function readInto(dir: string, display: string, files: Map<string, TemplateFile>, diagnostics: Diagnostic[]): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    const ext = path.extname(rel).toLowerCase();
    const bytes = new Uint8Array(await readFile(full));
    const displayPath = path.join(display, rel);
    if (['.hbs', '.yaml', '.yml', '.svg'].includes(ext)) {
      const decoded = decodeText(bytes);
      if ('refused' in decoded) {
        const { reason, line, column, hint } = decoded.refused;
        diagnostics.push({ file: displayPath, line, column, severity: 'error', rule: `file-${reason}`, message: `${rel} ${describeRefusal(decoded.refused)}`, hint });
        continue;
      }
      files.set(rel, { path: rel, displayPath, text: decoded.text });
    } else if (['.png', '.jpg', '.jpeg', '.woff', '.ttf', '.otf'].includes(ext)) {
      files.set(rel, { path: rel, displayPath, bytes });
    }
  }
}
