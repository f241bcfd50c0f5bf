import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  str: string;
  x: number;
  /** Baseline, from the page's top edge. */
  y: number;
  width: number;
  height: number;
}

export interface PdfStructNode {
  role: string;
  children: PdfStructNode[];
  /** Text of the marked content directly below this node (filled from the page's text). */
  text: string;
  /** Own text and child elements in the order of the tree, for reading order. */
  parts: (string | PdfStructNode)[];
  /** Alt or ActualText of the element: what assistive technology reads instead of its content. */
  alt?: string;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
  text: string;
  struct: PdfStructNode | null;
  /** Text of marked content that belongs to no structure element. */
  untaggedText: string;
  annotations: {
    subtype: string;
    fieldType?: string;
    alternativeText?: string;
    url?: string;
    /** The 1-based page an internal link leads to, resolved through the document's destinations as a viewer does. */
    targetPage?: number;
    rect: number[];
  }[];
}

export interface PdfReadBack {
  pages: PdfPage[];
  text: string;
  info: Record<string, unknown>;
  metadata: string;
  outline: { title: string; items: unknown[] }[];
  lang?: string;
}

/** A named destination is looked up in the name tree (a binary search in pdf.js, so its order matters). */
async function destinationPage(doc: PDFDocumentProxy, dest: string | unknown[]): Promise<number | undefined> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  if (!explicit) return undefined;
  return (await doc.getPageIndex(explicit[0] as { num: number; gen: number })) + 1;
}

/** Reads a PDF the way a test wants to see it: text with positions, tag tree with text, outline, metadata. */
export async function readPdf(bytes: Uint8Array): Promise<PdfReadBack> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ includeMarkedContent: true });
    const items: PdfTextItem[] = [];
    const textByMcid = new Map<string, string>();
    const stack: { id: string | null; tag?: string }[] = [];
    let untaggedText = '';
    for (const item of content.items as Array<Record<string, unknown>>) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        stack.push({ id: (item.id as string) ?? null, tag: item.tag as string | undefined });
        continue;
      }
      if (item.type === 'endMarkedContent') {
        stack.pop();
        continue;
      }
      if (typeof item.str !== 'string') continue;
      // pdf.js drops a line's trailing space and marks the line end instead.
      const str = item.str + (item.hasEOL ? ' ' : '');
      const transform = item.transform as number[];
      items.push({ str: item.str, x: transform[4], y: viewport.height - transform[5], width: item.width as number, height: item.height as number });
      const owner = [...stack].reverse().find((s) => s.id);
      if (owner?.id) textByMcid.set(owner.id, (textByMcid.get(owner.id) ?? '') + str);
      else if (!stack.some((s) => s.tag === 'Artifact')) untaggedText += str;
    }
    const tree = (await page.getStructTree()) as RawStruct | null;
    const annotations = (await page.getAnnotations()) as Array<Record<string, unknown>>;
    pages.push({
      width: viewport.width,
      height: viewport.height,
      items,
      text: joinItems(items),
      struct: tree ? toStruct(tree, textByMcid) : null,
      untaggedText,
      annotations: await Promise.all(
        annotations.map(async (a) => ({
          subtype: a.subtype as string,
          fieldType: a.fieldType as string | undefined,
          alternativeText: a.alternativeText as string | undefined,
          url: a.url as string | undefined,
          targetPage: a.dest ? await destinationPage(doc, a.dest as string | unknown[]) : undefined,
          rect: a.rect as number[],
        })),
      ),
    });
  }
  const meta = await doc.getMetadata();
  const outline = ((await doc.getOutline()) ?? []) as PdfReadBack['outline'];
  const result: PdfReadBack = {
    pages,
    text: pages.map((p) => p.text).join('\n'),
    info: meta.info as Record<string, unknown>,
    metadata: (meta.metadata as unknown as { getRaw(): string } | null)?.getRaw() ?? '',
    outline,
    lang: (meta.info as Record<string, string>).Language,
  };
  await doc.destroy();
  return result;
}

/** Page text: items that touch on the same baseline join directly, anything else with a space. */
function joinItems(items: PdfTextItem[]): string {
  let text = '';
  let previous: PdfTextItem | undefined;
  for (const item of items) {
    if (!item.str) continue;
    const touching = previous && Math.abs(previous.y - item.y) < 0.5 && Math.abs(previous.x + previous.width - item.x) < 0.5;
    text += (previous && !touching ? ' ' : '') + item.str;
    previous = item;
  }
  return text;
}

interface RawStruct {
  role?: string;
  alt?: string;
  type?: string;
  id?: string;
  children?: RawStruct[];
}

function toStruct(raw: RawStruct, textByMcid: Map<string, string>): PdfStructNode {
  const children: PdfStructNode[] = [];
  const parts: (string | PdfStructNode)[] = [];
  let text = '';
  for (const child of raw.children ?? []) {
    if (child.type === 'content' && child.id) {
      const own = textByMcid.get(child.id) ?? '';
      text += own;
      parts.push(own);
    } else if (child.role) {
      const node = toStruct(child, textByMcid);
      children.push(node);
      parts.push(node);
    }
  }
  return { role: raw.role ?? 'Root', children, text, parts, alt: raw.alt };
}

/** Every node of a tag tree, depth first. */
export function structNodes(node: PdfStructNode | null): PdfStructNode[] {
  if (!node) return [];
  return [node, ...node.children.flatMap(structNodes)];
}

/** All text below a node, in reading order, as assistive technology reads it (ActualText replaces content). */
export function structText(node: PdfStructNode): string {
  if (node.alt !== undefined && node.role === 'Span') {
    // pdf.js attributes the space before a span to the span's own text; keep it around the ActualText.
    const own = node.parts.map((p) => (typeof p === 'string' ? p : structText(p))).join('');
    return `${/^\s*/.exec(own)![0]}${node.alt}${/\s*$/.exec(own)![0]}`;
  }
  return node.parts.map((p) => (typeof p === 'string' ? p : structText(p))).join('');
}
