import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * micromark, the markdown parser, takes time that grows faster than the text for two kinds of it, and
 * its stack runs out on one: `- ` written 10 000 times on one line took minutes, 10 000 `>` overflowed
 * the stack, and a paragraph of 1 MB of `[a] ` ran for more than 90 s (each `]` looks back through
 * the whole paragraph for its `[`; a template's loops can write that much). Before a text is parsed,
 * one pass finds both, reports them and defuses them (offsets of other lines kept), so the parser
 * never meets them:
 *
 * - a line deeper than `guardDepth`, estimated from above: the line's markers (`>`, `-`, `*`, `+`,
 *   `1.`, `[^note]:`), half its columns of indentation (a nested list item needs two) and the `:::`
 *   blocks still open. It is blanked. The estimate is never below the real depth and reaches the
 *   guard only far beyond what the model allows (MAX_MARKDOWN_NESTING);
 * - a paragraph (lines without a blank one, a new list item, quote or table row) with more than
 *   `maxBrackets` closing brackets. Its brackets are escaped, so none looks back.
 */
export const guardDepth = 32;

/** How deeply lists and block quotes may lie inside each other in a topic's text (checked by the model). */
export const MAX_MARKDOWN_NESTING = 8;

/** Closing brackets in one paragraph: a link, an image and a footnote mark take one each. */
export const maxBrackets = 200;

export interface GuardFinding {
  kind: 'deep' | 'brackets';
  /** 1-based, like the parser's positions. */
  line: number;
  column: number;
  /** The line's estimated depth, or the paragraph's closing brackets. */
  count: number;
}

export function markdownGuard(text: string): { text: string; findings: GuardFinding[] } {
  const findings: GuardFinding[] = [];
  const blanked: { start: number; end: number }[] = [];
  const escaped: { start: number; end: number }[] = [];
  let fences = 0;
  let paragraph: { start: number; line: number; column: number; brackets: number } | undefined;
  const endParagraph = (end: number) => {
    if (paragraph && paragraph.brackets > maxBrackets) {
      if (!findings.some((f) => f.kind === 'brackets')) findings.push({ kind: 'brackets', line: paragraph.line, column: paragraph.column, count: paragraph.brackets });
      escaped.push({ start: paragraph.start, end });
    }
    paragraph = undefined;
  };
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    line++;
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    let i = start;
    let columns = 0;
    let markers = 0;
    let firstMarker = -1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20) columns++;
      else if (c === 0x09) columns += 4;
      else {
        const width = i < end ? markerWidth(text, i, end) : 0;
        if (!width) break;
        if (firstMarker < 0) firstMarker = i;
        markers++;
        i += width;
        continue;
      }
      i++;
    }
    let opens = false;
    if (text.startsWith(':::', i)) {
      let j = i;
      while (text.charCodeAt(j) === 0x3a) j++;
      if (/[A-Za-z]/.test(text[j] ?? '')) opens = true;
      else if (!text.slice(j, end).trim()) fences = Math.max(0, fences - 1);
      if (firstMarker < 0) firstMarker = i;
    }
    const depth = fences + (opens ? 1 : 0) + markers + Math.floor(columns / 2);
    if (depth > guardDepth) {
      if (!findings.some((f) => f.kind === 'deep')) findings.push({ kind: 'deep', line, column: (firstMarker < 0 ? i : firstMarker) - start + 1, count: depth });
      blanked.push({ start, end });
    } else if (opens) fences++;

    if (i >= end) endParagraph(start);
    else {
      if (markers || text[i] === '|') endParagraph(start);
      let brackets = 0;
      for (let j = i; j < end; j++) if (text.charCodeAt(j) === 0x5d) brackets++;
      paragraph ??= { start, line, column: i - start + 1, brackets: 0 };
      paragraph.brackets += brackets;
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  endParagraph(text.length);
  if (!blanked.length && !escaped.length) return { text, findings };
  return { text: defuse(text, blanked, escaped), findings };
}

/** The text with the blanked lines as spaces and the escaped paragraphs' `]` as `\]`. */
function defuse(text: string, blanked: { start: number; end: number }[], escaped: { start: number; end: number }[]): string {
  const chars = text.split('');
  for (const { start, end } of escaped) for (let i = start; i < end; i++) if (chars[i] === ']') chars[i] = '\\]';
  for (const { start, end } of blanked) for (let i = start; i < end; i++) chars[i] = ' ';
  return chars.join('');
}

/** Length of the container marker at `i` (with the one space or tab after it), or 0. */
function markerWidth(text: string, i: number, end: number): number {
  const c = text[i];
  const spaced = (j: number) => (j >= end || text[j] === ' ' || text[j] === '\t' ? j - i + (j < end ? 1 : 0) : 0);
  if (c === '>') return text[i + 1] === ' ' || text[i + 1] === '\t' ? 2 : 1;
  if (c === '-' || c === '*' || c === '+') return spaced(i + 1);
  if (c >= '0' && c <= '9') {
    let j = i;
    while (j < end && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++;
    return text[j] === '.' || text[j] === ')' ? spaced(j + 1) : 0;
  }
  if (c === '[' && text[i + 1] === '^') {
    // A footnote label is at most 999 characters and holds no whitespace.
    const label = /^[^\s\]]{1,999}\]:/.exec(text.slice(i + 2, Math.min(end, i + 1003)));
    return label ? spaced(i + 2 + label[0].length) : 0;
  }
  return 0;
}

/** What the guard found, as the editor meets it at `file`. */
export function guardDiagnostic(file: string, finding: GuardFinding): Diagnostic {
  const place = { file, line: finding.line, column: finding.column, severity: 'error' as const };
  if (finding.kind === 'deep') {
    return {
      ...place,
      rule: 'markdown-too-deep',
      message: {
        da: `linjen ligger omkring ${finding.count} lag inde i lister, citater, \`:::\`-blokke eller indrykning; det er for dybt til at blive læst`,
        en: `this line is nested about ${finding.count} levels deep in lists, quotes, \`:::\` blocks or indentation, too deep to read`,
      },
      hint: {
        da: `lister og citater må højst ligge ${MAX_MARKDOWN_NESTING} lag inde i hinanden; ryk linjen længere til venstre`,
        en: `lists and quotes may lie at most ${MAX_MARKDOWN_NESTING} levels inside each other; start the line further left`,
      },
    };
  }
  return {
    ...place,
    rule: 'too-many-brackets',
    message: {
      da: `tekststykket (fra tom linje til tom linje) har ${finding.count.toLocaleString('da-DK')} lukkende firkantede parenteser \`]\`; der kan højst læses ${maxBrackets} i ét tekststykke`,
      en: `this paragraph holds ${finding.count.toLocaleString('en')} closing brackets \`]\`; at most ${maxBrackets} can be read in one paragraph`,
    },
    hint: {
      da: 'del tekststykket med tomme linjer, eller skriv parenteserne som \\], hvor de ikke er links',
      en: 'split the paragraph with blank lines, or write the brackets as \\] where they are not links',
    },
  };
}
