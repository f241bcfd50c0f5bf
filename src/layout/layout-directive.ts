import type { PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
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
import { layoutTable, type FormFields } from './layout-table.js';
import { layoutToc } from './layout-toc.js';
import { lineAtoms, type LineStyle } from './line-atoms.js';
import { printerEdge } from './page-setup.js';
import { writingRoom } from './writing-room.js';

/**
 * The directives templates write: `:::cover`, `:::lang`, `:::form`, `:::keep` around blocks, and
 * `::page-break`, `::step-meta`, `::toc`, `::logo` and `::lines` on a line of their own. Any other is
 * warned about and printed as its author wrote it.
 */
export function layoutDirective(node: ContainerDirective | LeafDirective, parent: StructNode, box: Box, ctx: BlockContext, layoutChildren: LayoutChildren): Atom[] {
  return node.type === 'containerDirective' ? containerDirective(node, parent, box, ctx, layoutChildren) : leafDirective(node, parent, box, ctx);
}

function containerDirective(node: ContainerDirective, parent: StructNode, box: Box, ctx: BlockContext, layoutChildren: LayoutChildren): Atom[] {
  if (node.name === 'cover') {
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
    return [band, ...layoutChildren(node.children as RootContent[], parent, box, { ...ctx, cover: true })];
  }
  if (node.name === 'lang') {
    // A passage in another language: its own Lang in the tag tree, and that language's hyphenation.
    const lang = String(node.attributes?.lang ?? '').trim();
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) return layoutChildren(node.children as RootContent[], parent, box, ctx);
    const div = ctx.struct.add(parent, 'Div', { lang });
    const hyphenLang = lang.startsWith('en') ? 'en' : lang.startsWith('da') ? 'da' : undefined;
    const hyphenate = hyphenLang ? (word: string, start: boolean) => hyphenateWord(word, hyphenLang, start, ctx.hyphenationExceptions) : undefined;
    return layoutChildren(node.children as RootContent[], div, box, { ...ctx, hyphenate });
  }
  if (node.name === 'form') {
    const atoms: Atom[] = [];
    const form = formFields(node);
    for (const child of node.children) {
      atoms.push(...(child.type === 'table' ? layoutTable(child, parent, box, ctx, form) : layoutChildren([child as RootContent], parent, box, ctx, false)));
    }
    return atoms;
  }
  if (node.name === 'keep') {
    // What a template keeps on one page when it fits: a handout's step, its questions and the room to
    // answer them. Taller than a page, it breaks as any text does.
    const atoms = layoutChildren(node.children as RootContent[], parent, box, ctx);
    for (const atom of atoms.slice(0, -1)) atom.keepWithNext = true;
    return atoms;
  }
  if (!containersPlacedElsewhere.has(node.name)) {
    warnUnknown(node, ctx, {
      da: `:::${node.name} er ikke en kendt blok, så teksten i den bliver printet uden den`,
      en: `unknown directive :::${node.name}; its text is printed without it`,
    });
  }
  return layoutChildren(node.children as RootContent[], parent, box, ctx);
}

/** At the place compose kept: the template's file and line, or the topic file the text came from. */
function warnUnknown(node: ContainerDirective | LeafDirective, ctx: BlockContext, message: Text): void {
  ctx.diagnostics.push({
    file: node.data?.sourceFile ?? '(template)',
    line: node.position?.start.line,
    column: node.position?.start.column,
    severity: 'warning',
    rule: 'unknown-directive',
    message,
  });
}

/**
 * Blocks that a page setup takes apart before the flow reaches here (a flip-chart's sheets, the cards,
 * the colophon at the foot), and that elsewhere only hold their text. Any other name is a typing
 * mistake in a template: its text is kept and the name is warned about.
 */
const containersPlacedElsewhere = new Set(['sheet', 'card', 'colophon', 'content']);

function leafDirective(node: LeafDirective, parent: StructNode, box: Box, ctx: BlockContext): Atom[] {
  const { theme, fonts } = ctx;
  if (node.name === 'page-break') return [{ height: 0, spaceBefore: 0, keepWithNext: false, items: [], pageBreak: true }];
  if (node.name === 'step-meta') {
    const style: LineStyle = { ...bodyStyle(ctx), color: theme.colors.accent };
    const pad = theme.size.body * 0.36;
    const inset = theme.size.body * 0.73;
    const P = ctx.struct.add(parent, 'P');
    const lines = breakLines(inlineRuns(node.children as PhrasingContent[], { bold: true }), fonts, style.size, box.width - 2 * inset);
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
  if (node.name === 'toc') return layoutToc(node, parent, box, ctx);
  if (node.name === 'logo') {
    const logo = theme.logo;
    if (!logo) return [];
    const height = theme.size.body * 4;
    const width = Math.min(box.width / 2, height * logo.aspect);
    const figure = ctx.struct.add(parent, 'Figure', { alt: logo.alt });
    return [{ height: width / logo.aspect, spaceBefore: 0, keepWithNext: true, items: [{ type: 'image', x: box.x, y: 0, width, height: width / logo.aspect, image: logo, node: figure.id }] }];
  }
  if (node.name === 'lines') return [writingRoom(node, box, ctx)];
  warnUnknown(node, ctx, { da: `::${node.name} er ikke en kendt blok, så den bliver printet som tekst`, en: `unknown directive ::${node.name} is printed as text` });
  return layoutParagraph(inlineRuns(asWritten(node)), parent, box, ctx, { style: bodyStyle(ctx), spaceBefore: blockSpacing.unknownDirective });
}

/** A leaf directive as its author wrote it, `::name[label]{key=value}`, keeping the label's inline markdown. */
function asWritten(node: LeafDirective): PhrasingContent[] {
  const text = (value: string): PhrasingContent => ({ type: 'text', value });
  const bare = /^[^\s"'=<>`{}]+$/;
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => (!value ? key : `${key}=${bare.test(value) ? value : JSON.stringify(value)}`))
    .join(' ');
  return [
    text(`::${node.name}`),
    ...(node.children.length ? [text('['), ...(node.children as PhrasingContent[]), text(']')] : []),
    ...(attributes ? [text(`{${attributes}}`)] : []),
  ];
}

/** A form's field hints, by column, from `:::form{field-1="…"}`. */
function formFields(node: ContainerDirective): FormFields {
  const hints = new Map<number, string>();
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    const column = /^field-(\d+)$/.exec(key);
    if (column && value?.trim()) hints.set(Number(column[1]) - 1, value.trim());
  }
  return { hints };
}
