#!/usr/bin/env node
// Builds dist/ from src/: the whole CLI as one CommonJS file plus the V8 code cache that lets a cold
// run skip compiling it (docs/performance.md). Type checking is tsc's job (`npm run build` runs both);
// esbuild only strips types.
//
// 1. dist/cli/dialogpack.cjs: src/bundle.ts with its dependencies, except PDFKit, fontkit and the
//    packages of data (below). CommonJS, because Node 20 can hand V8 a code cache only for a classic
//    script (vm.Script), not for an ES module. Stages that build-topic imports lazily stay lazily
//    evaluated, so `check` and no-op builds still never load PDFKit.
// 2. dist/cli/load-bundle.cjs: the loader (src/load/load-bundle.ts) that bin/dialogpack.js and
//    each build worker start from.
// 3. dist/cli/dialogpack.cjs.v8cache: V8's cache of the bundle, taken after building the bundled
//    topics in this process, so it holds the bytecode of every function a build runs, not only of
//    the top level. `--no-cache` skips this step (the CLI then compiles as usual).
//
// The bundle lives in dist/cli/, two folders below the package root, as the modules it replaces
// did: `../../templates`, `../../schema` and `../../package.json` resolve against import.meta.url,
// which becomes the bundle's own file URL.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// The font packages are data found through require.resolve at run time; hyphen's patterns are
// loaded the same way, one language at a time. PDFKit and fontkit (with svg-to-pdfkit, which wraps
// PDFKit) were bundled too, for their share of the code cache: one topic cold took 40 ms less, but
// 100 packs took 7.2 s instead of 6.6 s and peaked at 256 MB instead of 216 MB in the same run, with
// the two packages' CommonJS or ESM builds alike (docs/performance.md). Node loads them as before.
const external = ['hyphen', 'hyphen/*', '@fontsource/*', 'pdfkit', 'fontkit', 'svg-to-pdfkit'];
const common = {
  absWorkingDir: root,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const result = await build({
  ...common,
  entryPoints: { 'cli/dialogpack': 'src/bundle.ts' },
  sourcemap: true,
  legalComments: 'linked',
  metafile: true,
});
await build({ ...common, entryPoints: { 'cli/load-bundle': 'src/load/load-bundle.ts' } });
if (process.argv.includes('--analyze')) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));

if (!process.argv.includes('--no-cache')) {
  const { loadBundle, codeCacheFile } = require(path.join(root, 'dist/cli/load-bundle.cjs'));
  const { exports, script } = loadBundle({ cache: false });
  const out = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-train-'));
  const quiet = { write: () => true };
  try {
    const code = await exports.main(['build', path.join(root, 'content'), '--out', out, '--jobs', '1'], { stdout: quiet, stderr: quiet });
    if (code !== 0) throw new Error(`training build of content/ exited with ${code}; run \`npm start\` to see why`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  writeFileSync(codeCacheFile, script.createCachedData());
}
