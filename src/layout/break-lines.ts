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
 * A word wider than a whole line is cut where a URL or compound allows (after / . - _ ? & =),
 * else between characters, so nothing is ever set beyond the measure.
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
  let current: Line = { pieces: [], width: 0 };
  const flush = () => {
    lines.push(current);
    current = { pieces: [], width: 0 };
  };
  const placeHeads = (heads: WordPart[]) => {
    for (const head of heads) {
      if (current.pieces.length) flush();
      place(current, [head]);
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
      // Hyphenate only where the line needs it, so most words stay whole.
      const split = hyphenate && splitWord(word, width - current.width - (space?.width ?? 0), width, fonts, size, hyphenate);
      if (split) {
        place(current, [split.heads[0]], space);
        placeHeads(split.heads.slice(1));
        word = split.tail;
      } else {
        current.endsWithSpace = !!word.space;
        flush();
      }
    }
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
        place(current, chunk);
      }
      continue;
    }
    place(current, word.parts, current.pieces.length ? word.space : undefined);
  }
  if (current.pieces.length || !lines.length) flush();
  return lines;
}

function place(line: Line, parts: WordPart[], space?: WordSpace): void {
  if (space) {
    line.pieces.push({ text: space.text, run: space.run, x: line.width, width: space.width });
    line.width += space.width;
  }
  for (const part of parts) {
    line.pieces.push({ text: part.text, run: part.run, x: line.width, width: part.width, hyphen: part.hyphen });
    line.width += part.width;
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
    heads.push({ text: headText(fits.count), run: part.run, width: fits.width, hyphen: { word: whole, first: heads.length ? false : (part.hyphen?.first ?? true) } });
    from += fits.count;
    if (restFits(pieces, from, fonts, face, size, width)) break;
  }
  if (!heads.length) return undefined;
  const tailText = pieces.slice(from).join('');
  const tailWidth = measureCapped(tailText, fonts, face, size, width);
  return {
    heads,
    tail: {
      parts: [{ text: tailText, run: part.run, width: tailWidth, hyphen: { word: whole, first: false } }],
      width: tailWidth,
      hardBreaksBefore: 0,
      sentenceStart: word.sentenceStart,
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
  return words;
}

const PREFERRED_CUT = /[/.\-_?&=]/;

function cutWord(word: Word, fonts: FontBook, size: number, width: number): WordPart[][] {
  const chars: { char: string; run: InlineRun }[] = [];
  for (const part of word.parts) for (const char of part.text) chars.push({ char, run: part.run });
  // Widths of a string are not the sum of its characters' widths (kerning, shaping), so each
  // candidate chunk is measured whole; galloping and bisection keep that cheap for very long words.
  const partsOf = (from: number, to: number): WordPart[] => {
    const parts: WordPart[] = [];
    for (let j = from; j < to; j++) {
      const last = parts[parts.length - 1];
      if (last && last.run === chars[j].run) last.text += chars[j].char;
      else parts.push({ text: chars[j].char, run: chars[j].run, width: 0 });
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
