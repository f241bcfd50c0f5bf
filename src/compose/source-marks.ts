import type { Passage, SourcePlace } from '../model/topic.js';
import type { DocumentNode } from './document-node.js';

/**
 * Where a piece of composed markdown was written: a template's own text (`template`, exact: the
 * markdown is the template's text there), or a value of the topic, placed at the start of what the
 * editor wrote (a string of topic.yaml, a topic file) and, for what a step prints, that step's number.
 */
export interface TextSource extends SourcePlace {
  template?: boolean;
  step?: number;
}

/** A stretch [start, end) of the composed markdown and where it was written. */
export interface SourceRange {
  start: number;
  end: number;
  source: TextSource;
}

/** What a template printed by reference: a passage of the topic, or a node of the document a helper made (see `placedNode`). */
export type Printed = { passage: Passage; node?: undefined } | { node: DocumentNode; passage?: undefined };

/** A stretch [start, end) of the composed markdown that a template printed a passage or a node into, and which. */
export type PassageStretch = { start: number; end: number } & Printed;

// Unicode noncharacters: never meant to be interchanged, and compose renders without marks when an input has one.
const VALUE = '\uFDD0';
const CONTENT = '\uFDD3';
const OPENED = '\uFDD1';
const CLOSE = '\uFDD2';
const PASSAGE = '\uFDD4';
const anyMark = /[\uFDD0-\uFDD4]/;

const placeOf = Symbol('source');
const passageOf = Symbol('passage');
const nodeOf = Symbol('node');
type Placed = (String | Number) & { [placeOf]?: TextSource; [passageOf]?: Passage; [nodeOf]?: DocumentNode };

/** The render under way: the sources of the values it marked (when it marks them) and the passages it printed. */
let rendering: { sources?: TextSource[]; printed: Printed[] } | undefined;

/**
 * A value the view hands to templates that remembers where it was written: a String or Number that
 * prints, compares in `{{#if}}` and measures `.length` as the value does. Empty and missing values
 * stay as they are, so `{{#if}}` sees them as before.
 */
export function placedValue<T extends string | number | undefined>(value: T, source: TextSource | undefined): T {
  if (value === undefined || value === '' || value === 0 || !source) return value;
  const boxed = (typeof value === 'string' ? new String(value) : new Number(value)) as Placed;
  Object.defineProperty(boxed, placeOf, { value: source });
  return boxed as unknown as T;
}

/**
 * A passage of the topic as the view hands it to templates: its markdown, which prints as the passage's
 * text, remembering the passage itself, so that where a template prints it raw (`{{{x}}}`, `{{passage x}}`)
 * compose can put the passage's parsed tree, by reference. An empty passage stays ''.
 */
export function placedPassage(passage: Passage | undefined, source: TextSource | undefined): string | undefined {
  if (!passage?.markdown) return passage?.markdown;
  const boxed = new String(passage.markdown) as Placed;
  if (source) Object.defineProperty(boxed, placeOf, { value: source });
  Object.defineProperty(boxed, passageOf, { value: passage });
  return boxed as unknown as string;
}

/**
 * A node of the document a helper places (a step's timetable) as the view hands it to templates: the
 * markdown `text` that says the same, which prints where the node cannot stand (inside a paragraph),
 * remembering the node, which compose puts where the text stands as a block of its own.
 */
export function placedNode(text: string, node: DocumentNode): string {
  const boxed = new String(text) as Placed;
  Object.defineProperty(boxed, nodeOf, { value: node });
  return boxed as unknown as string;
}

/** True for what `placedNode` made: markdown by construction, which a template prints as it is even in `{{x}}`. */
export function isPlacedNode(value: unknown): boolean {
  return value instanceof String && !!(value as Placed)[nodeOf];
}

/** `text`, what a template prints for `value`, in marks naming the value's source while a render marks. */
export function markInsertion(value: unknown, text: string): string {
  const source = rendering?.sources && text && (value as Placed | null)?.[placeOf];
  if (!source || !rendering?.sources) return text;
  rendering.sources.push(source);
  return `${VALUE}${rendering.sources.length - 1}${OPENED}${text}${CLOSE}`;
}

/** `text`, what a template prints raw for `value`, in marks naming the passage or node it is while a render marks: see `placedPassage`, `placedNode`. */
export function markPassage(value: unknown, text: string): string {
  const passage = (value as Placed | null)?.[passageOf];
  const node = (value as Placed | null)?.[nodeOf];
  const marked = markInsertion(value, text);
  if (!rendering || !text || !(passage || node)) return marked;
  rendering.printed.push(passage ? { passage } : { node: node! });
  return `${PASSAGE}${rendering.printed.length - 1}${OPENED}${marked}${CLOSE}`;
}

/**
 * A template's literal text, which Handlebars found at `start` (line 1-based, column 0-based) of `template`,
 * in marks naming that place. The mark holds all it names (the template, by templateId, and the line
 * and column), because it becomes part of the compiled template: one compiled when the package was
 * built (precompiled-templates.ts) is rendered in another process, where nothing of its compiling is left.
 */
export function markContent(content: string, template: string, start: { line: number; column: number }): string {
  let offset = 0;
  for (let line = 1; line < start.line && offset >= 0; line++) offset = template.indexOf('\n', offset) + 1;
  // Handlebars strips the white space around a block's tags from its text, after the place it gives.
  const at = template.indexOf(content, offset + start.column);
  if (offset < 0 || at < 0) return content;
  const before = template.slice(0, at).split('\n');
  return `${CONTENT}${templateId(template)}:${before.length}:${before[before.length - 1].length + 1}${OPENED}${content}${CLOSE}`;
}

/**
 * A template text's name in content marks: its FNV-1a hash, in hex. The same in every process and in
 * the browser; two templates of one render with the same hash (one in four billion) would give text
 * of one the other's file.
 */
function templateId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16);
}

/** True when a text holds a character compose marks with: such inputs are rendered without marks. */
export function hasMarkCharacters(text: string): boolean {
  return anyMark.test(text);
}

/**
 * Runs a render that marks values, then takes the marks out: the markdown is exactly what the render
 * writes without them. `templates` names each template text by its path for messages. With `places`
 * false, only the passages printed are marked (where texts were written is not asked for). Anything out
 * of order among the marks (it cannot be, as the inputs have none) drops every range and stretch, never
 * the text.
 */
export function renderWithMarks(
  render: () => string,
  templates: ReadonlyMap<string, string>,
  places = true,
): { markdown: string; ranges: SourceRange[]; passages: PassageStretch[] } {
  const sources: TextSource[] = [];
  const printed: Printed[] = [];
  rendering = { sources: places ? sources : undefined, printed };
  let marked: string;
  try {
    marked = render();
  } finally {
    rendering = undefined;
  }
  const files = new Map([...templates].map(([text, file]) => [templateId(text), file]));
  let markdown = '';
  const ranges: SourceRange[] = [];
  const passages: PassageStretch[] = [];
  const open: { start: number; source?: TextSource; printed?: Printed }[] = [];
  let valid = true;
  const marks = new RegExp(anyMark.source, 'g');
  for (let i = 0; i < marked.length; ) {
    marks.lastIndex = i;
    const next = marks.exec(marked)?.index;
    if (next === undefined) {
      markdown += marked.slice(i);
      break;
    }
    markdown += marked.slice(i, next);
    i = next;
    const mark = marked[i];
    if (mark === CLOSE) {
      const opened = open.pop();
      if (!opened) valid = false;
      else if (opened.source) ranges.push({ start: opened.start, end: markdown.length, source: opened.source });
      else if (opened.printed) passages.push({ start: opened.start, end: markdown.length, ...opened.printed });
      i++;
      continue;
    }
    const end = marked.indexOf(OPENED, i);
    const label = end < 0 ? '' : marked.slice(i + 1, end);
    const id = Number(label);
    const place = mark === CONTENT ? /^([0-9a-f]+):(\d+):(\d+)$/.exec(label) : undefined;
    if (mark === OPENED || end < 0 || (mark === CONTENT ? !place : !Number.isInteger(id))) {
      valid = false;
      i++;
      continue;
    }
    i = end + 1;
    if (mark === VALUE) open.push({ start: markdown.length, source: sources[id] });
    else if (mark === PASSAGE) open.push({ start: markdown.length, printed: printed[id] });
    else {
      const file = files.get(place![1]);
      open.push({ start: markdown.length, source: file === undefined ? undefined : { file, line: Number(place![2]), column: Number(place![3]), template: true } });
    }
  }
  if (open.length) valid = false;
  if (!valid) return { markdown, ranges: [], passages: [] };
  return { markdown, ranges: ranges.sort((a, b) => a.start - b.start || b.end - a.end), passages: passages.sort((a, b) => a.start - b.start) };
}
