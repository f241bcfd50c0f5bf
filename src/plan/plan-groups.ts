import type { Grouping } from '../model/topic.js';
import type { GroupPlan } from './agenda.js';

/** The step before, whose pairs a step of groups may be built from. */
export interface EarlierGrouping {
  grouping: Grouping;
  groupSize?: number;
  groups?: GroupPlan;
}

/**
 * Splits participants for a step. Pairs: as many pairs as possible, one trio when the count is odd.
 * Groups: the number of groups nearest to `count / size` that leaves no group much smaller than asked
 * (see smallestGroup), sizes balanced to differ by at most one. Groups of an even size right after a
 * step in pairs are made of whole pairs, since a facilitator says "join up with another pair" and the
 * people who just talked stay together; the next step in groups of that size keeps them. Every participant is in exactly one group; plenary and
 * individual steps have no groups.
 */
export function planGroups(participants: number, grouping: Grouping, groupSize?: number, before?: EarlierGrouping): GroupPlan | undefined {
  if (participants < 1) return undefined;
  if (grouping === 'pairs') {
    if (participants < 2) return { sizes: [participants] };
    const pairs = Math.floor(participants / 2);
    return participants % 2 === 0 ? { sizes: Array(pairs).fill(2) } : { sizes: [3, ...Array(pairs - 1).fill(2)] };
  }
  if (grouping === 'groups' && groupSize) {
    if (before?.grouping === 'pairs' && before.groups && groupSize % 2 === 0 && groupSize > 2) {
      return joinPairs(before.groups.sizes, groupSize / 2);
    }
    // Groups of the same size in the next step are the same groups: "stay in your groups".
    if (before?.grouping === 'groups' && before.groupSize === groupSize && before.groups) return { ...before.groups, sizes: [...before.groups.sizes] };
    const most = Math.max(1, Math.floor(participants / 2));
    let count = Math.min(most, Math.max(1, Math.round(participants / groupSize)));
    while (count > 1 && Math.floor(participants / count) < smallestGroup(groupSize)) count--;
    const base = Math.floor(participants / count);
    const larger = participants % count;
    return { sizes: [...Array(larger).fill(base + 1), ...Array(count - larger).fill(base)] };
  }
  return undefined;
}

/**
 * The smallest group a facilitator would still call a group of this size: the size itself up to 3
 * (a "group of 3" that is a pair is no group: 20 in threes is 4 + 4 + 3 + 3 + 3 + 3, not six threes and
 * a pair), and a quarter less above it (14 in fours may be 4 + 4 + 3 + 3).
 */
function smallestGroup(size: number): number {
  return size <= 3 ? size : size - Math.max(1, Math.floor(size / 4));
}

/** Whole pairs (and the trio) into groups of `pairsPerGroup`; pairs left over join the smallest groups. */
function joinPairs(units: readonly number[], pairsPerGroup: number): GroupPlan {
  const count = Math.max(1, Math.floor(units.length / pairsPerGroup));
  const groups: number[] = Array(count).fill(0);
  // Largest units first onto the smallest group keeps the groups as even as whole pairs allow.
  for (const unit of [...units].sort((a, b) => b - a)) {
    const smallest = groups.indexOf(Math.min(...groups));
    groups[smallest] += unit;
  }
  return { sizes: groups.sort((a, b) => b - a), joinsPairs: true };
}
