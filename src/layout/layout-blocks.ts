import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableCell } from 'mdast';
import type { ImageData } from '../model/read-image.js';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { fill, labels } from '../compose/labels.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontBook } from '../fonts/font-book.js';
import { offsetItems, spacer, type Atom } from './atom.js';
import { printerEdge } from './page-setup.js';
import { breakLines } from './break-lines.js';
import { hyphenateWord, type HyphenationExceptions } from './hyphenate-word.js';
import { inlineRuns, type InlineRun } from './inline-runs.js';
import type { LayoutItem, StructNode, StructRole } from './layout.js';
import { lineAtoms, type LineStyle } from './line-atoms.js';
import type { StructBuilder } from './struct-builder.js';
import type { Theme } from './theme.js';

export interface BlockContext {
  fonts: FontBook;
  theme: Theme;
  struct: StructBuilder;
  diagnostics: Diagnostic[];
  /** The document's language, for the words layout puts in the tag tree (a tick box's state). */
  lang: 'da' | 'en';
  /** Outline and contents references of headings, assigned before layout in document order. */
  headingRefs: Map<Heading, number>;
  /** The headings listed in the contents, in order. */
  tocHeadings: { ref: number; title: string }[];
  /** Height of the page's content area, for cutting rows taller than a page. */
  pageContentHeight: number;
  /**
   * The page's whole type area, where it is wider than the text column: tables and room to write
   * use it, as their lines are short or handwritten. Absent on cards and sheets.
   */
  area?: Box;
  cover?: boolean;
  /** Inside a colophon: text in small type, as printers set who made a book. */
  colophon?: boolean;
  listDepth?: number;
  /** Break points of a body-text word in the document's language; headings and code never get them. */
  hyphenate?: (word: string, sentenceStart: boolean) => string[];
  /** The editors' own hyphenation exceptions, for a passage in another language. */
  hyphenationExceptions?: HyphenationExceptions;
  /** The topic's pictures, for image nodes the model marked with their file. */
  images?: ReadonlyMap<string, ImageData>;
  /** The share of the page's content height a picture may take; 0.6 unless a card or sheet is being fitted. */
  imageShare?: number;
}

interface Box {
  x: number;
  width: number;
}

/** Block-level mdast → atoms, in reading order, building the structure tree as it goes. */
export function layoutBlocks(nodes: readonly RootContent[], parent: StructNode, box: Box, ctx: BlockContext, tight = false): Atom[] {
  const atoms: Atom[] = [];
  nodes.forEach((node, index) => {
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
      return heading(node, parent, box, ctx);
    case 'paragraph': {
      const figure = soleImage(node, ctx);
      if (figure) return placeImage(figure.image, figure.alt, parent, box, ctx, tight);
      const cover = ctx.cover;
      if (ctx.colophon) return paragraph(inlineRuns(node.children), parent, box, ctx, { style: bodyStyle(ctx, theme.size.small), spaceBefore: tight ? 2 : theme.size.small * 0.7 });
      return paragraph(inlineRuns(node.children), parent, box, ctx, {
        style: cover ? bodyStyle(ctx, theme.size.coverSubtitle, theme.colors.muted) : bodyStyle(ctx),
        spaceBefore: tight ? 2 : theme.size.body * (cover ? 1.2 : 0.7),
      });
    }
    case 'list':
      return list(node, parent, box, ctx);
    case 'table':
      return table(node, parent, box, ctx, undefined);
    case 'blockquote':
      return blockquote(node.children, parent, box, ctx);
    case 'code':
      return paragraph([{ text: node.value, bold: false, italic: false, code: true }], parent, box, ctx, {
        style: bodyStyle(ctx),
        spaceBefore: theme.size.body * 0.7,
        role: 'Code',
        preserveLines: true,
      });
    case 'html':
      return paragraph([{ text: node.value, bold: false, italic: false }], parent, box, ctx, {
        style: bodyStyle(ctx),
        spaceBefore: theme.size.body * 0.7,
      });
    case 'thematicBreak':
      return [
        {
          height: theme.size.body,
          spaceBefore: theme.size.body * 0.7,
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
    case 'containerDirective':
      return containerDirective(node, parent, box, ctx);
    case 'leafDirective':
      return leafDirective(node, parent, box, ctx);
    default:
      if ('children' in node && Array.isArray(node.children)) return layoutBlocks(node.children as RootContent[], parent, box, ctx, tight);
      return [];
  }
}

export function bodyStyle(ctx: BlockContext, size = ctx.theme.size.body, color = ctx.theme.colors.text): LineStyle {
  return { size, lineHeight: size * ctx.theme.leading, color, linkColor: ctx.theme.colors.link };
}

interface ParagraphOptions {
  style: LineStyle;
  spaceBefore: number;
  role?: StructRole;
  /** Keep the source's line breaks (code). */
  preserveLines?: boolean;
  node?: StructNode;
}

export function paragraph(runs: InlineRun[], parent: StructNode, box: Box, ctx: BlockContext, options: ParagraphOptions): Atom[] {
  const node = options.node ?? ctx.struct.add(parent, options.role ?? 'P');
  const prepared = options.preserveLines
    ? runs.flatMap((r) => r.text.split('\n').map((text, i, all) => ({ ...r, text, breakAfter: i < all.length - 1 || r.breakAfter })))
    : runs;
  const lines = breakLines(prepared, ctx.fonts, options.style.size, box.width, options.preserveLines || ctx.cover ? undefined : ctx.hyphenate);
  const atoms = lineAtoms(lines, box.x, box.width, options.style, node, ctx.struct, ctx.fonts);
  if (atoms.length) atoms[0].spaceBefore = options.spaceBefore;
  return atoms;
}

/** The picture a paragraph holds and nothing else, when the model found its file. */
function soleImage(node: Paragraph, ctx: BlockContext): { image: ImageData; alt: string } | undefined {
  const content = node.children.filter((c) => c.type !== 'text' || c.value.trim());
  const only = content.length === 1 ? content[0] : undefined;
  const image = only?.type === 'image' && only.data?.imagePath ? ctx.images?.get(only.data.imagePath) : undefined;
  return image && only?.type === 'image' ? { image, alt: only.alt ?? '' } : undefined;
}

/**
 * A figure as wide as the column at most and never wider than the file's own size, and at most
 * 60 % of a page (or of a card's width) tall, so a phone screenshot does not fill the page.
 */
function placeImage(image: ImageData, alt: string, parent: StructNode, box: Box, ctx: BlockContext, tight: boolean): Atom[] {
  const maxHeight = (ctx.pageContentHeight > 0 ? ctx.pageContentHeight : box.width) * (ctx.imageShare ?? 0.6);
  let width = Math.min(box.width, image.naturalWidth);
  if (width / image.aspect > maxHeight) width = maxHeight * image.aspect;
  const height = width / image.aspect;
  const figure = ctx.struct.add(parent, 'Figure', { alt });
  return [{ height, spaceBefore: tight ? 2 : ctx.theme.size.body * 0.7, keepWithNext: false, items: [{ type: 'image', x: box.x, y: 0, width, height, image, node: figure.id }] }];
}

function heading(node: Heading, parent: StructNode, box: Box, ctx: BlockContext): Atom[] {
  const { theme } = ctx;
  const depth = Math.min(node.depth, 6);
  const sizes = [ctx.cover ? theme.size.coverTitle : theme.size.h1, theme.size.h2, theme.size.h3, theme.size.h4, theme.size.body, theme.size.body];
  const size = sizes[depth - 1];
  // Every level in the accent colour: a heading in the text's own black at body size or a little
  // above reads as a bold word that starts a paragraph, not as a heading.
  const color = theme.colors.accent;
  // Spacing is in ems of body text, so a scaled theme (flip-chart, cards) keeps the proportions. More
  // room above than below ties a heading to what it heads.
  const spaceBefore = [0, 2.4, 1.6, 1.3, 1.1, 1.1][depth - 1] * theme.size.body;
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
    const gap = theme.size.body * 0.36;
    last.items.push({ type: 'line', x1: box.x, x2: box.x + box.width, y1: last.height + gap, y2: last.height + gap, color: theme.colors.rule, width: theme.size.body / 11 });
    last.height += gap * 2.2;
  } else last.height += theme.size.body * 0.27;
  return atoms;
}

function list(node: List, parent: StructNode, box: Box, ctx: BlockContext): Atom[] {
  const { theme, fonts } = ctx;
  const size = ctx.cover ? theme.size.coverSubtitle : ctx.colophon ? theme.size.small : theme.size.body;
  const L = ctx.struct.add(parent, 'L');
  const start = node.start ?? 1;
  const depth = ctx.listDepth ?? 0;
  const marks = node.children.map((_, i) => (node.ordered ? `${start + i}.` : depth % 2 === 0 ? '•' : '–'));
  const labelWidth = marks.reduce((widest, l) => Math.max(widest, fonts.measure(l, 'regular', size)), Number.NEGATIVE_INFINITY);
  const indent = indentation(Math.max(size * 1.3, labelWidth + size * 0.6), box, ctx);
  const atoms: Atom[] = [];
  node.children.forEach((item: ListItem, i) => {
    const LI = ctx.struct.add(L, 'LI');
    const Lbl = ctx.struct.add(LI, 'Lbl');
    const LBody = ctx.struct.add(LI, 'LBody');
    const body = layoutBlocks(item.children as RootContent[], LBody, { x: box.x + indent, width: box.width - indent }, { ...ctx, listDepth: depth + 1 }, true);
    if (!body.length) body.push({ height: size * theme.leading, spaceBefore: 0, keepWithNext: false, items: [] });
    const first = body[0];
    const baseline = firstBaseline(first) ?? (size * theme.leading + (fonts.metrics('regular').ascent - fonts.metrics('regular').descent) * size) / 2;
    const labelX = node.ordered ? box.x + labelWidth - fonts.measure(marks[i], 'regular', size) : box.x + size * 0.15;
    if (typeof item.checked === 'boolean') {
      // A task-list item's box is set as text (☐, or ☑ for `- [x]` as the author wrote it), so its state
      // reaches every reader: the Span's ActualText says it in words, and a reader that ignores
      // ActualText still gets the character, where a drawn box would say nothing at all.
      const state = labels[ctx.lang][item.checked ? 'checked' : 'unchecked'];
      const span = ctx.struct.add(Lbl, 'Span', { actualText: state });
      const glyphSize = size * 1.1;
      const glyphs: LayoutItem[] = [];
      let x = box.x;
      for (const seg of fonts.segment(item.checked ? '☑' : '☐', 'regular')) {
        glyphs.push({ type: 'text', x, y: baseline, text: seg.text, fontId: seg.fontId, size: glyphSize, color: theme.colors.accent, node: span.id, actualText: state });
        x += fonts.width(seg.fontId, seg.text, glyphSize);
      }
      first.items.unshift(...glyphs);
    } else {
      for (const seg of fonts.segment(marks[i], 'regular')) {
        first.items.unshift({ type: 'text', x: labelX, y: baseline, text: seg.text, fontId: seg.fontId, size, color: theme.colors.accent, node: Lbl.id });
      }
    }
    first.spaceBefore = i === 0 ? (node.spread ? size * 0.7 : size * 0.5) : node.spread ? size * 0.6 : size * 0.25;
    if (ctx.cover) first.spaceBefore = size * 0.5;
    atoms.push(...body);
  });
  return atoms;
}

/**
 * Room a list or quote takes from the text inside it. Each level nested deeper is indented further,
 * until the text would have less than MIN_TEXT_EMS of body text to itself: past that the levels stand
 * at the same place, so every word stays on the page (30 levels of quotes left no room for a letter,
 * 40 of lists ran off the page). The model allows far fewer levels than this in a topic's text.
 */
function indentation(wanted: number, box: Box, ctx: BlockContext): number {
  return Math.max(0, Math.min(wanted, box.width - MIN_TEXT_EMS * ctx.theme.size.body));
}

const MIN_TEXT_EMS = 8;

function firstBaseline(atom: Atom): number | undefined {
  const text = atom.items.find((i) => i.type === 'text');
  return text?.type === 'text' ? text.y : undefined;
}

function blockquote(children: RootContent[], parent: StructNode, box: Box, ctx: BlockContext): Atom[] {
  const { theme } = ctx;
  const quote = ctx.struct.add(parent, 'BlockQuote');
  const indent = indentation(theme.size.body * 1.45, box, ctx);
  const inner = layoutBlocks(children, quote, { x: box.x + indent, width: box.width - indent }, ctx, true);
  for (const atom of inner) {
    for (const item of atom.items) if (item.type === 'text') item.color = theme.colors.muted;
    atom.items.unshift({ type: 'rect', x: box.x + indent * 0.12, y: 0, width: indent * 0.2, height: atom.height, fill: theme.colors.rule });
  }
  if (inner.length) inner[0].spaceBefore = theme.size.body * 0.9;
  return inner;
}

function containerDirective(node: ContainerDirective, parent: StructNode, box: Box, ctx: BlockContext): Atom[] {
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
    return [band, ...layoutBlocks(node.children as RootContent[], parent, box, { ...ctx, cover: true })];
  }
  if (node.name === 'lang') {
    // A passage in another language: its own Lang in the tag tree, and that language's hyphenation.
    const lang = String(node.attributes?.lang ?? '').trim();
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) return layoutBlocks(node.children as RootContent[], parent, box, ctx);
    const div = ctx.struct.add(parent, 'Div', { lang });
    const hyphenLang = lang.startsWith('en') ? 'en' : lang.startsWith('da') ? 'da' : undefined;
    const hyphenate = hyphenLang ? (word: string, start: boolean) => hyphenateWord(word, hyphenLang, start, ctx.hyphenationExceptions) : undefined;
    return layoutBlocks(node.children as RootContent[], div, box, { ...ctx, hyphenate });
  }
  if (node.name === 'form') {
    const atoms: Atom[] = [];
    const form = formFields(node);
    for (const child of node.children) {
      atoms.push(...(child.type === 'table' ? table(child, parent, box, ctx, form) : layoutBlock(child as RootContent, parent, box, ctx, false)));
    }
    return atoms;
  }
  if (node.name === 'keep') {
    // What a template keeps on one page when it fits: a handout's step, its questions and the room to
    // answer them. Taller than a page, it breaks as any text does.
    const atoms = layoutBlocks(node.children as RootContent[], parent, box, ctx);
    for (const atom of atoms.slice(0, -1)) atom.keepWithNext = true;
    return atoms;
  }
  return layoutBlocks(node.children as RootContent[], parent, box, ctx);
}

/**
 * Room to write by hand: ruled lines, decoration only, one atom so the room is never split over two
 * pages. `::lines{questions=N}` gives two lines a question and three at least, so a step that asks
 * five things gets room for five answers; `::lines{count=N}` gives N. With `min=M` the room may
 * shrink to M lines at a page's foot rather than start a page of its own. The lines span the type
 * area, as handwriting takes far more room than type.
 */
function writingRoom(node: LeafDirective, column: Box, ctx: BlockContext): Atom {
  const { theme } = ctx;
  const box = ctx.area && ctx.area.x === column.x ? ctx.area : column;
  const whole = (value: string | null | undefined) => Math.floor(Number(value ?? Number.NaN));
  const questions = whole(node.attributes?.questions);
  const asked = questions >= 1 ? Math.max(3, 2 * questions) : whole(node.attributes?.count) || 3;
  const count = Math.min(40, Math.max(1, asked));
  const min = Math.min(count, Math.max(1, whole(node.attributes?.min) || count));
  const pitch = theme.size.body * 2.2;
  const room = (lines: number): Atom => ({
    height: lines * pitch,
    spaceBefore: theme.size.body * 0.5,
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
    return [{ height, spaceBefore: pad * 1.5, keepWithNext: true, items }];
  }
  if (node.name === 'toc') return toc(node, parent, box, ctx);
  if (node.name === 'logo') {
    const logo = theme.logo;
    if (!logo) return [];
    const height = theme.size.body * 4;
    const width = Math.min(box.width / 2, height * logo.aspect);
    const figure = ctx.struct.add(parent, 'Figure', { alt: logo.alt });
    return [{ height: width / logo.aspect, spaceBefore: 0, keepWithNext: true, items: [{ type: 'image', x: box.x, y: 0, width, height: width / logo.aspect, image: logo, node: figure.id }] }];
  }
  if (node.name === 'lines') return [writingRoom(node, box, ctx)];
  ctx.diagnostics.push({
    file: node.data?.sourceFile ?? '(template)',
    line: node.position?.start.line,
    column: node.position?.start.column,
    severity: 'warning',
    rule: 'unknown-directive',
    message: { da: `::${node.name} er ikke en kendt blok, så den bliver printet som tekst`, en: `unknown directive ::${node.name} is printed as text` },
  });
  return paragraph(inlineRuns(asWritten(node)), parent, box, ctx, { style: bodyStyle(ctx), spaceBefore: 7 });
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

function toc(node: LeafDirective, parent: StructNode, box: Box, ctx: BlockContext): Atom[] {
  const { theme, fonts, struct } = ctx;
  const title = toString(node) || 'Indhold';
  const tocHeading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: title }] };
  const atoms = heading(tocHeading, parent, box, ctx);
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
    entryAtoms[0].spaceBefore = 5;
    for (const atom of entryAtoms) atom.keepWithNext = false;
    atoms.push(...entryAtoms);
  }
  return atoms;
}

/** What a form's fields ask for, by column: what a reader hears on entering a field, beyond its name. */
interface FormFields {
  /** Column (0-based) → accessible name, with `{n}` for the row; from `:::form{field-1="…"}`. */
  hints: Map<number, string>;
}

function formFields(node: ContainerDirective): FormFields {
  const hints = new Map<number, string>();
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    const column = /^field-(\d+)$/.exec(key);
    if (column && value?.trim()) hints.set(Number(column[1]) - 1, value.trim());
  }
  return { hints };
}

/**
 * A GFM table; in a form, empty body cells become fillable fields named by their column header. A
 * table that starts at the text column's edge spans the whole type area: its cells' lines are short
 * whatever its width, and a form's cells are written in by hand.
 */
function table(node: Table, parent: StructNode, column: Box, ctx: BlockContext, form: FormFields | undefined): Atom[] {
  const { theme, fonts, struct } = ctx;
  const box = ctx.area && ctx.area.x === column.x ? ctx.area : column;
  const size = theme.size.body - 1;
  const pad = theme.size.body * 0.45;
  const style = bodyStyle(ctx, size);
  const rows = node.children;
  const columns = rows.reduce((most, r) => Math.max(most, r.children.length), 0);
  // Columns narrower than a letter and their padding cannot hold their words: a table wider than
  // that is set as several tables, each with as many of its columns as fit (a 500-column table ran
  // off the page). The model allows far fewer columns than this in a topic's text.
  const fitting = Math.max(1, Math.floor(box.width / (2 * pad + size)));
  if (columns > fitting) {
    return Array.from({ length: Math.ceil(columns / fitting) }, (_, g) => {
      const slice = (r: Table['children'][number]) => ({ ...r, children: r.children.slice(g * fitting, (g + 1) * fitting) });
      return table({ ...node, align: node.align?.slice(g * fitting, (g + 1) * fitting), children: rows.map(slice) }, parent, column, ctx, form);
    }).flat();
  }
  // A form's columns are for handwriting, so they share the width equally whatever their headers say.
  const widths = form
    ? Array<number>(columns).fill(box.width / columns)
    : columnWidths(rows.map((r, i) => r.children.map((c) => inlineRuns(c.children, { bold: i === 0 }))), columns, size, box.width, pad, fonts);
  const T = struct.add(parent, 'Table');
  const headers = rows[0]?.children.map((c) => toString(c)) ?? [];
  const atoms: Atom[] = [];
  let headerAtom: Atom | undefined;
  rows.forEach((row, r) => {
    const TR = struct.add(T, 'TR');
    const isHeader = r === 0;
    let x = box.x;
    const cells: { lines: Atom[]; x: number; width: number; field?: RowField }[] = [];
    for (let c = 0; c < columns; c++) {
      const cell: TableCell | undefined = row.children[c];
      const cellNode = struct.add(TR, isHeader ? 'TH' : 'TD', isHeader ? { scope: 'Column' } : {});
      const runs = cell ? inlineRuns(cell.children, { bold: isHeader }) : [];
      const empty = !runs.some((run) => run.text.trim());
      let lines: Atom[] = [];
      let field: RowField | undefined;
      if (form && !isHeader && empty) {
        const name = `${headers[c] || `Felt ${c + 1}`} ${r}`;
        const hint = form.hints.get(c);
        field = { name, label: hint ? fill(hint, { n: r }) : name, node: struct.add(cellNode, 'Form') };
      } else if (!empty) {
        const broken = breakLines(runs, fonts, size, widths[c] - 2 * pad, isHeader ? undefined : ctx.hyphenate);
        lines = lineAtoms(broken, x + pad, widths[c] - 2 * pad, style, cellNode, struct, fonts);
      }
      cells.push({ lines, x, width: widths[c], field });
      x += widths[c];
    }
    // Empty rows are room to write: a form's fields get three lines, a plain table's blank row almost two.
    const blank = !isHeader && cells.every((c) => !c.lines.length);
    const minHeight = form && !isHeader ? size * theme.leading * 3.2 : blank ? size * theme.leading * 1.8 : 0;
    const atom = rowAtom(cells.map((c) => ({ ...c, from: 0 })), { pad, minHeight, header: isHeader, ctx, box });
    if (isHeader) {
      atom.keepWithNext = true;
      headerAtom = atom;
    } else if (headerAtom) atom.repeatHeader = headerAtom;
    atoms.push(atom);
  });
  // Two rows at least on each side of a page break, as with a paragraph's lines: a row alone at a
  // page's foot or head is read without the rows it is compared with. A table of three rows or fewer
  // under its header moves to the next page whole.
  const body = headerAtom ? atoms.slice(1) : atoms;
  if (body.length >= 2) {
    body[0].keepWithNext = true;
    body[body.length - 2].keepWithNext = true;
  }
  if (atoms.length) atoms[0].spaceBefore = theme.size.body * 0.9;
  return atoms;
}

interface RowField {
  name: string;
  label: string;
  node: StructNode;
}

interface RowCell {
  lines: Atom[];
  from: number;
  x: number;
  width: number;
  field?: RowField;
}

function rowAtom(cells: RowCell[], o: { pad: number; minHeight: number; header: boolean; ctx: BlockContext; box: Box }): Atom {
  const { theme } = o.ctx;
  const contentHeight = Math.max(0, ...cells.map((c) => c.lines.slice(c.from).reduce((h, a) => h + a.height, 0)));
  const height = Math.max(o.minHeight, contentHeight + 2 * o.pad);
  const items: LayoutItem[] = [];
  if (o.header) items.push({ type: 'rect', x: o.box.x, y: 0, width: o.box.width, height, fill: theme.colors.tint });
  for (const cell of cells) {
    let y = o.pad;
    for (const line of cell.lines.slice(cell.from)) {
      items.push(...offsetItems(line.items, 0, y));
      y += line.height;
    }
    if (cell.field) {
      items.push({ type: 'field', x: cell.x + 2, y: 2, width: cell.width - 4, height: height - 4, name: cell.field.name, label: cell.field.label, multiline: true, node: cell.field.node.id });
    }
  }
  const edge = (y: number) => ({ type: 'line' as const, x1: o.box.x, x2: o.box.x + o.box.width, y1: y, y2: y, color: theme.colors.rule, width: 0.75 });
  items.push(edge(0), edge(height));
  for (const cell of cells) items.push({ type: 'line', x1: cell.x, x2: cell.x, y1: 0, y2: height, color: theme.colors.rule, width: 0.75 });
  const right = cells[cells.length - 1];
  items.push({ type: 'line', x1: right.x + right.width, x2: right.x + right.width, y1: 0, y2: height, color: theme.colors.rule, width: 0.75 });
  const atom: Atom = { height, spaceBefore: 0, keepWithNext: false, items };
  atom.split = (room) => {
    // A row taller than a page continues on the next: cut every cell after the lines that fit.
    const fit = Math.floor((room - 2 * o.pad) / Math.max(...cells.map((c) => c.lines[c.from]?.height ?? 1)));
    if (fit < 1) return undefined;
    const head = rowAtom(cells.map((c) => ({ ...c, lines: c.lines.slice(0, c.from + fit) })), { ...o, minHeight: 0 });
    const rest = rowAtom(cells.map((c) => ({ ...c, from: Math.min(c.lines.length, c.from + fit), field: undefined })), { ...o, minHeight: 0 });
    return [head, rest];
  };
  return atom;
}

/** Column widths from content: every column gets its longest word, the rest is shared by natural width. */
function columnWidths(rows: InlineRun[][][], columns: number, size: number, total: number, pad: number, fonts: FontBook): number[] {
  const natural = Array<number>(columns).fill(2 * pad + size);
  const longest = Array<number>(columns).fill(2 * pad + size);
  for (const row of rows) {
    row.forEach((runs, c) => {
      const one = breakLines(runs, fonts, size, Number.POSITIVE_INFINITY)[0]?.width ?? 0;
      natural[c] = Math.max(natural[c], one + 2 * pad);
      const words = runs.flatMap((r) => r.text.split(/\s+/).map((w) => fonts.measure(w, r.bold ? 'bold' : 'regular', size)));
      longest[c] = Math.max(longest[c], Math.min(total / columns, Math.max(0, ...words) + 2 * pad));
    });
  }
  const sumNatural = natural.reduce((a, b) => a + b, 0);
  if (sumNatural <= total) return natural.map((n) => n + ((total - sumNatural) * n) / sumNatural);
  // Narrow columns (a clock, a count, "I plenum") keep their natural width so they never wrap;
  // the wide ones share what is left by natural width, never below their longest word.
  const fair = total / columns;
  const narrow = natural.map((n) => n <= fair);
  const narrowSum = natural.reduce((sum, n, c) => (narrow[c] ? sum + n : sum), 0);
  const wideNatural = sumNatural - narrowSum;
  const rest = total - narrowSum;
  const shared = natural.map((n, c) => (narrow[c] ? n : (rest * n) / wideNatural));
  if (shared.every((w, c) => w >= longest[c])) return shared;
  const sumMin = longest.reduce((a, b) => a + b, 0);
  const extra = natural.map((n, c) => n - longest[c]);
  const sumExtra = extra.reduce((a, b) => a + b, 0) || 1;
  return longest.map((m, c) => m + ((total - sumMin) * extra[c]) / sumExtra);
}

