import type { FontBook } from '../fonts/font-book.js';
import type { Atom } from './atom.js';
import type { Line } from './break-lines.js';
import { faceOf, type InlineRun } from './inline-runs.js';
import type { LayoutItem, StructNode } from './layout.js';
import type { StructBuilder } from './struct-builder.js';

export interface LineStyle {
  size: number;
  /** Line height in points. */
  lineHeight: number;
  color: string;
  linkColor: string;
  align?: 'left' | 'center' | 'right';
}

/**
 * Broken lines → one atom each, with text items split by font and Link elements for link text.
 * Orphans and widows: the first two and the last two lines of a block are kept together. A line that
 * ends in a hyphen hyphenation added is kept with the next, so a page never ends in half a word: the
 * reader would have to turn the page to learn what the word is.
 */
export function lineAtoms(
  lines: readonly Line[],
  x: number,
  width: number,
  style: LineStyle,
  node: StructNode,
  struct: StructBuilder,
  fonts: FontBook,
): Atom[] {
  const metrics = fonts.metrics('regular');
  const baseline = (style.lineHeight + (metrics.ascent - metrics.descent) * style.size) / 2;
  let link: { url: string; node: StructNode } | undefined;
  let code: { run: InlineRun; node: StructNode } | undefined;
  let span: { word: string; node: StructNode } | undefined;
  const atoms = lines.map((line) => {
    const items: LayoutItem[] = [];
    /** The hyphenated word whose part on this line has begun: a second piece of it here joins that part. */
    let partBegun: StructNode | undefined;
    const shift = style.align === 'center' ? (width - line.width) / 2 : style.align === 'right' ? width - line.width : 0;
    let i = 0;
    while (i < line.pieces.length) {
      const first = line.pieces[i];
      const face = faceOf(first.run);
      let target = node;
      if (first.run.link) {
        if (!link || link.url !== first.run.link) link = { url: first.run.link, node: struct.add(node, 'Link') };
        target = link.node;
      } else link = undefined;
      // Inline code is a Code element of its own; a fenced block is one already.
      if (first.run.code && node.role !== 'Code') {
        if (!code || code.run !== first.run) code = { run: first.run, node: struct.add(target, 'Code') };
        target = code.node;
      } else code = undefined;
      let actualText: string | undefined;
      if (first.hyphen) {
        // A hyphenated word is one Span whose ActualText is the word, so it reads back unbroken.
        if (first.hyphen.first || !span || span.word !== first.hyphen.word) {
          span = { word: first.hyphen.word, node: struct.add(target, 'Span', { actualText: first.hyphen.word }) };
        }
        target = span.node;
        // One marked-content sequence per line for each part ("borgerservice-medar-" is two pieces
        // of one word), with the ActualText on its first piece only.
        actualText = partBegun === span.node ? undefined : first.hyphen.first ? first.hyphen.word : '';
        partBegun = span.node;
      } else partBegun = undefined;
      let text = first.text;
      let end = i + 1;
      while (
        !first.hyphen &&
        end < line.pieces.length &&
        !line.pieces[end].hyphen &&
        line.pieces[end].run.link === first.run.link &&
        !!line.pieces[end].run.strike === !!first.run.strike &&
        sameFace(line.pieces[end].run, first.run)
      ) {
        text += line.pieces[end].text;
        end++;
      }
      const spanWidth = line.pieces[end - 1].x + line.pieces[end - 1].width - first.x;
      const color = first.run.link ? style.linkColor : style.color;
      let cx = x + shift + first.x;
      for (const seg of fonts.segment(text, face)) {
        items.push({ type: 'text', x: cx, y: baseline, text: seg.text, fontId: seg.fontId, size: style.size, color, node: target.id, actualText });
        cx += fonts.width(seg.fontId, seg.text, style.size);
        // The part's first item opens its marked content, with the ActualText; the rest of the part
        // (a glyph from a fallback font) joins that sequence.
        actualText = undefined;
      }
      if (first.run.strike) {
        // Through the middle of the lower-case letters.
        const y = baseline - style.size * 0.26;
        items.push({ type: 'line', x1: x + shift + first.x, x2: x + shift + first.x + spanWidth, y1: y, y2: y, color, width: style.size / 16 });
      }
      if (first.run.link) {
        items.push({
          type: 'line',
          x1: x + shift + first.x,
          x2: x + shift + first.x + spanWidth,
          y1: baseline + style.size * 0.15,
          y2: baseline + style.size * 0.15,
          color,
          width: 0.6,
        });
        items.push({
          type: 'link',
          x: x + shift + first.x,
          y: 0,
          width: spanWidth,
          height: style.lineHeight,
          target: first.run.link,
          description: first.run.link,
          node: target.id,
        });
      }
      i = end;
    }
    if (line.endsWithSpace) {
      const last = items.findLast((item) => item.type === 'text');
      if (last?.type === 'text') last.text += ' ';
    }
    return { height: style.lineHeight, spaceBefore: 0, keepWithNext: !!line.hyphenated, items } satisfies Atom;
  });
  keepOrphansAndWidows(atoms);
  return atoms;
}

function sameFace(a: InlineRun, b: InlineRun): boolean {
  return faceOf(a) === faceOf(b);
}

/** At least two lines of a block on each side of a page break (on top of any kept for a hyphen). */
function keepOrphansAndWidows(atoms: Atom[]): void {
  const n = atoms.length;
  if (n < 2) return;
  atoms[0].keepWithNext = true;
  atoms[n - 2].keepWithNext = true;
}
