#!/usr/bin/env node
// One Node process that compiles every .typ file of a folder to PDF with one Typst compiler, as a
// publisher's build script would: `node typst-compile.mjs <font dir> <typ dir> <out dir>`.
// Prints {"documents": n, "pages": [...]} on stdout; the bench times the whole process.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const [fontDir, typDir, outDir] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: typDir, fontArgs: [{ fontPaths: [fontDir] }] });
const pages = [];
for (const file of readdirSync(typDir).filter((f) => f.endsWith('.typ')).sort()) {
  const result = compiler.compile({ mainFileContent: readFileSync(path.join(typDir, file), 'utf8') });
  const document = result.result;
  if (!document || result.hasError()) {
    result.printDiagnostics();
    process.exit(1);
  }
  pages.push(document.numOfPages);
  writeFileSync(path.join(outDir, file.replace(/\.typ$/, '.pdf')), compiler.pdf(document));
  // The typst CLI evicts its memo cache after each compile the same way; without it memory only grows.
  compiler.evictCache(10);
}
console.log(JSON.stringify({ documents: pages.length, pages }));
