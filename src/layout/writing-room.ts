import type { WritingRoomNode } from '../compose/document-node.js';
import type { Atom } from './atom.js';
import type { BlockContext, Box } from './block-context.js';
import { blockSpacing } from './block-spacing.js';

/**
 * Room to write by hand: ruled lines, decoration only, one atom so the room is never split over two
 * pages. With fewer `minLines` than `lines` the room may shrink at a page's foot rather than start a
 * page of its own. The lines span the type area, as handwriting takes far more room than type.
 */
export function writingRoom(node: WritingRoomNode, column: Box, ctx: BlockContext): Atom {
  const { theme } = ctx;
  const box = ctx.area && ctx.area.x === column.x ? ctx.area : column;
  const { lines: count, minLines: min } = node;
  const pitch = theme.size.body * blockSpacing.writingPitch;
  const room = (lines: number): Atom => ({
    height: lines * pitch,
    spaceBefore: theme.size.body * blockSpacing.writingRoom,
    keepWithNext: false,
    items: Array.from({ length: lines }, (_, i) => {
      const y = (i + 1) * pitch - 2;
      return { type: 'line' as const, x1: box.x, x2: box.x + box.width, y1: y, y2: y, color: theme.colors.rule, width: 0.6 };
    }),
  });
  const atom = room(count);
  if (min < count) atom.shrink = { minHeight: min * pitch, to: (space) => (space >= min * pitch ? room(Math.min(count, Math.floor(space / pitch))) : undefined) };
  return atom;
}
