import { describe, expect, it } from 'vitest';
import type { ShapedRun } from '../../src/fonts/font-book.js';
import { textOperators, type SubsetFont } from '../../src/render/text-operators.js';

/** A subset that numbers glyphs in the order they are first used, as fontkit's does. */
function subsetFont(): SubsetFont & { order: number[] } {
  const order: number[] = [0];
  return {
    id: 'F3',
    order,
    widths: [500],
    unicode: [[0]],
    subset: {
      includeGlyph(glyphId: number) {
        if (!order.includes(glyphId)) order.push(glyphId);
        return order.indexOf(glyphId);
      },
    },
  };
}

const glyph = (id: number, advanceWidth: number, text: string) => ({ id, advanceWidth, codePoints: [...text].map((c) => c.codePointAt(0)!) });
const at = (xAdvance: number, xOffset = 0, yOffset = 0) => ({ xAdvance, yAdvance: 0, xOffset, yOffset });

describe('textOperators', () => {
  it('draws a run at its baseline in the page’s top-down space, flipped upright by the text matrix, glyph ids in hex, kerning in thousandths of an em', () => {
    const font = subsetFont();
    // "AV " with a -80 unit kern between A and V, in a 2000-unit em.
    const run: ShapedRun = { glyphs: [glyph(36, 1200, 'A'), glyph(57, 1100, 'V'), glyph(3, 500, ' ')], positions: [at(1120), at(1100), at(500)], advanceWidth: 2720 };
    const ops = textOperators(font, [run], 2000, { x: 72, y: 100, size: 12 });
    // No q/cm/Q: a marked-content sequence around the text ends in the same space the text was drawn in.
    expect(ops).toBe('BT /F3 12 Tf 1 0 0 -1 72 100 Tm [<0001>40<00020003>] TJ ET');
    // Widths for the /W array are per 1000 units; code points feed ToUnicode.
    expect(font.widths.slice(1)).toEqual([600, 550, 250]);
    expect(font.unicode.slice(1)).toEqual([[65], [86], [32]]);
  });

  it('reuses a glyph already in the subset and keeps its first width and text', () => {
    const font = subsetFont();
    const word: ShapedRun = { glyphs: [glyph(70, 1000, 'e'), glyph(70, 1000, 'e')], positions: [at(1000), at(1000)], advanceWidth: 2000 };
    textOperators(font, [word, word], 1000, { x: 0, y: 0, size: 10 });
    expect(font.order).toEqual([0, 70]);
    expect(font.widths).toEqual([500, 1000]);
  });

  it('gives a mark placed off its advance a text matrix of its own, then returns to the pen position', () => {
    const font = subsetFont();
    // "é" as e + combining acute, the accent shifted 100 units left and 50 up; then "x".
    const run: ShapedRun = {
      glyphs: [glyph(70, 1000, 'e'), glyph(900, 0, '\u0301'), glyph(80, 1000, 'x')],
      positions: [at(1000), at(0, -100, 50), at(1000)],
      advanceWidth: 2000,
    };
    const ops = textOperators(font, [run], 1000, { x: 10, y: 20, size: 10 });
    // At 10 pt in a 1000-unit em the pen moves 10 pt per 1000 units: the mark sits at x 19, 0.5 pt
    // above the baseline (y 19.5 on a page that runs top-down).
    expect(ops).toBe('BT /F3 10 Tf 1 0 0 -1 10 20 Tm [<0001>] TJ 1 0 0 -1 19 19.5 Tm <0002> Tj 1 0 0 -1 20 20 Tm [<0003>] TJ ET');
  });
});
