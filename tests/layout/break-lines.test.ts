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
