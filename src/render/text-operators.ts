import type { ShapedRun } from '../fonts/font-book.js';

/** The part of PDFKit's EmbeddedFont that text drawing touches: its subset and the tables it embeds from. */
export interface SubsetFont {
  /** The resource name PDFKit gave the font on this document ("F1"). */
  id: string;
  subset: { includeGlyph(glyphId: number): number };
  /** Advance widths by subset glyph id, in thousandths of an em, for the /W array. */
  widths: number[];
  /** Code points by subset glyph id, for the ToUnicode map that makes text searchable and readable. */
  unicode: number[][];
}

export interface TextPlacement {
  /** Left end of the baseline, in PDFKit's top-down page coordinates. */
  x: number;
  y: number;
  size: number;
}

/**
 * The content-stream operators that draw already shaped runs at a baseline: one BT…ET with a TJ
 * array of subset glyph ids and kerning adjustments. Layout has placed every run, so this skips
 * PDFKit's text(), which would measure, wrap and re-encode each run again (most of a pack's render
 * time). Registers each glyph in the document's subset exactly as PDFKit's own encoder does.
 */
export function textOperators(font: SubsetFont, runs: readonly ShapedRun[], unitsPerEm: number, at: TextPlacement): string {
  const toThousandths = 1000 / unitsPerEm;
  const perUnit = at.size / unitsPerEm;
  const baseline = at.y;
  let x = at.x;
  // PDFKit's pages draw top-down (a flipped CTM), so the text matrix flips the glyphs upright again.
  // It is not done with `q … cm … Q` around the text: a marked-content sequence ends after the `Q`,
  // and poppler places a sequence's ActualText with the matrix in force at its end, which would then
  // be the page's flipped one, putting the words upside down at the mirrored height.
  let out = `BT /${font.id} ${num(at.size)} Tf 1 0 0 -1 ${num(x)} ${num(baseline)} Tm `;
  let array = '';
  let hex = '';
  let shifted = false;
  const flush = () => {
    if (hex) array += `<${hex}>`;
    hex = '';
    if (array) out += `[${array}] TJ `;
    array = '';
  };
  for (const run of runs) {
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i];
      const position = run.positions[i];
      const gid = font.subset.includeGlyph(glyph.id);
      font.widths[gid] ??= glyph.advanceWidth * toThousandths;
      font.unicode[gid] ??= glyph.codePoints;
      if (position.xOffset || position.yOffset) {
        // A mark placed off its advance (an accent on a letter) gets a text matrix of its own.
        flush();
        out += `1 0 0 -1 ${num(x + position.xOffset * perUnit)} ${num(baseline - position.yOffset * perUnit)} Tm <${gid4(gid)}> Tj `;
        shifted = true;
      } else {
        if (shifted) {
          flush();
          out += `1 0 0 -1 ${num(x)} ${num(baseline)} Tm `;
          shifted = false;
        }
        hex += gid4(gid);
        const kern = position.xAdvance - glyph.advanceWidth;
        if (kern) {
          array += `<${hex}>${num(-kern * toThousandths)}`;
          hex = '';
        }
      }
      x += position.xAdvance * perUnit;
    }
  }
  flush();
  return `${out}ET`;
}

function gid4(gid: number): string {
  return gid < 0x10 ? `000${gid.toString(16)}` : gid < 0x100 ? `00${gid.toString(16)}` : gid < 0x1000 ? `0${gid.toString(16)}` : gid.toString(16);
}

/** Two decimals: 1/100 pt on the page, 1/100 000 em in a kern; shorter streams than PDFKit's six. */
function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
