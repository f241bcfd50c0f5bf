import type { GroupPlan } from './agenda.js';

const words = {
  da: {
    pair: (n: number) => (n === 1 ? '1 makkerpar' : `${n} makkerpar`),
    group: (n: number) => (n === 1 ? '1 gruppe' : `${n} grupper`),
    of: (n: number) => `på ${n}`,
    and: 'og',
    alone: '1 deltager alene',
    joined: 'makkerparrene slår sig sammen',
  },
  en: {
    pair: (n: number) => (n === 1 ? '1 pair' : `${n} pairs`),
    group: (n: number) => (n === 1 ? '1 group' : `${n} groups`),
    of: (n: number) => `of ${n}`,
    and: 'and',
    alone: '1 participant alone',
    joined: 'the pairs join up',
  },
};

/**
 * "5 makkerpar og 1 gruppe på 3", "4 grupper (2 på 4 og 2 på 3)", "3 grupper på 4", and for groups made of
 * the pairs before them "3 grupper (1 på 6 og 2 på 4) – makkerparrene slår sig sammen".
 */
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
  const distinct = [...new Set(sizes)];
  const said =
    distinct.length === 1
      ? `${w.group(sizes.length)} ${w.of(distinct[0])}`
      : `${w.group(sizes.length)} (${listed(distinct.map((size) => `${sizes.filter((s) => s === size).length} ${w.of(size)}`), w.and)})`;
  return plan.joinsPairs ? `${said} – ${w.joined}` : said;
}

/** "a, b og c" */
function listed(parts: string[], and: string): string {
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}
