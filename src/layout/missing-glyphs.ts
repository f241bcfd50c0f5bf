import type { Root } from 'mdast';
import type { FontBook } from '../fonts/font-book.js';
import type { LayoutItem, LayoutPage } from './layout.js';

/** A character a document draws that no font of its chains has (it would print as an empty box). */
export interface MissingGlyph {
  char: string;
  /** Where a topic's markdown file has it, the first place in each file: mdast positions are places in that file. */
  places: { file: string; line: number; column?: number }[];
  /**
   * It is also drawn from text with no file of its own: a string of topic.yaml, a card's front
   * matter or a template's text, which compose turned into markdown and parsed again, so its
   * positions are places in that markdown, not in any file an editor has.
   */
  unplaced: boolean;
}

type Node = { type: string; value?: unknown; children?: Node[]; position?: Root['position']; data?: { sourceFile?: string } };

/**
 * The characters the laid-out pages draw that no font has, each with the places in the topic's
 * markdown files where the document's tree has it. The parse stage marks each block of a topic file
 * with that file (`data.sourceFile`), and compose keeps the mark wherever it puts the block.
 */
export function missingGlyphs(tree: Root, pages: readonly LayoutPage[], fonts: FontBook): MissingGlyph[] {
  // The font book is shared by every document of the process, so this document's own text decides.
  const drawn = new Set<string>();
  const collect = (items: readonly LayoutItem[]) => {
    for (const item of items) {
      if (item.type === 'group') collect(item.items);
      else if (item.type === 'text') for (const char of item.text) if (fonts.missing.has(char)) drawn.add(char);
    }
  };
  pages.forEach((p) => collect(p.items));
  if (!drawn.size) return [];

  const found = new Map<string, MissingGlyph>([...drawn].map((char) => [char, { char, places: [], unplaced: false }]));
  const visit = (node: Node, file: string | undefined, line: number | undefined) => {
    const own = node.data?.sourceFile ?? file;
    const at = node.position?.start.line ?? line;
    if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code')) {
      let index = 0;
      for (const char of node.value) {
        const glyph = found.get(char);
        if (glyph) {
          if (own === undefined || at === undefined) glyph.unplaced = true;
          else if (!glyph.places.some((p) => p.file === own)) glyph.places.push({ file: own, ...placeIn(node, index, at) });
        }
        index += char.length;
      }
    }
    for (const child of node.children ?? []) visit(child, own, at);
  };
  visit(tree as Node, undefined, undefined);
  // Drawn but in no text of the tree (the running header's title): from topic.yaml.
  for (const glyph of found.values()) if (!glyph.places.length) glyph.unplaced = true;
  return [...found.values()];
}

/**
 * The line (and, where the text is exactly as written, the column) of the character at `index` of
 * a node's value. Escapes, entities and a list's indentation make the value differ from the source,
 * and then only the line is certain: a value has a line break wherever the source has one.
 */
function placeIn(node: Node, index: number, line: number): { line: number; column?: number } {
  const before = (node.value as string).slice(0, index);
  const breaks = before.split('\n').length - 1;
  // A fenced block's text starts on the line after its fence.
  const first = node.type === 'code' ? line + 1 : line;
  const start = node.position?.start;
  const exact = node.type === 'text' && start?.offset !== undefined && node.position!.end.offset! - start.offset === (node.value as string).length;
  if (!exact) return { line: first + breaks };
  return { line: first + breaks, column: breaks ? index - before.lastIndexOf('\n') : start.column + index };
}
