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
  margin: Margins;
  /** Type size range as multiples of the theme's sizes: the largest that fits, never below the floor. */
  scale: { start: number; floor: number };
  /** Heading sizes as multiples of body text (h1…h4), where the theme's own would be too loud. */
  headings?: [number, number, number, number];
  /** Card face, for `cards`. */
  face?: Size;
  /** Tile each sheet onto printer paper, for posters. */
  tiles?: { paper: Size; margin: number; overlap: number };
}

export const mm = (n: number) => (n * 72) / 25.4;

const landscape = (s: Size): Size => ({ width: Math.max(s.width, s.height), height: Math.min(s.width, s.height) });

/** A card face: A6 less 5 × 8 mm, so four faces and their crop marks fit an A4 sheet's printable area. */
export const cardFace: Size = { width: mm(100), height: mm(140) };

export interface SetupOptions {
  poster?: PosterSize;
  paper?: PrinterPaper;
}

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
        // 54 pt body text on A3 reads at about 5 m (cap height ≈ 13 mm); 36 pt is the floor.
        scale: { start: (54 / theme.size.body) * grow, floor: (36 / theme.size.body) * grow },
        headings: [1.45, 1.25, 1.1, 1],
        tiles: options.poster ? { paper: paperSizes[options.paper ?? 'A4'], margin: mm(10), overlap: mm(12) } : undefined,
      };
    }
    case 'cards':
      return {
        mode: 'cards',
        paper: paperSizes.A4,
        margin: { top: mm(7), bottom: mm(7), left: mm(7), right: mm(7) },
        scale: { start: 0.95, floor: 0.75 },
        headings: [1.7, 1.2, 1.05, 1],
        face: cardFace,
      };
    default:
      return { mode: 'flow', paper: paperSizes.A4, margin: theme.margin, scale: { start: 1, floor: 1 } };
  }
}
