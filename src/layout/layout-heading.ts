import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Atom } from './atom.js';
import type { BlockContext, Box } from './block-context.js';
import { blockSpacing } from './block-spacing.js';
import { breakLines } from './break-lines.js';
import { inlineRuns } from './inline-runs.js';
import type { StructNode, StructRole } from './layout.js';
import { lineAtoms, type LineStyle } from './line-atoms.js';

/** A heading, kept with what it heads; one that goes into the outline carries its reference. */
export function layoutHeading(node: Heading, parent: StructNode, box: Box, ctx: BlockContext): Atom[] {
  const { theme } = ctx;
  const depth = Math.min(node.depth, 6);
  const sizes = [ctx.cover ? theme.size.coverTitle : theme.size.h1, theme.size.h2, theme.size.h3, theme.size.h4, theme.size.body, theme.size.body];
  const size = sizes[depth - 1];
  // Every level in the accent colour: a heading in the text's own black at body size or a little
  // above reads as a bold word that starts a paragraph, not as a heading.
  const color = theme.colors.accent;
  const spaceBefore = blockSpacing.headingAbove[depth - 1] * theme.size.body;
  const structNode = ctx.struct.add(parent, `H${depth}` as StructRole);
  const style: LineStyle = { size, lineHeight: size * 1.22, color, linkColor: theme.colors.link };
  // Headings are bold whatever the markdown says; runs carry it, so measuring and drawing agree. The
  // sixth level, at body size like the fifth, is told from it by italics.
  const lines = breakLines(inlineRuns(node.children, { bold: true, italic: depth === 6 }), ctx.fonts, size, box.width);
  const atoms = lineAtoms(lines, box.x, box.width, style, structNode, ctx.struct, ctx.fonts);
  for (const atom of atoms) atom.keepWithNext = true;
  // Never the last thing on a page: a heading goes with two lines (or rows) of what it heads.
  atoms[atoms.length - 1].keepWithFollowing = 2;
  atoms[0].spaceBefore = spaceBefore;
  const ref = ctx.headingRefs.get(node);
  if (ref !== undefined) atoms[0].heading = { title: toString(node), level: depth, ref };
  const last = atoms[atoms.length - 1];
  if (depth === 2) {
    const gap = theme.size.body * blockSpacing.headingRuleGap;
    last.items.push({ type: 'line', x1: box.x, x2: box.x + box.width, y1: last.height + gap, y2: last.height + gap, color: theme.colors.rule, width: theme.size.body / 11 });
    last.height += gap * blockSpacing.headingRuleGapTimes;
  } else last.height += theme.size.body * blockSpacing.headingBelow;
  return atoms;
}
