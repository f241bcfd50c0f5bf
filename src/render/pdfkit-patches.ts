/**
 * Every place render reaches into PDFKit's internals, in one module, so an upgrade has one place to
 * check. Written against PDFKit 0.20.2 (pdfkitVersion); tests/render/pdfkit-patches.test.ts checks that
 * each internal used here is still there with the shape relied on, and that each patch's effect shows
 * in a rendered PDF. Each entry says why PDFKit's public API is not enough.
 */
import type PDFDocument from 'pdfkit';
import type { LayoutItem, RunningArtifact } from '../layout/layout.js';
import { withPdfDeflate } from './pdf-deflate.js';
import type { SubsetFont } from './text-operators.js';

export type PdfDoc = InstanceType<typeof PDFDocument>;
export type PdfStruct = ReturnType<PdfDoc['struct']>;
export type PdfContent = ReturnType<PdfDoc['markStructureContent']>;

/** The PDFKit version these patches were written against and checked with. */
export const pdfkitVersion = '0.20.2';

/** The internals of PDFDocument the patches use. */
interface DocInternal {
  info: Record<string, unknown>;
  metadata: { _metadata: string };
  subset?: number;
  _fontFamilies: Record<string, { finalize(): void; font?: object; subset?: SubsetInternal }>;
  _write(data: unknown): void;
  openImage(src: unknown): unknown;
  _font: SubsetFont & { ref(): unknown };
  _addInfo(): void;
  endSubset(): void;
  appendXML(xml: string): void;
  _fieldDict(name: string, type: string, options: object): Record<string, unknown>;
  _addToParent(ref: unknown): void;
  page: { fonts: Record<string, unknown>; markings: { tag: string }[]; annotations: unknown[]; dictionary: unknown };
  _root: {
    data: {
      Names: { data: { Dests: { _compareKeys(a: string, b: string): number; limits: boolean } } };
      StructTreeRoot: { data: Record<string, unknown> & { ParentTree: { limits: boolean } } };
      AcroForm: { data: Record<string, unknown> };
    };
  };
}

/** fontkit's subset of an embedded font: the glyph ids it holds, in order, and the font file it makes of them. */
interface SubsetInternal {
  glyphs: number[];
  encode(): Uint8Array;
}

/** The parts of PDFKit's PDFStructureElement that the patches reach into. */
interface StructInternal {
  dictionary: { data: { ID?: unknown; K: unknown[] } };
  _children: unknown[];
  _flushChild(child: unknown): void;
}

const internal = (doc: PdfDoc) => doc as unknown as DocInternal;
const structInternal = (element: PdfStruct) => element as unknown as StructInternal;

/** PDFKit's PDFReference, every indirect object of a file, whose prototype `patchReferences` wraps once per process. */
interface ReferenceInternal {
  write(chunk: unknown): void;
  finalize(): void;
}
/** PDFKit's PNG image (png-js's PNG inside), whose planes PDFKit deflates anew for an alpha channel. */
interface ImageInternal {
  image?: { decodePixels?(fn: (pixels: Uint8Array) => void): unknown };
}
let referencesPatched = false;

/**
 * Two patches of how PDFKit writes a file's objects, both made on PDFReference's prototype the first
 * time a document is made (the root is a PDFReference made before any content) and on the document:
 * - PDFKit turns every string it writes (each content operator, each object of the file) into bytes
 *   with a loop in JavaScript, one new array a call; Node's latin1 encoder makes the same bytes, the
 *   low byte of each UTF-16 unit, natively. The string gets the newline PDFKit would add, and PDFKit
 *   passes bytes through as they are, so the file is the same byte for byte (docs/performance.md).
 * - Every stream PDFKit deflates (in a reference's finalize, and a PNG's planes in decodePixels) is
 *   deflated by render's pdfDeflate, as the browser's build does (pdf-deflate.ts says why).
 */
function patchReferences(doc: PdfDoc): void {
  const asBytes = (data: unknown) => (data instanceof Uint8Array ? data : Buffer.from(`${data}\n`, 'latin1'));
  const it = internal(doc);
  const write = it._write;
  it._write = (data) => write.call(doc, asBytes(data));
  const openImage = it.openImage;
  it.openImage = function (this: PdfDoc, src: unknown) {
    const image = openImage.call(this, src) as ImageInternal;
    const png = image.image;
    const decodePixels = png?.decodePixels;
    if (png && decodePixels && !Object.prototype.hasOwnProperty.call(png, 'decodePixels')) {
      png.decodePixels = (fn) => decodePixels.call(png, (pixels) => withPdfDeflate(() => fn(pixels)));
    }
    return image;
  };
  if (referencesPatched) return;
  const reference = Object.getPrototypeOf(it._root) as ReferenceInternal;
  const writeChunk = reference.write;
  reference.write = function (this: ReferenceInternal, chunk: unknown) {
    writeChunk.call(this, asBytes(chunk));
  };
  const finalize = reference.finalize;
  reference.finalize = function (this: ReferenceInternal) {
    withPdfDeflate(() => finalize.call(this));
  };
  referencesPatched = true;
}

/**
 * Patches made once, right after the document is created: the conformance claim and its metadata,
 * an undated document's missing dates, and name and number trees as ISO 32000-1 has them.
 */
function patchDocument(doc: PdfDoc, options: { pdfa: boolean; dated: boolean }): void {
  patchReferences(doc);
  claimConformance(doc, options.pdfa);
  if (!options.dated) leaveUndated(doc);
  sortNamesByBytes(doc);
  rootsWithoutLimits(doc);
}

/**
 * PDFKit's subsets are exclusive, so with PDF/A the PDF/UA identification is appended by hand. Its XMP
 * writer pastes info values in unescaped, so a title with "&" or "<" would make the metadata invalid,
 * and it leaves out the modification date, which XMP then gets here as the info dictionary has it.
 */
function claimConformance(doc: PdfDoc, pdfa: boolean): void {
  const it = internal(doc);
  const addInfo = it._addInfo.bind(doc);
  it._addInfo = () => {
    const original = it.info;
    it.info = Object.fromEntries(Object.entries(original).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
    try {
      addInfo();
    } finally {
      it.info = original;
    }
    if (original.ModDate instanceof Date) {
      it.appendXML(
        `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${original.ModDate.toISOString().split('.')[0]}Z</xmp:ModifyDate></rdf:Description>`,
      );
    }
  };
  if (pdfa) {
    const endSubset = it.endSubset.bind(doc);
    it.endSubset = () => {
      endSubset();
      it.appendXML(pdfuaExtensionSchema);
      it.appendXML(
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
 * A document without a date states none, in the info dictionary and in XMP, rather than one nobody
 * chose (1970-01-01). PDFKit needs a creation date to make the file ID and to write XMP, so it keeps
 * the fixed one until then.
 */
function leaveUndated(doc: PdfDoc): void {
  const it = internal(doc);
  const creation = it.info.CreationDate;
  delete it.info.CreationDate;
  const addInfo = it._addInfo.bind(doc);
  it._addInfo = () => {
    it.info.CreationDate = creation;
    try {
      addInfo();
    } finally {
      delete it.info.CreationDate;
    }
    it.metadata._metadata = it.metadata._metadata.replace(/\s*<xmp:CreateDate>[^<]*<\/xmp:CreateDate>/, '');
  };
}

/**
 * PDF name trees are sorted in byte order (ISO 32000-1, 7.9.6); PDFKit sorts the destinations' names
 * with localeCompare, whose first call starts ICU's collator, about 9 ms of every process that
 * writes a contents page. Our names ("page-12") sort the same either way.
 */
function sortNamesByBytes(doc: PdfDoc): void {
  internal(doc)._root.data.Names.data.Dests._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * PDFKit writes its name and number trees as one node with Limits, but Limits belong to intermediate
 * and leaf nodes and are not permitted in a root (ISO 32000-1, tables 36 and 37).
 */
function rootsWithoutLimits(doc: PdfDoc): void {
  const root = internal(doc)._root.data;
  root.Names.data.Dests.limits = false;
  root.StructTreeRoot.data.ParentTree.limits = false;
}

/**
 * The current font's subset, listed in the current page's resources. Text is written with our own
 * operators (text-operators.ts), not PDFKit's text(), so PDFKit neither hands out its font object nor
 * adds the font to the page's resources as text() would.
 */
function fontOnPage(doc: PdfDoc, fontId: string): SubsetFont {
  const it = internal(doc.font(fontId));
  it.page.fonts[it._font.id] ??= it._font.ref();
  return it._font;
}

/**
 * An artifact's kind as ISO 32000-1 (table 330) names it: running headers and footers are Pagination
 * with their subtype, so a reader can skip them as such; rules, boxes and marks are Layout. PDFKit's
 * markContent writes no Subtype, so those sequences are opened here, registered with the page as
 * markContent would so that endMarkedContent closes them.
 */
function markArtifact(doc: PdfDoc, artifact: RunningArtifact | 'layout'): void {
  if (artifact === 'layout') {
    doc.markContent('Artifact', { type: 'Layout' } as never);
    return;
  }
  const [subtype, edge] = artifact === 'header' ? ['Header', 'Top'] : ['Footer', 'Bottom'];
  internal(doc).page.markings.push({ tag: 'Artifact' });
  doc.addContent(`/Artifact <</Type /Pagination /Subtype /${subtype} /Attached [/${edge}]>> BDC`);
}

/**
 * The document's form, with NeedAppearances left out: every field brings its own appearance
 * (addTextField), which PDF/A-2 (6.4.1) requires viewers to use as it is, instead of making their own.
 * PDFKit's initForm always sets it.
 */
function initFormWithOwnAppearances(doc: PdfDoc): void {
  doc.initForm();
  delete internal(doc)._root.data.AcroForm.data.NeedAppearances;
}

/**
 * PDFKit's formText() drops the accessible name (TU) and the structure parent and draws no appearance,
 * so the widget is built here from the same private helpers formText uses, with all three set before
 * the annotation is written.
 */
function addTextField(doc: PdfDoc, item: Extract<LayoutItem, { type: 'field' }>, element: PdfStruct): void {
  const it = internal(doc);
  const dict = it._fieldDict(item.name, 'text', { multiline: item.multiline, fontSize: 10 });
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
  it._addToParent(it.page.annotations[it.page.annotations.length - 1]);
}

/** Font files made of the same glyphs of the same font, by font and glyph ids in order; a few a font. */
const subsetFiles = new WeakMap<object, Map<string, Uint8Array>>();
const SUBSETS_KEPT = 16;

/**
 * fontkit's font file of a subset depends on the font and the glyph ids in the order the document
 * first used them, nothing else; documents that use the same glyphs in the same order (copies, a
 * topic's outputs rebuilt by watch) get the file made for the first, instead of each decoding every
 * glyph again (docs/performance.md).
 */
function reuseSubset(font: { font?: object; subset?: SubsetInternal }): void {
  const subset = font.subset;
  if (!font.font || !subset || !Array.isArray(subset.glyphs) || typeof subset.encode !== 'function') return;
  let files = subsetFiles.get(font.font);
  if (!files) subsetFiles.set(font.font, (files = new Map()));
  const made = files;
  const encode = subset.encode;
  subset.encode = function (this: SubsetInternal) {
    const key = this.glyphs.join(',');
    let file = made.get(key);
    if (!file) {
      file = encode.call(this);
      if (made.size >= SUBSETS_KEPT) made.clear();
      made.set(key, file);
    }
    return file;
  };
}

/**
 * PDFKit writes a CIDSet when its conformance number is 1, which PDF/A-1 needs and PDF/UA happens to
 * set too. That CIDSet lists the glyphs text uses but not the components composite glyphs are built
 * from, which the embedded subset holds as well, so it is wrong. PDF/A-2 (6.2.11.4.2) only asks that a
 * CIDSet, where there is one, list every glyph of the program, and PDF/UA-1 asks for none: the fonts
 * are embedded here, with no CIDSet, before PDFKit's end() would embed them with one.
 */
function embedFontsWithoutCidSet(doc: PdfDoc): void {
  const it = internal(doc);
  const subset = it.subset;
  it.subset = undefined;
  try {
    for (const font of Object.values(it._fontFamilies)) {
      reuseSubset(font);
      font.finalize();
    }
  } finally {
    it.subset = subset;
  }
}

/** A structure element's ID (a footnote's), which PDFKit's struct() has no option for. */
function setElementId(element: PdfStruct, id: string): void {
  structInternal(element).dictionary.data.ID = new String(id);
}

/** An element's dictionary, for the IDTree to point at: PDFKit keeps it private. */
function elementDictionary(element: PdfStruct): unknown {
  return structInternal(element).dictionary;
}

/**
 * The structure tree's IDTree (ISO 32000-1, table 322), which PDFKit does not write: a structure tree
 * whose elements have IDs maps them in one.
 */
function setIdTree(doc: PdfDoc, tree: unknown): void {
  internal(doc)._root.data.StructTreeRoot.data.IDTree = tree;
}

/**
 * PDFKit writes an annotation's OBJR when its element is written out, at the end, and names the page
 * current then (the last) as the annotation's page. The annotation just added to `element` keeps the
 * page it is on; returns the kid that stands for it, to be placed in the reading order.
 */
function pinAnnotationPage(doc: PdfDoc, element: PdfStruct): unknown {
  const kids = structInternal(element)._children;
  const reference = kids[kids.length - 1] as { annotationRef?: unknown; page?: unknown };
  reference.page = internal(doc).page.dictionary;
  return reference;
}

/** Makes the element write its annotations' OBJRs with the page pinAnnotationPage kept; once an element. */
function writeAnnotationsWithTheirPage(element: PdfStruct): void {
  const it = structInternal(element);
  const flushChild = it._flushChild.bind(element);
  it._flushChild = (child) => {
    const { annotationRef, page } = child as { annotationRef?: unknown; page?: unknown };
    if (annotationRef && page) it.dictionary.data.K.push({ Type: 'OBJR', Obj: annotationRef, Pg: page });
    else flushChild(child);
  };
}

/**
 * An element's kids, in the order they will be written, and the means to reorder them: PDFKit adds
 * kids only at the end, and a poster's tiles bring an element's content out of reading order.
 */
function elementKids(element: PdfStruct): unknown[] {
  return structInternal(element)._children;
}

function setElementKids(element: PdfStruct, kids: unknown[]): void {
  structInternal(element)._children = kids;
}

/** Whether a kid is itself a structure element (as against marked content or an annotation). */
function isElement(kid: unknown): kid is PdfStruct {
  return typeof kid === 'object' && kid !== null && '_children' in kid;
}

export const pdfkitPatches = {
  patchDocument,
  fontOnPage,
  markArtifact,
  initFormWithOwnAppearances,
  addTextField,
  embedFontsWithoutCidSet,
  setElementId,
  elementDictionary,
  setIdTree,
  pinAnnotationPage,
  writeAnnotationsWithTheirPage,
  elementKids,
  setElementKids,
  isElement,
};
