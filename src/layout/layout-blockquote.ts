import type { RootContent } from 'mdast';
import type { Atom } from './atom.js';
import type { BlockContext, Box, LayoutChildren } from './block-context.js';
import { blockSpacing } from './block-spacing.js';
import { indentation } from './indentation.js';
import type { StructNode } from './layout.js';

/** A quote: its blocks indented and in the muted colour, with a bar down their left. */
export function layoutBlockquote(children: RootContent[], parent: StructNode, box: Box, ctx: BlockContext, layoutChildren: LayoutChildren): Atom[] {
  const { theme } = ctx;
  const quote = ctx.struct.add(parent, 'BlockQuote');
  const indent = indentation(theme.size.body * 1.45, box, ctx);
  const inner = layoutChildren(children, quote, { x: box.x + indent, width: box.width - indent }, ctx, true);
  for (const atom of inner) {
    for (const item of atom.items) if (item.type === 'text') item.color = theme.colors.muted;
    atom.items.unshift({ type: 'rect', x: box.x + indent * 0.12, y: 0, width: indent * 0.2, height: atom.height, fill: theme.colors.rule });
  }
  if (inner.length) inner[0].spaceBefore = theme.size.body * blockSpacing.quote;
  return inner;
}
