import type { Theme } from '../model/theme.js';

// Still imported from here by layout-document.ts, layout-blocks.ts, build-topic.ts and tests; the type
// and its defaults live in model/theme.ts, where the theme is made.
export { defaultTheme, type Theme } from '../model/theme.js';

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
