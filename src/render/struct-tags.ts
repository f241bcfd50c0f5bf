import type { StructNode } from '../layout/layout.js';
import { pdfkitPatches, type PdfContent, type PdfDoc, type PdfStruct } from './pdfkit-patches.js';

/** PDFKit structure elements for the layout's tree, attached to their parent when first used, so reading order follows drawing order. */
export class StructTags {
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

  constructor(
    private readonly doc: PdfDoc,
    root: StructNode,
  ) {
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
        pdfkitPatches.setElementId(element, node.elementId);
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

  /** The annotation just added to `element` (a link, a field) is on this page, and stands at `order` in the reading order. */
  annotatedOnThisPage(element: PdfStruct, order?: number): void {
    const reference = pdfkitPatches.pinAnnotationPage(this.doc, element);
    if (order !== undefined) this.order.set(reference, order);
    if (this.pinned.has(element)) return;
    this.pinned.add(element);
    pdfkitPatches.writeAnnotationsWithTheirPage(element);
  }

  /** Elements never drawn (an empty table cell) still belong in the tree, after their drawn siblings. */
  finish(): void {
    for (const [id] of this.nodes) this.element(id);
    if (this.order.size) this.readingOrder(this.rootElement);
    if (this.ids.size) {
      // A structure tree whose elements have IDs maps them in its IDTree (ISO 32000-1, table 322), a
      // name tree sorted in byte order.
      const names = [...this.ids.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const tree = this.doc.ref({ Names: names.flatMap((id) => [new String(id), pdfkitPatches.elementDictionary(this.ids.get(id)!)]) });
      tree.end(undefined);
      pdfkitPatches.setIdTree(this.doc, tree);
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
    const keyed = pdfkitPatches.elementKids(element).map((child, index) => {
      return { child, index, key: pdfkitPatches.isElement(child) ? this.readingOrder(child) : (this.order.get(child) ?? Infinity) };
    });
    keyed.sort((a, b) => a.key - b.key || a.index - b.index);
    pdfkitPatches.setElementKids(
      element,
      keyed.map((k) => k.child),
    );
    return Math.min(Infinity, ...keyed.map((k) => k.key));
  }
}
