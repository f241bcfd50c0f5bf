import type { Heading, RootContent } from 'mdast';
import type { DocumentLabels } from '../compose/labels.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontBook } from '../fonts/font-book.js';
import type { ImageData } from '../model/read-image.js';
import type { Atom } from './atom.js';
import type { HyphenationExceptions } from './hyphenate-word.js';
import type { StructNode } from './layout.js';
import type { StructBuilder } from './struct-builder.js';
import type { Theme } from './theme.js';

export interface BlockContext {
  fonts: FontBook;
  theme: Theme;
  struct: StructBuilder;
  diagnostics: Diagnostic[];
  /** The document's language. */
  lang: 'da' | 'en';
  /** The words layout itself prints or puts in the tag tree (a tick box's state), in that language. */
  labels: DocumentLabels;
  /** Outline and contents references of headings, assigned before layout in document order. */
  headingRefs: Map<Heading, number>;
  /** The headings listed in the contents, in order. */
  tocHeadings: { ref: number; title: string }[];
  /** Height of the page's content area, for cutting rows taller than a page. */
  pageContentHeight: number;
  /**
   * The page's whole type area, where it is wider than the text column: tables and room to write
   * use it, as their lines are short or handwritten. Absent on cards and sheets.
   */
  area?: Box;
  cover?: boolean;
  /** Inside a colophon: text in small type, as printers set who made a book. */
  colophon?: boolean;
  listDepth?: number;
  /** Break points of a body-text word in the document's language; headings and code never get them. */
  hyphenate?: (word: string, sentenceStart: boolean) => string[];
  /** The editors' own hyphenation exceptions, for a passage in another language. */
  hyphenationExceptions?: HyphenationExceptions;
  /** The topic's pictures, for image nodes the model marked with their file. */
  images?: ReadonlyMap<string, ImageData>;
  /** The share of the page's content height a picture may take; 0.6 unless a card or sheet is being fitted. */
  imageShare?: number;
}

/** The horizontal room a block is set in. */
export interface Box {
  x: number;
  width: number;
}

/**
 * layoutBlocks, handed to the blocks that hold blocks (a list item, a quote, a directive), so they can
 * set what they hold without importing the module that dispatches to them.
 */
export type LayoutChildren = (nodes: readonly RootContent[], parent: StructNode, box: Box, ctx: BlockContext, tight?: boolean) => Atom[];
