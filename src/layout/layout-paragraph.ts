import type { Atom } from './atom.js';
import type { BlockContext, Box } from './block-context.js';
import { breakLines } from './break-lines.js';
import type { InlineRun } from './inline-runs.js';
import type { StructNode, StructRole } from './layout.js';
import { lineAtoms, type LineStyle } from './line-atoms.js';

export interface ParagraphOptions {
  style: LineStyle;
  spaceBefore: number;
  role?: StructRole;
  /** Keep the source's line breaks (code). */
  preserveLines?: boolean;
  node?: StructNode;
}

/** Inline runs broken into lines in the box, one atom a line, under a new P (or `role`) element. */
export function layoutParagraph(runs: InlineRun[], parent: StructNode, box: Box, ctx: BlockContext, options: ParagraphOptions): Atom[] {
  const node = options.node ?? ctx.struct.add(parent, options.role ?? 'P');
  const prepared = options.preserveLines
    ? runs.flatMap((r) => r.text.split('\n').map((text, i, all) => ({ ...r, text, breakAfter: i < all.length - 1 || r.breakAfter })))
    : runs;
  const lines = breakLines(prepared, ctx.fonts, options.style.size, box.width, options.preserveLines || ctx.cover ? undefined : ctx.hyphenate);
  const atoms = lineAtoms(lines, box.x, box.width, options.style, node, ctx.struct, ctx.fonts);
  if (atoms.length) atoms[0].spaceBefore = options.spaceBefore;
  return atoms;
}
