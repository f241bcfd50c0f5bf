import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultTheme } from '../../src/layout/theme.js';
import { buildInMemory, output, testFixtures, referenceTopic } from '../helpers/build-fixture.js';
import { expectTextInside } from '../helpers/expect-inside.js';
import { readPdf } from '../helpers/read-pdf.js';

const { margin } = defaultTheme;

describe('no word outside its page', () => {
  it.each([
    ['long words, long URLs and long tables', path.join(testFixtures, 'long-content')],
    ['the reference topic', referenceTopic],
  ])('%s: every word inside the margins', async (_, dir) => {
    const result = await buildInMemory(dir);
    const pdf = await readPdf(output(result, 'pack'));
    for (const [i, page] of pdf.pages.entries()) {
      expectTextInside(page, { left: margin.left, right: page.width - margin.right, top: 0, bottom: page.height }, `page ${i + 1}`);
      // Body text stays in the frame between the running header and footer.
      const body = page.items.filter((item) => item.y > margin.top && item.y < page.height - margin.bottom);
      expect(body.every((item) => item.y <= page.height - margin.bottom + 0.5)).toBe(true);
    }
  });

  it('breaks an over-long word and a URL instead of shrinking or clipping them, keeping every character', async () => {
    const result = await buildInMemory(path.join(testFixtures, 'long-content'));
    const pdf = await readPdf(output(result, 'pack'));
    const text = pdf.pages.map((p) => p.items.map((i) => i.str).join('')).join('');
    expect(text).toContain('Sikkerhedsforanstaltningsinstruktionsgennemgangsprocedurebeskrivelsesdokumentationsarkivet'.slice(0, 30));
    const squashed = text.replace(/\s+/g, '');
    expect(squashed).toContain('https://www.example.com/sti/til/en/side/som/er/alt/for/lang/til/en/linje/i/en/pdf/og/skal/brydes.html');
    expect(squashed).toContain('Sikkerhedsforanstaltningsinstruktionsgennemgangsprocedurebeskrivelsesdokumentationsarkivet');
  });

  it('splits a 90-row table between rows and repeats its header on each new page', async () => {
    const result = await buildInMemory(path.join(testFixtures, 'long-content'));
    const pdf = await readPdf(output(result, 'pack'));
    const withHeader = pdf.pages.filter((p) => p.items.some((i) => i.str.startsWith('Nummer')));
    expect(withHeader.length).toBeGreaterThanOrEqual(3);
    for (let row = 1; row <= 90; row++) {
      const pages = pdf.pages.filter((p) => p.items.some((i) => i.str.startsWith(`Række nummer ${row} `)));
      expect(pages.length, `row ${row} on one page`).toBe(1);
    }
  });
});
