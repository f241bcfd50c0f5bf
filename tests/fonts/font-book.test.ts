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

describe('FontBook.segment', () => {
  /** The text's characters one by one, each with the font that sets it: what the runs must add up to. */
  function byCharacter(fonts: FontBook, text: string, face: 'regular' | 'bold') {
    return fonts.segment(text, face).flatMap((s) => [...s.text].map((c) => `${c}:${s.fontId}`));
  }

  it('cuts runs only where the font changes, with spaces joining the run before them, and keeps pairs of surrogates whole', async () => {
    const fonts = new FontBook(await loadFonts(allFontFiles()));
    const latin = fonts.primary('regular');
    expect(fonts.segment('Borgerservice og Digital Post', 'regular')).toEqual([{ fontId: latin, text: 'Borgerservice og Digital Post' }]);
    // An emoji (two UTF-16 units) and a math letter come from fallback fonts; the spaces after them stay with them.
    const mixed = 'Ring 📞 hvis 𝔸 er svær';
    const runs = fonts.segment(mixed, 'regular');
    expect(runs.map((r) => r.text).join('')).toBe(mixed);
    expect(runs.length).toBe(5);
    expect(runs[0]).toEqual({ fontId: latin, text: 'Ring ' });
    expect(runs[1].text).toBe('📞 ');
    expect(runs[1].fontId).not.toBe(latin);
    expect(runs[2]).toEqual({ fontId: latin, text: 'hvis ' });
    expect(runs[3].text).toBe('𝔸 ');
    expect(runs[4]).toEqual({ fontId: latin, text: 'er svær' });
    // A leading space goes with the primary font; a character no font has stays with it too, and is reported.
    expect(byCharacter(fonts, ' \u{10FFFD}a', 'bold')).toEqual([` :${fonts.primary('bold')}`, `\u{10FFFD}:${fonts.primary('bold')}`, `a:${fonts.primary('bold')}`]);
    expect(fonts.missing.has('\u{10FFFD}')).toBe(true);
  });
});
