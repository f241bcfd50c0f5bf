import type { PhrasingContent } from 'mdast';
import type { DocumentNode, UnknownDirectiveNode } from '../compose/document-node.js';
import type { Text } from '../diagnostics/diagnostic.js';
import { offsetItems, spacer, type Atom } from './atom.js';
import type { BlockContext, Box, LayoutChildren } from './block-context.js';
import { blockSpacing } from './block-spacing.js';
import { bodyStyle } from './body-style.js';
import { breakLines } from './break-lines.js';
import { hyphenateWord } from './hyphenate-word.js';
import { inlineRuns } from './inline-runs.js';
import type { LayoutItem, StructNode } from './layout.js';
import { layoutParagraph } from './layout-paragraph.js';
import { layoutTable } from './layout-table.js';
import { layoutTimetable } from './layout-timetable.js';
import { layoutToc } from './layout-toc.js';
import { lineAtoms, type LineStyle } from './line-atoms.js';
import { printerEdge } from './page-setup.js';
import { writingRoom } from './writing-room.js';

/**
 * The document's own nodes, which compose made of the directives templates write (see
 * compose/document-node.ts). Sheets, cards and the colophon at the foot are taken apart by a page
 * setup before the flow reaches here; elsewhere they only hold their blocks.
 */
export function layoutDocumentNode(node: DocumentNode, parent: StructNode, box: Box, ctx: BlockContext, layoutChildren: LayoutChildren): Atom[] {
  switch (node.type) {
    case 'cover': {
      const { margin, colors } = ctx.theme;
      const band = spacer(ctx.pageContentHeight * 0.22);
      const page = ctx.area ?? box;
      // The band runs across the page inside what a printer prints: ink at the paper's edge is lost.
      band.items.push({
        type: 'rect',
        x: page.x - margin.left + printerEdge,
        y: -margin.top + printerEdge,
        width: page.width + margin.left + margin.right - 2 * printerEdge,
        height: 16,
        fill: colors.accent,
      });
      return [band, ...layoutChildren(node.children, parent, box, { ...ctx, cover: true })];
    }
    case 'lang': {
      // A passage in another language: its own Lang in the tag tree, and that language's hyphenation.
      const { lang } = node;
      if (!lang) return layoutChildren(node.children, parent, box, ctx);
      const div = ctx.struct.add(parent, 'Div', { lang });
      const hyphenLang = lang.startsWith('en') ? 'en' : lang.startsWith('da') ? 'da' : undefined;
      const hyphenate = hyphenLang ? (word: string, start: boolean) => hyphenateWord(word, hyphenLang, start, ctx.hyphenationExceptions) : undefined;
      return layoutChildren(node.children, div, box, { ...ctx, hyphenate });
    }
    case 'form': {
      const atoms: Atom[] = [];
      for (const child of node.children) {
        atoms.push(...(child.type === 'table' ? layoutTable(child, parent, box, ctx, node.fields) : layoutChildren([child], parent, box, ctx, false)));
      }
      return atoms;
    }
    case 'keep': {
      // What a template keeps on one page when it fits: a handout's step, its questions and the room to
      // answer them. Taller than a page, it breaks as any text does.
      const atoms = layoutChildren(node.children, parent, box, ctx);
      for (const atom of atoms.slice(0, -1)) atom.keepWithNext = true;
      return atoms;
    }
    case 'sheet':
    case 'card':
    case 'colophon':
    case 'passage':
      return layoutChildren(node.children, parent, box, ctx);
    case 'pageBreak':
      return [{ height: 0, spaceBefore: 0, keepWithNext: false, items: [], pageBreak: true }];
    case 'stepMeta': {
      const { theme, fonts } = ctx;
      const style: LineStyle = { ...bodyStyle(ctx), color: theme.colors.accent };
      const pad = theme.size.body * 0.36;
      const inset = theme.size.body * 0.73;
      const P = ctx.struct.add(parent, 'P');
      const lines = breakLines(inlineRuns(node.children, { bold: true }), fonts, style.size, box.width - 2 * inset);
      const atoms = lineAtoms(lines, box.x + inset, box.width - 2 * inset, style, P, ctx.struct, fonts);
      const height = atoms.reduce((h, a) => h + a.height, 0) + 2 * pad;
      const items: LayoutItem[] = [{ type: 'rect', x: box.x, y: 0, width: box.width, height, fill: theme.colors.tint }];
      let y = pad;
      for (const atom of atoms) {
        items.push(...offsetItems(atom.items, 0, y));
        y += atom.height;
      }
      return [{ height, spaceBefore: pad * blockSpacing.stepMetaAboveInPads, keepWithNext: true, items }];
    }
    case 'contents':
      return layoutToc(node, parent, box, ctx);
    case 'timetable':
      return layoutTimetable(node, parent, box, ctx);
    case 'logo': {
      const { theme } = ctx;
      const logo = theme.logo;
      if (!logo) return [];
      const height = theme.size.body * 4;
      const width = Math.min(box.width / 2, height * logo.aspect);
      const figure = ctx.struct.add(parent, 'Figure', { alt: logo.alt });
      return [{ height: width / logo.aspect, spaceBefore: 0, keepWithNext: true, items: [{ type: 'image', x: box.x, y: 0, width, height: width / logo.aspect, image: logo, node: figure.id }] }];
    }
    case 'writingRoom':
      return [writingRoom(node, box, ctx)];
    case 'unknownDirective':
      if (!node.leaf) {
        warnUnknown(node, ctx, {
          da: `:::${node.name} er ikke en kendt blok, så teksten i den bliver printet uden den`,
          en: `unknown directive :::${node.name}; its text is printed without it`,
        });
        return layoutChildren(node.children, parent, box, ctx);
      }
      warnUnknown(node, ctx, { da: `::${node.name} er ikke en kendt blok, så den bliver printet som tekst`, en: `unknown directive ::${node.name} is printed as text` });
      return layoutParagraph(inlineRuns(asWritten(node)), parent, box, ctx, { style: bodyStyle(ctx), spaceBefore: blockSpacing.unknownDirective });
    default: {
      // A node type compose makes that layout does not set fails the type check here.
      const unknown: never = node;
      return unknown;
    }
  }
}

/** At the place compose kept: the template's file and line, or the topic file the text came from. */
function warnUnknown(node: UnknownDirectiveNode, ctx: BlockContext, message: Text): void {
  ctx.diagnostics.push({
    file: node.data?.sourceFile ?? '(template)',
    line: node.position?.start.line,
    column: node.position?.start.column,
    severity: 'warning',
    rule: 'unknown-directive',
    message,
  });
}

/** A leaf directive as its author wrote it, `::name[label]{key=value}`, keeping the label's inline markdown. */
function asWritten(node: UnknownDirectiveNode): PhrasingContent[] {
  const text = (value: string): PhrasingContent => ({ type: 'text', value });
  const bare = /^[^\s"'=<>`{}]+$/;
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => (!value ? key : `${key}=${bare.test(value) ? value : JSON.stringify(value)}`))
    .join(' ');
  return [
    text(`::${node.name}`),
    ...(node.children.length ? [text('['), ...(node.children as PhrasingContent[]), text(']')] : []),
    ...(attributes ? [text(`{${attributes}}`)] : []),
  ];
}
