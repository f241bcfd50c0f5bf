import type { List, ListItem, RootContent } from 'mdast';
import type { Atom } from './atom.js';
import type { BlockContext, Box, LayoutChildren } from './block-context.js';
import { blockSpacing } from './block-spacing.js';
import { firstBaseline } from './first-baseline.js';
import { indentation } from './indentation.js';
import type { LayoutItem, StructNode } from './layout.js';

/** A list: its items' blocks set indented, each led by its number, bullet or tick box on its first line. */
export function layoutList(node: List, parent: StructNode, box: Box, ctx: BlockContext, layoutChildren: LayoutChildren): Atom[] {
  const { theme, fonts } = ctx;
  const size = ctx.cover ? theme.size.coverSubtitle : ctx.colophon ? theme.size.small : theme.size.body;
  const L = ctx.struct.add(parent, 'L');
  const start = node.start ?? 1;
  const depth = ctx.listDepth ?? 0;
  const marks = node.children.map((_, i) => (node.ordered ? `${start + i}.` : depth % 2 === 0 ? '•' : '–'));
  const labelWidth = marks.reduce((widest, l) => Math.max(widest, fonts.measure(l, 'regular', size)), Number.NEGATIVE_INFINITY);
  const indent = indentation(Math.max(size * 1.3, labelWidth + size * 0.6), box, ctx);
  const atoms: Atom[] = [];
  node.children.forEach((item: ListItem, i) => {
    const LI = ctx.struct.add(L, 'LI');
    const Lbl = ctx.struct.add(LI, 'Lbl');
    const LBody = ctx.struct.add(LI, 'LBody');
    const body = layoutChildren(item.children as RootContent[], LBody, { x: box.x + indent, width: box.width - indent }, { ...ctx, listDepth: depth + 1 }, true);
    if (!body.length) body.push({ height: size * theme.leading, spaceBefore: 0, keepWithNext: false, items: [] });
    const first = body[0];
    const baseline = firstBaseline(first) ?? (size * theme.leading + (fonts.metrics('regular').ascent - fonts.metrics('regular').descent) * size) / 2;
    const labelX = node.ordered ? box.x + labelWidth - fonts.measure(marks[i], 'regular', size) : box.x + size * 0.15;
    if (typeof item.checked === 'boolean') {
      // A task-list item's box is set as text (☐, or ☑ for `- [x]` as the author wrote it), so its state
      // reaches every reader: the Span's ActualText says it in words, and a reader that ignores
      // ActualText still gets the character, where a drawn box would say nothing at all.
      const state = ctx.labels[item.checked ? 'checked' : 'unchecked'];
      const span = ctx.struct.add(Lbl, 'Span', { actualText: state });
      const glyphSize = size * 1.1;
      const glyphs: LayoutItem[] = [];
      let x = box.x;
      for (const seg of fonts.segment(item.checked ? '☑' : '☐', 'regular')) {
        glyphs.push({ type: 'text', x, y: baseline, text: seg.text, fontId: seg.fontId, size: glyphSize, color: theme.colors.accent, node: span.id, actualText: state });
        x += fonts.width(seg.fontId, seg.text, glyphSize);
      }
      first.items.unshift(...glyphs);
    } else {
      for (const seg of fonts.segment(marks[i], 'regular')) {
        first.items.unshift({ type: 'text', x: labelX, y: baseline, text: seg.text, fontId: seg.fontId, size, color: theme.colors.accent, node: Lbl.id });
      }
    }
    first.spaceBefore =
      i === 0
        ? size * (node.spread ? blockSpacing.listAboveSpread : blockSpacing.listAbove)
        : size * (node.spread ? blockSpacing.listItemSpread : blockSpacing.listItem);
    if (ctx.cover) first.spaceBefore = size * blockSpacing.coverListItem;
    atoms.push(...body);
  });
  return atoms;
}
