import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StepMinutes } from '../../src/model/topic.js';
import { interpolateMinutes } from '../../src/plan/interpolate-minutes.js';

const fixed = (minutes: number): StepMinutes => ({ kind: 'fixed', minutes });

/** A table as the model builds it: keys as numbers, sorted by participant count. */
function table(entries: Record<number, number>): StepMinutes {
  return {
    kind: 'table',
    entries: Object.entries(entries)
      .map(([k, v]) => [Number(k), v] as [number, number])
      .sort((a, b) => a[0] - b[0]),
  };
}

/** An arbitrary valid table: 1–6 entries, distinct counts 1..60, whole minutes 1..120, sorted. */
const arbTable = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 120 })), {
    minLength: 1,
    maxLength: 6,
    selector: (e) => e[0],
  })
  .map((entries): StepMinutes => ({ kind: 'table', entries: [...entries].sort((a, b) => a[0] - b[0]) }));

/** Exact linear interpolation as a fraction (numerator, denominator) for a count inside the table. */
function exactFraction(entries: [number, number][], p: number): [number, number] {
  for (let i = 1; i < entries.length; i++) {
    const [x0, y0] = entries[i - 1];
    const [x1, y1] = entries[i];
    if (p >= x0 && p <= x1) return [y0 * (x1 - x0) + (y1 - y0) * (p - x0), x1 - x0];
  }
  throw new Error('count not inside the table');
}

describe('interpolateMinutes: fixed minutes', () => {
  it('returns the number for any participant count, never outside', () => {
    expect(interpolateMinutes(fixed(5), 14)).toEqual({ minutes: 5, outside: false });
    expect(interpolateMinutes(fixed(10), 1)).toEqual({ minutes: 10, outside: false });
    expect(interpolateMinutes(fixed(45), 500)).toEqual({ minutes: 45, outside: false });
  });

  it('property: a fixed step ignores the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 1000 }), (m, p) => {
        expect(interpolateMinutes(fixed(m), p)).toEqual({ minutes: m, outside: false });
      }),
    );
  });
});

describe('interpolateMinutes: tables', () => {
  it('interpolates the issue examples: {6: 8, 16: 12} → 11 and {6: 10, 16: 14} → 13 at 14', () => {
    expect(interpolateMinutes(table({ 6: 8, 16: 12 }), 14)).toEqual({ minutes: 11, outside: false });
    expect(interpolateMinutes(table({ 6: 10, 16: 14 }), 14)).toEqual({ minutes: 13, outside: false });
  });

  it('interpolates linearly at every count between two entries, rounded to whole minutes', () => {
    // 8 + 4 * (p - 6) / 10
    const expected: Record<number, number> = { 6: 8, 7: 8, 8: 9, 9: 9, 10: 10, 11: 10, 12: 10, 13: 11, 14: 11, 15: 12, 16: 12 };
    for (const [p, m] of Object.entries(expected)) {
      expect(interpolateMinutes(table({ 6: 8, 16: 12 }), Number(p)), `at ${p}`).toEqual({ minutes: m, outside: false });
    }
  });

  it('uses the nearest pair of entries in a table with more than two entries', () => {
    const t = table({ 4: 6, 12: 8, 20: 10 });
    expect(interpolateMinutes(t, 4).minutes).toBe(6);
    expect(interpolateMinutes(t, 8).minutes).toBe(7);
    expect(interpolateMinutes(t, 12).minutes).toBe(8);
    expect(interpolateMinutes(t, 16).minutes).toBe(9);
    expect(interpolateMinutes(t, 20).minutes).toBe(10);
    // A kinked table: the segment, not the end points, decides.
    const kinked = table({ 4: 10, 10: 10, 20: 30 });
    expect(interpolateMinutes(kinked, 7).minutes).toBe(10);
    expect(interpolateMinutes(kinked, 15).minutes).toBe(20);
  });

  it('returns the entry itself at every table key, not outside', () => {
    const t = table({ 4: 6, 12: 8, 20: 10 });
    for (const [p, m] of [[4, 6], [12, 8], [20, 10]]) {
      expect(interpolateMinutes(t, p)).toEqual({ minutes: m, outside: false });
    }
  });

  it('rounds halves up (x.5 → x+1), exactly', () => {
    // 6 + 1 * 1/2 = 6.5 → 7
    expect(interpolateMinutes(table({ 4: 6, 6: 7 }), 5).minutes).toBe(7);
    // 10 + 5 * 1/2 = 12.5 → 13
    expect(interpolateMinutes(table({ 2: 10, 4: 15 }), 3).minutes).toBe(13);
    // decreasing: 10 - 1/2 = 9.5 → 10
    expect(interpolateMinutes(table({ 4: 10, 6: 9 }), 5).minutes).toBe(10);
  });

  it('handles a decreasing table', () => {
    const t = table({ 4: 20, 20: 4 });
    expect(interpolateMinutes(t, 12)).toEqual({ minutes: 12, outside: false });
    expect(interpolateMinutes(t, 8).minutes).toBe(16);
  });

  it('takes the nearest entry below the table and reports outside', () => {
    expect(interpolateMinutes(table({ 6: 8, 16: 12 }), 5)).toEqual({ minutes: 8, outside: true });
    expect(interpolateMinutes(table({ 6: 8, 16: 12 }), 1)).toEqual({ minutes: 8, outside: true });
  });

  it('takes the nearest entry above the table and reports outside', () => {
    expect(interpolateMinutes(table({ 6: 8, 16: 12 }), 17)).toEqual({ minutes: 12, outside: true });
    expect(interpolateMinutes(table({ 6: 8, 16: 12 }), 40)).toEqual({ minutes: 12, outside: true });
  });

  it('a single-entry table gives its minutes everywhere, outside except at its key', () => {
    const t = table({ 10: 7 });
    expect(interpolateMinutes(t, 10)).toEqual({ minutes: 7, outside: false });
    expect(interpolateMinutes(t, 9)).toEqual({ minutes: 7, outside: true });
    expect(interpolateMinutes(t, 11)).toEqual({ minutes: 7, outside: true });
  });

  it('property: inside the table, the result is the exact interpolation rounded half up', () => {
    fc.assert(
      fc.property(
        arbTable.filter((t) => t.kind === 'table' && t.entries.length >= 2),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (t, frac) => {
          if (t.kind !== 'table') return;
          const lo = t.entries[0][0];
          const hi = t.entries[t.entries.length - 1][0];
          const p = lo + Math.floor(frac * (hi - lo));
          const [num, den] = exactFraction(t.entries, p);
          const result = interpolateMinutes(t, p);
          expect(result.outside).toBe(false);
          expect(Number.isInteger(result.minutes)).toBe(true);
          // Whole-number check of "nearest, halves up": m - 1/2 <= num/den < m + 1/2.
          expect(2 * result.minutes * den - den).toBeLessThanOrEqual(2 * num);
          expect(2 * num).toBeLessThan(2 * result.minutes * den + den);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: the result lies between the two neighbouring entries', () => {
    fc.assert(
      fc.property(arbTable, fc.integer({ min: 1, max: 60 }), (t, p) => {
        if (t.kind !== 'table') return;
        const { minutes } = interpolateMinutes(t, p);
        const below = [...t.entries].reverse().find(([x]) => x <= p) ?? t.entries[0];
        const above = t.entries.find(([x]) => x >= p) ?? t.entries[t.entries.length - 1];
        expect(minutes).toBeGreaterThanOrEqual(Math.min(below[1], above[1]));
        expect(minutes).toBeLessThanOrEqual(Math.max(below[1], above[1]));
      }),
      { numRuns: 500 },
    );
  });

  it('property: outside is true exactly when the count is below the first or above the last key', () => {
    fc.assert(
      fc.property(arbTable, fc.integer({ min: 1, max: 80 }), (t, p) => {
        if (t.kind !== 'table') return;
        const first = t.entries[0];
        const last = t.entries[t.entries.length - 1];
        const result = interpolateMinutes(t, p);
        expect(result.outside).toBe(p < first[0] || p > last[0]);
        if (p < first[0]) expect(result.minutes).toBe(first[1]);
        if (p > last[0]) expect(result.minutes).toBe(last[1]);
      }),
      { numRuns: 500 },
    );
  });

  it('property: at every key the result is that key’s minutes', () => {
    fc.assert(
      fc.property(arbTable, (t) => {
        if (t.kind !== 'table') return;
        for (const [x, y] of t.entries) expect(interpolateMinutes(t, x)).toEqual({ minutes: y, outside: false });
      }),
    );
  });

  it('property: a non-decreasing table gives non-decreasing minutes as the count grows', () => {
    const arbIncreasing = arbTable.map((t): StepMinutes => {
      if (t.kind !== 'table') return t;
      const ys = t.entries.map(([, y]) => y).sort((a, b) => a - b);
      return { kind: 'table', entries: t.entries.map(([x], i) => [x, ys[i]] as [number, number]) };
    });
    fc.assert(
      fc.property(arbIncreasing, (t) => {
        let previous = -Infinity;
        for (let p = 1; p <= 61; p++) {
          const { minutes } = interpolateMinutes(t, p);
          expect(minutes).toBeGreaterThanOrEqual(previous);
          previous = minutes;
        }
      }),
    );
  });
});
