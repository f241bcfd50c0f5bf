import { describe, expect, it } from 'vitest';
import type { FontBook } from '../../src/fonts/font-book.js';
import { breakLines } from '../../src/layout/break-lines.js';
import { hyphenateWord } from '../../src/layout/hyphenate-word.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';

/** The shared font book, counting how many strings layout asks it to measure. */
async function countingFonts(): Promise<{ fonts: FontBook; calls: () => number }> {
  const { shared } = await sharedResources();
  let calls = 0;
  const fonts = new Proxy(shared.fonts, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== 'measure' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        calls++;
        return value.apply(target, args);
      };
    },
  });
  return { fonts, calls: () => calls };
}

describe('breaking a very long word', () => {
  it('measures a few candidate heads per line, not every one (a 2 400-letter word took seconds)', async () => {
    const { fonts, calls } = await countingFonts();
    const word = 'sikkerhedsforanstaltning'.repeat(100);
    const lines = breakLines([{ text: word, bold: false, italic: false }], fonts, 10, 300, (w, start) => hyphenateWord(w, 'da', start));
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.map((l) => l.pieces.map((p) => p.text).join('').replace(/-$/, '')).join('')).toBe(word);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(300 + 0.01);
    // Bisection: about log2(pieces) measurements per line. Trying every head measured thousands.
    expect(calls()).toBeLessThan(lines.length * 20);
  });
});

describe('code', () => {
  const lineTexts = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.pieces.map((p) => p.text).join(''));
  /** A fenced block as layout gets it: one run per source line, each but the last ending in a hard break. */
  const block = (source: string) =>
    source.split('\n').map((text, i, all) => ({ text, bold: false, italic: false, code: true, breakAfter: i < all.length - 1 }));

  it('keeps a block’s indentation, its runs of spaces and its blank lines, with tabs as four spaces', async () => {
    const { shared } = await sharedResources();
    const source = 'Indstillinger\n  Generelt\n    Navn:   Borgerservice-pc\n\nKontrolpanel\tSystem';
    const lines = breakLines(block(source), shared.fonts, 10, 400);
    expect(lineTexts(lines)).toEqual(['Indstillinger', '  Generelt', '    Navn:   Borgerservice-pc', '', 'Kontrolpanel    System']);
    // Monospaced: a line is as wide as its characters, spaces included, so the columns line up.
    const advance = shared.fonts.measure('x', 'mono', 10);
    expect(lines[2].width).toBeCloseTo(advance * '    Navn:   Borgerservice-pc'.length, 1);
  });

  it('is set in the mono face, and never hyphenated', async () => {
    const { fonts } = await countingFonts();
    const word = 'borgerservicemedarbejderuddannelsesforløbet';
    const hyphenate = (w: string, start: boolean) => hyphenateWord(w, 'da', start);
    const prose = breakLines([{ text: `${word} ${word}`, bold: false, italic: false }], fonts, 10, 400, hyphenate);
    const code = breakLines([{ text: `${word} ${word}`, bold: false, italic: false, code: true }], fonts, 10, 400, hyphenate);
    expect(prose.some((l) => l.pieces.some((p) => p.hyphen))).toBe(true);
    expect(code.some((l) => l.pieces.some((p) => p.hyphen))).toBe(false);
    expect(code[0].pieces[0].width).toBeCloseTo(fonts.measure(word, 'mono', 10), 5);
    expect(fonts.measure(word, 'mono', 10)).not.toBeCloseTo(fonts.measure(word, 'regular', 10), 0);
  });
});

describe('hyphens at the ends of lines', () => {
  const plain = (text: string) => [{ text, bold: false, italic: false }];
  const danish = (w: string, start: boolean) => hyphenateWord(w, 'da', start);
  const texts = (lines: ReturnType<typeof breakLines>) => lines.map((l) => l.pieces.map((p) => p.text).join(''));
  const compounds =
    'kommunalbestyrelsesmedlemmernes sagsbehandlingsfristforlængelser kvalitetsudviklingsprojekterne ansvarsfordelingsprincipperne ' +
    'hjemmehjælpsordningen arbejdsmiljølovgivningen databeskyttelsesforordningen persondataforordningens uddannelsesforløbet ' +
    'sikkerhedsforanstaltningerne';

  it('ends at most two lines in a row in a hyphen, where each word would otherwise be hyphenated', async () => {
    const { shared } = await sharedResources();
    let longest = 0;
    let hyphenated = 0;
    for (const width of [150, 170, 200, 230, 260]) {
      const lines = breakLines(plain(compounds), shared.fonts, 10, width, danish);
      let run = 0;
      for (const line of lines) {
        run = line.hyphenated ? run + 1 : 0;
        longest = Math.max(longest, run);
        if (line.hyphenated) hyphenated++;
        expect(line.width).toBeLessThanOrEqual(width + 0.01);
      }
    }
    // The limit was reached (runs of two), and held.
    expect(hyphenated).toBeGreaterThan(10);
    expect(longest).toBe(2);
  });

  it('breaks after a hard hyphen or a slash, adding nothing, and reads the word back whole', async () => {
    const { shared } = await sharedResources();
    const lines = breakLines(plain('Spørg borgerservice-medarbejdernes leder og/eller den ansvarlig/hvem der ved det'), shared.fonts, 10, 120, danish);
    expect(texts(lines)).toEqual(['Spørg borgerservice-', 'medarbejdernes leder og/', 'eller den ansvarlig/hvem', 'der ved det']);
    expect(lines.some((l) => l.hyphenated)).toBe(false);
    // The parts of a word broken at its hyphen name the whole word, for the tag tree's ActualText.
    const parts = lines.flatMap((l) => l.pieces).filter((p) => p.hyphen);
    expect(parts.map((p) => [p.text, p.hyphen!.word, p.hyphen!.first])).toEqual([
      ['borgerservice-', 'borgerservice-medarbejdernes', true],
      ['medarbejdernes', 'borgerservice-medarbejdernes', false],
      ['og/', 'og/eller', true],
      ['eller', 'og/eller', false],
    ]);
    // Not broken there, "ansvarlig/hvem" carries no such mark: layout draws it as one piece of text.
    expect(lines[2].pieces.filter((p) => /ansvarlig|hvem/.test(p.text)).map((p) => p.hyphen)).toEqual([undefined, undefined]);
  });

  it('never breaks a number range, a one-letter part, a URL or an address at its hyphen', async () => {
    const { shared } = await sharedResources();
    for (const word of ['4-20', '10–12', 'e-mail', 'https://www.borger.dk/samfund-og-rettigheder', 'hjælp-til@kommune.dk']) {
      const text = `Mellem ${word}`;
      const wide = breakLines(plain(text), shared.fonts, 10, 1000)[0].width;
      // A measure just too narrow for the whole: the word goes whole to the next line.
      const lines = breakLines(plain(text), shared.fonts, 10, wide - 1, danish);
      expect(texts(lines), word).toEqual(['Mellem', word]);
    }
  });
});
