import type { Root } from 'mdast';
import type { TextSegment } from '../compose/place-nodes.js';
import type { FontBook } from '../fonts/font-book.js';
import type { LayoutItem, LayoutPage } from './layout.js';

/** A character a document draws that no font of its chains has (it would print as an empty box). */
export interface MissingGlyph {
  char: string;
  /**
   * The first place in each file the document's tree has it. With `search`, the place is where the
   * text holding it starts (a string of topic.yaml, a card's front matter) and the character is to be
   * found from there in the file as written; with no line, anywhere in the file.
   */
  places: GlyphPlace[];
  /** It is also drawn from text that says nothing of where it was written (what a template's helper wrote, the running header). */
  unplaced: boolean;
}

export interface GlyphPlace {
  file: string;
  line?: number;
  column?: number;
  search?: boolean;
}

type Node = {
  type: string;
  value?: unknown;
  children?: Node[];
  position?: Root['position'];
  data?: { sourceFile?: string; sourceText?: TextSegment[] };
};

/**
 * The characters the laid-out pages draw that no font has, each with the places in the topic's
 * files (and templates) where the document's tree has it. The parse stage marks each block of a topic
 * file with that file (`data.sourceFile`), and compose keeps the mark wherever it puts the block; the
 * text compose writes says where each stretch of it was written (`data.sourceText`).
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
  const add = (glyph: MissingGlyph, place: GlyphPlace) => {
    const known = glyph.places.findIndex((p) => p.file === place.file);
    if (known < 0) glyph.places.push(place);
    else if (earlier(place, glyph.places[known])) glyph.places[known] = place;
  };
  const visit = (node: Node, file: string | undefined, line: number | undefined) => {
    const own = node.data?.sourceFile ?? file;
    const at = node.position?.start.line ?? line;
    if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code')) {
      let index = 0;
      for (const char of node.value) {
        const glyph = found.get(char);
        const segment = glyph && node.data?.sourceText?.find((s) => s.text.includes(char));
        if (glyph && segment) add(glyph, inSegment(segment, char));
        else if (glyph) {
          if (own === undefined || at === undefined) glyph.unplaced = true;
          else add(glyph, { file: own, ...placeIn(node, index, at) });
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

function earlier(a: GlyphPlace, b: GlyphPlace): boolean {
  return (a.line ?? Infinity) - (b.line ?? Infinity) < 0 || (a.line === b.line && (a.column ?? Infinity) < (b.column ?? Infinity));
}

/** The place of a character in a stretch of composed text: exact in a template's own text, else where the value starts. */
function inSegment(segment: TextSegment, char: string): GlyphPlace {
  const { file, line, column } = segment;
  if (segment.search || line === undefined) return { file, line, column, search: true };
  const before = segment.text.slice(0, segment.text.indexOf(char));
  const breaks = before.split('\n').length - 1;
  return { file, line: line + breaks, column: breaks ? before.length - before.lastIndexOf('\n') : (column ?? 1) + before.length };
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
