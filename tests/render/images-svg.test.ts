/**
 * draw-svg, the one place svg-to-pdfkit runs: whatever drawing it is handed, nothing it draws can open a
 * file, make a link, use a font the document does not embed, or reach outside the figure's box.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { SvgDrawing } from '../../src/model/sanitize-svg.js';
import { drawSvg } from '../../src/render/draw-svg.js';
import { repoRoot } from '../helpers/build-fixture.js';

async function draw(drawing: SvgDrawing): Promise<{ pdf: string; fonts: string[] }> {
  const doc = new PDFDocument({ autoFirstPage: true, compress: false, font: null } as never);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const fonts: string[] = [];
  drawSvg(doc, drawing, { x: 50, y: 60, width: 200, height: 100 }, (face) => {
    fonts.push(face);
    doc.registerFont(`own-${face}`, path.join(repoRoot, 'node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff'));
    return `own-${face}`;
  });
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.end();
  await ended;
  return { pdf: Buffer.concat(chunks).toString('latin1'), fonts };
}

describe('drawSvg', () => {
  it('opens no picture that is not one of the drawing’s own, and leaves PDFKit able to open files again', () => {
    const doc = new PDFDocument({ autoFirstPage: true, font: null } as never);
    const openImage = (doc as unknown as { openImage: unknown }).openImage;
    const drawing: SvgDrawing = {
      root: { name: 'svg', attributes: { viewBox: '0 0 100 50' }, children: [{ name: 'image', attributes: { href: 'tests/fixtures/images/billeder/skaerm.png', width: '10', height: '10' }, children: [] }] },
      pictures: [],
    };
    drawSvg(doc, drawing, { x: 0, y: 0, width: 100, height: 50 }, () => 'Helvetica');
    expect((doc as unknown as { openImage: unknown }).openImage).toBe(openImage);
    expect(Object.keys((doc as unknown as { _imageRegistry: object })._imageRegistry)).toEqual([]);
    doc.end();
  });

  it('makes no link of an <a> that reaches it, draws text in the font it is given, and clips to the box', async () => {
    const { pdf, fonts } = await draw({
      root: {
        name: 'svg',
        attributes: { viewBox: '0 0 100 50' },
        children: [{ name: 'a', attributes: { href: 'javascript:alert(1)' }, children: [{ name: 'text', attributes: { y: '20', 'font-weight': 'bold' }, children: ['Hej'] }] }],
      },
      pictures: [],
    });
    expect(pdf).not.toContain('/URI');
    expect(pdf).not.toContain('/Helvetica');
    expect(fonts).toEqual(['bold']);
    expect(pdf).toMatch(/50 60 200 100 re\s+W n/);
  });
});
