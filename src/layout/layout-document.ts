/**
 * layout: a composed document (mdast with compose's document nodes) × theme → pages of positioned boxes,
 * measured with the real fonts.
 * Input: ComposedDocument, Theme, FontBook and the kind's PageSetup. Output: Layout (pages, structure
 * tree, outline), warnings, the sheets or cards that had to overflow, and the characters no font has.
 * Never: draw or encode PDF (render does), read files, or place anything outside a page's frame.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { ComposedDocument } from '../compose/compose-document.js';
import type { UnitPlace } from '../compose/document-node.js';
import { fill } from '../compose/labels.js';
import { unitPlace } from '../compose/unit-place.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontBook } from '../fonts/font-book.js';
import type { SourcePlace } from '../model/topic.js';
import { offsetItems, type Atom, type PageRef } from './atom.js';
import type { Layout, LayoutItem, LayoutPage, OutlineEntry, RunningArtifact, StructNode, TextItem } from './layout.js';
import { hyphenateWord, hyphenationExceptionMap } from './hyphenate-word.js';
import { layoutBlocks, type BlockContext } from './layout-blocks.js';
import { missingGlyphs, type MissingGlyph } from './missing-glyphs.js';
import { pageSetup, printerEdge, type PageSetup } from './page-setup.js';
import { paginate, type PaginatedPage } from './paginate.js';
import { placeColophon, takeColophon } from './place-colophon.js';
import { StructBuilder } from './struct-builder.js';
import { scaleTheme, type Theme } from './theme.js';
import { tilePoster, type PosterPlace } from './tile-poster.js';

/** A sheet or card whose content did not fit at the smallest allowed type. */
export interface Overflow {
  title: string;
  /** Where the first of the topic's text on it was written, whatever the template around it says. */
  place?: SourcePlace;
  /** The step it shows, when it shows a step's text. */
  step?: number;
  pages: number;
}

export interface LayoutResult {
  layout: Layout;
  diagnostics: Diagnostic[];
  overflows: Overflow[];
  /** Characters no font draws, with their places in the topic's files: build-topic reports them once per topic. */
  missingGlyphs: MissingGlyph[];
}

export interface LayoutOptions {
  /** Words written with a hyphen where each may break (dialogpack.yaml's `hyphenation: exceptions:`). */
  hyphenationExceptions?: readonly string[];
}

export function layoutDocument(
  doc: ComposedDocument,
  theme: Theme,
  fonts: FontBook,
  setup: PageSetup = pageSetup(doc.kind, theme),
  options: LayoutOptions = {},
): LayoutResult {
  const diagnostics: Diagnostic[] = [];
  const overflows: Overflow[] = [];
  const struct = new StructBuilder();
  const { headingRefs, tocHeadings } = collectHeadings(doc);
  const lang = doc.meta.lang;
  const hyphenationExceptions = hyphenationExceptionMap(options.hyphenationExceptions ?? []);
  const base = {
    fonts,
    theme,
    struct,
    diagnostics,
    headingRefs,
    tocHeadings,
    images: doc.images,
    lang,
    labels: doc.labels,
    hyphenationExceptions,
    hyphenate: (word: string, sentenceStart: boolean) => hyphenateWord(word, lang, sentenceStart, hyphenationExceptions),
  };

  let paginated: PaginatedPage[];
  let pageSize = setup.paper;
  /** Each page's sheet or card title, which a poster tile's label names. */
  const sheetTitles: string[] = [];
  if (setup.mode === 'flow') {
    const frame = frameOf(setup.paper, setup.margin, setup.measure);
    const { flow, colophon } = takeColophon(doc.tree.children);
    const bounds = { top: setup.margin.top, bottom: setup.paper.height - setup.margin.bottom };
    const attempt = (k: number, ctx: BlockContext): PaginatedPage[] => {
      const scaled = { ...ctx, theme: themeAt(theme, setup, k), pageContentHeight: frame.height };
      const atoms = layoutBlocks(flow, scaled.struct.root, frame.box, scaled);
      return colophon ? placeColophon(atoms, colophon, scaled.struct.root, frame.box, scaled, bounds) : paginate(atoms, bounds);
    };
    const { scale, maxPages } = setup;
    const ctx: BlockContext = { ...base, pageContentHeight: frame.height, area: frame.area };
    const fits = (k: number) => attempt(k, { ...ctx, struct: new StructBuilder(), diagnostics: [] }).length <= maxPages!;
    const k = maxPages === undefined || scale.start <= scale.floor ? scale.start : largestFitting(scale, fits);
    paginated = attempt(k, ctx);
    if (maxPages !== undefined && paginated.length > maxPages) overflows.push({ title: doc.meta.title, pages: paginated.length });
  } else {
    const face = setup.mode === 'cards' ? setup.face! : setup.paper;
    const padding = setup.mode === 'cards' ? { top: 16, bottom: 16, left: 16, right: 16 } : setup.margin;
    paginated = [];
    const all = units(doc.tree.children, setup.mode === 'cards' ? 'card' : 'sheet');
    const chosen = setup.tiles?.sheets ? chooseSheets(all, setup.tiles.sheets, doc.meta.title, diagnostics) : all;
    for (const unit of chosen) {
      const section = struct.add(struct.root, 'Sect');
      const fitted = fitUnit(unit.children, section, face, padding, setup, { ...base, pageContentHeight: 0 });
      if (fitted.overflow) overflows.push({ title: unit.title, place: unit.place, step: unit.step, pages: fitted.pages.length });
      paginated.push(...fitted.pages);
      sheetTitles.push(...fitted.pages.map(() => unit.title));
    }
    if (setup.mode === 'cards') {
      paginated = imposeCards(paginated, face, setup.paper, theme);
    }
    pageSize = setup.paper;
  }

  const headingPage = new Map<number, number>();
  paginated.forEach((p, index) => p.headings.forEach((h) => headingPage.set(h.ref, index)));
  const hasCover = doc.tree.children.some((n) => n.type === 'cover');
  let pages: LayoutPage[] = paginated.map((p, index) => {
    const items = [...p.items];
    resolvePageRefs(items, p.pageRefs, headingPage, fonts);
    if (setup.mode === 'flow' && !(hasCover && index === 0)) items.push(...runningItems(doc, theme, fonts, index, paginated.length, setup));
    return { width: pageSize.width, height: pageSize.height, items };
  });
  let tiles: Layout['tiles'];
  let tileAt: ((place: PosterPlace) => number) | undefined;
  if (setup.tiles) {
    const tiled = tilePoster(pages, setup.tiles, doc.labels, fonts, theme, { topic: doc.meta.title, sheets: sheetTitles });
    pages = tiled.pages;
    tiles = tiled.tiles;
    tileAt = tiled.tileAt;
  }

  return {
    layout: { kind: doc.kind, meta: doc.meta, pages, struct: struct.root, outline: buildOutline(paginated, tileAt), tiles },
    diagnostics,
    overflows,
    missingGlyphs: missingGlyphs(doc.tree, pages, fonts),
  };
}

/** The page's type area, and the text column in it: the area's width, or `measure` where that is narrower. */
function frameOf(paper: { width: number; height: number }, margin: PageSetup['margin'], measure?: number) {
  const area = { x: margin.left, width: paper.width - margin.left - margin.right };
  return {
    box: { x: area.x, width: Math.min(area.width, measure ?? area.width) },
    area,
    height: paper.height - margin.top - margin.bottom,
  };
}

function collectHeadings(doc: ComposedDocument) {
  const headingRefs = new Map<Heading, number>();
  const tocHeadings: BlockContext['tocHeadings'] = [];
  let tocSeen = false;
  visit(doc.tree, (node) => {
    if (node.type === 'contents') tocSeen = true;
    if (node.type !== 'heading') return;
    const heading = node as Heading;
    const ref = headingRefs.size;
    headingRefs.set(heading, ref);
    if (tocSeen && heading.depth === 2) tocHeadings.push({ ref, title: toString(heading) });
  });
  return { headingRefs, tocHeadings };
}

/** A sheet or card, and where its text was written (compose found it), for a warning that it did not fit. */
interface Unit extends UnitPlace {
  title: string;
  children: RootContent[];
}

/** The sheets (or cards) of a document: its sheet (card) nodes; loose content forms a sheet of its own. */
function units(children: readonly RootContent[], type: 'sheet' | 'card'): Unit[] {
  const out: Unit[] = [];
  let loose: RootContent[] = [];
  const flush = () => {
    if (loose.length) out.push({ title: toString({ type: 'root', children: loose }).slice(0, 60), children: loose, ...unitPlace(loose) });
    loose = [];
  };
  for (const node of children) {
    if (node.type === type) {
      flush();
      out.push({ title: node.title, children: node.children, place: node.place, step: node.step });
    } else loose.push(node);
  }
  flush();
  return out;
}

/**
 * The sheets `--sheets` names (1-based), in the order of the document. A number past the last sheet
 * is an error: printing other sheets than the ones asked for would waste a poster's paper.
 */
function chooseSheets(all: Unit[], numbers: readonly number[], title: string, diagnostics: Diagnostic[]): Unit[] {
  const past = numbers.filter((n) => n > all.length);
  if (past.length) {
    const list = past.join(', ');
    diagnostics.push({
      file: '--sheets',
      severity: 'error',
      rule: 'bad-option',
      message: {
        da: `--sheets ${list}: emnet "${title}" har kun ${all.length} flipoverark`,
        en: `--sheets ${list}: the topic "${title}" has only ${all.length} flip-chart sheets`,
      },
      hint: {
        da: `vælg ark fra 1 til ${all.length}, fx --sheets 1,${Math.min(3, all.length)}`,
        en: `pick sheets from 1 to ${all.length}, e.g. --sheets 1,${Math.min(3, all.length)}`,
      },
    });
  }
  const chosen = all.filter((_, i) => numbers.includes(i + 1));
  // With none of them there, every sheet is laid out: the error keeps the file from being written.
  return chosen.length ? chosen : all;
}

/**
 * Lays a sheet or card out at the largest type scale that fits one page of `size`, searching between
 * the setup's start and floor. Below the floor it stays at the floor and runs onto more pages.
 */
function fitUnit(
  children: RootContent[],
  section: StructNode,
  size: { width: number; height: number },
  padding: PageSetup['margin'],
  setup: PageSetup,
  base: BlockContext,
): { pages: PaginatedPage[]; overflow: boolean } {
  const { scale } = setup;
  const frame = frameOf(size, padding);
  const bounds = { top: padding.top, bottom: size.height - padding.bottom };
  const attempt = (k: number, ctx: BlockContext): PaginatedPage[] => {
    const theme = themeAt(base.theme, setup, k);
    // Pictures shrink with the type, and further: at the smallest type a picture may take 15 % of the
    // face instead of three fifths, so a persona's portrait does not push the card onto a second face.
    // The type keeps its 8.25 pt floor: on a 95 × 134 mm card the text is what is read at the table.
    const t = scale.start > scale.floor ? (k - scale.floor) / (scale.start - scale.floor) : 1;
    const imageShare = 0.6 * (0.25 + 0.75 * t);
    const atoms: Atom[] = layoutBlocks(children, ctx === base ? section : ctx.struct.root, frame.box, { ...ctx, theme, pageContentHeight: frame.height, imageShare });
    return paginate(atoms, bounds);
  };
  const trial = (k: number) => attempt(k, { ...base, struct: new StructBuilder(), diagnostics: [] }).length === 1;
  const pages = attempt(largestFitting(scale, trial), base);
  return { pages, overflow: pages.length > 1 };
}

/** The largest type scale between the setup's start and floor at which `fits` holds; the floor when none does. */
function largestFitting(scale: PageSetup['scale'], fits: (k: number) => boolean): number {
  if (fits(scale.start)) return scale.start;
  if (!fits(scale.floor)) return scale.floor;
  let low = scale.floor;
  let high = scale.start;
  for (let i = 0; i < 12; i++) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/** The theme at type scale k, with the setup's own leading and heading sizes. */
function themeAt(base: Theme, setup: PageSetup, k: number): Theme {
  const theme = scaleTheme(base, k);
  if (setup.leading) theme.leading = setup.leading;
  if (setup.headings) {
    const [h1, h2, h3, h4] = setup.headings.map((r) => r * theme.size.body);
    theme.size = { ...theme.size, h1, h2, h3, h4 };
  }
  return theme;
}

/** Four card faces to an A4 sheet, with crop marks in the margin around them (artifacts). */
function imposeCards(faces: PaginatedPage[], face: { width: number; height: number }, paper: { width: number; height: number }, theme: Theme): PaginatedPage[] {
  const left = (paper.width - 2 * face.width) / 2;
  const top = (paper.height - 2 * face.height) / 2;
  const sheets: PaginatedPage[] = [];
  for (let i = 0; i < faces.length; i += 4) {
    const sheet: PaginatedPage = { items: [], headings: [], pageRefs: [] };
    faces.slice(i, i + 4).forEach((f, slot) => {
      const dx = left + (slot % 2) * face.width;
      const dy = top + Math.floor(slot / 2) * face.height;
      sheet.items.push({ type: 'rect', x: dx, y: dy, width: face.width, height: face.height, stroke: theme.colors.rule, lineWidth: 0.3 });
      sheet.items.push(...offsetItems(f.items, dx, dy));
      sheet.headings.push(...f.headings);
    });
    sheet.items.push(...cropMarks(left, top, 2 * face.width, 2 * face.height, [left + face.width], [top + face.height], paper));
    sheets.push(sheet);
  }
  return sheets;
}

/**
 * Marks outside a trimmed area at its corners and at inner cut lines, never touching the cards, and
 * ending at the printer's edge so the whole mark prints.
 */
function cropMarks(x: number, y: number, w: number, h: number, innerX: number[], innerY: number[], paper: { width: number; height: number }): LayoutItem[] {
  const gap = 3;
  const mark = (x1: number, y1: number, x2: number, y2: number): LayoutItem => ({ type: 'line', x1, y1, x2, y2, color: '#000000', width: 0.4 });
  const items: LayoutItem[] = [];
  for (const cx of [x, ...innerX, x + w]) {
    items.push(mark(cx, y - gap, cx, printerEdge), mark(cx, y + h + gap, cx, paper.height - printerEdge));
  }
  for (const cy of [y, ...innerY, y + h]) {
    items.push(mark(x - gap, cy, printerEdge, cy), mark(x + w + gap, cy, paper.width - printerEdge, cy));
  }
  return items;
}

function resolvePageRefs(items: LayoutItem[], refs: PageRef[], headingPage: Map<number, number>, fonts: FontBook): void {
  for (const ref of refs) {
    const page = headingPage.get(ref.headingRef);
    if (page === undefined) continue;
    const item = items[ref.item] as TextItem;
    const text = String(page + 1);
    items[ref.item] = { ...item, text, x: ref.right - fonts.width(item.fontId, text, item.size) };
    if (ref.link !== undefined) {
      const link = items[ref.link];
      if (link.type === 'link') items[ref.link] = { ...link, target: { page } };
    }
  }
}

/** Running header and "Side x af y" footer: artifacts, so a screen reader does not read them on every page. */
function runningItems(doc: ComposedDocument, theme: Theme, fonts: FontBook, index: number, total: number, setup: PageSetup): LayoutItem[] {
  const size = theme.size.small;
  const color = theme.colors.muted;
  const { margin, paper } = setup;
  const items: LayoutItem[] = [];
  const text = (value: string, x: number, y: number, running: RunningArtifact) => {
    for (const seg of fonts.segment(value, 'regular')) {
      items.push({ type: 'text', x, y, text: seg.text, fontId: seg.fontId, size, color, running });
      x += fonts.width(seg.fontId, seg.text, size);
    }
  };
  const footer = fill(doc.labels.page, { n: index + 1, total });
  text(footer, paper.width - margin.right - fonts.measure(footer, 'regular', size), paper.height - margin.bottom / 2, 'footer');
  if (theme.name) text(theme.name, margin.left, paper.height - margin.bottom / 2, 'footer');
  const maxTitle = paper.width - margin.left - margin.right;
  const title = doc.meta.title;
  const headerY = margin.top / 2;
  text(fonts.measure(title, 'regular', size) > maxTitle ? truncate(title, fonts, size, maxTitle) : title, margin.left, headerY, 'header');
  items.push({ type: 'line', x1: margin.left, x2: paper.width - margin.right, y1: headerY + 6, y2: headerY + 6, color: theme.colors.rule, width: 0.5, running: 'header' });
  return items;
}

/**
 * The longest head of the title that fits the header with an ellipsis, found by bisection over its
 * characters: cut one character at a time and measured again, an 8 KB title took 82 s to build.
 */
function truncate(text: string, fonts: FontBook, size: number, max: number): string {
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    ends.push(i);
  }
  const head = (k: number) => `${text.slice(0, ends[k - 1])}…`;
  let shown = 1;
  for (let low = 1, high = ends.length - 1; low <= high; ) {
    const k = (low + high) >> 1;
    if (fonts.measure(head(k), 'regular', size) <= max) {
      shown = k;
      low = k + 1;
    } else high = k - 1;
  }
  return head(shown);
}

/** `tileAt`, for a tiled poster: the tile where a heading starts, which its bookmark leads to. */
function buildOutline(pages: PaginatedPage[], tileAt?: (place: PosterPlace) => number): OutlineEntry[] {
  const root: OutlineEntry[] = [];
  const stack: { level: number; entry: OutlineEntry }[] = [];
  pages.forEach((p, page) => {
    for (const h of p.headings) {
      if (h.level > 3) continue;
      const entry: OutlineEntry = { title: h.title, page: tileAt ? tileAt({ sheet: page, x: h.x ?? 0, y: h.y ?? 0 }) : page, children: [] };
      while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
      (stack.length ? stack[stack.length - 1].entry.children : root).push(entry);
      stack.push({ level: h.level, entry });
    }
  });
  return root;
}
