/**
 * "Did you mean" for unknown keys and options: the closest candidate within a small edit distance, or else
 * the one candidate that shares a long start with the input (`plenum` → `plenary`, `individuelt` →
 * `individual`), since editors often write the word of their own language.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  return closest(input, candidates) ?? sharedStart(input, candidates);
}

function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

const minSharedStart = 4;

function sharedStart(input: string, candidates: readonly string[]): string | undefined {
  const start = input.toLowerCase().slice(0, minSharedStart);
  if (start.length < minSharedStart) return undefined;
  const matches = candidates.filter((c) => c.toLowerCase().startsWith(start));
  return matches.length === 1 ? matches[0] : undefined;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(
        previous[j] + 1,
        previous[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length];
}
