#!/usr/bin/env node
// Builds dist/web/ from src/web/: the web edition's browser script and its licences (issue #21).
// `dialogpack build --site` copies them to out/assets/ (src/load/load-web-assets.ts).
//
// 1. dist/web/dialogpack-web.js: src/web/dialogpack-web.ts with every stage it runs, as one classic
//    script (IIFE): a page opened as a file may run scripts but not import modules from other files.
//    Node's built-ins are replaced where the stages reach them: zlib by src/web/browser-zlib.ts (fflate's deflate,
//    pako's inflate and a CRC-32), path by path-browserify (Node's POSIX path, ported), Buffer by the buffer package,
//    fs by a stub that throws (the browser path reads no file). PDFKit's browser build is the same
//    code as its Node build but for its deflate (fflate), which is pointed at render's pdfDeflate
//    (src/render/pdf-deflate.ts), the deflate the CLI's PDFKit uses too, so both hosts write the same
//    bytes. pngjs's own browser build brings its zlib and streams.
// 2. The fonts are not kept here: `build --site` makes their scripts (assets/fonts/<id>.js) from the
//    font files the CLI itself reads (src/publish/web-asset-files.ts), so the package carries them once.
// 3. dist/web/THIRD-PARTY-LICENSES.txt: the licence of every package the script holds and of the fonts,
//    since the script goes onto a website without the packages.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = path.join(root, 'dist/web');
const src = (file) => path.join(root, 'src/web', file);

const nodeShims = {
  name: 'node-shims',
  setup(b) {
    const to = (file) => () => ({ path: file });
    b.onResolve({ filter: /^(node:)?zlib$/ }, to(src('browser-zlib.ts')));
    b.onResolve({ filter: /^(node:)?path$/ }, to(require.resolve('path-browserify')));
    b.onResolve({ filter: /^(node:)?fs(\/promises)?$/ }, to(src('no-file-system.ts')));
    b.onResolve({ filter: /^pngjs$/ }, to(require.resolve('pngjs/browser.js')));
    b.onResolve({ filter: /^fflate$/ }, (args) => (args.importer.includes(`${path.sep}pdfkit${path.sep}`) ? { path: 'pdfkit-deflate', namespace: 'shim' } : undefined));
    b.onLoad({ filter: /^pdfkit-deflate$/, namespace: 'shim' }, () => ({ contents: `export { pdfDeflate as zlibSync } from ${JSON.stringify(path.join(root, 'src/render/pdf-deflate.ts'))};`, loader: 'js', resolveDir: root }));
  },
};

rmSync(outDir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'dialogpack-web': 'src/web/dialogpack-web.ts' },
  outdir: outDir,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
  minify: true,
  legalComments: 'none',
  inject: [src('buffer-global.ts')],
  // Modules that find files beside themselves (PDFKit's ICC profile, read only for PDF/A) ask import.meta.url: the script's own address.
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', 'import.meta.url': '__bundleUrl' },
  banner: { js: 'var __bundleUrl = (document.currentScript && document.currentScript.src) || location.href;' },
  plugins: [nodeShims],
  metafile: true,
  logLevel: 'warning',
});
if (process.argv.includes('--analyze')) console.log(await (await import('esbuild')).analyzeMetafile(result.metafile));

// The catalog's fonts, whose licences go with the script.
const catalog = await build({ absWorkingDir: root, entryPoints: ['src/fonts/font-catalog.ts'], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
const { allFontFiles } = await import(`data:text/javascript,${encodeURIComponent(catalog.outputFiles[0].text)}`);

// As scripts/bundle.mjs does for the CLI: each bundled package's folder from the paths esbuild read.
const bundled = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  if (match) bundled.set(`${match[2]} ${match[1]}`, { name: match[2], dir: path.join(root, match[1]) });
}
const fontPackages = new Set(allFontFiles().map((spec) => spec.package));
for (const name of fontPackages) bundled.set(name, { name, dir: path.dirname(require.resolve(`${name}/package.json`)) });
const notices = [...bundled.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map(({ name, dir }) => {
  const meta = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const license = meta.license ?? meta.licenses?.map((l) => l.type).join(', ');
  const found = readdirSync(dir).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
  return `${name}@${meta.version} (${license})\n\n${found ? readFileSync(path.join(dir, found), 'utf8').trim() : `Licensed under ${license}; the package ships no licence text.`}\n`;
});
writeFileSync(
  path.join(outDir, 'THIRD-PARTY-LICENSES.txt'),
  `dialogpack-web.js bundles the following packages, and fonts/ beside it (which build --site writes) holds the fonts of the @fontsource packages. Their licences follow.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);
