import type { FontBook } from '../fonts/font-book.js';
import type { LayoutItem } from '../layout/layout.js';
import { drawSvg } from './draw-svg.js';
import type { MarkedContent } from './marked-content.js';
import { pdfkitPatches, type PdfDoc } from './pdfkit-patches.js';
import type { StructTags } from './struct-tags.js';
import { textOperators, type SubsetFont } from './text-operators.js';

/** What drawing an item on the current page needs. */
export interface DrawContext {
  doc: PdfDoc;
  fonts: FontBook;
  tags: StructTags;
  marked: MarkedContent;
  /** The current page's index, for links to pages that do not exist yet. */
  pageIndex: number;
  /** Registers a font with the document at first use and lists it in the current page's resources. */
  useFont(fontId: string): SubsetFont;
  /** The document's form, made at the first field. */
  form: { ready: boolean };
  /**
   * The fill colour the page's content has at this point, when text set it and nothing has set or
   * restored another since: the lines of a paragraph then set their colour once, not once a line.
   */
  fill?: string;
}

type Item<T extends LayoutItem['type']> = Extract<LayoutItem, { type: T }>;

/** One layout item drawn on the current page, inside the marked content or artifact it belongs to. */
export function drawItem(item: LayoutItem, dc: DrawContext): void {
  if (item.type === 'text') return drawText(item, dc);
  // Anything else may set a fill colour of its own, or bring back an earlier one at its Q.
  dc.fill = undefined;
  drawOther(item, dc);
  dc.fill = undefined;
}

function drawOther(item: Exclude<LayoutItem, { type: 'text' }>, dc: DrawContext): void {
  switch (item.type) {
    case 'rect':
      return drawRect(item, dc);
    case 'line':
      return drawLine(item, dc);
    case 'link':
      return drawLink(item, dc);
    case 'image':
      return drawFigure(item, dc);
    case 'group':
      return drawGroup(item, dc);
    case 'field':
      return drawField(item, dc);
  }
}

function drawText(item: Item<'text'>, dc: DrawContext): void {
  const { doc, fonts, marked, useFont } = dc;
  marked.openFor(item.node, item.actualText, item.running, item.order);
  // Marked content (BDC/EMC) leaves the graphics state alone, so the colour carries across it.
  if (dc.fill !== item.color) {
    doc.fillColor(item.color);
    dc.fill = item.color;
  }
  doc.addContent(
    textOperators(useFont(item.fontId), fonts.runs(item.fontId, item.text), fonts.unitsPerEm(item.fontId), {
      x: item.x,
      y: item.y,
      size: item.size,
    }),
  );
}

function drawRect(item: Item<'rect'>, { doc, marked }: DrawContext): void {
  marked.openFor(undefined);
  doc.rect(item.x, item.y, item.width, item.height);
  if (item.fill && item.stroke) doc.lineWidth(item.lineWidth ?? 1).fillAndStroke(item.fill, item.stroke);
  else if (item.fill) doc.fill(item.fill);
  else doc.lineWidth(item.lineWidth ?? 1).stroke(item.stroke ?? '#000000');
}

function drawLine(item: Item<'line'>, { doc, marked }: DrawContext): void {
  marked.openFor(undefined, undefined, item.running);
  doc.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width);
  if (item.dash) doc.dash(item.dash, { space: item.dash * 1.5 });
  doc.stroke(item.color).restore();
}

function drawLink(item: Item<'link'>, { doc, tags, pageIndex }: DrawContext): void {
  const element = tags.element(item.node);
  const target = typeof item.target === 'string' ? item.target : item.target.page;
  if (typeof target === 'number' && target < 0) return;
  if (typeof target === 'number') {
    // PDFKit's link() can only point at pages that already exist; later pages get a named destination.
    if (target <= pageIndex) doc.link(item.x, item.y, item.width, item.height, target as never, { structParent: element, Contents: new String(item.description) } as never);
    else {
      doc.goTo(item.x, item.y, item.width, item.height, `page-${target}`, { structParent: element, Contents: new String(item.description) } as never);
      tags.wantDestination(target);
    }
  } else {
    doc.link(item.x, item.y, item.width, item.height, target, { structParent: element, Contents: new String(item.description) } as never);
  }
  tags.annotatedOnThisPage(element, item.order);
}

function drawFigure(item: Item<'image'>, dc: DrawContext): void {
  const { doc, tags, marked } = dc;
  if (item.node === undefined) {
    // A picture that is decoration here: drawn inside an artifact sequence, as a rule would be.
    marked.openFor(undefined);
    drawImage(item, dc);
    return;
  }
  marked.close();
  tags.element(item.node);
  const content = doc.markStructureContent('Figure');
  drawImage(item, dc);
  doc.endMarkedContent();
  tags.add(item.node, content, item.order);
}

function drawImage(item: Item<'image'>, { doc, fonts, useFont }: DrawContext): void {
  if (item.image.format === 'svg') {
    drawSvg(doc, item.image.svg!, item, (face) => {
      const fontId = fonts.primary(face);
      useFont(fontId);
      return fontId;
    });
  } else doc.image(Buffer.from(item.image.bytes!), item.x, item.y, { width: item.width, height: item.height });
}

function drawGroup(item: Item<'group'>, dc: DrawContext): void {
  const { doc, marked } = dc;
  // Marked content must nest inside the save/restore pair, so close before both.
  marked.close();
  doc.save();
  doc.rect(item.clip.x, item.clip.y, item.clip.width, item.clip.height).clip();
  doc.translate(item.dx, item.dy);
  for (const inner of item.items) drawItem(inner, dc);
  marked.close();
  doc.restore();
}

function drawField(item: Item<'field'>, { doc, fonts, tags, marked, useFont, form }: DrawContext): void {
  if (!form.ready) {
    useFont(fonts.primary('regular'));
    pdfkitPatches.initFormWithOwnAppearances(doc);
    form.ready = true;
  }
  marked.close();
  const element = tags.element(item.node);
  pdfkitPatches.addTextField(doc, item, element);
  tags.annotatedOnThisPage(element, item.order);
}
