import type { Heading } from 'mdast';
import type { ContentsNode } from '../compose/document-node.js';
import type { Atom } from './atom.js';
import type { BlockContext, Box } from './block-context.js';
import { blockSpacing } from './block-spacing.js';
import { bodyStyle } from './body-style.js';
import { breakLines } from './break-lines.js';
import { firstBaseline } from './first-baseline.js';
import { layoutHeading } from './layout-heading.js';
import type { StructNode } from './layout.js';
import { lineAtoms } from './line-atoms.js';

/**
 * The contents: a heading and one entry per listed heading, each a link with a dotted leader to its
 * page number, which pagination fills in.
 */
export function layoutToc(node: ContentsNode, parent: StructNode, box: Box, ctx: BlockContext): Atom[] {
  const { theme, fonts, struct } = ctx;
  const tocHeading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: node.title }] };
  const atoms = layoutHeading(tocHeading, parent, box, ctx);
  const TOC = struct.add(parent, 'TOC');
  const style = bodyStyle(ctx, theme.size.body + 1);
  const numberColumn = 36;
  for (const entry of ctx.tocHeadings) {
    // A TOCI may hold Lbl, Reference, NonStruct, P or TOC, not a Link (ISO 32000-1, table 333); an
    // entry is a reference to its heading, so the link goes inside one.
    const TOCI = struct.add(TOC, 'TOCI');
    const link = struct.add(struct.add(TOCI, 'Reference'), 'Link');
    const lines = breakLines([{ text: entry.title, bold: false, italic: false }], fonts, style.size, box.width - numberColumn);
    const entryAtoms = lineAtoms(lines, box.x, box.width - numberColumn, style, link, struct, fonts);
    const last = entryAtoms[entryAtoms.length - 1];
    const baseline = firstBaseline(last) ?? style.lineHeight * 0.7;
    const lineEnd = box.x + (lines[lines.length - 1]?.width ?? 0) + 6;
    last.items.push({ type: 'line', x1: lineEnd, x2: box.x + box.width - numberColumn + 6, y1: baseline, y2: baseline, color: theme.colors.rule, width: 0.8, dash: 1.5 });
    const numberIndex = last.items.length;
    last.items.push({ type: 'text', x: box.x + box.width, y: baseline, text: '', fontId: fonts.primary('regular'), size: style.size, color: style.color, node: link.id });
    const linkIndex = last.items.length;
    last.items.push({ type: 'link', x: box.x, y: 0, width: box.width, height: last.height, target: { page: -1 }, description: entry.title, node: link.id });
    last.pageRefs = [{ item: numberIndex, right: box.x + box.width, headingRef: entry.ref, link: linkIndex }];
    entryAtoms[0].spaceBefore = blockSpacing.tocEntry;
    for (const atom of entryAtoms) atom.keepWithNext = false;
    atoms.push(...entryAtoms);
  }
  return atoms;
}
