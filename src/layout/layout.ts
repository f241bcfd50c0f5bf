/**
 * The layout stage's output: pages of positioned boxes plus the document's structure tree.
 * Coordinates are PDF points from the page's top-left corner; a text item's y is its baseline.
 * Anything without a struct `node` is drawn as an artifact (headers, footers, rules, crop marks).
 */
import type { DocumentMeta, OutputKind } from '../compose/compose-document.js';
import type { ImageData } from '../model/read-image.js';

export type StructRole =
  | 'Document' | 'Sect' | 'Part' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P'
  | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD'
  | 'Link' | 'Figure' | 'Form' | 'BlockQuote' | 'Code' | 'Span' | 'TOC' | 'TOCI' | 'Reference' | 'Note';

export interface StructNode {
  id: number;
  role: StructRole;
  children: StructNode[];
  alt?: string;
  lang?: string;
  /** Table header scope. */
  scope?: 'Column' | 'Row';
  /** Replacement text for the element's content (a hyphenated word, a task's tick box). */
  actualText?: string;
  /** The element identifier (/ID), unique in the document: a Note needs one (PDF/UA-1, 7.9). */
  elementId?: string;
}

/**
 * A running header or footer: a Pagination artifact of that subtype, so assistive technology can
 * tell it from the page's own decoration (every other item without a node is a Layout artifact).
 */
export type RunningArtifact = 'header' | 'footer';

export interface TextItem {
  type: 'text';
  x: number;
  y: number;
  text: string;
  fontId: string;
  size: number;
  color: string;
  node?: number;
  /**
   * Set on the first item of each part of a hyphenated word, which opens a marked-content sequence of
   * its own on its own line: what a text extractor should read for that sequence, the whole word for
   * the first part, nothing for the later parts.
   */
  actualText?: string;
  running?: RunningArtifact;
  /**
   * The item's place in the document's reading order, where that differs from the order items are
   * drawn in: the parts of a poster's line on the tiles it crosses. Render puts tagged content in the
   * tag tree in this order.
   */
  order?: number;
}

export interface RectItem {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  stroke?: string;
  lineWidth?: number;
}

export interface LineItem {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  dash?: number;
  running?: RunningArtifact;
}

export interface LinkItem {
  type: 'link';
  x: number;
  y: number;
  width: number;
  height: number;
  /** An external URL, or a page index inside the document. */
  target: string | { page: number };
  description: string;
  node: number;
  /** See TextItem.order. */
  order?: number;
}

export interface FieldItem {
  type: 'field';
  x: number;
  y: number;
  width: number;
  height: number;
  name: string;
  /** Accessible name (TU): what to write in the field, not only which field it is. */
  label: string;
  multiline: boolean;
  node: number;
  /** See TextItem.order. */
  order?: number;
}

/**
 * A picture (the theme's logo, or an image of the topic's), tagged as a Figure whose alt text is its
 * node's; without a node it is decoration (a poster's picture again on a tile that does not own it).
 */
export interface ImageItem {
  type: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  image: ImageData;
  node?: number;
  /** See TextItem.order. */
  order?: number;
}

/** Items drawn through a clipping window and shifted by (dx, dy): a poster tile shows part of its poster. */
export interface GroupItem {
  type: 'group';
  clip: { x: number; y: number; width: number; height: number };
  dx: number;
  dy: number;
  items: LayoutItem[];
}

export type LayoutItem = TextItem | RectItem | LineItem | LinkItem | FieldItem | ImageItem | GroupItem;

/** Where one tile of a poster sits, in poster coordinates. */
export interface PosterTile {
  page: number;
  sheet: number;
  row: number;
  column: number;
  rows: number;
  columns: number;
  /** The part of the poster printed on this tile. */
  window: { x: number; y: number; width: number; height: number };
  /** The part that belongs to this tile alone once the overlaps are glued: the owns tile the poster exactly. */
  own: { x: number; y: number; width: number; height: number };
  poster: { width: number; height: number };
}

export interface LayoutPage {
  width: number;
  height: number;
  items: LayoutItem[];
}

export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

export interface Layout {
  kind: OutputKind;
  meta: DocumentMeta;
  pages: LayoutPage[];
  struct: StructNode;
  outline: OutlineEntry[];
  tiles?: PosterTile[];
}
