/**
 * render: Layout → PDF bytes with PDFKit: fonts embedded (subset), tags for every piece of content,
 * artifacts for the rest, outline, metadata, form fields and links.
 * Input: a Layout and the FontBook it was measured with. Output: the PDF bytes.
 * Never: measure or move anything (layout decided every position) or write files.
 */
import PDFDocument from 'pdfkit';
import type { FontBook } from '../fonts/font-book.js';
import type { Layout, LayoutItem, OutlineEntry, RunningArtifact, StructNode } from '../layout/layout.js';
import { drawSvg } from './draw-svg.js';
import { textOperators, type SubsetFont } from './text-operators.js';

export interface RenderOptions {
  /** Creation and modification date; fixed for reproducible bytes. Without one the PDF states no date. */
  date?: Date;
  /** Claim PDF/A-2a (archival) as well as PDF/UA-1 in one document. */
  pdfa?: boolean;
}

type PdfDoc = InstanceType<typeof PDFDocument>;
type PdfStruct = ReturnType<PdfDoc['struct']>;
type PdfContent = ReturnType<PdfDoc['markStructureContent']>;

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

  claimConformance(doc, !!options.pdfa);
  if (!options.date) leaveUndated(doc);
  sortNamesByBytes(doc);
  rootsWithoutLimits(doc);

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
    const internal = doc.font(fontId) as unknown as { _font: SubsetFont & { ref(): unknown }; page: { fonts: Record<string, unknown> } };
    internal.page.fonts[internal._font.id] ??= internal._font.ref();
    return internal._font;
  };

  const tags = new StructTags(doc, layout.struct);
  const pageOutline = outlineByPage(layout.outline, doc);
  let formReady = false;

  layout.pages.forEach((page, index) => {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const entry of pageOutline.get(index) ?? []) entry();
    let open: { node: number; content: PdfContent; order?: number; last?: number } | { artifact: RunningArtifact | 'layout' } | undefined;
    const close = () => {
      if (open === undefined) return;
      doc.endMarkedContent();
      if ('node' in open) tags.add(open.node, open.content, open.order);
      open = undefined;
    };
    const openFor = (node: number | undefined, actualText?: string, running?: RunningArtifact, order?: number) => {
      if (node === undefined) {
        const artifact = running ?? 'layout';
        if (open !== undefined && 'artifact' in open && open.artifact === artifact) return;
        close();
        markArtifact(doc, artifact);
        open = { artifact };
        return;
      }
      // Each part of a hyphenated word is a sequence of its own, on its own line, so an extractor that
      // places ActualText where its sequence's glyphs are never sees one sequence across two lines.
      // Content read in an order of its own (a poster's tiles) shares a sequence only with what is next to it in that order.
      if (open !== undefined && 'node' in open && open.node === node && actualText === undefined && (order === undefined || order === (open.last ?? NaN) + 1)) {
        open.last = order;
        return;
      }
      close();
      tags.element(node);
      const role = tags.role(node);
      // pdftotext reads ActualText from the marked content, pdf.js from the element: set both. The
      // first part's sequence reads as the whole word, at the end of its line; a later part, which
      // starts the next line, must read as no more than the space after a word: poppler ignores an
      // empty ActualText and would read the part's letters again.
      const options = actualText !== undefined && role === 'Span' ? { actual: actualText || ' ' } : {};
      open = { node, content: doc.markStructureContent(role, options), order, last: order };
    };
    for (const item of page.items) {
      drawItem(item);
    }
    close();

    function drawItem(item: LayoutItem) {
      switch (item.type) {
        case 'text':
          openFor(item.node, item.actualText, item.running, item.order);
          doc.fillColor(item.color);
          doc.addContent(
            textOperators(useFont(item.fontId), fonts.runs(item.fontId, item.text), fonts.unitsPerEm(item.fontId), {
              x: item.x,
              y: item.y,
              size: item.size,
            }),
          );
          break;
        case 'rect':
          openFor(undefined);
          doc.rect(item.x, item.y, item.width, item.height);
          if (item.fill && item.stroke) doc.lineWidth(item.lineWidth ?? 1).fillAndStroke(item.fill, item.stroke);
          else if (item.fill) doc.fill(item.fill);
          else doc.lineWidth(item.lineWidth ?? 1).stroke(item.stroke ?? '#000000');
          break;
        case 'line':
          openFor(undefined, undefined, item.running);
          doc.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width);
          if (item.dash) doc.dash(item.dash, { space: item.dash * 1.5 });
          doc.stroke(item.color).restore();
          break;
        case 'link': {
          const element = tags.element(item.node);
          const target = typeof item.target === 'string' ? item.target : item.target.page;
          if (typeof target === 'number' && target < 0) break;
          if (typeof target === 'number') {
            // PDFKit's link() can only point at pages that already exist; later pages get a named destination.
            if (target <= index) doc.link(item.x, item.y, item.width, item.height, target as never, { structParent: element, Contents: new String(item.description) } as never);
            else {
              doc.goTo(item.x, item.y, item.width, item.height, `page-${target}`, { structParent: element, Contents: new String(item.description) } as never);
              tags.wantDestination(target);
            }
          } else {
            doc.link(item.x, item.y, item.width, item.height, target, { structParent: element, Contents: new String(item.description) } as never);
          }
          tags.annotatedOnThisPage(element, item.order);
          break;
        }
        case 'image': {
          if (item.node === undefined) {
            // A picture that is decoration here: drawn inside an artifact sequence, as a rule would be.
            openFor(undefined);
            drawImage(item);
            break;
          }
          close();
          tags.element(item.node);
          const content = doc.markStructureContent('Figure');
          drawImage(item);
          doc.endMarkedContent();
          tags.add(item.node, content, item.order);
          break;
        }
        case 'group':
          // Marked content must nest inside the save/restore pair, so close before both.
          close();
          doc.save();
          doc.rect(item.clip.x, item.clip.y, item.clip.width, item.clip.height).clip();
          doc.translate(item.dx, item.dy);
          for (const inner of item.items) drawItem(inner);
          close();
          doc.restore();
          break;
        case 'field': {
          if (!formReady) {
            useFont(fonts.primary('regular'));
            doc.initForm();
            // Every field brings its own appearance (addTextField), which PDF/A-2 (6.4.1) requires
            // viewers to use as it is, instead of making their own.
            delete (doc as unknown as { _root: { data: { AcroForm: { data: Record<string, unknown> } } } })._root.data.AcroForm.data.NeedAppearances;
            formReady = true;
          }
          close();
          const element = tags.element(item.node);
          addTextField(doc, item, element);
          tags.annotatedOnThisPage(element, item.order);
          break;
        }
      }
    }

    function drawImage(item: Extract<LayoutItem, { type: 'image' }>) {
      if (item.image.format === 'svg') {
        drawSvg(doc, item.image.svg!, item, (face) => {
          const fontId = fonts.primary(face);
          useFont(fontId);
          return fontId;
        });
      }
      else doc.image(Buffer.from(item.image.bytes!), item.x, item.y, { width: item.width, height: item.height });
    }
    if (tags.destinations.has(index)) doc.addNamedDestination(`page-${index}`);
  });
  tags.finish();
  embedFontsWithoutCidSet(doc);
  doc.end();
  return done;
}

/**
 * An artifact's kind as ISO 32000-1 (table 330) names it: running headers and footers are Pagination
 * with their subtype, so a reader can skip them as such; rules, boxes and marks are Layout. PDFKit's
 * markContent writes no Subtype, so those sequences are opened here.
 */
function markArtifact(doc: PdfDoc, artifact: RunningArtifact | 'layout'): void {
  if (artifact === 'layout') {
    doc.markContent('Artifact', { type: 'Layout' } as never);
    return;
  }
  const [subtype, edge] = artifact === 'header' ? ['Header', 'Top'] : ['Footer', 'Bottom'];
  (doc as unknown as { page: { markings: { tag: string }[] } }).page.markings.push({ tag: 'Artifact' });
  doc.addContent(`/Artifact <</Type /Pagination /Subtype /${subtype} /Attached [/${edge}]>> BDC`);
}

/**
 * PDFKit writes a CIDSet when its conformance number is 1, which PDF/A-1 needs and PDF/UA happens to
 * set too. That CIDSet lists the glyphs text uses but not the components composite glyphs are built
 * from, which the embedded subset holds as well, so it is wrong. PDF/A-2 (6.2.11.4.2) only asks that a
 * CIDSet, where there is one, list every glyph of the program, and PDF/UA-1 asks for none: the fonts
 * are embedded here, with no CIDSet, before PDFKit's end() would embed them with one.
 */
function embedFontsWithoutCidSet(doc: PdfDoc): void {
  const internal = doc as unknown as { subset?: number; _fontFamilies: Record<string, { finalize(): void }> };
  const subset = internal.subset;
  internal.subset = undefined;
  try {
    for (const font of Object.values(internal._fontFamilies)) font.finalize();
  } finally {
    internal.subset = subset;
  }
}

/**
 * A document without a date states none, in the info dictionary and in XMP, rather than one nobody
 * chose (1970-01-01). PDFKit needs a creation date to make the file ID and to write XMP, so it keeps
 * the fixed one until then.
 */
function leaveUndated(doc: PdfDoc): void {
  const internal = doc as unknown as {
    info: Record<string, unknown>;
    metadata: { _metadata: string };
    _addInfo(): void;
  };
  const creation = internal.info.CreationDate;
  delete internal.info.CreationDate;
  const addInfo = internal._addInfo.bind(doc);
  internal._addInfo = () => {
    internal.info.CreationDate = creation;
    try {
      addInfo();
    } finally {
      delete internal.info.CreationDate;
    }
    internal.metadata._metadata = internal.metadata._metadata.replace(/\s*<xmp:CreateDate>[^<]*<\/xmp:CreateDate>/, '');
  };
}

/**
 * PDF name trees are sorted in byte order (ISO 32000-1, 7.9.6); PDFKit sorts the destinations' names
 * with localeCompare, whose first call starts ICU's collator, about 9 ms of every process that
 * writes a contents page. Our names ("page-12") sort the same either way.
 */
function sortNamesByBytes(doc: PdfDoc): void {
  const dests = (doc as unknown as { _root: { data: { Names: { data: { Dests: { _compareKeys(a: string, b: string): number } } } } } })._root.data.Names.data.Dests;
  dests._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * PDFKit writes its name and number trees as one node with Limits, but Limits belong to intermediate
 * and leaf nodes and are not permitted in a root (ISO 32000-1, tables 36 and 37).
 */
function rootsWithoutLimits(doc: PdfDoc): void {
  const root = (doc as unknown as { _root: { data: { Names: { data: { Dests: { limits: boolean } } }; StructTreeRoot: { data: { ParentTree: { limits: boolean } } } } } })._root.data;
  root.Names.data.Dests.limits = false;
  root.StructTreeRoot.data.ParentTree.limits = false;
}

/**
 * PDFKit's subsets are exclusive, so with PDF/A the PDF/UA identification is appended by hand. Its XMP
 * writer pastes info values in unescaped, so a title with "&" or "<" would make the metadata invalid,
 * and it leaves out the modification date, which XMP then gets here as the info dictionary has it.
 */
function claimConformance(doc: PdfDoc, pdfa: boolean): void {
  const internal = doc as unknown as {
    info: Record<string, unknown>;
    _addInfo(): void;
    endSubset(): void;
    appendXML(xml: string): void;
  };
  const addInfo = internal._addInfo.bind(doc);
  internal._addInfo = () => {
    const original = internal.info;
    internal.info = Object.fromEntries(Object.entries(original).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
    try {
      addInfo();
    } finally {
      internal.info = original;
    }
    if (original.ModDate instanceof Date) {
      internal.appendXML(
        `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${original.ModDate.toISOString().split('.')[0]}Z</xmp:ModifyDate></rdf:Description>`,
      );
    }
  };
  if (pdfa) {
    const endSubset = internal.endSubset.bind(doc);
    internal.endSubset = () => {
      endSubset();
      internal.appendXML(pdfuaExtensionSchema);
      internal.appendXML(
        '<rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about=""><pdfuaid:part>1</pdfuaid:part></rdf:Description>',
      );
    };
  }
}

/**
 * PDF/A-2 (6.6.2.3.1) allows XMP properties outside its predefined schemas only when the file describes
 * their schema; pdfuaid is not predefined, so its one property is described here (ISO 14289-1, 5).
 */
const pdfuaExtensionSchema = [
  '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
  '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
  '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
  '<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
  '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
  '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
  '<pdfaProperty:name>part</pdfaProperty:name>',
  '<pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
  '<pdfaProperty:category>internal</pdfaProperty:category>',
  '<pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>',
  '</rdf:li></rdf:Seq></pdfaSchema:property>',
  '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
  '</rdf:Description>',
].join('');

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * PDFKit's formText() drops the accessible name (TU) and the structure parent and draws no appearance,
 * so the widget is built here from the same private helpers formText uses, with all three set before
 * the annotation is written.
 */
function addTextField(doc: PdfDoc, item: Extract<LayoutItem, { type: 'field' }>, element: PdfStruct): void {
  const internal = doc as unknown as {
    _fieldDict(name: string, type: string, options: object): Record<string, unknown>;
    _addToParent(ref: unknown): void;
    page: { annotations: unknown[] };
  };
  const dict = internal._fieldDict(item.name, 'text', { multiline: item.multiline, fontSize: 10 });
  // The appearance of an empty text field: nothing inside the marked content that viewers fill in
  // (ISO 32000-1, 12.7.3.3). The table's lines already show where the field is.
  const appearance = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, item.width, item.height], Resources: {} });
  appearance.end('/Tx BMC\nEMC');
  doc.annotate(item.x, item.y, item.width, item.height, {
    ...dict,
    Subtype: 'Widget',
    F: 4,
    TU: new String(item.label),
    AP: { N: appearance },
    structParent: element,
  } as never);
  internal._addToParent(internal.page.annotations[internal.page.annotations.length - 1]);
}

/** PDFKit structure elements for the layout's tree, attached to their parent when first used, so reading order follows drawing order. */
class StructTags {
  private readonly elements = new Map<number, PdfStruct>();
  private readonly nodes = new Map<number, { node: StructNode; parent?: number }>();
  private readonly attached = new Set<number>();
  private readonly pinned = new Set<PdfStruct>();
  /** Where content stands in the reading order, where that is not the order it was drawn in. */
  private readonly order = new Map<unknown, number>();
  /** Element identifiers and their elements, for the structure tree's IDTree. */
  private readonly ids = new Map<string, PdfStruct>();
  readonly destinations = new Set<number>();
  private readonly rootElement: PdfStruct;

  constructor(private readonly doc: PdfDoc, root: StructNode) {
    const index = (node: StructNode, parent?: number) => {
      this.nodes.set(node.id, { node, parent });
      node.children.forEach((c) => index(c, node.id));
    };
    index(root);
    this.rootElement = doc.struct('Document');
    doc.addStructure(this.rootElement);
    this.elements.set(root.id, this.rootElement);
    this.attached.add(root.id);
  }

  role(id: number): string {
    return this.nodes.get(id)!.node.role;
  }

  wantDestination(page: number): void {
    this.destinations.add(page);
  }

  element(id: number): PdfStruct {
    let element = this.elements.get(id);
    if (!element) {
      const { node } = this.nodes.get(id)!;
      const options: Record<string, unknown> = {};
      if (node.alt) options.alt = node.alt;
      if (node.lang) options.lang = node.lang;
      if (node.actualText) options.actual = node.actualText;
      if (node.scope) options.scope = node.scope;
      element = this.doc.struct(node.role, options);
      if (node.elementId) {
        (element as unknown as PdfStructInternal).dictionary.data.ID = new String(node.elementId);
        this.ids.set(node.elementId, element);
      }
      this.elements.set(id, element);
    }
    this.attach(id);
    return element;
  }

  /** Marked content of an element; `order`, when given, is its place in the reading order. */
  add(id: number, content: PdfContent, order?: number): void {
    this.element(id).add(content);
    if (order !== undefined) this.order.set(content, order);
  }

  private attach(id: number): void {
    if (this.attached.has(id)) return;
    this.attached.add(id);
    const parent = this.nodes.get(id)!.parent!;
    this.element(parent).add(this.elements.get(id)!);
  }

  /**
   * PDFKit writes an annotation's OBJR when its element is written out, at the end, and names the page
   * current then (the last) as the annotation's page. The annotation just added to `element` keeps the
   * page it is on, and the element writes that one.
   */
  annotatedOnThisPage(element: PdfStruct, order?: number): void {
    const internal = element as unknown as PdfStructInternal;
    const reference = internal._children[internal._children.length - 1] as { annotationRef?: unknown; page?: unknown };
    reference.page = (this.doc as unknown as { page: { dictionary: unknown } }).page.dictionary;
    if (order !== undefined) this.order.set(reference, order);
    if (this.pinned.has(element)) return;
    this.pinned.add(element);
    const flushChild = internal._flushChild.bind(element);
    internal._flushChild = (child) => {
      const { annotationRef, page } = child as { annotationRef?: unknown; page?: unknown };
      if (annotationRef && page) internal.dictionary.data.K.push({ Type: 'OBJR', Obj: annotationRef, Pg: page });
      else flushChild(child);
    };
  }

  /** Elements never drawn (an empty table cell) still belong in the tree, after their drawn siblings. */
  finish(): void {
    for (const [id] of this.nodes) this.element(id);
    if (this.order.size) this.readingOrder(this.rootElement);
    if (this.ids.size) {
      // A structure tree whose elements have IDs maps them in its IDTree (ISO 32000-1, table 322), a
      // name tree sorted in byte order.
      const names = [...this.ids.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const tree = this.doc.ref({ Names: names.flatMap((id) => [new String(id), (this.ids.get(id)! as unknown as PdfStructInternal).dictionary]) });
      tree.end(undefined);
      (this.doc as unknown as { _root: { data: { StructTreeRoot: { data: Record<string, unknown> } } } })._root.data.StructTreeRoot.data.IDTree = tree;
    }
    for (const element of this.elements.values()) element.end();
  }

  /**
   * A poster's tiles are drawn one after the other, so the parts of a line that crosses a tile cut
   * reach their element out of order (the first tile's lines, then the next tile's ends of them).
   * Each element's kids are put in reading order here, an element standing where its first content
   * does; kids with no place in it (an element never drawn) keep their order, after the rest.
   * Returns the element's own place.
   */
  private readingOrder(element: PdfStruct): number {
    const internal = element as unknown as PdfStructInternal;
    const keyed = internal._children.map((child, index) => {
      const nested = typeof child === 'object' && child !== null && '_children' in child;
      return { child, index, key: nested ? this.readingOrder(child as unknown as PdfStruct) : (this.order.get(child) ?? Infinity) };
    });
    keyed.sort((a, b) => a.key - b.key || a.index - b.index);
    internal._children = keyed.map((k) => k.child);
    return Math.min(Infinity, ...keyed.map((k) => k.key));
  }
}

/** The parts of PDFKit's PDFStructureElement that StructTags reaches into. */
interface PdfStructInternal {
  dictionary: { data: { ID?: unknown; K: unknown[] } };
  _children: unknown[];
  _flushChild(child: unknown): void;
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
