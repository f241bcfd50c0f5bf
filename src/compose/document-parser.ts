import type { Heading, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit, SKIP } from 'unist-util-visit';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** Text directives that templates use; any other `:name` in content was prose ("kl.10:30") and is put back. */
const knownTextDirectives = new Set<string>();

/**
 * Composed markdown → one mdast tree. Inserted content is wrapped in `:::content{depth=N}` by the
 * templates: its headings are moved below level N so a section's `##` never competes with the pack's.
 */
export function parseDocumentMarkdown(markdown: string): Root {
  const tree = processor.parse(markdown);
  visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
    if (knownTextDirectives.has(node.name) || !parent || index === undefined) return;
    const text: Text = { type: 'text', value: `:${node.name}` };
    parent.children.splice(index, 1, text, ...(node.children as never[]));
    return [SKIP, index + 1];
  });
  unwrapContent(tree);
  return tree;
}

function unwrapContent(parent: { children: RootContent[] }): void {
  for (let i = 0; i < parent.children.length; i++) {
    const node = parent.children[i];
    if (node.type === 'containerDirective' && (node as ContainerDirective).name === 'content') {
      const container = node as ContainerDirective;
      // The depth comes from a template, but content can hold a :::content too; anything odd means 1.
      const asked = Number(container.attributes?.depth ?? 1);
      const depth = Number.isInteger(asked) && asked >= 1 && asked <= 5 ? asked : 1;
      shiftHeadings(container, depth);
      parent.children.splice(i, 1, ...(container.children as RootContent[]));
      i--;
    } else if ('children' in node && Array.isArray(node.children)) {
      unwrapContent(node as { children: RootContent[] });
    }
  }
}

function shiftHeadings(container: ContainerDirective, depth: number): void {
  let shallowest = 7;
  visit(container, 'heading', (h: Heading) => {
    shallowest = Math.min(shallowest, h.depth);
  });
  if (shallowest === 7) return;
  const shift = depth + 1 - shallowest;
  visit(container, 'heading', (h: Heading) => {
    h.depth = Math.min(6, Math.max(1, h.depth + shift)) as Heading['depth'];
  });
}
