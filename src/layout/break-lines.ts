import type { FontBook } from '../fonts/font-book.js';
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
  const words = toWords(runs, fonts, size);
  const lines: Line[] = [];
  let current: Line = { pieces: [], width: 0 };
  const flush = () => {
    lines.push(current);
    current = { pieces: [], width: 0 };
  };
  for (let word of words) {
    for (let n = 0; n < word.hardBreaksBefore; n++) {
      current.endsWithSpace = true;
      flush();
    }
    const space = current.pieces.length ? word.space : undefined;
    if (current.pieces.length && current.width + (space?.width ?? 0) + word.width > width) {
      // Hyphenate only where the line needs it, so most words stay whole.
      const split = hyphenate && splitWord(word, width - current.width - (space?.width ?? 0), fonts, size, hyphenate);
      if (split) {
        place(current, [split.head], space);
        word = split.tail;
      } else current.endsWithSpace = !!word.space;
      flush();
    }
    while (hyphenate && !current.pieces.length && word.width > width) {
      const split = splitWord(word, width, fonts, size, hyphenate);
      if (!split) break;
      place(current, [split.head]);
      flush();
      word = split.tail;
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

/** The longest hyphenated head of a one-style word that fits `room`, and the rest as a word of its own. */
function splitWord(
  word: Word,
  room: number,
  fonts: FontBook,
  size: number,
  hyphenate: (word: string, sentenceStart: boolean) => string[],
): { head: WordPart; tail: Word } | undefined {
  if (word.parts.length !== 1 || word.parts[0].run.code) return undefined;
  const part = word.parts[0];
  const pieces = hyphenate(part.text, word.sentenceStart);
  if (pieces.length < 2) return undefined;
  const face = faceOf(part.run);
  const whole = part.hyphen?.word ?? part.text;
  // A head grows with every piece, so the longest that fits is found by bisection: a word of thousands
  // of letters (a pasted string) took seconds when every head was built and measured in turn.
  const headText = (k: number) => `${pieces.slice(0, k).join('')}-`;
  let fits = 0;
  let fitWidth = 0;
  for (let low = 1, high = pieces.length - 1; low <= high; ) {
    const k = (low + high) >> 1;
    const width = fonts.measure(headText(k), face, size);
    if (width <= room) {
      fits = k;
      fitWidth = width;
      low = k + 1;
    } else high = k - 1;
  }
  if (!fits) return undefined;
  const tailText = pieces.slice(fits).join('');
  const tailWidth = fonts.measure(tailText, face, size);
  return {
    head: { text: headText(fits), run: part.run, width: fitWidth, hyphen: { word: whole, first: part.hyphen?.first ?? true } },
    tail: {
      parts: [{ text: tailText, run: part.run, width: tailWidth, hyphen: { word: whole, first: false } }],
      width: tailWidth,
      hardBreaksBefore: 0,
      sentenceStart: word.sentenceStart,
    },
  };
}

function toWords(runs: readonly InlineRun[], fonts: FontBook, size: number): Word[] {
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
      const part = { text, run, width: fonts.measure(text, face, size) };
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
  // candidate chunk is measured whole; binary search keeps that cheap for very long words.
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
    let low = i + 1;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (widthOf(partsOf(i, mid)) <= width) low = mid;
      else high = mid - 1;
    }
    let end = low;
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
