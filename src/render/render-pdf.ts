/**
 * render: Layout → PDF bytes with PDFKit: fonts embedded (subset), tags for every piece of content,
 * artifacts for the rest, outline, metadata, form fields and links.
 * Input: a Layout and the FontBook it was measured with. Output: the PDF bytes.
 * Never: measure or move anything (layout decided every position) or write files.
 */
import PDFDocument from 'pdfkit';
import type { FontBook } from '../fonts/font-book.js';
import type { Layout, OutlineEntry } from '../layout/layout.js';
import { drawItem, type DrawContext } from './draw-item.js';
import { MarkedContent } from './marked-content.js';
import { pdfkitPatches, type PdfDoc } from './pdfkit-patches.js';
import { StructTags } from './struct-tags.js';
import type { SubsetFont } from './text-operators.js';

export interface RenderOptions {
  /** Creation and modification date; fixed for reproducible bytes. Without one the PDF states no date. */
  date?: Date;
  /** Claim PDF/A-2a (archival) as well as PDF/UA-1 in one document. */
  pdfa?: boolean;
}

export function renderPdf(layout: Layout, fonts: FontBook, options: RenderOptions): Promise<Uint8Array> {
  const first = layout.pages[0];
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [first.width, first.height],
    margin: 0,
    pdfVersion: '1.7',
    tagged: true,
    subset: options.pdfa ? 'PDF/A-2a' : 'PDF/UA',
    lang: layout.meta.lang,
    displayTitle: true,
    compress: true,
    // Every run names its own embedded font; without this PDFKit parses Helvetica's AFM for each document.
    font: null,
    // PDFKit hashes every info value into the file ID, so absent values must be left out, not undefined.
    info: Object.fromEntries(
      Object.entries({
        Title: layout.meta.title,
        Subject: layout.meta.subject,
        Author: layout.meta.author,
        Keywords: layout.meta.keywords.join(', '),
        Creator: 'dialogpack',
        Producer: 'dialogpack (PDFKit)',
        // PDFKit derives the file ID from a creation date and would take the clock's; an undated
        // document gets a fixed one for that, which leaveUndated then takes out of the file again.
        CreationDate: options.date ?? new Date(0),
        ModDate: options.date,
      }).filter(([, value]) => value !== undefined),
    ),
  } as unknown as ConstructorParameters<typeof PDFDocument>[0]);

  pdfkitPatches.patchDocument(doc, { pdfa: !!options.pdfa, dated: !!options.date });

  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const registered = new Set<string>();
  const useFont = (fontId: string): SubsetFont => {
    if (!registered.has(fontId)) {
      doc.registerFont(fontId, fonts.font(fontId) as never);
      registered.add(fontId);
    }
    return pdfkitPatches.fontOnPage(doc, fontId);
  };

  const tags = new StructTags(doc, layout.struct);
  const pageOutline = outlineByPage(layout.outline, doc);
  const form = { ready: false };

  layout.pages.forEach((page, index) => {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const entry of pageOutline.get(index) ?? []) entry();
    const marked = new MarkedContent(doc, tags);
    const dc: DrawContext = { doc, fonts, tags, marked, pageIndex: index, useFont, form };
    for (const item of page.items) drawItem(item, dc);
    marked.close();
    if (tags.destinations.has(index)) doc.addNamedDestination(`page-${index}`);
  });
  tags.finish();
  pdfkitPatches.embedFontsWithoutCidSet(doc);
  doc.end();
  return done;
}

type OutlineItem = { addItem(title: string): OutlineItem };

/** Bookmarks are added when their page is current, because PDFKit points each at the current page. */
function outlineByPage(entries: OutlineEntry[], doc: PdfDoc): Map<number, (() => void)[]> {
  const byPage = new Map<number, (() => void)[]>();
  const visit = (list: OutlineEntry[], parent: () => OutlineItem) => {
    for (const entry of list) {
      let item: OutlineItem | undefined;
      const add = () => {
        item = parent().addItem(entry.title);
      };
      byPage.set(entry.page, [...(byPage.get(entry.page) ?? []), add]);
      visit(entry.children, () => item ?? parent());
    }
  };
  visit(entries, () => doc.outline as unknown as OutlineItem);
  return byPage;
}
