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
