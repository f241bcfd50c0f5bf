import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupPlan } from '../../src/plan/agenda.js';
import { planGroups } from '../../src/plan/plan-groups.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The smallest group still called a group of this size: the size up to 3, a quarter less above it. */
const smallestGroup = (size: number) => (size <= 3 ? size : size - Math.max(1, Math.floor(size / 4)));

/**
 * The number of groups the spec asks for: the whole number nearest count/size (halves up, so 14/4 → 4),
 * at least 1, never so many that a group gets fewer than 2 (when count ≥ 2), and lowered until no group
 * is smaller than smallestGroup(size): 20 in threes is six groups, not seven with a pair among them.
 * Whole-number arithmetic: floor(count/size + 1/2) = floor((2·count + size) / (2·size)).
 */
function expectedGroupCount(count: number, size: number): number {
  const nearest = Math.max(1, Math.floor((2 * count + size) / (2 * size)));
  let groups = count >= 2 ? Math.min(nearest, Math.floor(count / 2)) : 1;
  while (groups > 1 && Math.floor(count / groups) < smallestGroup(size)) groups--;
  return groups;
}

/** The invariants every plan must hold. */
function expectBalancedCover(plan: GroupPlan | undefined, count: number): asserts plan is GroupPlan {
  expect(plan, `a plan for ${count}`).toBeDefined();
  const { sizes } = plan!;
  expect(sizes.length).toBeGreaterThanOrEqual(1);
  for (const s of sizes) expect(Number.isInteger(s) && s >= 1).toBe(true);
  // Every participant is in exactly one group.
  expect(sum(sizes)).toBe(count);
  // Balanced: sizes differ by at most one.
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  // Largest first.
  expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
}

describe('planGroups: groupings without groups', () => {
  it('plenary and individual steps have no groups', () => {
    for (const p of [1, 2, 13, 40]) {
      expect(planGroups(p, 'plenary')).toBeUndefined();
      expect(planGroups(p, 'individual')).toBeUndefined();
      expect(planGroups(p, 'plenary', 4)).toBeUndefined();
      expect(planGroups(p, 'individual', 4)).toBeUndefined();
    }
  });

  it('groups without a group size have no plan', () => {
    expect(planGroups(12, 'groups')).toBeUndefined();
  });

  it('no participants, no groups', () => {
    expect(planGroups(0, 'pairs')).toBeUndefined();
    expect(planGroups(0, 'groups', 4)).toBeUndefined();
  });
});

describe('planGroups: pairs', () => {
  it('13 in pairs: five pairs and a trio', () => {
    expect(planGroups(13, 'pairs')).toEqual({ sizes: [3, 2, 2, 2, 2, 2] });
  });

  it('an even count is all pairs', () => {
    expect(planGroups(2, 'pairs')).toEqual({ sizes: [2] });
    expect(planGroups(14, 'pairs')).toEqual({ sizes: [2, 2, 2, 2, 2, 2, 2] });
  });

  it('3 is one trio, 1 is alone', () => {
    expect(planGroups(3, 'pairs')).toEqual({ sizes: [3] });
    expect(planGroups(1, 'pairs')).toEqual({ sizes: [1] });
  });

  it('exhaustively for 1..40: every participant in one group, pairs plus at most one trio', () => {
    for (let p = 1; p <= 40; p++) {
      const plan = planGroups(p, 'pairs');
      expectBalancedCover(plan, p);
      if (p === 1) {
        expect(plan.sizes).toEqual([1]);
        continue;
      }
      const trios = plan.sizes.filter((s) => s === 3).length;
      const pairs = plan.sizes.filter((s) => s === 2).length;
      expect(pairs + trios, `only pairs and trios at ${p}`).toBe(plan.sizes.length);
      expect(trios, `trio iff odd at ${p}`).toBe(p % 2);
      expect(plan.sizes.length, `as many groups as whole pairs at ${p}`).toBe(Math.floor(p / 2));
    }
  });

  it('property: over 1..40, sizes sum to the count and differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (p) => {
        const plan = planGroups(p, 'pairs');
        expectBalancedCover(plan, p);
        expect(plan.sizes.length).toBe(Math.max(1, Math.floor(p / 2)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('planGroups: groups with a group size', () => {
  it('14 with group size 4: four groups, two of 4 and two of 3', () => {
    expect(planGroups(14, 'groups', 4)).toEqual({ sizes: [4, 4, 3, 3] });
  });

  it('even splits and remainders', () => {
    expect(planGroups(12, 'groups', 4)).toEqual({ sizes: [4, 4, 4] });
    expect(planGroups(13, 'groups', 4)).toEqual({ sizes: [5, 4, 4] }); // 13/4 = 3.25 → 3
    expect(planGroups(15, 'groups', 4)).toEqual({ sizes: [4, 4, 4, 3] }); // 3.75 → 4
    expect(planGroups(20, 'groups', 6)).toEqual({ sizes: [7, 7, 6] }); // 3.33 → 3
    expect(planGroups(16, 'groups', 5)).toEqual({ sizes: [6, 5, 5] }); // 3.2 → 3
  });

  it('fewer participants than a group: one group of everyone', () => {
    expect(planGroups(5, 'groups', 4)).toEqual({ sizes: [5] }); // 1.25 → 1
    expect(planGroups(2, 'groups', 8)).toEqual({ sizes: [2] }); // 0.25 → at least 1
    expect(planGroups(3, 'groups', 8)).toEqual({ sizes: [3] });
  });

  it('never a group of one when there are at least 2 participants', () => {
    // 3/2 = 1.5 would round to 2 groups (2 + 1); capped at 1 group of 3.
    expect(planGroups(3, 'groups', 2)).toEqual({ sizes: [3] });
    // 5/2 = 2.5 → 3 groups would leave a group of 1; capped at floor(5/2) = 2.
    expect(planGroups(5, 'groups', 2)).toEqual({ sizes: [3, 2] });
  });

  it('1 participant is a group of one', () => {
    expect(planGroups(1, 'groups', 4)).toEqual({ sizes: [1] });
  });

  it('property: count 1..40, size 2..8: balanced, a cover, and the nearest number of groups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2, max: 8 }), (p, size) => {
        const plan = planGroups(p, 'groups', size);
        expectBalancedCover(plan, p);
        expect(plan.sizes.length).toBe(expectedGroupCount(p, size));
        // Nearest: within half a group of count/size, unless lowered to keep every group a real one.
        if (p >= 2) {
          expect(Math.min(...plan.sizes)).toBeGreaterThanOrEqual(Math.min(p, 2));
          if (plan.sizes.length > 1) expect(Math.min(...plan.sizes)).toBeGreaterThanOrEqual(smallestGroup(size));
          if (plan.sizes.length < Math.floor(p / 2)) {
            const nearest = Math.abs(plan.sizes.length - p / size) <= 0.5;
            const oneMoreTooSmall = Math.floor(p / (plan.sizes.length + 1)) < smallestGroup(size);
            expect(nearest || oneMoreTooSmall, `${p} in groups of ${size}: ${plan.sizes}`).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('exhaustively for every count 1..40 and size 2..8', () => {
    for (let p = 1; p <= 40; p++) {
      for (let size = 2; size <= 8; size++) {
        const plan = planGroups(p, 'groups', size);
        expectBalancedCover(plan, p);
        expect(plan.sizes.length, `${p} in groups of ${size}`).toBe(expectedGroupCount(p, size));
      }
    }
  });

  it('20 in groups of 3: six groups (two of 4), not six of 3 and a pair', () => {
    expect(planGroups(20, 'groups', 3)).toEqual({ sizes: [4, 4, 3, 3, 3, 3] });
    expect(planGroups(8, 'groups', 3)).toEqual({ sizes: [4, 4] });
  });

  it('property: with groups of 2 the plan matches pairs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (p) => {
        expect(planGroups(p, 'groups', 2)).toEqual(planGroups(p, 'pairs'));
      }),
    );
  });
});

describe('planGroups: groups made from the step before', () => {
  it('14 after pairs, groups of 4: the seven pairs join into 6 + 4 + 4, the same people together', () => {
    const pairs = planGroups(14, 'pairs')!;
    expect(planGroups(14, 'groups', 4, { grouping: 'pairs', groups: pairs })).toEqual({ sizes: [6, 4, 4], joinsPairs: true });
  });

  it('13 after pairs (a trio among them): 5 + 4 + 4; 5 after pairs: one group of all', () => {
    expect(planGroups(13, 'groups', 4, { grouping: 'pairs', groups: planGroups(13, 'pairs') })).toEqual({ sizes: [5, 4, 4], joinsPairs: true });
    expect(planGroups(5, 'groups', 4, { grouping: 'pairs', groups: planGroups(5, 'pairs') })).toEqual({ sizes: [5], joinsPairs: true });
  });

  it('property: joined pairs cover everyone, and each group is whole pairs of the step before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.constantFrom(4, 6, 8), (p, size) => {
        const pairs = planGroups(p, 'pairs')!;
        const plan = planGroups(p, 'groups', size, { grouping: 'pairs', groups: pairs })!;
        expect(sum(plan.sizes)).toBe(p);
        expect(plan.sizes.length).toBe(Math.max(1, Math.floor(pairs.sizes.length / (size / 2))));
        // Groups of whole pairs: an even size, or odd only by the one trio.
        expect(plan.sizes.filter((s) => s % 2 === 1).length).toBe(p % 2);
      }),
    );
  });

  it('an odd group size, or groups of 2, do not join pairs', () => {
    const pairs = planGroups(14, 'pairs')!;
    expect(planGroups(14, 'groups', 3, { grouping: 'pairs', groups: pairs })).toEqual(planGroups(14, 'groups', 3));
    expect(planGroups(14, 'groups', 2, { grouping: 'pairs', groups: pairs })).toEqual(planGroups(14, 'pairs'));
  });

  it('the next step in groups of the same size keeps the groups; another size makes new ones', () => {
    const joined = planGroups(14, 'groups', 4, { grouping: 'pairs', groups: planGroups(14, 'pairs') })!;
    expect(planGroups(14, 'groups', 4, { grouping: 'groups', groupSize: 4, groups: joined })).toEqual(joined);
    expect(planGroups(14, 'groups', 3, { grouping: 'groups', groupSize: 4, groups: joined })).toEqual(planGroups(14, 'groups', 3));
  });
});
