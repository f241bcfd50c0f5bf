import type { ImageData } from './read-image.js';

/**
 * The look of the printed material. Sizes in points, colours as hex. A municipality's theme.yaml
 * overrides these values (see load-templates); the defaults pass WCAG AA contrast on white paper:
 * 4.5:1 for text, 3:1 for the rules, writing lines and field borders (WCAG 1.4.11).
 * The model stage makes a Theme (model-theme) out of theme.yaml; layout and render only read it.
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
