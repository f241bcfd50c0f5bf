import type { Root } from 'mdast';
import type { SourceRange, TextSource } from './source-marks.js';

/** A stretch of a text node's markdown and where it was written: the place of its first character. */
export interface TextSegment {
  /** The markdown as composed (with its escapes): the characters to look for. */
  text: string;
  file: string;
  line?: number;
  column?: number;
  /**
   * The place is where the value starts (a string of topic.yaml, a card's front matter), not where
   * the segment does: the text is to be found from there in the file as written.
   */
  search?: boolean;
}

declare module 'mdast' {
  interface Data {
    /** The number of the step whose text the node is (compose knows which step it renders). */
    sourceStep?: number;
    /** The node is a template's own text: its place is in the template, not in the topic. */
    fromTemplate?: boolean;
    /** A text node's stretches and where each was written: a line of text can be a template's and a topic's. */
    sourceText?: TextSegment[];
  }
}

type Node = { type: string; children?: Node[]; position?: Root['position']; data?: Root['data'] };

/**
 * Gives the nodes of a composed document's tree, read from `markdown`, the places their text was
 * written (`data.sourceFile` and `position`, in that file), where `ranges` say: a template's text
 * exactly, a topic's value at its start. A node the ranges do not cover (a label, what a helper
 * wrote) loses its position, so it is placed as the node around it is. `offsetOf` turns the tree's
 * offsets into the markdown's, when a different text was parsed.
 */
export function placeNodes(tree: Root, markdown: string, ranges: readonly SourceRange[], offsetOf: (offset: number) => number = (o) => o): void {
  const starts = ranges.map((r) => r.start);
  // The ranges do not overlap (marks never nest), so they are in order of their ends too.
  const lastStartingBy = (offset: number): number => {
    let low = 0;
    let high = ranges.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (starts[mid] <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };
  const rangeAt = (offset: number): SourceRange | undefined => {
    const found = ranges[lastStartingBy(offset)];
    return found && offset < found.end ? found : undefined;
  };
  const placeAt = (range: SourceRange, offset: number): { line?: number; column?: number } => {
    const { source } = range;
    if (!source.template || source.line === undefined) return { line: source.line, column: source.column };
    const before = markdown.slice(range.start, offset);
    const breaks = before.split('\n').length - 1;
    return { line: source.line + breaks, column: breaks ? before.length - before.lastIndexOf('\n') : source.column! + before.length };
  };
  const visit = (node: Node) => {
    const start = node.position?.start.offset;
    if (start !== undefined) {
      const from = offsetOf(start);
      const to = offsetOf(node.position!.end.offset ?? start);
      const range = rangeAt(from);
      const source: TextSource | undefined = range?.source;
      if (range && source) {
        const data = (node.data ??= {});
        data.sourceFile = source.file;
        if (source.step !== undefined) data.sourceStep = source.step;
        if (source.template) data.fromTemplate = true;
        const at = placeAt(range, from);
        if (at.line === undefined) delete node.position;
        else node.position = { start: { line: at.line, column: at.column ?? 1 }, end: { line: at.line, column: at.column ?? 1 } };
      } else delete node.position;
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
        const segments: TextSegment[] = [];
        for (let i = Math.max(0, lastStartingBy(from)); i < ranges.length && ranges[i].start < to; i++) {
          const r = ranges[i];
          const begin = Math.max(r.start, from);
          const end = Math.min(r.end, to);
          if (end <= begin) continue;
          const at = placeAt(r, begin);
          segments.push({ text: markdown.slice(begin, end), file: r.source.file, ...at, ...(r.source.template ? {} : { search: true }) });
        }
        if (segments.length) (node.data ??= {}).sourceText = segments;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as Node);
}
