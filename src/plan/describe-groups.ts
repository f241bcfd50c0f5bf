import type { GroupPlan } from './agenda.js';

const words = {
  da: {
    pair: (n: number) => (n === 1 ? '1 makkerpar' : `${n} makkerpar`),
    group: (n: number) => (n === 1 ? '1 gruppe' : `${n} grupper`),
    of: (n: number) => `på ${n}`,
    and: 'og',
    alone: '1 deltager alene',
  },
  en: {
    pair: (n: number) => (n === 1 ? '1 pair' : `${n} pairs`),
    group: (n: number) => (n === 1 ? '1 group' : `${n} groups`),
    of: (n: number) => `of ${n}`,
    and: 'and',
    alone: '1 participant alone',
  },
};

/** "5 makkerpar og 1 gruppe på 3", "4 grupper (2 på 4 og 2 på 3)", "3 grupper på 4". */
export function describeGroups(plan: GroupPlan, lang: 'da' | 'en', grouping: 'pairs' | 'groups'): string {
  const w = words[lang];
  const { sizes } = plan;
  if (sizes.length === 1 && sizes[0] === 1) return w.alone;
  if (grouping === 'pairs') {
    const pairs = sizes.filter((s) => s === 2).length;
    const trios = sizes.filter((s) => s === 3).length;
    if (!trios) return w.pair(pairs);
    if (!pairs) return `${w.group(trios)} ${w.of(3)}`;
    return `${w.pair(pairs)} ${w.and} ${w.group(trios)} ${w.of(3)}`;
  }
  const big = sizes[0];
  const small = sizes[sizes.length - 1];
  if (big === small) return `${w.group(sizes.length)} ${w.of(big)}`;
  const bigCount = sizes.filter((s) => s === big).length;
  const smallCount = sizes.length - bigCount;
  return `${w.group(sizes.length)} (${bigCount} ${w.of(big)} ${w.and} ${smallCount} ${w.of(small)})`;
}
