/**
 * An SVG drawing the model stage checked → PDF drawing operators, through svg-to-pdfkit.
 * svg-to-pdfkit is kept rather than replaced: it draws paths, arcs, gradients, clip paths, masks,
 * markers and text well, and everything about it that is unsafe is either its input (which the model's
 * sanitizeSvg reduces to what a print figure needs, bounded in size, nesting and references) or a door
 * it opens through a callback or PDFKit, each closed here: it gets a tree, not text, so its own
 * regular-expression XML parser never runs; its warnings are dropped, never printed; text takes the
 * document's embedded fonts; a picture can only be one of the drawing's checked pictures; and what it
 * draws is clipped to the box layout gave the figure. Replacing it would mean writing an SVG renderer.
 */
import SVGtoPDF from 'svg-to-pdfkit';
import type PDFDocument from 'pdfkit';
import type { SvgDrawing, SvgNode } from '../model/sanitize-svg.js';

type PdfDoc = InstanceType<typeof PDFDocument>;

export interface SvgBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The document's font for a face, registered and ready: svg-to-pdfkit calls doc.font() with its name. */
export type FontForFace = (face: 'regular' | 'bold' | 'italic' | 'boldItalic') => string;

export function drawSvg(doc: PdfDoc, drawing: SvgDrawing, box: SvgBox, fontFor: FontForFace): void {
  const internal = doc as unknown as { openImage(src: unknown): unknown };
  const openImage = internal.openImage;
  const opened = new Map<number, unknown>();
  // While the drawing is drawn, PDFKit opens only the drawing's own pictures: never a path or a URL.
  internal.openImage = (src: unknown) => {
    const index = typeof src === 'string' && /^dialogpack:\d+$/.test(src) ? Number(src.slice(11)) : -1;
    const picture = drawing.pictures[index];
    if (!picture) throw new Error('not one of the drawing’s pictures');
    let image = opened.get(index);
    if (!image) opened.set(index, (image = openImage.call(doc, Buffer.from(picture.bytes))));
    return image;
  };
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  try {
    SVGtoPDF(doc, toSvgNodes(drawing.root), box.x, box.y, {
      width: box.width,
      height: box.height,
      assumePt: true,
      preserveAspectRatio: 'xMidYMid meet',
      warningCallback: () => {},
      imageCallback: (link: string) => link,
      fontCallback: (_family: string, bold: boolean, italic: boolean) => fontFor(bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular'),
    });
  } finally {
    doc.restore();
    internal.openImage = openImage;
  }
}

/** The shape of svg-to-pdfkit's own parsed nodes (its parseXml), with a lookup by id that costs no walk. */
interface PdfkitSvgNode {
  nodeName: string;
  nodeType: number;
  nodeValue: string | null;
  attributes: Record<string, string>;
  childNodes: PdfkitSvgNode[];
  parentNode: PdfkitSvgNode | null;
  id: string;
  classList: string[];
  error: boolean;
  readonly textContent: string;
  getAttribute(name: string): string | null;
  getElementById(id: string): PdfkitSvgNode | null;
  getElementsByTagName(tag: string): PdfkitSvgNode[];
}

function toSvgNodes(root: SvgNode): PdfkitSvgNode {
  const byId = new Map<string, PdfkitSvgNode>();
  const text = new Map<PdfkitSvgNode, string>();
  const make = (name: string, type: number, value: string | null, attributes: Record<string, string>, parent: PdfkitSvgNode | null): PdfkitSvgNode => {
    const node: PdfkitSvgNode = {
      // The model has turned links into groups already; should one slip through, it still makes no link annotation.
      nodeName: name === 'a' ? 'g' : name,
      nodeType: type,
      nodeValue: value,
      attributes: Object.assign(Object.create(null), attributes),
      childNodes: [],
      parentNode: parent,
      id: attributes.id ?? '',
      classList: (attributes.class ?? '').split(' '),
      error: false,
      // Asked for only on text elements; built once per node, not at every level as the parser did.
      get textContent() {
        let known = text.get(node);
        if (known === undefined) text.set(node, (known = node.nodeType === 3 ? node.nodeValue ?? '' : node.childNodes.map((c) => c.textContent).join('')));
        return known;
      },
      getAttribute: (key) => node.attributes[key] ?? null,
      getElementById: (id) => byId.get(id) ?? null,
      // The model wrote every <style> into style attributes: there is none left to find.
      getElementsByTagName: () => [],
    };
    return node;
  };
  const top = make(root.name, 1, null, root.attributes, null);
  const work: [SvgNode, PdfkitSvgNode][] = [[root, top]];
  // In document order, so the first element with an id is the one found, as in svg-to-pdfkit's own lookup.
  const order: [SvgNode, PdfkitSvgNode][] = [];
  while (work.length) {
    const [source, node] = work.pop()!;
    order.push([source, node]);
    const children: [SvgNode, PdfkitSvgNode][] = [];
    for (const child of source.children) {
      if (typeof child === 'string') node.childNodes.push(make('#text', 3, child, {}, node));
      else {
        const made = make(child.name, 1, null, child.attributes, node);
        node.childNodes.push(made);
        children.push([child, made]);
      }
    }
    work.push(...children.reverse());
  }
  for (const [, node] of order) if (node.id && !byId.has(node.id)) byId.set(node.id, node);
  return top;
}
