/**
 * layout: a composed document (mdast) × theme → pages of positioned boxes, measured with the real fonts.
 * Input: ComposedDocument, Theme, FontBook. Output: Layout (pages, structure tree, outline) and warnings.
 * Never: draw or encode PDF (render does), read files, or place anything outside a page's frame.
 */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { ComposedDocument } from '../compose/compose-document.js';
import { fill, labels } from '../compose/labels.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontBook } from '../fonts/font-book.js';
import type { PageRef } from './atom.js';
import type { Layout, LayoutItem, LayoutPage, OutlineEntry, TextItem } from './layout.js';
import { layoutBlocks, type BlockContext } from './layout-blocks.js';
import { paginate, type PaginatedPage } from './paginate.js';
import { StructBuilder } from './struct-builder.js';
import { paperSizes, type Theme } from './theme.js';

export function layoutDocument(doc: ComposedDocument, theme: Theme, fonts: FontBook): { layout: Layout; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const paper = paperSizes.A4;
  const { margin } = theme;
  const struct = new StructBuilder();
  const headingRefs = new Map<Heading, number>();
  const tocHeadings: BlockContext['tocHeadings'] = [];
  let tocSeen = false;
  visit(doc.tree, (node) => {
    if (node.type === 'leafDirective' && (node as { name?: string }).name === 'toc') tocSeen = true;
    if (node.type !== 'heading') return;
    const heading = node as Heading;
    const ref = headingRefs.size;
    headingRefs.set(heading, ref);
    if (tocSeen && heading.depth === 2) tocHeadings.push({ ref, title: toString(heading) });
  });
  const missingBefore = new Set(fonts.missing);
  const ctx: BlockContext = {
    fonts,
    theme,
    struct,
    diagnostics,
    headingRefs,
    tocHeadings,
    pageContentHeight: paper.height - margin.top - margin.bottom,
  };
  const atoms = layoutBlocks(doc.tree.children, struct.root, { x: margin.left, width: paper.width - margin.left - margin.right }, ctx);
  const paginated = paginate(atoms, { top: margin.top, bottom: paper.height - margin.bottom });

  const headingPage = new Map<number, number>();
  paginated.forEach((p, index) => p.headings.forEach((h) => headingPage.set(h.ref, index)));
  const hasCover = doc.tree.children.some((n) => n.type === 'containerDirective' && (n as { name?: string }).name === 'cover');
  const pages: LayoutPage[] = paginated.map((p, index) => {
    const items = [...p.items];
    resolvePageRefs(items, p.pageRefs, headingPage, fonts);
    if (!(hasCover && index === 0)) items.push(...runningItems(doc, theme, fonts, index, paginated.length, paper.width, paper.height));
    return { width: paper.width, height: paper.height, items };
  });

  for (const char of fonts.missing) {
    if (missingBefore.has(char)) continue;
    diagnostics.push({
      file: doc.meta.title,
      severity: 'warning',
      rule: 'missing-glyph',
      message: `no font has the character ${JSON.stringify(char)} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
    });
  }
  return {
    layout: { kind: doc.kind, meta: doc.meta, pages, struct: struct.root, outline: buildOutline(paginated) },
    diagnostics,
  };
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
function runningItems(doc: ComposedDocument, theme: Theme, fonts: FontBook, index: number, total: number, width: number, height: number): LayoutItem[] {
  const size = theme.size.small;
  const color = theme.colors.muted;
  const { margin } = theme;
  const items: LayoutItem[] = [];
  const footer = fill(labels[doc.meta.lang].page, { n: index + 1, total });
  const footerY = height - margin.bottom / 2;
  let x = width - margin.right - fonts.measure(footer, 'regular', size);
  for (const seg of fonts.segment(footer, 'regular')) {
    items.push({ type: 'text', x, y: footerY, text: seg.text, fontId: seg.fontId, size, color });
    x += fonts.width(seg.fontId, seg.text, size);
  }
  const title = doc.meta.title;
  const headerY = margin.top / 2;
  x = margin.left;
  const maxTitle = width - margin.left - margin.right;
  const shown = fonts.measure(title, 'regular', size) > maxTitle ? truncate(title, fonts, size, maxTitle) : title;
  for (const seg of fonts.segment(shown, 'regular')) {
    items.push({ type: 'text', x, y: headerY, text: seg.text, fontId: seg.fontId, size, color });
    x += fonts.width(seg.fontId, seg.text, size);
  }
  items.push({ type: 'line', x1: margin.left, x2: width - margin.right, y1: headerY + 6, y2: headerY + 6, color: theme.colors.rule, width: 0.5 });
  return items;
}

function truncate(text: string, fonts: FontBook, size: number, max: number): string {
  let shown = text;
  while (shown.length > 1 && fonts.measure(`${shown}…`, 'regular', size) > max) shown = shown.slice(0, -1);
  return `${shown}…`;
}

function buildOutline(pages: PaginatedPage[]): OutlineEntry[] {
  const root: OutlineEntry[] = [];
  const stack: { level: number; entry: OutlineEntry }[] = [];
  pages.forEach((p, page) => {
    for (const h of p.headings) {
      if (h.level > 3) continue;
      const entry: OutlineEntry = { title: h.title, page, children: [] };
      while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
      (stack.length ? stack[stack.length - 1].entry.children : root).push(entry);
      stack.push({ level: h.level, entry });
    }
  });
  return root;
}
