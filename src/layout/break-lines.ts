import LineBreaker from 'linebreak';
import type { FontBook } from '../fonts/font-book.js';
import type { FaceKey } from '../fonts/font-catalog.js';
import { faceOf, type InlineRun } from './inline-runs.js';

/** Part of a word broken with a hyphen: every part names the whole word, so it can be read back whole. */
export interface HyphenPart {
  word: string;
  first: boolean;
}

export interface LinePiece {
  text: string;
  run: InlineRun;
  x: number;
  width: number;
  hyphen?: HyphenPart;
}

export interface Line {
  pieces: LinePiece[];
  width: number;
  /** The line ends in a hyphen hyphenation added: its word goes on in the next line. */
  hyphenated?: boolean;
  /**
   * The line ended at a space (or a hard break). It is not counted in `width`, but is drawn, so text
   * read from the tag tree keeps its word boundary ("ofte tæt", not "oftetæt").
   */
  endsWithSpace?: boolean;
}

interface WordPart {
  text: string;
  run: InlineRun;
  width: number;
  hyphen?: HyphenPart;
  /** The word between spaces this part belongs to, when that word has break opportunities of its own. */
  compound?: Compound;
}

/** A word with hard hyphens or slashes ("borgerservice-medarbejdernes", "og/eller"), as written. */
interface Compound {
  text: string;
}

/** The space before a word as it is drawn: one space, or code's spaces as written. */
interface WordSpace {
  text: string;
  run: InlineRun;
  width: number;
}

interface Word {
  parts: WordPart[];
  width: number;
  /** None at a paragraph's start or after a hard break. */
  space?: WordSpace;
  /** Hard line breaks before this word: more than one leaves empty lines (a blank line in code). */
  hardBreaksBefore: number;
  /** First word of its block or of a sentence: a capital letter here does not make it a name. */
  sentenceStart: boolean;
  /** The rest of a word after a hard hyphen or slash: it follows the part before with no space. */
  glued?: boolean;
}

/**
 * Breakable whitespace; U+00A0 (no-break space) deliberately is not. U+2028 and U+2029 (line and
 * paragraph separators, which text pasted from word processors carries) break like a space: no font
 * has a glyph for them, and markdown does not read them as line endings.
 */
const SPACE = /[ \t\n\r\f\v\u2028\u2029]+/;
/** The same whitespace, kept as tokens of their own when a run is split into words and spaces. */
const SPLIT_AT_SPACE = new RegExp(`(${SPACE.source})`);

/**
 * Greedy line breaking of styled runs into lines no wider than `width`, measured with the real fonts.
 * A word may also break after a hard hyphen or a slash where UAX #14 allows it ("borgerservice-" |
 * "medarbejdernes", "og/" | "eller"), with nothing added. A word wider than a whole line is cut where a
 * URL or compound allows (after / . - _ ? & =), else between characters, so nothing is ever set beyond
 * the measure.
 */
export function breakLines(
  runs: readonly InlineRun[],
  fonts: FontBook,
  size: number,
  width: number,
  hyphenate?: (word: string, sentenceStart: boolean) => string[],
): Line[] {
  const words = toWords(runs, fonts, size, width);
  const lines: Line[] = [];
  const compoundOf = new Map<LinePiece, Compound>();
  let current: Line = { pieces: [], width: 0 };
  /** How many lines in a row, up to the one before `current`, end in a hyphen. */
  let hyphenRun = 0;
  const flush = () => {
    const last = current.pieces[current.pieces.length - 1];
    hyphenRun = !current.endsWithSpace && last && HYPHEN_END.test(last.text) ? hyphenRun + 1 : 0;
    lines.push(current);
    current = { pieces: [], width: 0 };
  };
  const place = (parts: WordPart[], space?: WordSpace) => {
    if (space) {
      current.pieces.push({ text: space.text, run: space.run, x: current.width, width: space.width });
      current.width += space.width;
    }
    for (const part of parts) {
      const piece: LinePiece = { text: part.text, run: part.run, x: current.width, width: part.width, hyphen: part.hyphen };
      current.pieces.push(piece);
      if (part.compound) compoundOf.set(piece, part.compound);
      current.width += part.width;
    }
  };
  const placeHeads = (heads: WordPart[]) => {
    for (const head of heads) {
      if (current.pieces.length) flush();
      place([head]);
      current.hyphenated = true;
    }
    flush();
  };
  for (let word of words) {
    for (let n = 0; n < word.hardBreaksBefore; n++) {
      current.endsWithSpace = true;
      flush();
    }
    const space = current.pieces.length ? word.space : undefined;
    if (current.pieces.length && current.width + (space?.width ?? 0) + word.width > width) {
      // Hyphenate only where the line needs it, so most words stay whole; never a third line in a row
      // that ends in a hyphen (a ladder down the right edge makes the eye lose its line); and not the
      // part after a hard hyphen, which breaks better at the hyphen it has than at one added.
      const split = hyphenate && !word.glued && hyphenRun < MAX_HYPHEN_RUN && splitWord(word, width - current.width - (space?.width ?? 0), width, fonts, size, hyphenate);
      if (split) {
        place([split.heads[0]], space);
        current.hyphenated = true;
        placeHeads(split.heads.slice(1));
        word = split.tail;
      } else {
        current.endsWithSpace = !!word.space;
        flush();
      }
    }
    // A word longer than a line is broken whatever the lines before it end in.
    if (hyphenate && !current.pieces.length && word.width > width) {
      const split = splitWord(word, width, width, fonts, size, hyphenate);
      if (split) {
        placeHeads(split.heads);
        word = split.tail;
      }
    }
    if (!current.pieces.length && word.width > width) {
      for (const chunk of cutWord(word, fonts, size, width)) {
        if (current.pieces.length) flush();
        place(chunk);
      }
      continue;
    }
    place(word.parts, current.pieces.length ? word.space : undefined);
  }
  if (current.pieces.length || !lines.length) flush();
  markBrokenCompounds(lines, compoundOf);
  return lines;
}

/** Most lines in a row that may end in a hyphen, where the breaker has a choice. */
const MAX_HYPHEN_RUN = 2;
/** A line that ends in one of these, with no space after it, ends in a hyphen (added or written). */
const HYPHEN_END = /[-\u2010]$/;

/**
 * A word broken across lines at its hard hyphen or slash reads back whole: each of its pieces names
 * the whole word, as a hyphenated word's parts do, so the tag tree and a text extractor read
 * "borgerservice-medarbejdernes" and not two words, nor, from an extractor that joins a hyphen at a
 * line's end, one word without its hyphen.
 */
function markBrokenCompounds(lines: readonly Line[], compoundOf: ReadonlyMap<LinePiece, Compound>): void {
  const broken = new Set<Compound>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const last = lines[i].pieces[lines[i].pieces.length - 1];
    const compound = last && compoundOf.get(last);
    if (compound && lines[i + 1].pieces[0] && compoundOf.get(lines[i + 1].pieces[0]) === compound) broken.add(compound);
  }
  if (!broken.size) return;
  const started = new Set<Compound>();
  for (const line of lines) {
    for (const piece of line.pieces) {
      const compound = compoundOf.get(piece);
      if (!compound || !broken.has(compound)) continue;
      piece.hyphen = { word: compound.text, first: !started.has(compound) };
      started.add(compound);
    }
  }
}

/**
 * A one-style word broken at its hyphenation points: the longest head that fits `room` on the current
 * line, then as many full lines (`width`) as the rest needs, and the rest as a word of its own once it
 * fits a line or no head of it does. The word is hyphenated once and each line's head is found by
 * galloping and bisection, so nothing longer than twice a line is measured: a 50 KB word ran for more
 * than two minutes when each line hyphenated and measured all that was left of it.
 */
function splitWord(
  word: Word,
  room: number,
  width: number,
  fonts: FontBook,
  size: number,
  hyphenate: (word: string, sentenceStart: boolean) => string[],
): { heads: WordPart[]; tail: Word } | undefined {
  if (word.parts.length !== 1 || word.parts[0].run.code) return undefined;
  const part = word.parts[0];
  const pieces = hyphenate(part.text, word.sentenceStart);
  if (pieces.length < 2) return undefined;
  const face = faceOf(part.run);
  const whole = part.hyphen?.word ?? part.text;
  const heads: WordPart[] = [];
  let from = 0;
  for (;;) {
    const headText = (k: number) => `${pieces.slice(from, from + k).join('')}-`;
    const fits = longestFit(pieces.length - from - 1, (k) => fonts.measure(headText(k), face, size), heads.length ? width : room);
    if (!fits.count) break;
    heads.push({
      text: headText(fits.count),
      run: part.run,
      width: fits.width,
      hyphen: { word: whole, first: heads.length ? false : (part.hyphen?.first ?? true) },
      compound: part.compound,
    });
    from += fits.count;
    if (restFits(pieces, from, fonts, face, size, width)) break;
  }
  if (!heads.length) return undefined;
  const tailText = pieces.slice(from).join('');
  const tailWidth = measureCapped(tailText, fonts, face, size, width);
  return {
    heads,
    tail: {
      parts: [{ text: tailText, run: part.run, width: tailWidth, hyphen: { word: whole, first: false }, compound: part.compound }],
      width: tailWidth,
      hardBreaksBefore: 0,
      sentenceStart: word.sentenceStart,
      glued: word.glued,
    },
  };
}

/**
 * The largest count in 1..most whose width (growing with the count) is at most `room`, or 0. The count
 * doubles until it is too wide, then bisection narrows it, so a measured candidate is never much more
 * than a line however long the whole.
 */
function longestFit(most: number, widthOf: (count: number) => number, room: number): { count: number; width: number } {
  let fit = { count: 0, width: 0 };
  let over = most + 1;
  for (let k = 1; k <= most; k = Math.min(most, k * 2)) {
    const width = widthOf(k);
    if (width > room) {
      over = k;
      break;
    }
    fit = { count: k, width };
    if (k === most) return fit;
  }
  for (let low = fit.count + 1, high = over - 1; low <= high; ) {
    const k = (low + high) >> 1;
    const width = widthOf(k);
    if (width <= room) {
      fit = { count: k, width };
      low = k + 1;
    } else high = k - 1;
  }
  return fit;
}

/** Whether the pieces from `from` on fit `width`, joined only as far as it takes to tell. */
function restFits(pieces: readonly string[], from: number, fonts: FontBook, face: FaceKey, size: number, width: number): boolean {
  let text = '';
  let next = from;
  for (let n = 64; ; n *= 2) {
    while (next < pieces.length && text.length < n) text += pieces[next++];
    if (next === pieces.length) return fonts.measure(text, face, size) <= width;
    if (fonts.measure(text, face, size) > width) return false;
  }
}

/**
 * A word's width when it is at most `cap`, else Infinity: a word wider than a line is broken anyway,
 * so a very long one is measured in growing heads only until one is too wide, and never shaped whole.
 */
function measureCapped(text: string, fonts: FontBook, face: FaceKey, size: number, cap: number): number {
  for (let n = 64; n < text.length; n *= 2) {
    // A head never ends between the two halves of a character outside the BMP.
    const end = /[\uD800-\uDBFF]/.test(text[n - 1]) ? n + 1 : n;
    if (fonts.measure(text.slice(0, end), face, size) > cap) return Number.POSITIVE_INFINITY;
  }
  return fonts.measure(text, face, size);
}

function toWords(runs: readonly InlineRun[], fonts: FontBook, size: number, width: number): Word[] {
  const words: Word[] = [];
  let current: Word | undefined;
  let pendingSpace: WordSpace | undefined;
  let pendingBreaks = 0;
  /** Code's spaces at the start of a line: its indentation, kept as part of the line's first word. */
  let indent = '';
  for (const run of runs) {
    const face = faceOf(run);
    const tokens = run.text.split(SPLIT_AT_SPACE);
    for (const token of tokens) {
      if (!token) continue;
      if (SPACE.test(token)) {
        current = undefined;
        if (run.code) {
          // Code keeps its spaces as written, so indentation and aligned columns survive.
          // The token is all whitespace: a tab is four spaces, any other kind one.
          const text = token.replace(/\t/g, '    ').replace(/[^ ]/g, ' ');
          if (pendingBreaks || !words.length) indent += text;
          else pendingSpace ??= { width: fonts.measure(text, face, size), run, text };
        } else pendingSpace ??= { width: fonts.measure(' ', face, size), run, text: ' ' };
        continue;
      }
      const text = indent + token;
      indent = '';
      const part = { text, run, width: measureCapped(text, fonts, face, size, width) };
      if (current) {
        current.parts.push(part);
        current.width += part.width;
      } else {
        const previous = words[words.length - 1];
        current = {
          parts: [part],
          width: part.width,
          space: pendingBreaks ? undefined : pendingSpace,
          hardBreaksBefore: pendingBreaks,
          sentenceStart: !previous || /[.!?:»]$/.test(previous.parts[previous.parts.length - 1].text),
        };
        words.push(current);
        pendingSpace = undefined;
        pendingBreaks = 0;
      }
    }
    if (run.breakAfter) {
      current = undefined;
      pendingSpace = undefined;
      pendingBreaks++;
      indent = '';
    }
  }
  return words.flatMap((word) => splitAtHardHyphens(word, fonts, size, width));
}

/** Characters after which a word may break with nothing added: hyphens, dashes and the slash. */
const BREAK_AFTER = /[-\u2010\u2013\u2014/]/;

/**
 * A word with break opportunities of its own → one word for each part between them, the later ones
 * glued to the part before (no space). The opportunities are UAX #14's (the linebreak package, which
 * PDFKit uses too), taken only after a hyphen, a dash or a slash: never before a digit ("4–20", a
 * number range, stays whole) or beside a part of fewer than two letters or digits ("e-mail" stays
 * whole). Code, URLs and addresses are left as they are: a URL broken at each slash as it happens to
 * fall is hard to type again, so it moves to a line of its own and is cut only when longer than a line.
 */
function splitAtHardHyphens(word: Word, fonts: FontBook, size: number, width: number): Word[] {
  const text = word.parts.map((p) => p.text).join('');
  if (!BREAK_AFTER.test(text) || word.parts.some((p) => p.run.code) || /:\/\/|^www\.|@/i.test(text)) return [word];
  const cuts = breakOpportunities(text);
  if (!cuts.length) return [word];
  const compound: Compound = { text };
  const words: Word[] = [];
  let pieces: WordPart[] = [];
  const finish = () => {
    if (!pieces.length) return;
    const wordWidth = pieces.reduce((sum, p) => sum + p.width, 0);
    words.push(
      words.length
        ? { parts: pieces, width: wordWidth, hardBreaksBefore: 0, sentenceStart: false, glued: true }
        : { ...word, parts: pieces, width: wordWidth },
    );
    pieces = [];
  };
  const slice = (part: WordPart, from: number, to: number): WordPart => {
    const sliced = part.text.slice(from, to);
    const partWidth = from === 0 && to === part.text.length ? part.width : measureCapped(sliced, fonts, faceOf(part.run), size, width);
    return { text: sliced, run: part.run, width: partWidth, compound };
  };
  let offset = 0;
  let next = 0;
  for (const part of word.parts) {
    let from = 0;
    while (next < cuts.length && cuts[next] - offset < part.text.length) {
      const at = cuts[next++] - offset;
      if (at > from) pieces.push(slice(part, from, at));
      finish();
      from = at;
    }
    if (from < part.text.length) pieces.push(slice(part, from, part.text.length));
    offset += part.text.length;
  }
  finish();
  return words;
}

function breakOpportunities(text: string): number[] {
  const breaker = new LineBreaker(text);
  const found: number[] = [];
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    if (!b.required && b.position > 0 && b.position < text.length && BREAK_AFTER.test(text[b.position - 1]) && !/\p{N}/u.test(text[b.position])) {
      found.push(b.position);
    }
  }
  const enough = (from: number, to: number) => (text.slice(from, to).match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2;
  return found.filter((at, i) => enough(found[i - 1] ?? 0, at) && enough(at, found[i + 1] ?? text.length));
}

const PREFERRED_CUT = /[/.\-_?&=]/;

function cutWord(word: Word, fonts: FontBook, size: number, width: number): WordPart[][] {
  const chars: { char: string; run: InlineRun; compound?: Compound }[] = [];
  for (const part of word.parts) for (const char of part.text) chars.push({ char, run: part.run, compound: part.compound });
  // Widths of a string are not the sum of its characters' widths (kerning, shaping), so each
  // candidate chunk is measured whole; galloping and bisection keep that cheap for very long words.
  const partsOf = (from: number, to: number): WordPart[] => {
    const parts: WordPart[] = [];
    for (let j = from; j < to; j++) {
      const last = parts[parts.length - 1];
      if (last && last.run === chars[j].run) last.text += chars[j].char;
      else parts.push({ text: chars[j].char, run: chars[j].run, width: 0, compound: chars[j].compound });
    }
    for (const part of parts) part.width = fonts.measure(part.text, faceOf(part.run), size);
    return parts;
  };
  const widthOf = (parts: WordPart[]) => parts.reduce((sum, p) => sum + p.width, 0);
  const chunks: WordPart[][] = [];
  let i = 0;
  while (i < chars.length) {
    // At least one character a line, however narrow the line.
    let end = i + Math.max(1, longestFit(chars.length - i, (k) => widthOf(partsOf(i, i + k)), width).count);
    if (end < chars.length) {
      for (let j = end - 1; j > i + (end - i) * 0.4; j--) {
        if (PREFERRED_CUT.test(chars[j].char)) {
          end = j + 1;
          break;
        }
      }
    }
    chunks.push(partsOf(i, end));
    i = end;
  }
  return chunks;
}
