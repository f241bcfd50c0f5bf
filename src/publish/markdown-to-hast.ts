import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Image, Root } from 'mdast';
import remarkRehype, { type Options } from 'remark-rehype';
import { unified } from 'unified';
import type { ImageData } from '../model/read-image.js';
import { imageDataUrl } from './image-data-url.js';
import { svgToHast } from './svg-to-hast.js';

export interface MarkdownToHastOptions {
  lang: 'da' | 'en';
  /** The topic's pictures by path in the topic folder, as image nodes name them (`data.imagePath`). */
  images: ReadonlyMap<string, ImageData>;
  /** The level of the heading the passage sits under: its own headings come below it, the highest one level down. */
  headingLevel: number;
  /** Prefix of the ids the passage makes (footnotes), unique on the page, so two passages never share an id. */
  idPrefix: string;
}

const words = {
  da: { table: 'Tabel', label: 'Fodnoter', back: (n: number) => `Tilbage til henvisning ${n}` },
  en: { table: 'Table', label: 'Footnotes', back: (n: number) => `Back to reference ${n}` },
};

/**
 * One passage's mdast tree, the very tree parse made and compose prints from, as hast for a web page,
 * through remark-rehype. Markdown's raw HTML is dropped (remark-rehype keeps it only when asked to, and
 * it is never asked), a link keeps its target only for the web, mail or a telephone, or within the
 * page, and a picture is the topic's own checked picture inside the page or, missing, its description.
 */
export function markdownToHast(tree: Root, options: MarkdownToHastOptions): ElementContent[] {
  const said = words[options.lang];
  const settings: Options = {
    clobberPrefix: `${options.idPrefix}-`,
    footnoteLabel: said.label,
    footnoteBackLabel: (_index, rereference) => said.back(rereference + 1),
    footnoteLabelTagName: `h${Math.min(6, options.headingLevel + 1)}`,
    handlers: { image: (_state, node: Image) => picture(node, options.images) },
  };
  const hast = unified().use(remarkRehype, settings).runSync(structuredClone(tree)) as HastRoot;
  const shift = headingShift(hast, options.headingLevel);
  return hast.children.flatMap((child) => tidy(child, shift, said.table));
}

/** What a heading's level must grow by for the passage's highest heading to sit just under `level`. */
function headingShift(root: HastRoot, level: number): number {
  let highest = 7;
  const visit = (node: RootContent | HastRoot) => {
    if (node.type === 'element') {
      const match = /^h([1-6])$/.exec(node.tagName);
      if (match) highest = Math.min(highest, Number(match[1]));
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(root);
  return highest === 7 ? 0 : level + 1 - highest;
}

/** The node with its headings moved down by `shift` levels (h6 at most) and every link and picture checked. */
function tidy(node: RootContent, shift: number, tableWord: string): ElementContent[] {
  if (node.type === 'doctype') return [];
  if (node.type !== 'element') return node.type === 'text' ? [node] : [];
  const heading = /^h([1-6])$/.exec(node.tagName);
  if (heading) node.tagName = `h${Math.min(6, Number(heading[1]) + shift)}`;
  if (node.tagName === 'a' && !safeHref(node.properties.href)) {
    // A link to a script or an unknown scheme keeps its words, not its target.
    return node.children.flatMap((child) => tidy(child, shift, tableWord));
  }
  if (node.tagName === 'img' && !String(node.properties.src ?? '').startsWith('data:image/')) {
    return node.properties.alt ? [{ type: 'text', value: String(node.properties.alt) }] : [];
  }
  node.children = node.children.flatMap((child) => tidy(child, shift, tableWord));
  if (node.tagName === 'table') {
    // A wide table scrolls sideways on a phone, not the page; the box it scrolls in takes the keyboard's focus.
    return [{ type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0, role: 'group', ariaLabel: tableWord }, children: [node] }];
  }
  return [node];
}

function safeHref(href: unknown): boolean {
  if (typeof href !== 'string') return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim());
  return !scheme || ['http', 'https', 'mailto', 'tel'].includes(scheme[1].toLowerCase());
}

/** A picture node: the topic's checked picture in the page, its description beside it being its alt text. */
function picture(node: Image, images: ReadonlyMap<string, ImageData>): ElementContent {
  const path = (node.data as { imagePath?: string } | undefined)?.imagePath;
  const image = path === undefined ? undefined : images.get(path);
  const alt = node.alt ?? '';
  if (image?.format === 'svg' && image.svg) return svgToHast(image.svg, alt);
  if (image?.bytes && image.format !== 'svg') {
    const element: Element = { type: 'element', tagName: 'img', properties: { src: imageDataUrl(image.format, image.bytes), alt }, children: [] };
    return element;
  }
  return { type: 'text', value: alt };
}
