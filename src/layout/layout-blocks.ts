import type { RootContent } from 'mdast';
import { isDocumentNode } from '../compose/document-node.js';
import type { Atom } from './atom.js';
import type { BlockContext, Box } from './block-context.js';
import { blockSpacing } from './block-spacing.js';
import { bodyStyle } from './body-style.js';
import { inlineRuns } from './inline-runs.js';
import type { StructNode } from './layout.js';
import { layoutBlockquote } from './layout-blockquote.js';
import { layoutDocumentNode } from './layout-document-node.js';
import { layoutFigure } from './layout-figure.js';
import { layoutHeading } from './layout-heading.js';
import { layoutList } from './layout-list.js';
import { layoutParagraph } from './layout-paragraph.js';
import { layoutTable } from './layout-table.js';

export type { BlockContext } from './block-context.js';

/** Block-level nodes of a document's tree → atoms, in reading order, building the structure tree as it goes. */
export function layoutBlocks(nodes: readonly RootContent[], parent: StructNode, box: Box, ctx: BlockContext, tight = false): Atom[] {
  const atoms: Atom[] = [];
  // A passage's blocks are set as if written where it stands: the first block of a tight list item is the item's first.
  const blocks = nodes.some((n) => n.type === 'passage') ? nodes.flatMap((n) => (n.type === 'passage' ? n.children : [n])) : nodes;
  blocks.forEach((node, index) => {
    const produced = layoutBlock(node, parent, box, ctx, tight);
    if (produced.length && index === 0 && tight) produced[0].spaceBefore = 0;
    atoms.push(...produced);
  });
  return atoms;
}

function layoutBlock(node: RootContent, parent: StructNode, box: Box, ctx: BlockContext, tight: boolean): Atom[] {
  const { theme } = ctx;
  switch (node.type) {
    case 'heading':
      return layoutHeading(node, parent, box, ctx);
    case 'paragraph': {
      const figure = layoutFigure(node, parent, box, ctx, tight);
      if (figure) return figure;
      const cover = ctx.cover;
      if (ctx.colophon) {
        return layoutParagraph(inlineRuns(node.children), parent, box, ctx, {
          style: bodyStyle(ctx, theme.size.small),
          spaceBefore: tight ? blockSpacing.tight : theme.size.small * blockSpacing.paragraph,
        });
      }
      return layoutParagraph(inlineRuns(node.children), parent, box, ctx, {
        style: cover ? bodyStyle(ctx, theme.size.coverSubtitle, theme.colors.muted) : bodyStyle(ctx),
        spaceBefore: tight ? blockSpacing.tight : theme.size.body * (cover ? blockSpacing.coverParagraph : blockSpacing.paragraph),
      });
    }
    case 'list':
      return layoutList(node, parent, box, ctx, layoutBlocks);
    case 'table':
      return layoutTable(node, parent, box, ctx, undefined);
    case 'blockquote':
      return layoutBlockquote(node.children, parent, box, ctx, layoutBlocks);
    case 'code':
      return layoutParagraph([{ text: node.value, bold: false, italic: false, code: true }], parent, box, ctx, {
        style: bodyStyle(ctx),
        spaceBefore: theme.size.body * blockSpacing.paragraph,
        role: 'Code',
        preserveLines: true,
      });
    case 'html':
      return layoutParagraph([{ text: node.value, bold: false, italic: false }], parent, box, ctx, {
        style: bodyStyle(ctx),
        spaceBefore: theme.size.body * blockSpacing.paragraph,
      });
    case 'thematicBreak':
      return [
        {
          height: theme.size.body,
          spaceBefore: theme.size.body * blockSpacing.paragraph,
          keepWithNext: false,
          items: [{ type: 'line', x1: box.x, x2: box.x + box.width, y1: theme.size.body / 2, y2: theme.size.body / 2, color: theme.colors.rule, width: 0.75 }],
        },
      ];
    case 'footnoteDefinition': {
      // Printed where the author wrote it, led by the mark its references print (`[1]`).
      const note = ctx.struct.add(parent, 'Note');
      // Footnote labels repeat across a topic's files; the element's own number never does.
      note.elementId = `note-${note.id}`;
      const [first, ...rest] = node.children;
      const mark: RootContent = { type: 'text', value: `[${node.label ?? node.identifier}] ` };
      const lead = first?.type === 'paragraph' ? [{ ...first, children: [mark, ...first.children] } as RootContent] : [{ type: 'paragraph', children: [mark] } as RootContent, ...(first ? [first] : [])];
      return layoutBlocks([...lead, ...rest], note, box, ctx, tight);
    }
    default:
      if (isDocumentNode(node)) return layoutDocumentNode(node, parent, box, ctx, layoutBlocks);
      if ('children' in node && Array.isArray(node.children)) return layoutBlocks(node.children as RootContent[], parent, box, ctx, tight);
      return [];
  }
}
