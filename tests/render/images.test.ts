/**
 * Pictures in a topic's markdown, `![alt](file)`: PNG, JPEG and SVG from the topic folder print as figures
 * with their alt text in the tag tree, at most at their own size and inside the column.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicResult } from '../../src/pipeline/build-topic.js';
import { buildInMemory, output, testFixtures } from '../helpers/build-fixture.js';
import { readPdf, structNodes, type PdfReadBack } from '../helpers/read-pdf.js';

const fixture = path.join(testFixtures, 'images');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-images-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const alts = {
  png: 'Skærmbillede af en app med en blå topbjælke, et tekstfelt og en blå knap',
  svg: 'Tre kasser i en række, forbundet med streger: henvendelse, hjælp og opfølgning',
  jpeg: 'Forsiden af materialet i lille størrelse',
};

describe('images in topic files', () => {
  let result: TopicResult;
  let pack: PdfReadBack;
  beforeAll(async () => {
    result = await buildInMemory(fixture);
    pack = await readPdf(output(result, 'pack'));
  });

  it('builds without a diagnostic', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('tags each picture as a Figure with its alt text, in reading order, in the pack and the handout', async () => {
    const figures = (pdf: PdfReadBack) => pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'Figure').map((n) => n.alt);
    expect(figures(pack)).toEqual([alts.png, alts.svg, alts.jpeg]);
    expect(figures(await readPdf(output(result, 'handout')))).toEqual([alts.svg, alts.jpeg]);
    for (const page of pack.pages) expect(page.untaggedText.trim()).toBe('');
  });

  it('embeds PNG and JPEG at their own proportions, never enlarged past their size', () => {
    const file = path.join(tmp, 'pack.pdf');
    writeFileSync(file, output(result, 'pack'));
    const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const images = rows.map((r) => r.trim().split(/\s+/)).map((c) => ({ width: Number(c[3]), height: Number(c[4]), enc: c[8], xppi: Number(c[12]), yppi: Number(c[13]) }));
    expect(images.map((i) => [i.width, i.height, i.enc])).toEqual([
      [480, 300, 'image'],
      [166, 234, 'jpeg'],
    ]);
    for (const image of images) {
      expect(image.xppi).toBe(image.yppi);
      expect(image.xppi).toBeGreaterThanOrEqual(96);
    }
  });

  it('shrinks a picture on a card with the type, so the card keeps to one face', async () => {
    // At three fifths of the face the portrait pushed the card's last lines onto a second face.
    expect(result.diagnostics.filter((d) => d.rule === 'card-overflow')).toEqual([]);
    const cards = await readPdf(output(result, 'cards'));
    const figures = cards.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'Figure');
    expect(figures.map((f) => f.alt)).toEqual(['Lene viser en borger et skærmbillede med en blå knap']);
    expect(cards.text.replace(/\s+/g, ' ')).toContain('Tid til at øve sammen med kollegerne');
  });

  it('keeps the text around a picture, and shows no alt text as page text', () => {
    const text = pack.text.replace(/\s+/g, ' ');
    expect(text).toContain('Formålet er at se, hvordan et skærmbillede og en tegning står i materialet.');
    expect(text).toContain('Teksten fortsætter efter billedet.');
    expect(text).not.toContain(alts.png);
  });
});
