import hyphenDa from 'hyphen/da/index.js';
import hyphenEnGb from 'hyphen/en-gb/index.js';
import { RecentCache } from '../fonts/recent-cache.js';
import { hyphenationException } from '../model/hyphenation-exception.js';

type HyphenateSync = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

// Imported, not required by name at run time, so the bundle carries the two pattern sets it uses
// (184 kB) and the installed package does without hyphen's 9.7 MB of other languages.
const patterns: Record<'da' | 'en', HyphenateSync> = { da: hyphenDa.hyphenateSync, en: hyphenEnGb.hyphenateSync };

/** Lower-case word → the parts it may be broken into (one part: never break it). */
export type HyphenationExceptions = ReadonlyMap<string, readonly string[]>;

/**
 * Danish words the patterns break in the wrong place, written with a hyphen where each may break. The
 * patterns divide by syllables and know nothing of compounds, so they give "hel-bredsoplysninger",
 * "serviceni-veau" and "telesel-skabet", which a reader first takes for other words; a compound reads
 * best broken where its parts meet. Each entry also covers the word with an ending (below), so
 * "tele-selskab" is "tele-selskabet" too. Found by listing every word the bundled topics hyphenate.
 */
export const danishExceptions: readonly string[] = [
  'blå-bær-grød',
  'borger-service',
  'borger-service-medarbejder',
  'med-arbejder',
  'helbreds-oplysning',
  'service-niveau',
  'tele-selskab',
  'net-butik',
  'net-butikker',
  'op-sætning',
  'del-tager',
  'spørgs-mål',
  'spørge-skema',
  'spørge-skema-undersøgelse',
  'grå-zone',
  'streaming',
  'streaming-abonnement',
  'vejlednings-pligt',
  'person-data-forordning',
  'rets-information',
  'poin-te',
  'ramme-sætning',
  'hjemme-hjælps-ordning',
  'sikkerheds-foranstaltnings-instruktion',
];

/**
 * Endings an exception's word may carry (Danish nouns and verbs: -en, -er, -erne, -ens …), so one
 * entry covers a word's forms. Longest first, so the longest stem that is listed wins.
 */
const ENDINGS = ['ernes', 'erne', 'enes', 'eres', 'rnes', 'ene', 'ens', 'ere', 'ers', 'ets', 'rne', 'nes', 'res', 'en', 'er', 'et', 'es', 'ne', 're', 'ns', 'rs', 'ts', 'e', 'r', 'n', 't', 's'];

/** A list of exceptions as written → the map hyphenateWord looks words up in; later entries win. */
export function hyphenationExceptionMap(entries: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of entries) {
    const parsed = hyphenationException(entry);
    if (parsed) map.set(parsed.word, parsed.parts);
  }
  return map;
}

const builtIn = hyphenationExceptionMap(danishExceptions);

/** The built-in Danish exceptions, word → parts. */
export const hyphenationExceptions: Record<string, string[]> = Object.fromEntries(builtIn);

/** Fewest letters on either side of a break the patterns find. */
const MIN_PART = 3;

/**
 * Longest word the patterns are asked about. hyphen's time grows faster than the word (8 000 letters
 * 67 ms, 50 000 letters 8.3 s), and no word of a language comes near this: a longer one is a pasted
 * string, which line breaking cuts between letters as it cuts a long URL.
 */
const MAX_HYPHENATED = 4000;
/**
 * Words hyphenated lately. Unbounded, it grew by about 30 kB a topic of distinct text for as long as a
 * build ran; two generations of 5 000 words hold what a topic asks for again.
 */
const cache = new RecentCache<string, string[]>(5_000);

/**
 * The parts a word may be broken into, or a single part when it must not be broken: names (a capital
 * first letter inside a sentence), URLs, addresses, numbers, words shorter than seven letters and
 * strings longer than MAX_HYPHENATED are never hyphenated. A capital at a sentence's start is just a capital.
 * `exceptions` (from dialogpack.yaml) come before the built-in Danish ones and the patterns, in any language.
 */
export function hyphenateWord(word: string, lang: 'da' | 'en', sentenceStart = false, exceptions?: HyphenationExceptions): string[] {
  const core = /^([\s\S]*?)([.,;:!?»«"“”’)]*)$/u.exec(word)!;
  const body = core[1];
  const trail = core[2];
  if (body.length < 7 || body.length > MAX_HYPHENATED || !/^[\p{Ll}\p{Lu}]+$/u.test(body) || (!sentenceStart && /^\p{Lu}/u.test(body)) || /^\p{Lu}{2}/u.test(body)) {
    return [word];
  }
  const configured = exceptions?.size ? exceptionParts(body, exceptions) : undefined;
  if (configured) return withTrail(configured, trail);
  const key = `${lang}:${sentenceStart}:${word}`;
  let parts = cache.get(key);
  if (parts) return parts;
  parts = withTrail((lang === 'da' && exceptionParts(body, builtIn)) || mergeShort(patterns[lang](body, { hyphenChar: '\u00ad' }).split('\u00ad')), trail);
  cache.set(key, parts);
  return parts;
}

function withTrail(parts: string[], trail: string): string[] {
  const out = [...parts];
  out[out.length - 1] += trail;
  return out;
}

/**
 * The word split where its exception allows, in the word's own letters (case), or undefined when no
 * exception lists it, with or without one of ENDINGS. An exception is the editor's choice, so its parts
 * are kept however short.
 */
function exceptionParts(body: string, exceptions: HyphenationExceptions): string[] | undefined {
  const lower = body.toLowerCase();
  let pieces = exceptions.get(lower);
  if (!pieces) {
    const ending = ENDINGS.find((e) => lower.endsWith(e) && exceptions.has(lower.slice(0, -e.length)));
    if (ending) pieces = [...exceptions.get(lower.slice(0, -ending.length))!.slice(0, -1), exceptions.get(lower.slice(0, -ending.length))!.at(-1)! + ending];
  }
  if (!pieces) return undefined;
  let at = 0;
  return pieces.map((p) => body.slice(at, (at += p.length)));
}

/**
 * Joins the patterns' parts so no break leaves fewer than MIN_PART letters at the word's start or end,
 * and a one-letter part to the part before it. A lone letter is where two patterns disagree, and the
 * break before it is the wrong one in Danish: "me-d-arbejder", "hjemmehjælp-s-ordning", "ret-s-information"
 * (a compound's binding s belongs to its first part).
 */
function mergeShort(pieces: string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    if (out.length && piece.length === 1) out[out.length - 1] += piece;
    else out.push(piece);
  }
  while (out.length > 1 && out[0].length < MIN_PART) out.splice(0, 2, out[0] + out[1]);
  while (out.length > 1 && out[out.length - 1].length < MIN_PART) out.splice(out.length - 2, 2, out[out.length - 2] + out[out.length - 1]);
  return out;
}
