import type { Element, ElementContent } from 'hast';
import type { SvgDrawing, SvgNode } from '../model/sanitize-svg.js';
import { imageDataUrl } from './image-data-url.js';

/**
 * A drawing the model stage checked, as inline SVG for a web page: the same elements and attributes
 * print draws from (scripts, event attributes and outside references were never kept), a picture it
 * names as `dialogpack:N` given as a data URL, and the whole named `alt` for assistive technology;
 * with no `alt`, a picture the text beside it describes, hidden from it.
 */
export function svgToHast(drawing: SvgDrawing, alt: string): Element {
  const root = convert(drawing.root, drawing);
  root.properties = { ...root.properties, ...(alt ? { role: 'img', ariaLabel: alt } : { ariaHidden: 'true' }), focusable: 'false' };
  return root;
}

function convert(node: SvgNode, drawing: SvgDrawing): Element {
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attributes)) {
    const picture = (name === 'href' || name === 'xlink:href') && /^dialogpack:(\d+)$/.exec(value);
    if (picture) {
      const found = drawing.pictures[Number(picture[1])];
      if (found) properties.href = imageDataUrl(found.format, found.bytes);
      continue;
    }
    properties[name] = value;
  }
  const children: ElementContent[] = node.children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : convert(child, drawing)));
  return { type: 'element', tagName: node.name, properties, children };
}
