import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeGroups } from '../../src/plan/describe-groups.js';
import { planGroups } from '../../src/plan/plan-groups.js';

const sizes = (...s: number[]) => ({ sizes: s });

/**
 * Reads a description back into (groups, participants), so a property can check that the words
 * account for every participant. Understands both languages' phrasings.
 */
function readBack(text: string, lang: 'da' | 'en'): { groups: number; participants: number } {
  const w =
    lang === 'da'
      ? { pair: 'makkerpar', group: 'grupper?', of: 'på', and: 'og', alone: '1 deltager alene' }
      : { pair: 'pairs?', group: 'groups?', of: 'of', and: 'and', alone: '1 participant alone' };
  if (text === w.alone) return { groups: 1, participants: 1 };
  const pairs = new RegExp(`^(\\d+) ${w.pair}(?: ${w.and} (\\d+) ${w.group} ${w.of} 3)?$`).exec(text);
  if (pairs) {
    const p = Number(pairs[1]);
    const t = pairs[2] ? Number(pairs[2]) : 0;
    return { groups: p + t, participants: 2 * p + 3 * t };
  }
  const even = new RegExp(`^(\\d+) ${w.group} ${w.of} (\\d+)$`).exec(text);
  if (even) return { groups: Number(even[1]), participants: Number(even[1]) * Number(even[2]) };
  const mixed = new RegExp(`^(\\d+) ${w.group} \\((\\d+) ${w.of} (\\d+) ${w.and} (\\d+) ${w.of} (\\d+)\\)$`).exec(text);
  if (mixed) {
    const [, n, a, x, b, y] = mixed.map(Number);
    expect(a + b, `the parts of "${text}" add up to its group count`).toBe(n);
    expect(x - y, `"${text}" names the larger size first, one more than the smaller`).toBe(1);
    return { groups: n, participants: a * x + b * y };
  }
  throw new Error(`cannot read back "${text}"`);
}

describe('describeGroups: pairs, Danish', () => {
  it('13 in pairs: "5 makkerpar og 1 gruppe på 3"', () => {
    expect(describeGroups(planGroups(13, 'pairs')!, 'da', 'pairs')).toBe('5 makkerpar og 1 gruppe på 3');
  });

  it('even counts are only pairs', () => {
    expect(describeGroups(planGroups(2, 'pairs')!, 'da', 'pairs')).toBe('1 makkerpar');
    expect(describeGroups(planGroups(14, 'pairs')!, 'da', 'pairs')).toBe('7 makkerpar');
  });

  it('5 in pairs: one pair and a trio', () => {
    expect(describeGroups(planGroups(5, 'pairs')!, 'da', 'pairs')).toBe('1 makkerpar og 1 gruppe på 3');
  });

  it('3 in pairs is one group of three; 1 is alone', () => {
    expect(describeGroups(planGroups(3, 'pairs')!, 'da', 'pairs')).toBe('1 gruppe på 3');
    expect(describeGroups(planGroups(1, 'pairs')!, 'da', 'pairs')).toBe('1 deltager alene');
  });
});

describe('describeGroups: pairs, English', () => {
  it('uses English words and plurals', () => {
    expect(describeGroups(planGroups(13, 'pairs')!, 'en', 'pairs')).toBe('5 pairs and 1 group of 3');
    expect(describeGroups(planGroups(2, 'pairs')!, 'en', 'pairs')).toBe('1 pair');
    expect(describeGroups(planGroups(12, 'pairs')!, 'en', 'pairs')).toBe('6 pairs');
    expect(describeGroups(planGroups(3, 'pairs')!, 'en', 'pairs')).toBe('1 group of 3');
    expect(describeGroups(planGroups(1, 'pairs')!, 'en', 'pairs')).toBe('1 participant alone');
  });
});

describe('describeGroups: groups', () => {
  it('14 with group size 4 says "4 grupper"', () => {
    const text = describeGroups(planGroups(14, 'groups', 4)!, 'da', 'groups');
    expect(text).toContain('4 grupper');
    expect(text).toBe('4 grupper (2 på 4 og 2 på 3)');
  });

  it('equal groups: "3 grupper på 4"', () => {
    expect(describeGroups(planGroups(12, 'groups', 4)!, 'da', 'groups')).toBe('3 grupper på 4');
    expect(describeGroups(sizes(4, 4, 4), 'en', 'groups')).toBe('3 groups of 4');
  });

  it('one larger group: "3 grupper (1 på 5 og 2 på 4)"', () => {
    expect(describeGroups(planGroups(13, 'groups', 4)!, 'da', 'groups')).toBe('3 grupper (1 på 5 og 2 på 4)');
    expect(describeGroups(planGroups(13, 'groups', 4)!, 'en', 'groups')).toBe('3 groups (1 of 5 and 2 of 4)');
  });

  it('a single group uses the singular', () => {
    expect(describeGroups(planGroups(5, 'groups', 4)!, 'da', 'groups')).toBe('1 gruppe på 5');
    expect(describeGroups(planGroups(5, 'groups', 4)!, 'en', 'groups')).toBe('1 group of 5');
  });

  it('one participant is alone', () => {
    expect(describeGroups(planGroups(1, 'groups', 4)!, 'da', 'groups')).toBe('1 deltager alene');
    expect(describeGroups(planGroups(1, 'groups', 4)!, 'en', 'groups')).toBe('1 participant alone');
  });
});

describe('describeGroups: properties', () => {
  it('exhaustively for pairs 1..40: the words name every participant and every group', () => {
    for (let p = 1; p <= 40; p++) {
      const plan = planGroups(p, 'pairs')!;
      for (const lang of ['da', 'en'] as const) {
        const text = describeGroups(plan, lang, 'pairs');
        expect(readBack(text, lang), `${p} in pairs (${lang}): "${text}"`).toEqual({
          groups: plan.sizes.length,
          participants: p,
        });
      }
    }
  });

  it('property: count 1..40, group size 2..8, both languages: the words name every participant and every group', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 2, max: 8 }),
        fc.constantFrom('da' as const, 'en' as const),
        (p, size, lang) => {
          const plan = planGroups(p, 'groups', size)!;
          const text = describeGroups(plan, lang, 'groups');
          expect(readBack(text, lang), `${p} in groups of ${size} (${lang}): "${text}"`).toEqual({
            groups: plan.sizes.length,
            participants: p,
          });
          if (plan.sizes.length > 1) {
            expect(text).toContain(lang === 'da' ? `${plan.sizes.length} grupper` : `${plan.sizes.length} groups`);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('property: pairs 1..40: the description names the number of pairs and at most one trio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (p) => {
        const text = describeGroups(planGroups(p, 'pairs')!, 'da', 'pairs');
        const pairs = p % 2 === 0 ? p / 2 : (p - 3) / 2;
        const expected =
          p === 1 ? '1 deltager alene' : p === 3 ? '1 gruppe på 3' : p % 2 === 0 ? `${pairs} makkerpar` : `${pairs} makkerpar og 1 gruppe på 3`;
        expect(text).toBe(expected);
      }),
    );
  });
});

describe('describeGroups: groups made of the pairs before them', () => {
  it('says the sizes and that the pairs join up, in both languages', () => {
    const joined = planGroups(14, 'groups', 4, { grouping: 'pairs', groups: planGroups(14, 'pairs') })!;
    expect(describeGroups(joined, 'da', 'groups')).toBe('3 grupper (1 på 6 og 2 på 4) – makkerparrene slår sig sammen');
    expect(describeGroups(joined, 'en', 'groups')).toBe('3 groups (1 of 6 and 2 of 4) – the pairs join up');
  });

  it('20 in groups of 3 has no group of 2', () => {
    expect(describeGroups(planGroups(20, 'groups', 3)!, 'da', 'groups')).toBe('6 grupper (2 på 4 og 4 på 3)');
  });
});
