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
// 3. dist/fonts/: the catalog's font files, copied out of the @fontsource packages (24 MB, most of it
//    formats and weights never read), with each package's licence; and dist/THIRD-PARTY-LICENSES.txt,
//    the licence of every package the bundle holds, since the installed package no longer has them.
//    dist/pdfjs/: pdf.js's browser build, for `dialogpack preview`'s page.
// 4. dist/cli/dialogpack.cjs.v8cache: V8's cache of the bundle, taken after building the bundled
//    topics through the CLI's main, so it holds the bytecode of every function the main thread of a
//    build runs (the command line, finding topics, writing). The stages run on the build worker, an
//    isolate of its own, and are not in it: a cache trained with the stages in this thread was twice
//    the size (2.4 MB) and no faster, cold or for 20 packs, in three interleaved runs (issue #20).
//    `--no-cache` skips this step (the CLI then compiles as usual).
//
// The bundle lives in dist/cli/, two folders below the package root, as the modules it replaces
// did: `../../templates`, `../../schema` and `../../package.json` resolve against import.meta.url,
// which becomes the bundle's own file URL.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Everything else is in the bundle, hyphen's Danish and English patterns included, so the installed
// package needs only these three at run time. PDFKit and fontkit (with svg-to-pdfkit, which wraps
// PDFKit) were bundled too, for their share of the code cache: one topic cold took 40 ms less, but
// 100 packs took 7.2 s instead of 6.6 s and peaked at 256 MB instead of 216 MB in the same run, with
// the two packages' CommonJS or ESM builds alike (docs/performance.md). Node loads them as before.
const external = ['pdfkit', 'fontkit', 'svg-to-pdfkit'];
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
  plugins: [await precompiledTemplates()],
});
await build({ ...common, entryPoints: { 'cli/load-bundle': 'src/load/load-bundle.ts' } });
if (process.argv.includes('--analyze')) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));

const catalog = await build({ absWorkingDir: root, entryPoints: ['src/fonts/font-catalog.ts'], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
const { allFontFiles } = await import(`data:text/javascript,${encodeURIComponent(catalog.outputFiles[0].text)}`);
const fontsDir = path.join(root, 'dist/fonts');
mkdirSync(fontsDir, { recursive: true });
const fontPackages = new Set();
for (const spec of allFontFiles()) {
  copyFileSync(path.join(packageDir(spec.package), spec.file), path.join(fontsDir, path.basename(spec.file)));
  fontPackages.add(spec.package);
}
for (const name of fontPackages) copyFileSync(licenceFile(packageDir(name)), path.join(fontsDir, `LICENSE-${name.replace(/^@fontsource\//, '')}.txt`));

// dist/pdfjs/: the two files of pdf.js's modern browser build that `dialogpack preview`'s page draws
// PDFs with (src/load/load-preview-file.ts), and its licence. pdfjs-dist is a dev dependency: copied,
// they cost the installed package 1.6 MB instead of the whole 41 MB package.
const pdfjsDir = path.join(root, 'dist/pdfjs');
mkdirSync(pdfjsDir, { recursive: true });
for (const file of ['build/pdf.min.mjs', 'build/pdf.worker.min.mjs', 'LICENSE']) copyFileSync(path.join(packageDir('pdfjs-dist'), file), path.join(pdfjsDir, path.basename(file)));

// Each bundled package's folder, from the paths esbuild read (the last node_modules segment, for nested copies).
const bundled = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  if (match) bundled.set(`${match[2]} ${match[1]}`, { name: match[2], dir: path.join(root, match[1]) });
}
const notices = [...bundled.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map(({ name, dir }) => {
  const meta = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const { version } = meta;
  // A few old packages name theirs in a `licenses` list.
  const license = meta.license ?? meta.licenses?.map((l) => l.type).join(', ');
  const file = licenceFile(dir);
  return `${name}@${version} (${license})\n\n${file ? readFileSync(file, 'utf8').trim() : `Licensed under ${license}; the package ships no licence text.`}\n`;
});
writeFileSync(
  path.join(root, 'dist/THIRD-PARTY-LICENSES.txt'),
  `dist/cli/dialogpack.cjs bundles the following packages. Their licences follow.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);

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

/**
 * The built-in templates compiled now, in place of src/compose/precompiled-templates.ts's empty map, so a
 * cold process neither parses nor compiles them (see that file). precompile-templates.ts is bundled on
 * its own to run here; a template whose text differs from these (a copy edited by a municipality) is
 * compiled at run time, as before.
 */
async function precompiledTemplates() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-precompile-'));
  let source;
  try {
    const file = path.join(dir, 'precompile.cjs');
    await build({ absWorkingDir: root, entryPoints: ['src/compose/precompile-templates.ts'], bundle: true, format: 'cjs', platform: 'node', outfile: file, logLevel: 'warning' });
    const { precompileTemplates } = require(file);
    const templates = readdirSync(path.join(root, 'templates'), { recursive: true }).filter((f) => f.endsWith('.hbs')).sort();
    source = precompileTemplates(templates.map((f) => readFileSync(path.join(root, 'templates', f), 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: 'precompiled-templates',
    setup(plugin) {
      plugin.onLoad({ filter: /[\\/]src[\\/]compose[\\/]precompiled-templates\.ts$/ }, () => ({ contents: source, loader: 'js' }));
    },
  };
}

function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function licenceFile(dir) {
  const found = readdirSync(dir).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
  return found ? path.join(dir, found) : undefined;
}
