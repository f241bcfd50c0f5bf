import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyExceptions, checkImportRules, type Exception, type ImportRules } from './check-import-rules.js';

/**
 * The order of src/'s folders, earliest first: a file may import its own folder and earlier ones only
 * (type-only imports too: a type lives in the stage that makes it). README "How it works" gives
 * load → … → write; the rest is placed by what each folder's files take in and hand on.
 */
const order = [
  'diagnostics', // shared by every stage: the Diagnostic data and rule ids, importing nothing of the others
  'load', // the only door to the disk for reading: topic files, templates, font bytes, manifests (README)
  'fonts', // parses the font bytes load read (FontSource) into the FontBook layout measures with and render embeds
  'parse', // topic text → syntax (README)
  'model', // syntax → the checked Topic, the config and the theme (README)
  'plan', // Topic → agenda and groups (README)
  'compose', // Topic and plan → the documents' markdown through the templates (README)
  'layout', // markdown → pages, measured with fonts (README)
  'render', // pages → PDF bytes (README)
  'publish', // built PDFs → manifest.json and index.html contents; run by pipeline, written by write
  'write', // the only stage that writes files (README)
  'pipeline', // runs the stages for a topic, a build and a publish, so it comes after every stage it runs
  'cli', // argv → options, runs the pipeline, picks the exit code (README: "cli at the end")
  'bundle', // src/bundle.ts: what the bundled file exports, the cli and the build worker
  'web', // the browser's host, beside cli: the topic page's form runs the pipeline on in-memory inputs (issue #21)
];

/**
 * I/O stays in load (reads) and write (writes). cli may use http/net: `preview` serves the built PDFs to
 * the browser, the CLI's own conversation with the user like the terminal, and reads them through
 * load/load-preview-file; and os for machine details (cores, host name for the lock owner). pipeline
 * starts the build's worker threads, and load/load-bundle.ts, the file each of them starts from, asks
 * whether it runs as one. node:module is here because `require` of a JSON file reads it.
 */
const rules: ImportRules = {
  order,
  ioModules: {
    fs: ['load', 'write'],
    'fs/promises': ['load', 'write'],
    child_process: ['load', 'write'],
    module: ['load', 'write'],
    net: ['cli'],
    http: ['cli'],
    https: [],
    http2: [],
    os: ['cli'],
    worker_threads: ['load', 'pipeline'],
  },
  processUses: { cwd: ['cli'], pid: ['cli'], env: ['cli'], chdir: ['cli'] },
};

/** Left on purpose, each with why. Nothing else may be. */
const exceptions: Exception[] = [];

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
  }
  return files;
}

describe('import rules of src/', () => {
  it('imports run one way in stage order, without cycles, and I/O stays in load, write (and cli, pipeline)', () => {
    const tree = readTree(srcDir);
    expect(tree.size).toBeGreaterThan(100);
    const { left, stale } = applyExceptions(checkImportRules(tree, rules), exceptions);
    expect(left.map((v) => v.line)).toEqual([]);
    expect(stale.map((e) => `exception no longer needed, remove it: ${e.kind} ${e.file} → ${e.target}`)).toEqual([]);
  });

  it('every folder of src/ has its place in the order', () => {
    const folders = readdirSync(srcDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !order.includes(f))).toEqual([]);
  });

  it('reports a planted backward import, type-only import, cycle, I/O and process use, all at once', () => {
    const planted = new Map([
      ['diagnostics/diagnostic.ts', `export interface Diagnostic { file: string }`],
      ['load/load-topic.ts', `import { layoutDocument } from '../layout/layout-document.js';\nexport const loadTopic = () => layoutDocument;`],
      ['parse/parse-topic.ts', `import type { Page } from '../layout/page.js';\nexport type Parsed = Page;`],
      ['layout/layout-document.ts', `import { a } from './a.js';\nexport const layoutDocument = a;`],
      ['layout/page.ts', `export interface Page { n: number }`],
      ['layout/a.ts', `export { b as a } from './b.js';`],
      ['layout/b.ts', `export const b = async () => (await import('./a.js')).a;`],
      ['model/model-topic.ts', `import { readFile } from 'node:fs/promises';\nexport const dir = process.cwd();\n// process.pid in a comment is no use\nexport { readFile };`],
    ]);
    const lines = checkImportRules(planted, rules).map((v) => v.line);
    expect(lines).toEqual([
      'load/load-topic.ts → layout/layout-document.ts: load imports the later stage layout',
      'model/model-topic.ts → node:fs/promises: I/O outside load, write',
      'model/model-topic.ts: process.cwd outside cli',
      'parse/parse-topic.ts → layout/page.ts (type): parse imports the later stage layout',
      'cycle: layout/a.ts → layout/b.ts → layout/a.ts',
    ]);
  });

  it('an exception that no longer matches a violation is reported, so the list stays true', () => {
    const tree = new Map([['load/load-topic.ts', `export const x = 1;`]]);
    const { stale } = applyExceptions(checkImportRules(tree, rules), [{ kind: 'backward', file: 'load/load-topic.ts', target: 'layout/a.ts', reason: 'planted' }]);
    expect(stale).toHaveLength(1);
  });
});
