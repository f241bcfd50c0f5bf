import type { OutputKind } from '../compose/compose-document.js';
import { paperSizes, type Theme } from './theme.js';

export type PosterSize = 'A1' | 'A2';
export type PrinterPaper = 'A4' | 'A3';

export interface Size {
  width: number;
  height: number;
}

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * How a kind of output is put on paper. `flow` runs text from page to page with running header and
 * footer; `sheets` gives each sheet one page, its type as large as fits; `cards` fits each card to a
 * face and imposes four faces on an A4 sheet.
 */
export interface PageSetup {
  mode: 'flow' | 'sheets' | 'cards';
  paper: Size;
  /** The type area: running header and footer span it, and so do tables and room to write. */
  margin: Margins;
  /**
   * Width of the text column, from the type area's left edge, where it is narrower than the area;
   * the rest of the area to its right is a margin for notes.
   */
  measure?: number;
  /** Type size range as multiples of the theme's sizes: the largest that fits, never below the floor. */
  scale: { start: number; floor: number };
  /** Line height as a multiple of the type size, where the theme's would be too loose. */
  leading?: number;
  /** Heading sizes as multiples of body text (h1…h4), where the theme's own would be too loud. */
  headings?: [number, number, number, number];
  /** For `flow`: the most pages the document should take; the type steps down from `scale.start` towards the floor to keep within them. */
  maxPages?: number;
  /** Card face, for `cards`. */
  face?: Size;
  /** Tile each sheet onto printer paper, for posters. */
  tiles?: TileSetup;
}

/** How a poster is cut onto printer paper. */
export interface TileSetup {
  paper: Size;
  /** From the paper's edge to the printed window, holding the tile's label, cut marks and glue note. */
  margin: number;
  overlap: number;
  /** The sheets (1-based) that become posters; all when absent. */
  sheets?: number[];
}

export const mm = (n: number) => (n * 72) / 25.4;

const landscape = (s: Size): Size => ({ width: Math.max(s.width, s.height), height: Math.min(s.width, s.height) });

/**
 * What an office printer leaves blank at each edge is 4–5 mm; no ink goes nearer the edge than this,
 * so nothing printed is lost, the thin crop marks included.
 */
export const printerEdge = mm(6);

/**
 * A card face: 95 × 134 mm, A6's proportions (1 : √2) a little smaller. Four real A6 cards fill an A4
 * sheet to its edges, where a printer prints nothing, so their outer cut lines and crop marks would be
 * lost; two A6 to a sheet would waste half the paper. At 95 × 134 four faces leave 10 mm at the sides
 * and 14.5 mm at top and bottom for crop marks inside the printable area.
 */
export const cardFace: Size = { width: mm(95), height: mm(134) };

export interface SetupOptions {
  poster?: PosterSize;
  paper?: PrinterPaper;
  /** The flip-chart sheets (1-based) to print as posters; all when absent. */
  sheets?: number[];
}

/** Flip-chart body type on an A3 sheet, in points: the largest it grows to, and the smallest that reads at 5 m. */
export const flipchartType = { ceiling: 110, floor: 54 };

/**
 * Facilitator's sheet body type, in points: the pack's size at most, and never below 9.5, what a
 * reference sheet held in the hand still reads at (the pack itself is 11).
 */
export const facilitatorType = { ceiling: 11, floor: 9.5 };

export function pageSetup(kind: OutputKind, theme: Theme, options: SetupOptions = {}): PageSetup {
  switch (kind) {
    case 'flipchart': {
      const sheet = landscape(options.poster ? paperSizes[options.poster] : paperSizes.A3);
      // Type grows with the sheet: an A1 poster is read from twice as far as an A3 sheet.
      const grow = sheet.width / landscape(paperSizes.A3).width;
      const m = mm(18) * grow;
      return {
        mode: 'sheets',
        paper: sheet,
        margin: { top: m, bottom: m, left: m, right: m },
        // Each sheet's type is as large as the sheet holds, up to where a line keeps about four words.
        // The floor: text read at 5 m needs an x-height of about 7–8 mm (some 5 minutes of arc, what
        // normal sight reads with ease); Atkinson Hyperlegible's x-height is 0.496 em, so that is 40–46
        // pt, and the 54 pt floor gives 9.4 mm, a fifth to spare for weaker eyes and the back row.
        // At 60 pt a step with four questions of six words no longer fits an A3 sheet.
        scale: { start: (flipchartType.ceiling / theme.size.body) * grow, floor: (flipchartType.floor / theme.size.body) * grow },
        headings: [1.45, 1.25, 1.1, 1],
        // Type read from across a room needs less space between its lines than a page read in the hand.
        leading: 1.2,
        // 14 mm holds the label and glue note within the printable area, clear of the cut marks.
        tiles: options.poster ? { paper: paperSizes[options.paper ?? 'A4'], margin: mm(14), overlap: mm(12), sheets: options.sheets } : undefined,
      };
    }
    case 'cards':
      return {
        mode: 'cards',
        paper: paperSizes.A4,
        margin: { top: mm(14.5), bottom: mm(14.5), left: mm(10), right: mm(10) },
        // In points, not in the theme's body size: a card holds the text it held when body text was
        // 11 pt, and its lines are short whatever the page's body size is.
        scale: { start: cardType.start / theme.size.body, floor: cardType.floor / theme.size.body },
        leading: 1.45,
        headings: [1.7, 1.2, 1.05, 1],
        face: cardFace,
      };
    case 'pack':
    case 'handout':
      return { mode: 'flow', paper: paperSizes.A4, margin: theme.margin, measure: readingMeasure(theme), scale: { start: 1, floor: 1 } };
    case 'facilitator': {
      const start = Math.min(facilitatorType.ceiling, theme.size.body) / theme.size.body;
      return {
        mode: 'flow',
        paper: paperSizes.A4,
        // Narrower margins than the pack's: the sheet is a reference, and every line it gains is a step that stays on page two.
        margin: { top: 50, bottom: 48, left: 50, right: 50 },
        scale: { start, floor: Math.min(start, facilitatorType.floor / theme.size.body) },
        // Headings that mark a step, not a chapter: the theme's 26 pt title would take a step's room.
        headings: [1.75, 1.3, 1.12, 1],
        leading: 1.35,
        maxPages: 2,
      };
    }
    default:
      return { mode: 'flow', paper: paperSizes.A4, margin: theme.margin, scale: { start: 1, floor: 1 } };
  }
}

/** Card body type in points: the largest a card starts at, and the smallest it shrinks to. */
const cardType = { start: 10.45, floor: 8.25 };

/**
 * The text column of a page read in the hand: 30 ems of body type. Atkinson Hyperlegible sets Danish
 * prose at about 0.45 em a character, spaces included, so a full line holds 60–70 characters: inside
 * WCAG 1.4.8's 80, and near the 50–65 that Dansk Blindesamfund asks. docs/typography.md has the
 * figures measured on the bundled topics. Never wider than the type area.
 */
export function readingMeasure(theme: Theme): number {
  return Math.min(30 * theme.size.body, paperSizes.A4.width - theme.margin.left - theme.margin.right);
}
