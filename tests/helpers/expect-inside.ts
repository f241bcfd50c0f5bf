import { expect } from 'vitest';
import type { PdfPage } from './read-pdf.js';

export interface Frame {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Every visible word of the page lies inside the frame (page coordinates, y down). A line may end in
 * the space it broke at, which pdf.js counts in the item's width, so trailing spaces are measured off.
 */
export function expectTextInside(page: PdfPage, frame: Frame, label: string): void {
  for (const item of page.items) {
    if (!item.str.trim()) continue;
    const trailing = item.str.length - item.str.trimEnd().length;
    const width = item.width - (trailing * item.width) / item.str.length;
    const where = `${label}: "${item.str.slice(0, 40)}" at x=${item.x.toFixed(1)}..${(item.x + width).toFixed(1)}, y=${item.y.toFixed(1)}`;
    expect(item.x, where).toBeGreaterThanOrEqual(frame.left - 0.5);
    expect(item.x + width, where).toBeLessThanOrEqual(frame.right + 0.5);
    expect(item.y - item.height * 0.8, where).toBeGreaterThanOrEqual(frame.top - 0.5);
    expect(item.y, where).toBeLessThanOrEqual(frame.bottom + 0.5);
  }
}
