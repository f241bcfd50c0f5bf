#!/usr/bin/env node
// Builds dist/ from src/ as a few bundled files instead of one file per module. Node spends about
// 300 ms resolving, reading and compiling the hundreds of small ESM files of the remark/micromark,
// zod and yaml stacks; a bundle is one read and one compile (docs/performance.md). Type checking is
// tsc's job (`npm run build` runs both); esbuild only strips types.
//
// Both entry points land in dist/cli/, two folders below the package root, as the modules they
// replace did: `../../templates`, `../../schema`, `../../package.json` and `./build-worker.js` are
// resolved against import.meta.url at run time and stay right. The stages that build-topic imports
// lazily (compose, layout, render) become chunks of their own, so `check` and no-op builds still
// never load PDFKit.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Packages that read data files relative to their own location (PDFKit's AFM metrics, the hyphen
// patterns, fontkit's tries, the font packages) must stay where npm put them.
const external = ['pdfkit', 'fontkit', 'svg-to-pdfkit', 'hyphen', 'hyphen/*', '@fontsource/*'];

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'cli/main': 'src/cli/main.ts', 'cli/build-worker': 'src/pipeline/build-worker.ts' },
  outdir: 'dist',
  chunkNames: 'cli/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  sourcemap: true,
  legalComments: 'linked',
  // Bundled CommonJS (commander, handlebars) calls require() for Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __dialogpackRequire } from 'node:module'; const require = __dialogpackRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
});
if (process.argv.includes('--analyze')) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));
