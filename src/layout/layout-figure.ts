import type { Paragraph } from 'mdast';
import type { ImageData } from '../model/read-image.js';
import type { Atom } from './atom.js';
import type { BlockContext, Box } from './block-context.js';
import { blockSpacing } from './block-spacing.js';
import type { StructNode } from './layout.js';

/**
 * A paragraph that holds a picture and nothing else, when the model found its file, as a figure; else
 * undefined, and the paragraph is text. The figure is as wide as the column at most and never wider
 * than the file's own size, and at most 60 % of a page (or of a card's width) tall, so a phone
 * screenshot does not fill the page.
 */
export function layoutFigure(node: Paragraph, parent: StructNode, box: Box, ctx: BlockContext, tight: boolean): Atom[] | undefined {
  const figure = soleImage(node, ctx);
  return figure ? placeImage(figure.image, figure.alt, parent, box, ctx, tight) : undefined;
}

function soleImage(node: Paragraph, ctx: BlockContext): { image: ImageData; alt: string } | undefined {
  const content = node.children.filter((c) => c.type !== 'text' || c.value.trim());
  const only = content.length === 1 ? content[0] : undefined;
  const image = only?.type === 'image' && only.data?.imagePath ? ctx.images?.get(only.data.imagePath) : undefined;
  return image && only?.type === 'image' ? { image, alt: only.alt ?? '' } : undefined;
}

function placeImage(image: ImageData, alt: string, parent: StructNode, box: Box, ctx: BlockContext, tight: boolean): Atom[] {
  const maxHeight = (ctx.pageContentHeight > 0 ? ctx.pageContentHeight : box.width) * (ctx.imageShare ?? 0.6);
  let width = Math.min(box.width, image.naturalWidth);
  if (width / image.aspect > maxHeight) width = maxHeight * image.aspect;
  const height = width / image.aspect;
  const figure = ctx.struct.add(parent, 'Figure', { alt });
  const spaceBefore = tight ? blockSpacing.tight : ctx.theme.size.body * blockSpacing.paragraph;
  return [{ height, spaceBefore, keepWithNext: false, items: [{ type: 'image', x: box.x, y: 0, width, height, image, node: figure.id }] }];
}
