import type { ImageData } from '../model/read-image.js';

/**
 * The look of the printed material. Sizes in points, colours as hex. A municipality's theme.yaml
 * overrides these values (see load-templates); the defaults pass WCAG AA contrast on white paper:
 * 4.5:1 for text, 3:1 for the rules, writing lines and field borders (WCAG 1.4.11).
 */
export interface ThemeLogo extends ImageData {
  /** Alternative text: required, a logo is never decoration only. */
  alt: string;
}

export interface Theme {
  /** The municipality or organisation, printed on the cover and in the footer. */
  name?: string;
  logo?: ThemeLogo;
  /** Font ids that lead each face's chain (a municipality's own typeface), before the built-in fonts. */
  fonts?: Partial<Record<'regular' | 'bold' | 'italic' | 'boldItalic', string>>;
  colors: {
    text: string;
    muted: string;
    accent: string;
    tint: string;
    rule: string;
    link: string;
  };
  size: {
    body: number;
    small: number;
    h1: number;
    h2: number;
    h3: number;
    h4: number;
    coverTitle: number;
    coverSubtitle: number;
  };
  /** Line height as a multiple of the font size. */
  leading: number;
  margin: { top: number; bottom: number; left: number; right: number };
}

export const defaultTheme: Theme = {
  colors: {
    text: '#1b1b1b',
    muted: '#4d4d4d',
    accent: '#0b5563',
    tint: '#e8f1f2',
    // Lines mark where to write and where a field is, so they need 3:1 (WCAG 1.4.11), on white and on the tint.
    rule: '#6b8c91',
    link: '#0a4a8a',
  },
  // Print read in the hand by staff of every age, some with poor sight: 12 pt body type, and lines 1.5
  // apart as WCAG 1.4.8 asks. Headings step down about a fifth a level; h4 stays larger than body text
  // and takes the accent colour, so it does not pass for a bold word at a paragraph's start.
  // docs/typography.md gives the reasons and the measured figures.
  size: { body: 12, small: 9, h1: 26, h2: 20, h3: 15.5, h4: 13, coverTitle: 32, coverSubtitle: 15 },
  leading: 1.5,
  margin: { top: 62, bottom: 70, left: 64, right: 64 },
};

/**
 * Paper in points. A4 is 595.28 × 841.89 by the millimetre; its height is rounded to the 842 that
 * print shops and checkers expect, a 0.04 mm difference no printer can show.
 */
export const paperSizes = {
  A4: { width: 595.28, height: 842 },
  A3: { width: 841.89, height: 1190.55 },
  A2: { width: 1190.55, height: 1683.78 },
  A1: { width: 1683.78, height: 2383.94 },
  A6: { width: 297.64, height: 419.53 },
} as const;

/** The theme with every type size multiplied by k (margins and colours unchanged). */
export function scaleTheme(theme: Theme, k: number): Theme {
  const size = Object.fromEntries(Object.entries(theme.size).map(([key, value]) => [key, value * k])) as Theme['size'];
  return { ...theme, size };
}
