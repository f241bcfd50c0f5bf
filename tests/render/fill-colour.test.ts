import { beforeAll, describe, expect, it } from 'vitest';
import type { FontBook } from '../../src/fonts/font-book.js';
import type { Layout, LayoutItem, StructNode } from '../../src/layout/layout.js';
import { renderPdf } from '../../src/render/render-pdf.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { readQpdf, type QpdfDict } from '../helpers/read-qpdf.js';

/**
 * Reads a content stream as PDF does: the fill colour in force at each text object (BT), after every
 * `scn`/`rg` and q/Q before it, and how many fill colours were set to the colour already in force.
 */
function fillAtText(content: string): { colours: string[]; sets: number; redundant: number } {
  const stack: string[] = [];
  let fill = '0';
  let sets = 0;
  let redundant = 0;
  const colours: string[] = [];
  for (const line of content.split('\n')) {
    const set = /^([\d. ]+) (?:scn|rg)$/.exec(line.trim());
    if (set) {
      const value = set[1].trim();
      sets++;
      if (value === fill) redundant++;
      fill = value;
    } else if (line.trim() === 'q') stack.push(fill);
    else if (line.trim() === 'Q') fill = stack.pop()!;
    else if (line.startsWith('BT ')) colours.push(fill);
  }
  return { colours, sets, redundant };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).join(' ');

describe('fill colour of text', () => {
  let fonts: FontBook;
  beforeAll(async () => {
    fonts = (await sharedResources()).shared.fonts;
  });

  it('is set once for lines in one colour, and again after anything that may have changed it: a filled box, a clipped group', async () => {
    const p: StructNode = { id: 1, role: 'P', children: [] };
    const root: StructNode = { id: 0, role: 'Document', children: [p] };
    const fontId = fonts.primary('regular');
    const text = (color: string, y: number): LayoutItem => ({ type: 'text', x: 20, y, text: `linje ${y}`, fontId, size: 10, color, node: p.id });
    const body = '#1b1b1b';
    const heading = '#0b5563';
    const items: LayoutItem[] = [
      text(heading, 20),
      text(body, 40),
      text(body, 52),
      text(body, 64),
      { type: 'rect', x: 10, y: 70, width: 200, height: 30, fill: '#ffd700' },
      text(body, 90),
      text(body, 102),
      { type: 'group', clip: { x: 0, y: 110, width: 300, height: 60 }, dx: 0, dy: 0, items: [text(heading, 120), text(heading, 132)] },
      text(body, 150),
      { type: 'line', x1: 10, y1: 160, x2: 200, y2: 160, color: heading, width: 1 },
      text(body, 170),
    ];
    const layout: Layout = { kind: 'handout', meta: { title: 'farver', lang: 'da', keywords: [] }, struct: root, outline: [], pages: [{ width: 300, height: 400, items }, { width: 300, height: 400, items: [text(body, 40), text(body, 52)] }] };
    const pdf = readQpdf(await renderPdf(layout, fonts, { date: new Date(0) }));
    const pages = pdf.pages.map((page) => fillAtText(pdf.objects.get(String((pdf.resolve(page) as QpdfDict)['/Contents']))!.data!.toString('latin1')));

    // Every line is drawn in its own colour, whatever came between.
    const wanted = (list: LayoutItem[]): string[] => list.flatMap((i) => (i.type === 'text' ? [rgb(i.color)] : i.type === 'group' ? wanted(i.items) : []));
    expect(pages[0].colours).toEqual(wanted(items));
    expect(pages[1].colours).toEqual([rgb(body), rgb(body)]);
    // Page 1: heading, body, the box's own fill, body after the box, heading in the group, body after the
    // group, body after the line. Text after any other item sets its colour again, even where that item
    // (the group, ending in Q; the line, a stroke in its own q/Q) left it as it was: those two are the
    // only repeats. Set before every line, page 1 had eleven.
    expect(pages[0].sets).toBe(7);
    expect(pages[0].redundant).toBe(2);
    expect(pages[1].sets).toBe(1);
  });
});
