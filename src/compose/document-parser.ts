import type { Heading, Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { markdownProcessor } from '../parse/markdown-processor.js';
import { restoreTextDirectives } from '../parse/restore-text-directives.js';
import { directiveNodes } from './directive-nodes.js';
import { labels } from './labels.js';
import { placeNodes } from './place-nodes.js';
import type { PassageStretch, SourceRange } from './source-marks.js';

const parse = markdownProcessor();

/** Stands in for a passage (or a node a helper placed) while the template's own markdown is parsed. */
const SLOT = 'dialogpack-passage';

/**
 * Composed markdown → the document's tree: mdast, with the directives templates write made into the
 * document's own nodes (see document-node.ts). Inserted content is wrapped in `:::content{depth=N}` by
 * the templates: its headings are moved below level N so a section's `##` never competes with the pack's.
 *
 * Most of a document's text comes from the topic's files, which the parse stage has already turned
 * into trees, and parsing markdown is most of what composing costs. `passages` say where the template
 * printed a passage (compose marked each as it was printed, see source-marks.ts): where one stands as a
 * block of its own (blank line or `:::` fence before and after), its text is replaced by a one-line
 * placeholder before parsing and a `passage` node with the passage's tree is put in its place. A passage
 * printed any other way (inline, through a helper, in a list item) is parsed where it stands, as is
 * everything if a placeholder did not come out as a block where a passage would (say, in a template's
 * code block).
 *
 * `ranges` say where stretches of the markdown were written (see source-marks.ts): the nodes parsed
 * here are given those places; a passage's own tree has its places already.
 */
export function parseDocumentMarkdown(
  markdown: string,
  passages: readonly PassageStretch[] = [],
  ranges: readonly SourceRange[] = [],
  lang: 'da' | 'en' = 'da',
): Root {
  const words = labels[lang];
  const slotted = slotPassages(markdown, passages);
  if (slotted) {
    const tree = parse(slotted.text);
    const found: Placeholder[] = [];
    const bySlotOffset = new Map(slotted.slots.map((s) => [s.offset, s]));
    restoreTextDirectives(tree, (node, parent) => {
      const slot = node.name === SLOT ? bySlotOffset.get(node.position?.start.offset ?? -1) : undefined;
      if (slot && (parent.type === 'root' || parent.type === 'containerDirective')) found.push({ node, parent, slot });
    });
    if (found.length === slotted.slots.length) {
      if (ranges.length) placeNodes(tree, markdown, ranges, (offset) => inMarkdown(offset, slotted.slots));
      return directiveNodes(unwrapContent(placePassages(tree, found)), words);
    }
  }
  const tree = parse(markdown);
  restoreTextDirectives(tree);
  if (ranges.length) placeNodes(tree, markdown, ranges);
  return directiveNodes(unwrapContent(tree), words);
}

interface Slot {
  /** Where the placeholder is in the text parsed. */
  offset: number;
  /** How much longer the passage is in the markdown than its placeholder. */
  shift: number;
  /** The node put where the placeholder is. */
  make(): RootContent;
}

/** An offset of the text with placeholders as an offset of the markdown. */
function inMarkdown(offset: number, slots: readonly Slot[]): number {
  let shift = 0;
  for (const slot of slots) {
    if (slot.offset >= offset) break;
    shift += slot.shift;
  }
  return offset + shift;
}

/** The markdown with each printed passage that stands as a block replaced by a placeholder, or undefined if none does. */
function slotPassages(markdown: string, passages: readonly PassageStretch[]): { text: string; slots: Slot[] } | undefined {
  const found: { start: number; end: number; make: Slot['make'] }[] = [];
  for (const { start, end: printedEnd, passage, node } of passages) {
    const tree = passage?.tree;
    if (passage && !tree) continue;
    // Documents move headings and children about, and one passage can be printed by several documents.
    const make = (): RootContent =>
      tree ? { type: 'passage', ...(passage!.file === undefined ? {} : { file: passage!.file }), children: structuredClone(tree.children) as RootContent[] } : node!;
    // The passage's own last line break is the template's line's end.
    const end = start + markdown.slice(start, printedEnd).replace(/[\r\n]+$/, '').length;
    if (!markdown.slice(start, end).trim()) continue;
    if (standsAsBlock(markdown, start, end) && !found.some((f) => start < f.end && end > f.start)) {
      found.push({ start, end, make });
    }
  }
  if (!found.length) return undefined;
  let text = '';
  let last = 0;
  const slots: Slot[] = [];
  for (const { start, end, make } of found) {
    text += markdown.slice(last, start);
    slots.push({ offset: text.length, shift: end - start - `::${SLOT}`.length, make });
    text += `::${SLOT}`;
    last = end;
  }
  return { text: text + markdown.slice(last), slots };
}

/** True when [start, end) fills whole lines, with a blank line, a `:::` fence or the document's edge on either side. */
function standsAsBlock(markdown: string, start: number, end: number): boolean {
  if (start > 0 && markdown[start - 1] !== '\n') return false;
  if (end < markdown.length && markdown[end] !== '\n') return false;
  const before = start === 0 ? undefined : markdown.slice(markdown.lastIndexOf('\n', start - 2) + 1, start - 1);
  const nextEnd = markdown.indexOf('\n', end + 1);
  const after = end >= markdown.length - 1 ? undefined : markdown.slice(end + 1, nextEnd < 0 ? markdown.length : nextEnd);
  const edge = (line: string | undefined) => line === undefined || line.trim() === '' || /^:{3,}/.test(line);
  return edge(before) && edge(after);
}

interface Placeholder {
  node: LeafDirective | ContainerDirective;
  parent: Parent;
  slot: Slot;
}

/** Puts a passage node with each passage's tree (or the node a helper placed) where its placeholder was parsed as a block of the document or of a container. */
function placePassages(tree: Root, found: Placeholder[]): Root {
  for (const { parent, node, slot } of found) parent.children.splice(parent.children.indexOf(node as never), 1, slot.make() as never);
  return tree;
}

function unwrapContent<T extends { children: RootContent[] }>(parent: T): T {
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
  return parent;
}

function shiftHeadings(container: ContainerDirective, depth: number): void {
  const headings: Heading[] = [];
  collectHeadings(container, headings);
  if (!headings.length) return;
  const shift = depth + 1 - Math.min(...headings.map((h) => h.depth));
  for (const h of headings) h.depth = Math.min(6, Math.max(1, h.depth + shift)) as Heading['depth'];
}

function collectHeadings(parent: Parent, into: Heading[]): void {
  for (const node of parent.children) {
    if (node.type === 'heading') into.push(node);
    else if ('children' in node) collectHeadings(node, into);
  }
}
