import type { Parent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';

/**
 * No template or topic uses a text directive, so every `:name` the directive syntax found inside a
 * line was prose ("kl.10:30", "Note:Husk") and is put back as text. Leaf and container directives
 * (whole lines starting with `::`) are kept, and handed to `onBlockDirective` on the same walk.
 * A plain loop rather than unist-util-visit: this runs over every composed document, and visit's
 * generality cost more than the rest of the walk.
 */
export function restoreTextDirectives(tree: Root, onBlockDirective?: (node: LeafDirective | ContainerDirective, parent: Parent) => void): void {
  walk(tree, onBlockDirective);
}

function walk(parent: Parent, onBlockDirective?: (node: LeafDirective | ContainerDirective, parent: Parent) => void): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type === 'textDirective') {
      const text: Text = { type: 'text', value: `:${(node as TextDirective).name}` };
      // The label's own nodes follow the name and are walked next.
      children.splice(i, 1, text, ...((node as TextDirective).children as RootContent[]));
      continue;
    }
    if (onBlockDirective && (node.type === 'leafDirective' || node.type === 'containerDirective')) onBlockDirective(node as LeafDirective | ContainerDirective, parent);
    if ('children' in node) walk(node as Parent, onBlockDirective);
  }
}
