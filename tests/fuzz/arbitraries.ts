/**
 * fast-check arbitraries for the pipeline fuzz tests: topic folders (topic.yaml, markdown sections, cards)
 * with hostile text. Each arbitrary yields a TopicCase: the files of one topic folder and the build options.
 *
 * Nothing here touches the disk; tests/fuzz/topic-case.ts writes a case into a temporary folder.
 */
import fc from 'fast-check';
import { crc32, deflateSync } from 'node:zlib';
import { stringify } from 'yaml';
import type { OutputKind } from '../../src/compose/compose-document.js';

export interface CaseOptions {
  participants?: number;
  start?: string;
  pdfa?: boolean;
  poster?: 'A1' | 'A2';
  paper?: 'A4' | 'A3';
  kinds?: OutputKind[];
}

export interface TopicCase {
  /** The topic folder's name (its slug). */
  folder: string;
  /** Relative path → content. Strings are written as UTF-8; bytes as they are. */
  files: Record<string, string | Uint8Array>;
  options: CaseOptions;
  /** The stress in the case, if any (for the run's statistics). */
  stress?: string;
  /** Whether the case was generated to be possibly invalid. */
  edgy?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------------

/** Hand-picked troublemakers: combining marks, zero-width and bidi controls, C0/C1 controls, every plane. */
export const specialChars = [
  // combining marks, alone and stacked
  '\u0301', '\u0338', '\u20DD', 'e\u0301', 'a\u0308\u0304', 'Z\u0338\u0322\u031B\u0316\u0317\u0318\u0319\u031C\u031D\u031E\u031F\u0320\u0324\u0325\u0326\u0329\u032A',
  // zero width, joiners, BOM in the middle, soft hyphen, odd spaces
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u00A0', '\u2007', '\u202F', '\u3000', '\u2003', '\u180E',
  // line and paragraph separators, NEL
  '\u2028', '\u2029', '\u0085',
  // bidi overrides and isolates, RTL scripts
  '\u202E', '\u202D', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F',
  'שָׁלוֹם', 'مرحبا بالعالم', '\uFDFA', '\uFDFD', 'ܫܠܡܐ', 'ދިވެހި',
  // C0 and C1 controls (NUL is handled separately: it makes a file binary)
  '\u0001', '\u0007', '\b', '\u000B', '\f', '\u001B', '\u001F', '\u007F', '\u0080', '\u0090', '\u009B', '\u009F', '\t', '\r',
  // Danish and Latin troubles
  'æøå ÆØÅ', 'ß', 'ﬁ', 'ﬀ', 'ǅ', 'İı', 'ŉ', '–', '—', '’', '…', '“”', '„', '«»', '‰', '€',
  // other scripts of the BMP
  '日本語のテキスト', '한국어', 'ไทยภาษา', 'हिन्दी', 'ᚠᛇᚻ', 'ꦧꦱꦗꦮ', 'Ελληνικά', 'Кириллица', 'ქართული', 'አማርኛ', 'ᐃᓄᒃᑎᑐᑦ', '⠃⠗⠁⠊⠇⠇⠑',
  // plane 1: math alphanumerics, emoji and their sequences, historic scripts
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '𝟘𝟙𝟚', '𝐀𝐁', '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', '🇩🇰', '👍🏽', '\u{1F3FB}', '🫠', '𓀀𓁐', '𐌰𐌱', '𒀭', '🀄', '♥\uFE0F', '1\uFE0F\u20E3',
  // planes 2 and 3: CJK extensions
  '𠀀𪚥𫝀', '\u{2A6DF}', '\u{30000}\u{3134A}',
  // plane 14: tags and variation selectors supplement; planes 15/16: private use
  '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}', '\u{E0001}', '\u{E0100}', '\u{F0000}', '\u{10FFFD}', '\uE000', '\uF8FF',
  // noncharacters and the replacement character
  '\uFFFD', '\uFFFE', '\uFFFF', '\u{1FFFE}', '\u{10FFFF}',
];

/** Any code point of any of the 17 planes, surrogates included (they become U+FFFD in a UTF-8 file). */
export const anyPlaneChar = fc
  .tuple(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 0xffff }))
  .map(([plane, low]) => String.fromCodePoint(plane * 0x10000 + low))
  .filter((c) => c !== '\0');

const danishWords = fc.constantFrom(
  'Hjælp', 'borgerens', 'udstyr', 'mobil', 'tablet', 'Rammesæt', 'emnet', 'dilemmaer', 'Reflektér', 'praksis', 'Kl.', '10:30',
  'medarbejder', 'sikkerhedsforanstaltning', 'Blåbærgrød', 'ca.', '45', 'minutter', 'Æbleskiver', 'øl', 'å', 'https://borger.dk',
);

const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789');

/** Words wider than a line, a table column or a card face: usually tens to hundreds of letters. */
export const longWord = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: letters, minLength: 40, maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'W', 'ø', 'm', '日', '𝔘', '😀', '-', '/', '\u00AD', 'e\u0301', 'ﷺ', '\u0301', '\u200B'), fc.integer({ min: 30, max: 300 }))
      .map(([c, n]) => c.repeat(Math.ceil(n / c.length))),
  },
);

/** Words of 300 to 3000 characters: for the "long words" stress only. */
export const hugeWord = fc
  .tuple(fc.constantFrom('a', 'W', 'ø', 'm', '日', '𝔘', '😀', '-', '/', '\u00AD', 'e\u0301', 'ﷺ', '\u0301', '\u200B', 'Sikkerhedsforanstaltning'), fc.integer({ min: 300, max: 3000 }))
  .map(([c, n]) => c.repeat(Math.ceil(n / c.length)));

const urlStart = fc.constantFrom('https://', 'http://', 'mailto:', 'www.', 'ftp://', 'javascript:', 'file:///', 'data:text/html,');
const urlChars = fc.constantFrom(...'abcdefghij0123456789/-_.~%?=&#');

export const longUrl = fc
  .tuple(urlStart, fc.string({ unit: urlChars, minLength: 40, maxLength: 200 }))
  .map(([scheme, rest]) => `${scheme}example.com/${rest}`);

export const hugeUrl = fc
  .tuple(urlStart, fc.string({ unit: urlChars, minLength: 500, maxLength: 2000 }))
  .map(([scheme, rest]) => `${scheme}example.com/${rest}`);

export const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\u00A0', '\u3000', '\u2003', '\u200B', '\n', '\u2028'), maxLength: 12 });

/** One run of text: letters of every kind, from empty to long. No NUL. */
export const textPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: danishWords },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 4, arbitrary: fc.constantFrom(...specialChars) },
  { weight: 3, arbitrary: fc.string({ unit: anyPlaneChar, maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replace(/\0/g, '')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 6 }) },
  { weight: 1, arbitrary: longWord },
  { weight: 1, arbitrary: longUrl },
  { weight: 1, arbitrary: whitespace },
  { weight: 1, arbitrary: fc.constant('') },
);

/** A short text: a few pieces joined by spaces (or nothing). May be empty. */
export const text = fc
  .tuple(fc.array(textPiece, { maxLength: 6 }), fc.constantFrom(' ', ' ', ' ', '', '\n', '  '))
  .map(([pieces, sep]) => pieces.join(sep));

/** A text that is there: never empty (whitespace-only sometimes, which the schema accepts). */
export const someText = fc.oneof({ weight: 12, arbitrary: text.filter((t) => t.length > 0) }, { weight: 1, arbitrary: whitespace.filter((t) => t.length > 0) });

// ---------------------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------------------

const linkScheme = fc.constantFrom(
  'https://', 'http://', 'mailto:', 'HTTPS://', 'javascript:', 'vbscript:', 'file:///', 'data:text/html;base64,', 'ftp://',
  'tel:', 'x-custom:', '', '#', '//', '../', '/', '?q=', 'ht tp://', 'https:', 'mailto:',
);

const url = fc
  .tuple(linkScheme, fc.oneof(danishWords, fc.string({ maxLength: 30 }), longUrl, fc.string({ unit: 'grapheme', maxLength: 10 })))
  .map(([s, rest]) => `${s}${rest}`);

const entity = fc.constantFrom('&amp;', '&lt;', '&#128512;', '&#0;', '&#xD800;', '&#x110000;', '&#xFFFE;', '&nbsp;', '&shy;', '&NotAnEntity;', '&#9999999999;', '&;');

const inlineHtml = fc.constantFrom(
  '<span style="color:red">', '</span>', '<br>', '<br/>', '<!-- kommentar -->', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '<b>', '</i>', '<a href="javascript:alert(1)">', '<?php echo 1; ?>', '<![CDATA[x]]>', '<!DOCTYPE html>', '<x-custom a="b">',
);

const directiveLike = fc.constantFrom(
  ':::x', ':::', '::::', '::y', ':z[tekst]', ':z[tekst]{a=b}', '::leaf[x]{#id .class key="v"}', ':::content{depth=9}', ':::content{depth=-1}',
  ':::content{depth=NaN}', ':::content', 'kl. 10:30', 'Kl.10:30', ':smile:', ':', '{{title}}', '{{{title}}}', '{{#each steps}}', '{{/each}}', '{{> step}}', '\\',
);

/**
 * Images: every folder of generated markdown holds billede.png and tegning.svg (any size, degenerate ones included).
 * Good references are common and, inside a line, only warn; references that are errors (no alt text, a
 * wrong or outside path, a non-image) are rare, since one of them rejects the whole topic.
 */
const goodImage = fc
  .tuple(fc.constantFrom('Skærmbillede af appen', 'x'.repeat(300), '*fed* alt'), fc.constantFrom('billede.png', 'tegning.svg', './billede.png', '<billede.png>'))
  .map(([alt, file]) => `![${alt}](${file})`);
const imageRef = fc.oneof(
  { weight: 12, arbitrary: goodImage },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('Skærmbillede af appen', '', ' ', '![indlejret](billede.png)'),
        fc.constantFrom('BILLEDE.png', '../billede.png', '/billede.png', 'mangler.png', 'billede%2Epng', 'topic.yaml', 'https://example.com/b.png'),
      )
      .map(([alt, file]) => `![${alt}](${file})`),
  },
);

const inlineLeaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: text },
  { weight: 1, arbitrary: entity },
  { weight: 1, arbitrary: inlineHtml },
  { weight: 1, arbitrary: directiveLike },
  { weight: 1, arbitrary: goodImage },
);

/** Inline markdown: emphasis, code, links of any scheme, autolinks, images, footnote references, breaks. */
export const inline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: inlineLeaf },
      { weight: 1, arbitrary: inlineLeaf.map((t) => `*${t}*`) },
      { weight: 1, arbitrary: inlineLeaf.map((t) => `**${t}**`) },
      { weight: 1, arbitrary: inlineLeaf.map((t) => `***${t}***`) },
      { weight: 1, arbitrary: inlineLeaf.map((t) => `~~${t}~~`) },
      { weight: 1, arbitrary: inlineLeaf.map((t) => `\`${t}\``) },
      { weight: 2, arbitrary: fc.tuple(inlineLeaf, url).map(([t, u]) => `[${t}](${u})`) },
      { weight: 1, arbitrary: fc.tuple(inlineLeaf, url, text).map(([t, u, title]) => `[${t}](<${u}> "${title}")`) },
      { weight: 1, arbitrary: url.map((u) => `<${u}>`) },
      { weight: 1, arbitrary: url },
      { weight: 1, arbitrary: fc.oneof({ weight: 6, arbitrary: goodImage }, { weight: 1, arbitrary: fc.tuple(inlineLeaf, url).map(([t, u]) => `![${t}](${u})`) }) },
      { weight: 1, arbitrary: fc.constantFrom('[^1]', '[^note]', '[ref]', '[tekst][ref]', '[]()', '[](<>)', '![]()', '<>', 'mail@example.com') },
      { weight: 1, arbitrary: fc.constantFrom('  \n', '\\\n', '\n') },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(' '));

function prefixLines(block: string, first: string, rest: string): string {
  return block
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}

const listMarker = fc.constantFrom('- ', '* ', '+ ', '1. ', '1) ', '9. ', '0. ', '123456789. ', '- [ ] ', '- [x] ', '-\t');

function listItem(marker: string, body: string, index: number): string {
  const ordered = /^\d+[.)]/.exec(marker);
  const shown = ordered ? marker.replace(/^\d+/, String(Number(ordered[0].slice(0, -1)) + index)) : marker;
  const width = marker.startsWith('- [') ? 2 : marker === '-\t' ? 4 : shown.length;
  return prefixLines(body, shown, ' '.repeat(width));
}

export const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([level, t]) => `${'#'.repeat(level)} ${t}`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([level, t]) => `${'#'.repeat(level)} ${t} ${'#'.repeat(level)}`),
  fc.tuple(inline, fc.constantFrom('===', '---', '=', '-')).map(([t, u]) => `${t}\n${u}`),
  fc.integer({ min: 1, max: 6 }).map((level) => '#'.repeat(level)),
);

const codeBlock = fc.oneof(
  fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'yaml', 'mermaid', '{.x}', 'a b c'), text).map(([f, lang, t]) => `${f}${lang}\n${t}\n${f}`),
  fc.tuple(fc.constantFrom('```', '~~~'), text).map(([f, t]) => `${f}\n${t}`), // never closed
  text.map((t) => prefixLines(t, '    ', '    ')),
);

const align = fc.constantFrom('---', ':--', '--:', ':-:', '-');

function renderTable(columns: number, rows: number, ragged: boolean, alignment: string, cells: string[]): string {
  // Cells cycle through a few generated texts, so a 200 × 12 table costs little more to generate than a small one.
  let k = 0;
  const cell = () => cells[k++ % cells.length].replace(/\n/g, ' ').replace(/\|/g, '\\|');
  const row = (n: number) => `| ${Array.from({ length: n }, cell).join(' | ')} |`;
  const lines = [row(columns), `|${Array(columns).fill(alignment).join('|')}|`];
  for (let r = 0; r < rows; r++) lines.push(row(ragged ? 1 + ((r * 7) % (columns + 2)) : columns));
  return lines.join('\n');
}

/** A GFM table of ordinary size (up to 12 rows × 6 columns), cells of hostile text; sometimes ragged. */
export const smallTable = fc
  .tuple(
    fc.integer({ min: 1, max: 6 }),
    fc.integer({ min: 0, max: 12 }),
    fc.boolean(),
    align,
    fc.array(fc.oneof({ weight: 6, arbitrary: text }, { weight: 2, arbitrary: inline }, { weight: 1, arbitrary: longWord }), { minLength: 1, maxLength: 12 }),
  )
  .map(([columns, rows, ragged, alignment, cells]) => renderTable(columns, rows, ragged, alignment, cells));

/** A huge GFM table: up to 200 rows × 12 columns. */
export const hugeTable = fc
  .tuple(
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 13, max: 200 }),
    fc.boolean(),
    align,
    fc.array(fc.oneof({ weight: 8, arbitrary: fc.array(textPiece, { minLength: 1, maxLength: 3 }).map((ps) => ps.join(' ')) }, { weight: 1, arbitrary: inline }, { weight: 1, arbitrary: longWord }), {
      minLength: 1,
      maxLength: 30,
    }),
  )
  .map(([columns, rows, ragged, alignment, cells]) => renderTable(columns, rows, ragged, alignment, cells));

const leafBlock: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: inline },
  { weight: 3, arbitrary: heading },
  { weight: 1, arbitrary: codeBlock },
  { weight: 1, arbitrary: smallTable },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '___', '- - -') },
  { weight: 1, arbitrary: fc.constantFrom('<div>\n\n*x*\n\n</div>', '<table><tr><td>x</td></tr></table>', '<!--\nikke lukket', '<details><summary>Mere</summary>') },
  { weight: 1, arbitrary: fc.tuple(directiveLike, inline).map(([d, t]) => `${d}\n${t}\n:::`) },
  { weight: 1, arbitrary: inline.map((t) => `[^1]: ${t}\n\n[ref]: https://example.com "titel"`) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: imageRef },
);

/** Nested blocks: lists (of every marker) and block quotes holding blocks, up to `maxDepth` containers deep. */
function nestedBlocks(maxBlocks: number, maxDepth: number): fc.Arbitrary<string> {
  return fc.letrec<{ blocks: string; block: string; list: string; quote: string }>((tie) => ({
    blocks: fc.array(tie('block'), { maxLength: maxBlocks }).map((bs) => bs.join('\n\n')),
    block: fc.oneof({ maxDepth, depthIdentifier: `nested-${maxBlocks}-${maxDepth}`, withCrossShrink: true }, leafBlock, tie('list'), tie('quote')),
    list: fc
      .tuple(listMarker, fc.array(tie('blocks'), { minLength: 1, maxLength: maxBlocks }), fc.boolean())
      .map(([marker, items, loose]) => items.map((b, i) => listItem(marker, b, i)).join(loose ? '\n\n' : '\n')),
    quote: tie('blocks').map((b) => prefixLines(b, '> ', '> ')),
  })).blocks;
}

/** A markdown file's worth of ordinary nested blocks. */
export const nested = nestedBlocks(4, 3);
/** A few blocks, for a markdown string in topic.yaml. */
export const nestedSmall = nestedBlocks(2, 2);

// --- Stresses: each case puts at most one of these in one place -------------------------------------------

/** 20 to 80 levels of lists in quotes in lists, around one paragraph (or a table, a heading, code). */
export const deepNesting = fc
  .tuple(
    fc.array(fc.constantFrom('ul', 'ol', 'quote', 'task', 'quote'), { minLength: 20, maxLength: 80 }),
    fc.oneof(inline, smallTable, heading, codeBlock),
    fc.boolean(),
  )
  .map(([levels, leaf, siblings]) =>
    levels.reduceRight((inner, level, depth) => {
      const body = siblings && depth % 3 === 0 ? `${inner}\n\nTekst på niveau ${depth}` : inner;
      if (level === 'quote') return prefixLines(body, '> ', '> ');
      if (level === 'ol') return listItem('1. ', body, 0);
      if (level === 'task') return listItem('- [x] ', body, 0);
      return listItem('- ', body, 0);
    }, leaf),
  );

/** Words and URLs of thousands of characters, in a paragraph, a heading, a link, code or a table cell. */
export const longStress = fc
  .array(
    fc.oneof(
      hugeWord,
      hugeUrl,
      hugeUrl.map((u) => `[${u}](${u})`),
      hugeWord.map((w) => `# ${w}`),
      hugeWord.map((w) => `\`${w}\``),
      hugeWord.map((w) => `| ${w} | x |\n|---|---|\n| y | ${w} |`),
      hugeWord.map((w) => `- ${w}\n  - ${w}`),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join('\n\n'));

/** Many blocks cheaply: headings of every level and paragraphs, repeated 10 to 150 times. */
export const bulk = fc
  .tuple(fc.array(fc.oneof(heading, inline), { minLength: 1, maxLength: 6 }), fc.integer({ min: 10, max: 150 }))
  .map(([blocks, times]) => Array.from({ length: times }, (_, i) => blocks[i % blocks.length]).join('\n\n'));

export const stressKinds = ['deep', 'table', 'long', 'bulk'] as const;
export type StressKind = (typeof stressKinds)[number];
const stressOf: Record<StressKind, fc.Arbitrary<string>> = { deep: deepNesting, table: hugeTable, long: longStress, bulk };

/** No stress most of the time; otherwise one stress somewhere in the topic. */
export const stress = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...stressKinds), fc.constantFrom('purpose', 'section', 'card', 'yaml') )
      .chain(([kind, where]) => stressOf[kind].map((markdown) => ({ kind, where, markdown }))),
  },
);

// --- Files ---------------------------------------------------------------------------------------------------

const frontMatter = fc.constantFrom('---\n---\n', '---\ntitle: x\n---\n', '---\nname: Anna\nage: 45\n---\n');
const brokenFrontMatter = fc.constantFrom('---\n: : :\n---\n', '---\n', '---\nname: [\n---\n', '---\n\t- x\n---\n');

/** An ordinary markdown file's text (the stresses come separately). */
export const markdownFile: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: nested },
  { weight: 2, arbitrary: smallTable },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: whitespace },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((s) => s.replace(/\0/g, '')) },
  { weight: 1, arbitrary: fc.string({ unit: anyPlaneChar, maxLength: 200 }) },
  { weight: 1, arbitrary: fc.tuple(frontMatter, nested).map(([f, b]) => f + b) },
);

/** A markdown file for an edgy case: sometimes with front matter that is not YAML. */
const edgyMarkdownFile: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: markdownFile },
  { weight: 1, arbitrary: fc.tuple(brokenFrontMatter, nested).map(([f, b]) => f + b) },
);

const yamlTokens = [
  ':', ': ', '- ', '-', '{', '}', '[', ']', ',', '&a ', '*a', '*b', '!!str ', '!!binary ', '!!map ', '!!set ', '!!omap ', '!custom ', '!<tag:x> ',
  '---', '...', '|', '|-', '>+', '>2', '#', '"', "'", '\\', '\t', '\n', '\n  ', '\n    ', '  ', '? ', '%YAML 1.1', '%TAG ! tag:x,', '<<: *a', '<<',
  'title', 'steps', 'minutes', 'participants', 'min', 'max', 'duration', 'cards', 'sections', 'file', 'purpose', 'when', 'tips', 'grouping',
  'title: x', 'steps:', '  - title: y', '    minutes: 5', 'participants: { min: 4, max: 20 }', 'duration: 45', 'purpose: purpose.md',
  'null', '~', 'true', 'yes', 'no', 'on', '.inf', '-.nan', '0x1F', '0o17', '1e400', '-0', '2023-10-27', '12:30:00', '"\\u0000"', '"\\uD800"', '"\\x85"',
];

/** Garbage that looks a little like YAML: token soup, random text, bracket towers, alias fans. */
export const garbageYaml: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...yamlTokens) }, { weight: 1, arbitrary: textPiece }), { maxLength: 80 }).map((ts) => ts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((s) => s.replace(/\0/g, '')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('[', '{', '- ', '? ', 'a:\n', '>\n', '&x ['), fc.integer({ min: 10, max: 5000 }))
      .map(([open, n]) => {
        const close = open === '[' ? ']' : open === '{' ? '}' : open === '&x [' ? ']' : '';
        return open.repeat(n) + close.repeat(n);
      }),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 2, max: 30 }).map((n) => {
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < n; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
      return `${lines.join('\n')}\ntitle: *a${n - 1}\n`;
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', '---', '...', '~', 'null', '[]', '{}', '- a\n- b', '"just a string"', '42', '\uFEFF', '#', 'title:', ': x') },
);

/**
 * Everything that depends on whether a case is "edgy": a sound case stays inside what the schema accepts
 * (so it should build), an edgy one may have empty strings, invalid numbers, wrong shapes, damaged YAML,
 * missing files or other encodings (so it may be rejected, with diagnostics).
 */
function topicArbitraries(edgy: boolean) {
  const pick = <T>(sound: fc.Arbitrary<T>, bad: fc.Arbitrary<T>, badWeight = 1): fc.Arbitrary<T> =>
    edgy ? fc.oneof({ weight: 8, arbitrary: sound }, { weight: badWeight, arbitrary: bad }) : sound;

  const title = pick(someText, fc.constantFrom('', ' ', '\n'));
  const markdownString = pick(
    fc.oneof({ weight: 6, arbitrary: inline.filter((s) => s.trim().length > 0) }, { weight: 2, arbitrary: someText }, { weight: 1, arbitrary: nestedSmall.filter((s) => s.length > 0) }),
    fc.oneof(fc.constant(''), whitespace),
  );

  // Numbers the schema accepts (whole, from 1), huge ones included; the edgy ones it does not.
  const count = pick(
    fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 2, arbitrary: fc.integer({ min: 61, max: 5000 }) }, { weight: 1, arbitrary: fc.constantFrom(2 ** 31, Number.MAX_SAFE_INTEGER) }),
    fc.constantFrom(0, -1, 1.5, Number.NaN, 1e400),
  );

  // Participant counts: a dialogue has at most 500 participants; beyond that (edgy) the schema says no.
  const people = pick(
    fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 2, arbitrary: fc.integer({ min: 61, max: 500 }) }, { weight: 1, arbitrary: fc.constant(500) }),
    fc.oneof(fc.integer({ min: 501, max: 5000 }), fc.constantFrom(0, -1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER)),
    2,
  );

  const minutes = fc.oneof(
    { weight: 8, arbitrary: count },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.tuple(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(1000, 2 ** 31) }), count), {
          minLength: edgy ? 0 : 1,
          maxLength: 6,
        })
        .map((entries) => Object.fromEntries(entries.map(([k, v]) => [String(k), v]))),
    },
  );

  const grouping = pick(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom<Record<string, unknown>>({ grouping: 'plenary' }, { grouping: 'individual' }, { grouping: 'pairs' }, {}) },
      {
        weight: 3,
        arbitrary: fc
          .oneof({ weight: 10, arbitrary: fc.integer({ min: 2, max: 12 }) }, { weight: 1, arbitrary: fc.constantFrom(1000, 2 ** 31) })
          .map((n): Record<string, unknown> => ({ grouping: 'groups', 'group-size': n })),
      },
    ),
    fc.constantFrom<Record<string, unknown>>({ grouping: 'groups' }, { grouping: 'pairs', 'group-size': 3 }, { grouping: 'Plenary' }, { grouping: 'groups', 'group-size': 1 }),
  );

  const when = pick(
    fc.record({ 'min-participants': count, 'max-participants': count }, { requiredKeys: [] }).map((w) => {
      const { 'min-participants': min, 'max-participants': max } = w;
      return min !== undefined && max !== undefined && min > max ? { 'min-participants': max, 'max-participants': min } : w;
    }),
    fc.record({ 'min-participants': count, 'max-participants': count, 'min-participant': count }, { requiredKeys: [] }),
  );

  const tip = fc.oneof({ weight: 3, arbitrary: markdownString }, { weight: 2, arbitrary: fc.record({ text: markdownString, when }, { requiredKeys: ['text'] }) });

  const step = fc
    .tuple(
      fc.record(
        {
          title,
          minutes,
          instructions: fc.array(markdownString, { maxLength: 6 }),
          questions: fc.array(markdownString, { maxLength: 8 }),
          tips: fc.array(tip, { maxLength: 4 }),
        },
        { requiredKeys: ['title', 'minutes'] },
      ),
      grouping,
    )
    .map(([s, g]): Record<string, unknown> => ({ ...s, ...g }));

  // Calendar dates; when edgy, ones the pattern accepts that are no day (2023-02-30, 0000-00-00) and
  // ones it does not. Days that do not exist are an error since the model checks the calendar, and
  // half the sound topics were rejected for them before anything was laid out.
  const date = pick(
    fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
        .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.constantFrom('27-10-2023', 'i morgen', '', '2023-10-27T10:00:00Z'),
    ),
  );

  const participants = pick(
    fc.tuple(people, people).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
    fc.oneof(fc.tuple(people, people).map(([a, b]) => ({ min: Math.max(a, b) + 1, max: Math.min(a, b) })), fc.constantFrom<unknown>({ min: 4 }, [4, 20], '4-20')),
  );

  const lang = pick(fc.constantFrom('da', 'en'), fc.constantFrom('de', 'DA', ''));

  const cardFront = pick(
    fc
      .record(
        {
          name: title,
          age: fc.oneof(fc.integer({ min: 0, max: 150 }), text, fc.constant(Number.MAX_SAFE_INTEGER)),
          role: text,
          quote: fc.oneof(text, inline, longWord),
        },
        { requiredKeys: ['name'] },
      )
      .map((front) => `---\n${stringify(front)}---\n`),
    fc.oneof(
      fc.constantFrom('', '---\n---\n', '---\nname: [\n---\n', '---\nname: x\nunknown: y\n---\n', '---\nname: x\n', '---\nname: x\nage: -3\n---\n', '---\nname: x\nage: 9007199254740992\n---\n'),
      garbageYaml.map((g) => `---\n${g}\n---\n`),
    ),
  );

  return { title, markdownString, count, step, date, participants, lang, cardFront };
}

const sound = topicArbitraries(false);
const edgyArbitraries = topicArbitraries(true);

export const sectionFile = (i: number) => (i % 3 === 2 ? `dele/afsnit ${i}.md` : `section-${i}.md`);
export const cardFile = (i: number) => `cards/card-${i}.md`;

export interface MarkdownRefs {
  purpose: boolean;
  sections: number;
  cards: number;
}

/** A topic.yaml as data, referring to the markdown files the case will contain. */
function topicData(refs: MarkdownRefs, edgy: boolean) {
  const a = edgy ? edgyArbitraries : sound;
  return fc
    .record(
      {
        title: a.title,
        subtitle: text,
        lang: a.lang,
        publisher: text,
        date: a.date,
        participants: a.participants,
        duration: a.count,
        purpose: refs.purpose
          ? fc.constant('purpose.md')
          : edgy
            ? fc.oneof(a.markdownString, fc.constantFrom('missing.md', '../outside.md', '/etc/passwd.md', 'purpose.MD', 'C:\\purpose.md'))
            : a.markdownString,
        questions: fc.array(a.markdownString, { maxLength: 8 }),
        preparation: fc.record({ materials: fc.array(a.markdownString, { maxLength: 6 }), checklist: fc.array(a.markdownString, { maxLength: 6 }) }, { requiredKeys: [] }),
        sections: fc.tuple(
          ...Array.from({ length: refs.sections }, (_, i) =>
            fc.record({ title: a.title, file: fc.constant(sectionFile(i)), handout: fc.boolean() }, { requiredKeys: ['title', 'file'] }),
          ),
        ),
        steps: fc.array(a.step, { minLength: 1, maxLength: 6 }),
        cards: fc.constant(Array.from({ length: refs.cards }, (_, i) => cardFile(i))),
      },
      { requiredKeys: ['title', 'participants', 'duration', 'steps'] },
    )
    .map((data) => {
      const out: Record<string, unknown> = { ...data };
      if (Array.isArray(out.sections) && out.sections.length === 0) delete out.sections;
      if (Array.isArray(out.cards) && out.cards.length === 0) delete out.cards;
      return out;
    });
}

/** One change that makes a valid-shaped topic invalid (or oddly valid): a key gone, a wrong value, an unknown key. */
const mutation = fc.record({
  kind: fc.constantFrom('delete', 'set', 'unknown-key'),
  at: fc.nat(),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), text, fc.constantFrom<unknown>(null, true, [], {}, -1, 0, 1e308, '~', '.inf')),
  key: fc.oneof(fc.constantFrom('titel', 'step', 'minute', 'group_size', 'when', '<<', '__proto__', 'constructor'), text),
});

function applyMutation(data: Record<string, unknown>, m: { kind: string; at: number; value: unknown; key: string }): void {
  // Every object and array in the data.
  const holders: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      holders.push(v as Record<string, unknown>);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(data);
  const holder = holders[m.at % holders.length];
  const keys = Object.keys(holder);
  const key = keys.length ? keys[Math.floor(m.at / holders.length) % keys.length] : m.key;
  if (m.kind === 'delete') delete holder[key];
  else if (m.kind === 'set') holder[key] = m.value;
  else Object.defineProperty(holder, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
}

const serialisers: Record<string, (data: unknown) => string> = {
  block: (d) => stringify(d),
  flow: (d) => stringify(d, { collectionStyle: 'flow' }),
  doubleQuoted: (d) => stringify(d, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }),
  literal: (d) => stringify(d, { blockQuote: 'literal', lineWidth: 0 }),
  folded: (d) => stringify(d, { blockQuote: 'folded', lineWidth: 20, minContentWidth: 0 }),
  json: (d) => JSON.stringify(d, null, 2),
  jsonOneLine: (d) => JSON.stringify(d),
  documentMarkers: (d) => `%YAML 1.2\n---\n${stringify(d)}...\n`,
};

const serialiser = fc.constantFrom(...Object.keys(serialisers));

export type Encoding = 'utf8' | 'utf8-bom' | 'crlf' | 'cr' | 'latin1' | 'utf16le' | 'nul';

/** How the bytes of topic.yaml are laid down: UTF-8 with its usual variations, or (edgy) another encoding. */
const soundEncoding = fc.oneof({ weight: 10, arbitrary: fc.constant<Encoding>('utf8') }, { weight: 1, arbitrary: fc.constantFrom<Encoding>('utf8-bom', 'crlf', 'cr') });
const edgyEncoding = fc.oneof({ weight: 6, arbitrary: soundEncoding }, { weight: 1, arbitrary: fc.constantFrom<Encoding>('latin1', 'utf16le', 'nul') });

export function encode(textValue: string, how: Encoding): string | Uint8Array {
  switch (how) {
    case 'utf8':
      return textValue;
    case 'utf8-bom':
      return `\uFEFF${textValue}`;
    case 'crlf':
      return textValue.replace(/\n/g, '\r\n');
    case 'cr':
      return textValue.replace(/\n/g, '\r');
    case 'latin1':
      return new Uint8Array(Buffer.from(textValue, 'latin1'));
    case 'utf16le':
      return new Uint8Array(Buffer.from(`\uFEFF${textValue}`, 'utf16le'));
    case 'nul':
      return `${textValue.slice(0, textValue.length >> 1)}\0${textValue.slice(textValue.length >> 1)}`;
  }
}

/** Byte-level damage to a valid topic.yaml: a slice cut out, a token pushed in, lines swapped, indentation shifted. */
const yamlDamage = fc.record({
  kind: fc.constantFrom('cut', 'insert', 'swap', 'indent', 'truncate', 'duplicate'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  token: fc.oneof(fc.constantFrom(...yamlTokens), textPiece),
});

function damage(yamlText: string, d: { kind: string; at: number; length: number; token: string }): string {
  const pos = yamlText.length ? d.at % yamlText.length : 0;
  const lines = yamlText.split('\n');
  const line = d.at % lines.length;
  switch (d.kind) {
    case 'cut':
      return yamlText.slice(0, pos) + yamlText.slice(pos + d.length);
    case 'insert':
      return yamlText.slice(0, pos) + d.token + yamlText.slice(pos);
    case 'swap': {
      const other = (line + d.length) % lines.length;
      [lines[line], lines[other]] = [lines[other], lines[line]];
      return lines.join('\n');
    }
    case 'indent':
      lines[line] = (d.length % 2 ? ' ' : '\t') + lines[line];
      return lines.join('\n');
    case 'truncate':
      return yamlText.slice(0, pos);
    default:
      lines.splice(line, 0, lines[line]);
      return lines.join('\n');
  }
}

// --- Cards, stray files, options ------------------------------------------------------------------------------

const cardBody = fc.oneof({ weight: 6, arbitrary: nested }, { weight: 1, arbitrary: smallTable }, { weight: 1, arbitrary: longWord }, { weight: 1, arbitrary: fc.constant('') });

/** Files nobody refers to: they are read (and their markdown parsed) but must not matter. */
const strayFiles = fc.array(
  fc.oneof(
    markdownFile.map((t) => ['notes.md', t] as const),
    fc.uint8Array({ maxLength: 64 }).map((b) => ['picture.png', b] as const),
    fc.constantFrom('<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>', '<svg', '').map((t) => ['logo.svg', t] as const),
    garbageYaml.map((t) => ['other.yml', t] as const),
    fc.constant(['.hidden.md', '# skjult'] as const),
    fc.constant(['a/b/c/d/e/f/deep.md', '# dybt'] as const),
  ),
  { maxLength: 2 },
);

const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** Options as the CLI would pass them after validating argv. */
export const caseOptions: fc.Arbitrary<CaseOptions> = fc
  .record(
    {
      participants: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: 41, max: 500 }) }),
      start: clock,
      pdfa: fc.boolean(),
      poster: fc.constantFrom('A1' as const, 'A2' as const),
      paper: fc.constantFrom('A4' as const, 'A3' as const),
    },
    { requiredKeys: [] },
  )
  .map((o) => {
    // The CLI accepts --paper only with --poster.
    if (o.paper && !o.poster) delete o.paper;
    return o;
  });

/** Folder names: ordinary slugs mostly, sometimes spaces, Danish letters, emoji or RTL text. */
const folder = fc.oneof(
  { weight: 8, arbitrary: fc.constant('topic') },
  { weight: 1, arbitrary: fc.constantFrom('hjælp med udstyr', 'émne', '😀 topic', 'שלום', 'a b', '-leading-dash', 'x'.repeat(120), 'con', 'topic.yaml', '%20', 'ﬁ') },
);

const pngSize = fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 4000 }));
const svgSize = fc.tuple(fc.constantFrom('1', '0.001', '400', '100000', '3.5'), fc.constantFrom('1', '0.001', '120', '100000'));

function svgOf([width, height]: [string, string]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#105e6e"/></svg>`;
}

const refs = fc.record({ purpose: fc.boolean(), sections: fc.integer({ min: 0, max: 3 }), cards: fc.integer({ min: 0, max: 3 }) });

/** A topic folder whose topic.yaml is built from the schema's shape: sound, or (edgy) mutated and damaged. */
const edgyCase = fc.oneof({ weight: 7, arbitrary: fc.constant(false) }, { weight: 3, arbitrary: fc.constant(true) });

export const validShapedCase: fc.Arbitrary<TopicCase> = fc.tuple(refs, edgyCase).chain(([r, edgy]) => {
  const a = edgy ? edgyArbitraries : sound;
  return fc
    .record({
      data: topicData(r, edgy),
      mutation: edgy ? fc.option(mutation, { freq: 2 }) : fc.constant(null),
      serialiser,
      damage: edgy ? fc.option(yamlDamage, { freq: 3 }) : fc.constant(null),
      encoding: edgy ? edgyEncoding : soundEncoding,
      purpose: edgy ? edgyMarkdownFile : markdownFile,
      sections: fc.tuple(...Array.from({ length: r.sections }, () => (edgy ? edgyMarkdownFile : markdownFile))),
      cards: fc.tuple(...Array.from({ length: r.cards }, () => fc.tuple(a.cardFront, cardBody).map(([f, b]) => f + b))),
      stress,
      dropFile: edgy ? fc.option(fc.nat(), { freq: 4 }) : fc.constant(null),
      stray: strayFiles,
      png: pngSize,
      svg: svgSize,
      folder,
      options: caseOptions,
    })
    .map((c) => {
      const data = structuredClone(c.data);
      if (c.stress?.where === 'yaml' || (c.stress && !r.purpose && !r.sections && !r.cards)) {
        const step = (data.steps as Record<string, unknown>[])[0];
        step.instructions = [...((step.instructions as string[] | undefined) ?? []), c.stress.markdown];
      }
      if (c.mutation) applyMutation(data, c.mutation);
      let yamlText: string;
      try {
        yamlText = serialisers[c.serialiser](data);
      } catch {
        yamlText = stringify(data);
      }
      if (c.damage) yamlText = damage(yamlText, c.damage);
      const files: TopicCase['files'] = { 'topic.yaml': encode(yamlText, c.encoding) };
      if (r.purpose) files['purpose.md'] = c.purpose;
      c.sections.forEach((t, i) => (files[sectionFile(i)] = t));
      c.cards.forEach((t, i) => (files[cardFile(i)] = t));
      // The stress goes where it was meant to, or into the first markdown file there is.
      if (c.stress && c.stress.where !== 'yaml') {
        const target =
          (c.stress.where === 'purpose' && r.purpose && 'purpose.md') ||
          (c.stress.where === 'section' && r.sections && sectionFile(0)) ||
          (c.stress.where === 'card' && r.cards && cardFile(0)) ||
          Object.keys(files).find((n) => n.endsWith('.md'));
        if (target) files[target] = `${files[target] as string}\n\n${c.stress.markdown}\n`;
      }
      for (const [name, content] of c.stray) files[name] = content;
      for (const folder of ['', 'cards/', 'dele/']) {
        files[`${folder}billede.png`] = grayPng(c.png[0], c.png[1]);
        files[`${folder}tegning.svg`] = svgOf(c.svg);
      }
      if (c.dropFile !== null) {
        const names = Object.keys(files).filter((n) => n !== 'topic.yaml');
        if (names.length) delete files[names[c.dropFile % names.length]];
      }
      return { folder: c.folder, files, options: c.options, stress: c.stress?.kind, edgy };
    });
});

/** A topic folder whose topic.yaml is garbage. */
export const garbageCase: fc.Arbitrary<TopicCase> = fc
  .record({ yaml: garbageYaml, encoding: edgyEncoding, purpose: fc.option(markdownFile, { freq: 2 }), options: caseOptions })
  .map((c) => {
    const files: TopicCase['files'] = { 'topic.yaml': encode(c.yaml, c.encoding) };
    if (c.purpose !== null) files['purpose.md'] = c.purpose;
    return { folder: 'topic', files, options: c.options, edgy: true };
  });

export const topicCase: fc.Arbitrary<TopicCase> = fc.oneof({ weight: 5, arbitrary: validShapedCase }, { weight: 1, arbitrary: garbageCase });

/** A sound topic.yaml whose markdown (purpose, a handout section, a card) is generated, one of them stressed. */
export const markdownCase: fc.Arbitrary<TopicCase> = fc
  .record({ purpose: markdownFile, section: markdownFile, card: cardBody, cardName: someText, stress, options: caseOptions, png: pngSize, svg: svgSize })
  .map((c) => {
    const yamlText = stringify({
      title: 'Markdown under pres',
      participants: { min: 4, max: 20 },
      duration: 10,
      purpose: 'purpose.md',
      questions: ['Hvad nu?'],
      sections: [{ title: 'Afsnit', file: 'section.md', handout: true }],
      steps: [{ title: 'Tal sammen', minutes: 10, grouping: 'pairs', questions: ['Hvorfor?'] }],
      cards: ['cards/card.md'],
    });
    const text: Record<string, string> = {
      'topic.yaml': yamlText,
      'purpose.md': c.purpose,
      'section.md': c.section,
      'cards/card.md': `---\n${stringify({ name: c.cardName })}---\n${c.card}`,
    };
    if (c.stress) {
      const target = c.stress.where === 'purpose' ? 'purpose.md' : c.stress.where === 'card' ? 'cards/card.md' : 'section.md';
      text[target] = `${text[target]}\n\n${c.stress.markdown}\n`;
    }
    const files: TopicCase['files'] = {
      ...text,
      'billede.png': grayPng(c.png[0], c.png[1]),
      'tegning.svg': svgOf(c.svg),
      'cards/billede.png': grayPng(c.png[0], c.png[1]),
      'cards/tegning.svg': svgOf(c.svg),
    };
    return { folder: 'topic', files, options: c.options, stress: c.stress?.kind };
  });

/** A valid one-bit greyscale PNG of any size: small on disk however large, all white. */
function grayPng(width: number, height: number): Uint8Array {
  const row = Math.ceil(width / 8);
  const raw = Buffer.alloc((row + 1) * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * (row + 1)] = 0;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}
