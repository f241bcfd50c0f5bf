import type { BlockContext } from './block-context.js';
import type { LineStyle } from './line-atoms.js';

/** Body text's line style, at the theme's body size and colour unless told otherwise. */
export function bodyStyle(ctx: BlockContext, size = ctx.theme.size.body, color = ctx.theme.colors.text): LineStyle {
  return { size, lineHeight: size * ctx.theme.leading, color, linkColor: ctx.theme.colors.link };
}
