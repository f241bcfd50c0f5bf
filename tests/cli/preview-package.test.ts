import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';

describe('the package, for dialogpack preview', () => {
  it('carries the pdf.js files the page loads, without pdfjs-dist among its dependencies', () => {
    // `npm test` has just bundled dist/ (pretest), which copies pdf.js into dist/pdfjs/.
    const json = execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: repoRoot, encoding: 'utf8' });
    const files = (JSON.parse(json) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    for (const file of ['dist/pdfjs/pdf.min.mjs', 'dist/pdfjs/pdf.worker.min.mjs', 'dist/pdfjs/LICENSE']) expect(files, file).toContain(file);
    expect(files.filter((f) => f.startsWith('dist/pdfjs/'))).toHaveLength(3);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['fontkit', 'pdfkit', 'svg-to-pdfkit']);
  }, 60_000);
});
