/**
 * Code in a topic's markdown, inline and fenced: set in Noto Sans Mono and tagged Code, and a block
 * keeps its indentation, its columns of spaces and its blank lines. That code is never hyphenated is
 * tested on the line breaker (tests/layout/break-lines.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicResult } from '../../src/pipeline/build-topic.js';
import { buildInMemory, output, testFixtures } from '../helpers/build-fixture.js';
import { readPdf, structNodes, structText, type PdfReadBack } from '../helpers/read-pdf.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-code-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('code in topic files', () => {
  let result: TopicResult;
  let pack: PdfReadBack;
  let packFile: string;
  beforeAll(async () => {
    result = await buildInMemory(path.join(testFixtures, 'code'));
    pack = await readPdf(output(result, 'pack'));
    packFile = path.join(tmp, 'pack.pdf');
    writeFileSync(packFile, output(result, 'pack'));
  });

  it('builds without a diagnostic', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('tags each piece of code as Code, with its text as written', () => {
    const code = pack.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'Code');
    expect(code.map((n) => structText(n).replace(/\s+/g, ' ').trim())).toEqual([
      'Indstillinger › Generelt › Softwareopdatering',
      'Installer nu',
      'Opdateringen kunne ikke bekræftes',
      'SAG-2026-004711',
      'Indstillinger Generelt Softwareopdatering Automatiske opdateringer: Til Kontrolpanel System Navn: Borgerservice-pc (lånt)',
    ]);
  });

  it('embeds Noto Sans Mono, and sets the body in Atkinson Hyperlegible as before', () => {
    const fonts = execFileSync('pdffonts', [packFile], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSansMono-Regular /);
    expect(fonts).toMatch(/\+NotoSansMono-Bold /);
    expect(fonts).toMatch(/\+AtkinsonHyperlegible-Regular /);
  });

  it('keeps a block’s indentation, aligned spaces and blank line on the page', () => {
    // Each word starts at its column in the source, one mono advance per character (a tab is four).
    const items = pack.pages.flatMap((p) => p.items);
    const first = items.find((i) => i.str === 'Indstillinger')!;
    const advance = first.width / 'Indstillinger'.length;
    const placed = (word: string) => {
      const item = items.find((i) => i.y >= first.y && i.str.startsWith(word));
      expect(item, word).toBeDefined();
      return item!;
    };
    const columns: [string, number][] = [
      ['Generelt', 2],
      ['Softwareopdatering', 4],
      ['Automatiske', 6],
      ['Kontrolpanel', 0],
      ['System', 16],
      ['Navn:', 4],
      ['Borgerservice-pc', 14],
      ['(lånt)', 33],
    ];
    for (const [word, column] of columns) expect(placed(word).x, word).toBeCloseTo(first.x + column * advance, 1);
    const lineGap = placed('Generelt').y - first.y;
    expect(placed('Kontrolpanel').y - placed('Automatiske').y).toBeCloseTo(2 * lineGap, 1);
  });
});
