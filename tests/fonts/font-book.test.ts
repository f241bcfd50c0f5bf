import { describe, expect, it } from 'vitest';
import { FontBook } from '../../src/fonts/font-book.js';
import { allFontFiles } from '../../src/fonts/font-catalog.js';
import { loadFonts } from '../../src/load/load-fonts.js';

describe('FontBook', () => {
  it('measures a word the same after more distinct words than its cache keeps have pushed it out', async () => {
    const fonts = new FontBook(await loadFonts(allFontFiles()));
    const id = fonts.primary('regular');
    const words = ['Borgerservice', 'kommunens ', 'fællesskab', 'æøå ÆØÅ'];
    const before = words.map((w) => fonts.runs(id, w));
    // 50 000 distinct words: more than the two generations of 5 000 runs the cache keeps for a font.
    for (let i = 0; i < 50_000; i++) fonts.width(id, `ord${i.toString(36)}`, 10);
    const after = words.map((w) => fonts.runs(id, w));
    expect(after).toEqual(before);
    expect(after.map((runs) => runs.map((r) => r.advanceWidth))).toEqual(before.map((runs) => runs.map((r) => r.advanceWidth)));
  });
});
