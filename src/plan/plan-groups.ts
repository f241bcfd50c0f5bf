import type { Grouping } from '../model/topic.js';
import type { GroupPlan } from './agenda.js';

/**
 * Splits participants for a step. Pairs: as many pairs as possible, one trio when the count is odd.
 * Groups: the number of groups nearest to `count / size`, sizes balanced to differ by at most one.
 * Every participant is in exactly one group; plenary and individual steps have no groups.
 */
export function planGroups(participants: number, grouping: Grouping, groupSize?: number): GroupPlan | undefined {
  if (participants < 1) return undefined;
  if (grouping === 'pairs') {
    if (participants < 2) return { sizes: [participants] };
    const pairs = Math.floor(participants / 2);
    return participants % 2 === 0 ? { sizes: Array(pairs).fill(2) } : { sizes: [3, ...Array(pairs - 1).fill(2)] };
  }
  if (grouping === 'groups' && groupSize) {
    const most = Math.max(1, Math.floor(participants / 2));
    const count = Math.min(most, Math.max(1, Math.round(participants / groupSize)));
    const base = Math.floor(participants / count);
    const larger = participants % count;
    return { sizes: [...Array(larger).fill(base + 1), ...Array(count - larger).fill(base)] };
  }
  return undefined;
}
