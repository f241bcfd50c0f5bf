import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInMemory, output, repoRoot, referenceTopic } from '../helpers/build-fixture.js';
import { readPdf, type PdfReadBack } from '../helpers/read-pdf.js';

interface Line {
  page: number;
  y: number;
  x: number;
  size: number;
  text: string;
}

/** Text items grouped into lines by their baseline, each with its type size (pdf.js's item height). */
function linesOf(pdf: PdfReadBack): Line[] {
  return pdf.pages.flatMap((page, n) => {
    const byY = new Map<number, typeof page.items>();
    for (const item of page.items) {
      if (!item.str) continue;
      const y = Math.round(item.y * 10) / 10;
      byY.set(y, [...(byY.get(y) ?? []), item]);
    }
    return [...byY.entries()]
      .sort(([a], [b]) => a - b)
      .map(([y, items]) => {
        items.sort((a, b) => a.x - b.x);
        const size = Math.max(...items.map((i) => i.height));
        return { page: n, y, x: items[0].x, size, text: items.map((i) => i.str).join('').trim() };
      });
  });
}

/** Characters a reader's eye travels over: a list item's bullet or number is not part of its line. */
const length = (line: Line) => line.text.replace(/^(•|–|\d+\.)\s*/, '').length;

/**
 * The body text's size (the size most characters are set in), its lines, and its full lines: the lines
 * a paragraph or list item runs on from, found as those with a line of the same size directly under
 * them (one line pitch down, starting at the same x or further in). A paragraph's or item's last line,
 * and a page's last, are left out: they end where the text ends, not where the measure does.
 */
function bodyLines(pdf: PdfReadBack) {
  const lines = linesOf(pdf);
  const chars = new Map<number, number>();
  for (const line of lines) chars.set(line.size, (chars.get(line.size) ?? 0) + line.text.length);
  const size = [...chars.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const body = lines.filter((l) => Math.abs(l.size - size) < 0.05);
  const next = (i: number) => (body[i + 1]?.page === body[i].page ? body[i + 1] : undefined);
  const gaps = body.flatMap((l, i) => (next(i) ? [next(i)!.y - l.y] : []));
  const pitch = Math.min(...gaps.filter((g) => g > size));
  const full = body.filter((l, i) => {
    const below = next(i);
    return below && Math.abs(below.y - l.y - pitch) < 0.3 && below.x >= l.x - 1;
  });
  return { size, pitch, body, full };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const topics = [
  ['hardware', path.join(repoRoot, 'content/hardware')],
  ['personas', path.join(repoRoot, 'content/personas')],
  ['private-it', path.join(repoRoot, 'content/private-it')],
  ['samtykke-og-fuldmagt', referenceTopic],
];

describe('a measure people can read', () => {
  it.each(topics)('%s: the pack and the handout set body text of 11.5 pt or more, 55–75 characters a full line, none over 80', async (_, dir) => {
    const result = await buildInMemory(dir, { kinds: ['pack', 'handout'] });
    for (const kind of ['pack', 'handout'] as const) {
      const { size, pitch, body, full } = bodyLines(await readPdf(output(result, kind)));
      expect(size, kind).toBeGreaterThanOrEqual(11.5);
      // Lines 1.5 apart at least (WCAG 1.4.8), read back from the baselines.
      expect(pitch / size, kind).toBeGreaterThanOrEqual(1.5 - 0.01);
      expect(full.length, `${kind}: full lines found`).toBeGreaterThanOrEqual(5);
      const typical = median(full.map(length));
      expect(typical, `${kind}: median full line`).toBeGreaterThanOrEqual(55);
      expect(typical, `${kind}: median full line`).toBeLessThanOrEqual(75);
      for (const line of body) expect(length(line), `${kind} page ${line.page + 1}: "${line.text}"`).toBeLessThanOrEqual(80);
    }
  });
});
