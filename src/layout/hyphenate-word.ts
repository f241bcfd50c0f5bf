import hyphenDa from 'hyphen/da/index.js';
import hyphenEnGb from 'hyphen/en-gb/index.js';

type HyphenateSync = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

// Imported, not required by name at run time, so the bundle carries the two pattern sets it uses
// (184 kB) and the installed package does without hyphen's 9.7 MB of other languages.
const patterns: Record<'da' | 'en', HyphenateSync> = { da: hyphenDa.hyphenateSync, en: hyphenEnGb.hyphenateSync };

/**
 * Words the patterns split wrongly, with their right split points. Kept here so an editor who meets a
 * bad break can add the word in one line (the `hyphen` patterns give "blå-bærg-rød").
 */
export const hyphenationExceptions: Record<string, string[]> = {
  blåbærgrød: ['blå', 'bær', 'grød'],
  borgerservicemedarbejderen: ['borger', 'service', 'medarbejderen'],
  borgerservicemedarbejder: ['borger', 'service', 'medarbejder'],
  medarbejderen: ['med', 'arbejderen'],
  medarbejdere: ['med', 'arbejdere'],
  medarbejder: ['med', 'arbejder'],
};

/** Fewest letters on either side of a break. */
const MIN_PART = 3;

/**
 * Longest word the patterns are asked about. hyphen's time grows faster than the word (8 000 letters
 * 67 ms, 50 000 letters 8.3 s), and no word of a language comes near this: a longer one is a pasted
 * string, which line breaking cuts between letters as it cuts a long URL.
 */
const MAX_HYPHENATED = 4000;
const cache = new Map<string, string[]>();

/**
 * The parts a word may be broken into, or a single part when it must not be broken: names (a capital
 * first letter inside a sentence), URLs, addresses, numbers, words shorter than seven letters and
 * strings longer than MAX_HYPHENATED are never hyphenated. A capital at a sentence's start is just a capital.
 */
export function hyphenateWord(word: string, lang: 'da' | 'en', sentenceStart = false): string[] {
  const key = `${lang}:${sentenceStart}:${word}`;
  let parts = cache.get(key);
  if (parts) return parts;
  const letters = /^[\p{Ll}\p{Lu}]+$/u;
  const core = /^([\s\S]*?)([.,;:!?»«"“”’)]*)$/u.exec(word)!;
  const body = core[1];
  const trail = core[2];
  if (body.length < 7 || body.length > MAX_HYPHENATED || !letters.test(body) || (!sentenceStart && /^\p{Lu}/u.test(body)) || /^\p{Lu}{2}/u.test(body)) parts = [word];
  else {
    const lower = body.toLowerCase();
    let pieces = hyphenationExceptions[lower];
    if (!pieces) {
      pieces = patterns[lang](body, { hyphenChar: '\u00ad' }).split('\u00ad');
    } else {
      // Keep the word's own letters (case), split at the exception's lengths.
      let at = 0;
      pieces = pieces.map((p) => body.slice(at, (at += p.length)));
    }
    parts = mergeShort(pieces);
    parts[parts.length - 1] += trail;
  }
  cache.set(key, parts);
  return parts;
}

/** Joins parts so no break leaves fewer than MIN_PART letters at the word's start or end. */
function mergeShort(pieces: string[]): string[] {
  const out = [...pieces];
  while (out.length > 1 && out[0].length < MIN_PART) out.splice(0, 2, out[0] + out[1]);
  while (out.length > 1 && out[out.length - 1].length < MIN_PART) out.splice(out.length - 2, 2, out[out.length - 2] + out[out.length - 1]);
  return out;
}
