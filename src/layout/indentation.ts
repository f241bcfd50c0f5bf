import type { BlockContext, Box } from './block-context.js';
import { blockSpacing } from './block-spacing.js';

/**
 * Room a list or quote takes from the text inside it. Each level nested deeper is indented further,
 * until the text would have less than blockSpacing.minTextEms of body text to itself: past that the
 * levels stand at the same place, so every word stays on the page. The model allows far fewer levels
 * than this in a topic's text.
 */
export function indentation(wanted: number, box: Box, ctx: BlockContext): number {
  return Math.max(0, Math.min(wanted, box.width - blockSpacing.minTextEms * ctx.theme.size.body));
}
