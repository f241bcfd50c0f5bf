#!/usr/bin/env node
// Builds dist/ from src/: the whole CLI as one CommonJS file plus the V8 code cache that lets a cold
// run skip compiling it (docs/performance.md). Type checking is tsc's job (`npm run build` runs both);
// esbuild only strips types.
//
// 1. dist/cli/dialogpack.cjs: src/bundle.ts with its dependencies, PDFKit and fontkit included.
//    CommonJS, because Node 20 can hand V8 a code cache only for a classic script (vm.Script), not
//    for an ES module. Stages that build-topic imports lazily stay lazily evaluated, so `check` and
//    no-op builds still never run PDFKit's module code.
// 2. dist/cli/load-bundle.cjs: the loader (src/boot/load-bundle.ts) that bin/dialogpack.js and
//    each build worker start from.
// 3. dist/cli/dialogpack.cjs.v8cache: V8's cache of the bundle, taken after building the bundled
//    topics in this process, so it holds the bytecode of every function a build runs, not only of
//    the top level. `--no-cache` skips this step (the CLI then compiles as usual).
//
// The bundle lives in dist/cli/, two folders below the package root, as the modules it replaces
// did: `../../templates`, `../../schema` and `../../package.json` resolve against import.meta.url,
// which becomes the bundle's own file URL.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// The font packages are data found through require.resolve at run time; hyphen's patterns are
// loaded the same way, one language at a time.
const external = ['hyphen', 'hyphen/*', '@fontsource/*'];
// Modules that dependencies import at their top for features dialogpack never uses are replaced by
// stubs that throw if called (see each stub for why): they cost space in the bundle and its cache,
// and time on every start.
const stubs = {
  'brotli/decompress.js': 'scripts/bundle-stubs/brotli-decompress.cjs',
  '@noble/ciphers/aes': 'scripts/bundle-stubs/noble-aes.cjs',
};
const unusedModules = {
  name: 'unused-modules',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(stubs).map((s) => s.replace(/[./]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: path.join(root, stubs[args.path]) }));
  },
};
const common = {
  absWorkingDir: root,
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [unusedModules],
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
await build({ ...common, entryPoints: { 'cli/load-bundle': 'src/boot/load-bundle.ts' } });
// PDFKit reads its sRGB profile (for --pdfa) relative to its own module, which is now the bundle.
mkdirSync(path.join(root, 'dist/cli/data'));
const icc = 'sRGB_IEC61966_2_1.icc';
copyFileSync(path.join(path.dirname(require.resolve('pdfkit')), 'data', icc), path.join(root, 'dist/cli/data', icc));
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
