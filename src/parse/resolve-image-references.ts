import type { Definition, Image, Parent, Root, RootContent } from 'mdast';

/**
 * `![Forsiden][forside]` with `[forside]: billeder/forside.png` elsewhere in the file is the picture
 * `![Forsiden](billeder/forside.png)`: it becomes an image node at the reference's place, so the model
 * checks it and layout prints it like any other. Left as a reference it printed nothing at all.
 * As in CommonMark, the first definition of a label wins and labels ignore case.
 */
export function resolveImageReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  if (definitions.size) replaceReferences(tree, definitions);
}

function collectDefinitions(parent: Parent, into: Map<string, Definition>): void {
  for (const node of parent.children) {
    if (node.type === 'definition') {
      if (!into.has(node.identifier)) into.set(node.identifier, node);
    } else if ('children' in node) collectDefinitions(node, into);
  }
}

function replaceReferences(parent: Parent, definitions: Map<string, Definition>): void {
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (!definition) continue;
      const image: Image = { type: 'image', url: definition.url, title: definition.title, alt: node.alt, position: node.position };
      children[i] = image;
    } else if ('children' in node) replaceReferences(node, definitions);
  }
}
