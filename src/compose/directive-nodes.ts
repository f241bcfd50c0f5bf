import type { Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { DocumentNode, FormFields } from './document-node.js';
import type { Labels } from './labels.js';
import { unitPlace } from './unit-place.js';

/**
 * The directives of a composed tree (what templates and topic files write as `:::name` and `::name`)
 * made into the document's own node types, everywhere in the tree: the one place their names are read.
 * A name no one knows becomes an `unknownDirective`, which layout prints as written and warns about.
 */
export function directiveNodes(tree: Root, labels: Pick<Labels, 'contents'>): Root {
  convertChildren(tree, labels);
  return tree;
}

function convertChildren(parent: Parent, labels: Pick<Labels, 'contents'>): void {
  parent.children = parent.children.flatMap((node) => {
    if ('children' in node && Array.isArray(node.children)) convertChildren(node as Parent, labels);
    if (node.type === 'containerDirective') return container(node, labels);
    if (node.type === 'leafDirective') return [leaf(node, labels)];
    return [node];
  }) as Parent['children'];
}

/** Where the directive was written, kept on the node made of it. */
function placeOf(node: ContainerDirective | LeafDirective) {
  return { ...(node.position ? { position: node.position } : {}), ...(node.data ? { data: node.data } : {}) };
}

function container(node: ContainerDirective, labels: Pick<Labels, 'contents'>): RootContent[] {
  const children = node.children as RootContent[];
  const at = placeOf(node);
  const made = ((): DocumentNode | undefined => {
    switch (node.name) {
      case 'cover':
        return { type: 'cover', children, ...at };
      case 'lang': {
        const lang = String(node.attributes?.lang ?? '').trim();
        return { type: 'lang', lang: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : undefined, children, ...at };
      }
      case 'form':
        return { type: 'form', fields: formFields(node), children, ...at };
      case 'keep':
        return { type: 'keep', children, ...at };
      case 'sheet':
      case 'card': {
        const heading = children.find((c) => c.type === 'heading');
        return { type: node.name, title: heading ? toString(heading) : node.name, ...unitPlace(children), children, ...at };
      }
      case 'colophon':
        return { type: 'colophon', ifRoom: node.attributes?.['if-room'] !== undefined, children, ...at };
      default:
        return undefined;
    }
  })();
  // `:::content` is what compose takes apart itself (see document-parser.ts): one left over only holds its blocks.
  if (!made && node.name === 'content') return children;
  return [made ?? { type: 'unknownDirective', name: node.name, leaf: false, attributes: { ...node.attributes }, children, ...at }];
}

function leaf(node: LeafDirective, labels: Pick<Labels, 'contents'>): DocumentNode {
  const at = placeOf(node);
  switch (node.name) {
    case 'page-break':
      return { type: 'pageBreak', ...at };
    case 'step-meta': {
      let step: number | undefined;
      for (const child of node.children) step ??= unitPlace([child]).step;
      return { type: 'stepMeta', children: node.children, ...(step === undefined ? {} : { step }), ...at };
    }
    case 'toc':
      return { type: 'contents', title: toString(node) || labels.contents, ...at };
    case 'logo':
      return { type: 'logo', ...at };
    case 'lines':
      return { type: 'writingRoom', ...writingLines(node), ...at };
    default:
      return { type: 'unknownDirective', name: node.name, leaf: true, attributes: { ...node.attributes }, children: node.children as PhrasingContent[], ...at };
  }
}

/**
 * `::lines{questions=N}` gives two lines a question and three at least, so a step that asks five things
 * gets room for five answers; `::lines{count=N}` gives N. With `min=M` the room may shrink to M lines
 * at a page's foot rather than start a page of its own.
 */
function writingLines(node: LeafDirective): { lines: number; minLines: number } {
  const whole = (value: string | null | undefined) => Math.floor(Number(value ?? Number.NaN));
  const questions = whole(node.attributes?.questions);
  const asked = questions >= 1 ? Math.max(3, 2 * questions) : whole(node.attributes?.count) || 3;
  const lines = Math.min(40, Math.max(1, asked));
  return { lines, minLines: Math.min(lines, Math.max(1, whole(node.attributes?.min) || lines)) };
}

/** A form's field hints, by column, from `:::form{field-1="…"}`. */
function formFields(node: ContainerDirective): FormFields {
  const hints = new Map<number, string>();
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    const column = /^field-(\d+)$/.exec(key);
    if (column && value?.trim()) hints.set(Number(column[1]) - 1, value.trim());
  }
  return { hints };
}
