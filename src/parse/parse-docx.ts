/**
 * parse: a Word document's bytes → the markdown of one section, its pictures, and what could not come along.
 * Input: the .docx bytes (load/load-docx read them) and the names to give the results. Output: markdown
 * text, the picture files by path relative to the markdown file, the title the document opened with, and
 * diagnostics (Danish: the editors who import write in Word, not in markdown).
 * Never: read or write a file (the document's linked pictures included), or judge the content: the
 * markdown is checked as any section is, by `dialogpack check`.
 *
 * mammoth reads the document (Word's styles, numbering, tables, notes, pictures with their alternative
 * text) into plain HTML; hast-util-to-mdast turns that into the markdown tree the rest of dialogpack
 * parses, and mdast-util-to-markdown writes it out with the escaping markdown needs. What mammoth drops
 * without a word (tracked changes, comments, charts) is found in the document's XML.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot, Text as HastText } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultHandlers, toMdast, type Handle, type State } from 'hast-util-to-mdast';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { FootnoteDefinition, Heading, Image, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { Diagnostic, Text } from '../diagnostics/diagnostic.js';
import { topicLimits } from '../load/load-topic.js';
import { parseMarkdown } from './markdown-parser.js';
import type { RuleId } from '../diagnostics/rules.js';

export interface DocxNames {
  /** The Word file as the user named it, for messages. */
  docxFile: string;
  /** The markdown file the result will be written to, as the user would type it, for messages. */
  markdownFile: string;
  /** Folder of the pictures, relative to the markdown file, e.g. `billeder`. */
  imageDir: string;
  /** Start of each picture's file name, e.g. `rapport` for `billeder/rapport-1.png`. */
  imageStem: string;
}

export interface DocxPicture {
  /** Relative to the markdown file's folder, with forward slashes, as the markdown names it. */
  path: string;
  bytes: Uint8Array;
}

export interface ParsedDocx {
  markdown: string;
  /** The document's title (its Title-styled or only top heading, taken out of the text), if it opened with one. */
  title?: string;
  pictures: DocxPicture[];
  diagnostics: Diagnostic[];
}

/**
 * Word's built-in styles by the English names it stores whatever the language it shows (a Danish
 * »Overskrift 1« is `heading 1`, which mammoth knows), and the ones pandoc writes. Only styles that
 * change what the text is are mapped: a paragraph style named here would win over mammoth's list
 * rules, and a list item's paragraph often has one (List Paragraph, pandoc's Compact).
 */
const styleMap = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Source Code'] => pre:separator('\\n')",
  "r[style-name='Emphasis'] => em",
  "r[style-name='Intense Emphasis'] => strong",
  "r[style-name='Verbatim Char'] => code",
];

/** Styles of ordinary text, which become ordinary paragraphs without a word. */
const plainStyles = new Set(
  ['Subtitle', 'Body Text', 'Body Text 2', 'Body Text 3', 'Body Text First Indent', 'First Paragraph', 'Compact', 'No Spacing', 'List Paragraph', 'Normal (Web)', 'caption', 'Image Caption', 'Table Caption', 'Captioned Figure', 'Figure'].map((s) => s.toLowerCase()),
);

/** The picture formats dialogpack prints; Word also holds EMF, WMF, GIF, TIFF and BMP. */
const pictureExtensions: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' };
const pictureFormatNames: Record<string, string> = { 'image/x-emf': 'EMF', 'image/x-wmf': 'WMF', 'image/gif': 'GIF', 'image/tiff': 'TIFF', 'image/bmp': 'BMP' };
const placeholderScheme = 'docx-picture:';

/** Alt text that Word (or Office's AI) wrote itself, ending in this line. */
const generatedAlt = /(automatisk genereret beskrivelse|description automatically generated)\s*$/i;

interface Picture {
  number: number;
  contentType: string;
  alt: string;
  bytes: Uint8Array;
}

/** A warning about the Word file, in both languages. */
type Report = (rule: RuleId, message: Text, hint?: Text) => void;

/** What a library or the system said, in its own words, is the same in both languages. */
function both(text: string): Text {
  return { da: text, en: text };
}

export async function parseDocx(bytes: Uint8Array, names: DocxNames): Promise<ParsedDocx> {
  const diagnostics: Diagnostic[] = [];
  const atDocx: Report = (rule, message, hint) => {
    diagnostics.push({ file: names.docxFile, severity: 'warning', rule, message, hint });
  };
  const unreadable = (detail: Text): ParsedDocx => ({
    markdown: '',
    pictures: [],
    diagnostics: [
      {
        file: names.docxFile,
        severity: 'error',
        rule: 'word-unreadable',
        message: { da: `Word-filen kan ikke læses (${detail.da})`, en: `the Word file cannot be read (${detail.en})` },
        hint: {
          da: 'åbn den i Word, gem den igen som Word-dokument (.docx), og importér den igen',
          en: 'open it in Word, save it again as a Word Document (.docx), and import it again',
        },
      },
    ],
  });

  let zip: JSZip;
  let documentXml: string;
  try {
    zip = await JSZip.loadAsync(bytes);
    const main = zip.file('word/document.xml');
    if (!main) return unreadable({ da: 'der er ingen tekst i den', en: 'it holds no text' });
    documentXml = await main.async('string');
  } catch (error) {
    return unreadable(both((error as Error).message));
  }
  const commentsXml = (await zip.file('word/comments.xml')?.async('string')) ?? '';
  reportDroppedParts(documentXml, commentsXml, atDocx);

  const pictures: Picture[] = [];
  let contentsParagraphs = 0;
  let html: string;
  let messages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap,
        externalFileAccess: false,
        // A table of contents is Word's own, with its page numbers; dialogpack makes the material's.
        transformDocument: (document: MammothElement) =>
          dropParagraphs(document, (p) => {
            const contents = /^(toc( \d| heading)?|table of contents)$/i.test(p.styleName ?? '');
            if (contents) contentsParagraphs++;
            return contents;
          }),
        convertImage: mammoth.images.imgElement(async (image) => {
          const number = pictures.length + 1;
          const picture: Picture = { number, contentType: image.contentType, alt: '', bytes: new Uint8Array() };
          pictures.push(picture);
          picture.alt = ((image as unknown as { altText?: string }).altText ?? '').replace(/\s+/g, ' ').trim();
          picture.bytes = new Uint8Array(await image.readAsBuffer());
          return { src: `${placeholderScheme}${number}` };
        }),
      },
    );
    html = result.value;
    messages = result.messages;
  } catch (error) {
    return unreadable(both((error as Error).message));
  }
  if (contentsParagraphs) {
    atDocx('word-contents-dropped', {
      da: 'indholdsfortegnelsen er ikke taget med: dialogpack laver selv materialets indholdsfortegnelse ud fra overskrifterne',
      en: 'the table of contents is left out: dialogpack makes the material its own from the headings',
    });
  }
  reportMammothMessages(messages, atDocx);

  const hast = fromHtml(html, { fragment: true });
  prepareHtml(hast, atDocx);
  const raised: string[] = [];
  const tree = toMdast(hast, {
    handlers: { sup: superscript(raised), sub: scriptHandle(subscripts, raised), ol: orderedList, h1: titleHeading },
  }) as Root;
  if (raised.length) {
    const shown = [...new Set(raised)].slice(0, 3).map((e) => `»${e}«`).join(', ');
    atDocx(
      'word-raised-text',
      { da: `hævet eller sænket skrift står nu på linjen som almindelig tekst: ${shown}`, en: `raised or lowered text now stands on the line as plain text: ${shown}` },
      { da: 'skriv fx »1.« i stedet for »1ste« med hævet skrift', en: 'write e.g. »1.« instead of »1ste« in raised text' },
    );
  }

  const title = takeTitle(tree);
  nestHeadings(tree);
  tightenLists(tree);
  numberNotes(tree);
  const files = placePictures(tree, pictures, names, atDocx);
  splitPictureParagraphs(tree);
  removeEmptyParagraphs(tree);

  const markdown = toMarkdown(tree, {
    extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), gfmFootnoteToMarkdown()],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    listItemIndent: 'one',
    fences: true,
    // `::` at the start of a line would open a directive in dialogpack's markdown.
    unsafe: [{ character: ':', atBreak: true }],
  });
  diagnostics.push(...placePictureWarnings(markdown, pictures, files, names));
  return { markdown, title, pictures: files.list, diagnostics };
}

/** What mammoth reads past or drops silently, counted in the document's XML. */
function reportDroppedParts(xml: string, commentsXml: string, report: Report): void {
  const count = (pattern: RegExp, text = xml) => text.match(pattern)?.length ?? 0;
  const changes = count(/<w:(ins|del|moveFrom|moveTo)\b/g);
  if (changes) {
    report(
      'word-tracked-changes',
      {
        da: `dokumentet har ${changes} ${changes === 1 ? 'ændring' : 'ændringer'} med Spor ændringer, som ikke er godkendt eller afvist; de er taget med, som om de var godkendt`,
        en: `the document has ${changes} tracked ${changes === 1 ? 'change' : 'changes'} neither accepted nor rejected; they are taken as if accepted`,
      },
      {
        da: 'godkend eller afvis ændringerne i Word (Gennemse › Godkend), gem, og importér igen',
        en: 'accept or reject the changes in Word (Review › Accept), save, and import again',
      },
    );
  }
  const comments = count(/<w:comment\b/g, commentsXml);
  if (comments) {
    report(
      'word-comments',
      {
        da: `${comments} ${comments === 1 ? 'kommentar' : 'kommentarer'} i dokumentet er ikke taget med`,
        en: `${comments} ${comments === 1 ? 'comment' : 'comments'} in the document ${comments === 1 ? 'is' : 'are'} left out`,
      },
      {
        da: 'står der noget i kommentarerne, som skal med i materialet, så skriv det ind i teksten',
        en: 'if the comments say something the material needs, write it into the text',
      },
    );
  }
  if (/<w:txbxContent\b/.test(xml)) {
    report(
      'word-text-box',
      {
        da: 'teksten i dokumentets tekstbokse er sat ind som almindelige afsnit efter det afsnit, boksen hører til',
        en: "the text of the document's text boxes is put in as plain paragraphs after the paragraph each box belongs to",
      },
      { da: 'læs afsnittene efter igen, og flyt teksten derhen, hvor den skal stå', en: 'read the paragraphs after them again, and move the text to where it belongs' },
    );
  }
  if (/<c:chart\b/.test(xml)) {
    report(
      'word-chart',
      { da: 'diagrammer i dokumentet er ikke taget med', en: 'charts in the document are left out' },
      { da: 'gem diagrammet som et billede (PNG), sæt billedet ind i stedet, og importér igen', en: 'save the chart as a picture (PNG), put the picture in instead, and import again' },
    );
  }
  if (/<dgm:relIds\b/.test(xml)) {
    report(
      'word-smartart',
      { da: 'SmartArt-grafik i dokumentet er ikke taget med', en: 'SmartArt graphics in the document are left out' },
      { da: 'skriv indholdet som en liste, eller gem grafikken som et billede (PNG)', en: 'write the content as a list, or save the graphic as a picture (PNG)' },
    );
  }
  if (/<m:oMath\b/.test(xml)) {
    report(
      'word-equation',
      { da: 'ligninger i dokumentet er ikke taget med', en: 'equations in the document are left out' },
      { da: 'skriv ligningen som almindelig tekst, eller sæt den ind som et billede', en: 'write the equation as plain text, or put it in as a picture' },
    );
  }
  if (/<o:OLEObject\b/.test(xml)) {
    report(
      'word-embedded-object',
      { da: 'indlejrede objekter (fx et regneark) i dokumentet er ikke taget med', en: 'embedded objects (such as a spreadsheet) in the document are left out' },
      { da: 'sæt indholdet ind som en tabel eller et billede', en: 'put the content in as a table or a picture' },
    );
  }
}

/** mammoth's own warnings, in words an editor knows, one line per kind rather than per paragraph. */
function reportMammothMessages(messages: readonly { type: string; message: string }[], report: Report): void {
  const styles = new Set<string>();
  const elements = new Set<string>();
  const other = new Set<string>();
  for (const { message } of messages) {
    const style = /^Unrecognised (?:paragraph|run|table) style: '(.*)' \(Style ID: .*\)$/.exec(message);
    const element = /^An unrecognised element was ignored: (.+)$/.exec(message);
    if (style) {
      // mammoth names a style that is used but not defined 'null'; its text is plain anyway.
      if (!plainStyles.has(style[1].toLowerCase()) && style[1] !== 'null') styles.add(style[1]);
    } else if (element) elements.add(element[1]);
    // Picture formats are judged by placePictures, against what dialogpack prints rather than browsers;
    // a style used but not defined changes nothing in the text.
    else if (!/^Image of type .* is unlikely to display in web browsers$|style with ID .* was referenced but not defined/.test(message)) other.add(message);
  }
  if (styles.size) {
    const list = [...styles].map((s) => `»${s}«`).join(', ');
    report(
      'word-style-unknown',
      {
        da: `tekst med ${styles.size === 1 ? 'typografien' : 'typografierne'} ${list} er taget med som almindelig tekst`,
        en: `text in the ${styles.size === 1 ? 'style' : 'styles'} ${list} is taken as plain text`,
      },
      {
        da: 'er det overskrifter, så giv dem Words typografier Overskrift 1, Overskrift 2 osv., og importér igen',
        en: "if they are headings, give them Word's styles Heading 1, Heading 2 and so on, and import again",
      },
    );
  }
  // m:oMath is reported from the XML already, with the others mammoth does not read.
  elements.delete('m:oMath');
  elements.delete('m:oMathPara');
  if (elements.size) {
    const names = [...elements].join(', ');
    report('word-element-dropped', {
      da: `dele af dokumentet, som dialogpack ikke kender, er ikke taget med (${names})`,
      en: `parts of the document dialogpack does not know are left out (${names})`,
    });
  }
  for (const message of other) {
    report('word-import-note', { da: `noget i dokumentet er ikke taget med som i Word: ${message}`, en: `something in the document did not come across as it is in Word: ${message}` });
  }
}

interface MammothElement {
  type: string;
  styleName?: string | null;
  children?: MammothElement[];
}

function dropParagraphs(element: MammothElement, drop: (paragraph: MammothElement) => boolean): MammothElement {
  if (element.children) {
    element.children = element.children.filter((c) => !(c.type === 'paragraph' && drop(c))).map((c) => dropParagraphs(c, drop));
  }
  return element;
}

const isElement = (node: unknown, tag?: string): node is Element =>
  (node as Element | undefined)?.type === 'element' && (tag === undefined || (node as Element).tagName === tag);
const noteLink = /^#((?:foot|end)note)-(\d+)$/;
const noteBackLink = /^#(?:foot|end)note-ref-\d+$/;

/**
 * Changes to mammoth's HTML before it becomes markdown: what markdown cannot hold is made into what it
 * can, and said once.
 */
function prepareHtml(tree: HastRoot, report: Report): void {
  let internalLinks = 0;
  let mergedCells = false;
  let blockCells = false;
  let nestedTables = false;
  // Bookmarks (`<a id>`), the way back from a note to its mark, and links within the document: the
  // text stays, the link goes. PDF pages differ from Word's, so a cross-reference could only mislead.
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return;
    const href = typeof node.properties.href === 'string' ? node.properties.href : undefined;
    if (href && noteBackLink.test(href)) {
      parent.children.splice(index, 1);
      return index;
    }
    if (href && !href.startsWith('#')) return;
    if (href && noteLink.test(href)) return;
    if (href) internalLinks++;
    parent.children.splice(index, 1, ...node.children);
    return index;
  });
  visit(tree, 'element', (table) => {
    if (table.tagName !== 'table') return;
    const rows: Element[] = [];
    visit(table, 'element', (node) => {
      if (node !== table && node.tagName === 'table') {
        nestedTables = true;
        return SKIP;
      }
      if (node.tagName === 'tr') rows.push(node);
    });
    for (const row of rows) {
      for (const cell of row.children) {
        if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
        if (Number(cell.properties.colSpan ?? 1) > 1 || Number(cell.properties.rowSpan ?? 1) > 1) mergedCells = true;
        const flat = flattenCell(cell);
        if (flat.blocks > 1) blockCells = true;
        cell.children = flat.children;
      }
    }
    // A markdown table always has a header row; Word's first row is one whether or not it is marked so.
    const hasHead = rows[0]?.children.some((c) => isElement(c, 'th'));
    if (rows[0] && !hasHead) for (const cell of rows[0].children) if (isElement(cell, 'td')) cell.tagName = 'th';
    return SKIP;
  });
  if (internalLinks) {
    report(
      'word-internal-link',
      {
        da: `${internalLinks} ${internalLinks === 1 ? 'henvisning' : 'henvisninger'} til andre steder i dokumentet er blevet til almindelig tekst`,
        en: `${internalLinks} ${internalLinks === 1 ? 'reference' : 'references'} to other places in the document became plain text`,
      },
      {
        da: 'sidetal og krydshenvisninger fra Word passer ikke i PDF-filen; skriv fx »se afsnittet Lovgivning«',
        en: 'page numbers and cross-references from Word do not fit the PDF; write e.g. »see the section Lovgivning«',
      },
    );
  }
  if (mergedCells) {
    report(
      'word-table-merged-cells',
      { da: 'en tabel har flettede celler; i markdown har hver celle sin egen plads, så tjek tabellen', en: 'a table has merged cells; in markdown each cell has a place of its own, so check the table' },
      {
        da: 'del de flettede celler i Word (Tabellayout › Opdel celler), eller ret tabellen i markdown-filen',
        en: 'split the merged cells in Word (Table Layout › Split Cells), or correct the table in the markdown file',
      },
    );
  }
  if (blockCells) {
    report(
      'word-table-cell-blocks',
      { da: 'en tabelcelle havde flere afsnit eller en liste; de står nu på én linje i cellen', en: 'a table cell held several paragraphs or a list; they now stand on one line in the cell' },
      { da: 'en celle i en markdown-tabel har én linje tekst; skriv længere tekst under tabellen', en: 'a cell of a markdown table holds one line of text; write longer text below the table' },
    );
  }
  if (nestedTables) {
    report(
      'word-table-nested',
      { da: 'en tabel inde i en anden tabel er blevet til tekst i cellen', en: 'a table inside another table became text in the cell' },
      { da: 'sæt den inderste tabel under den yderste i Word', en: 'put the inner table below the outer one in Word' },
    );
  }
}

/** A cell's paragraphs, list items and inner tables as one line of text, separated by spaces. */
function flattenCell(cell: Element): { children: ElementContent[]; blocks: number } {
  const out: ElementContent[] = [];
  let blocks = 0;
  const blockTags = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'td', 'th']);
  const walk = (nodes: readonly ElementContent[]) => {
    for (const node of nodes) {
      if (isElement(node) && (blockTags.has(node.tagName) || ['ul', 'ol', 'table', 'tbody', 'thead', 'tr'].includes(node.tagName))) {
        if (blockTags.has(node.tagName) && node.tagName !== 'td' && node.tagName !== 'th') {
          if (blocks++ > 0) out.push({ type: 'text', value: ' ' } satisfies HastText);
          out.push(...node.children.filter((c) => !isElement(c) || !['ul', 'ol', 'table'].includes(c.tagName)));
          walk(node.children.filter((c) => isElement(c) && ['ul', 'ol', 'table'].includes(c.tagName)));
        } else {
          if (node.tagName === 'td' || node.tagName === 'th') blocks++;
          if ((node.tagName === 'td' || node.tagName === 'th') && out.length) out.push({ type: 'text', value: ' ' } satisfies HastText);
          walk(node.children);
        }
      } else out.push(node);
    }
  };
  walk(cell.children);
  return { children: out, blocks };
}

const superscripts: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ' };
const subscripts: Record<string, string> = { '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎' };

/** Raised or lowered text becomes Unicode's raised or lowered characters (m², CO₂) where there are such; other text (`1ste`) stays as it is and is named in `plain`. */
function scriptHandle(table: Record<string, string>, plain: string[]): Handle {
  return (state, node) => {
    const text = plainText(node);
    if (text && [...text].every((c) => c in table)) return { type: 'text', value: [...text].map((c) => table[c]).join('') };
    if (text.trim()) plain.push(text.trim());
    return state.all(node) as PhrasingContent[];
  };
}

/** A note's mark (`<sup><a href="#footnote-3">[1]</a></sup>`) becomes a markdown footnote reference. */
function superscript(plain: string[]): Handle {
  const raise = scriptHandle(superscripts, plain);
  return (state, node, parent) => {
    const only = node.children.length === 1 ? node.children[0] : undefined;
    const href = isElement(only, 'a') && typeof only.properties.href === 'string' ? only.properties.href : '';
    const note = noteLink.exec(href);
    if (note) return { type: 'footnoteReference', identifier: noteId(note), label: noteId(note) };
    return raise(state, node, parent);
  };
}

/** mammoth puts the notes last, as a list whose items have the notes' ids: those become footnote definitions. */
function orderedList(state: State, node: Element) {
  const items = node.children.filter((c): c is Element => isElement(c, 'li'));
  const ids = items.map((li) => noteLink.exec(`#${String(li.properties.id ?? '')}`));
  if (!items.length || ids.some((id) => !id)) return defaultHandlers.ol(state, node);
  return items.map(
    (li, i): FootnoteDefinition => ({
      type: 'footnoteDefinition',
      identifier: noteId(ids[i]!),
      label: noteId(ids[i]!),
      children: state.toFlow(state.all(li)) as FootnoteDefinition['children'],
    }),
  );
}

/** `footnote-3` and `endnote-3` are different notes; Word numbers them apart. */
function noteId(match: RegExpExecArray): string {
  return match[1] === 'endnote' ? `e${match[2]}` : match[2];
}

const titled = new WeakSet<Heading>();

function titleHeading(state: State, node: Element) {
  const heading = defaultHandlers.h1(state, node) as Heading;
  const classes = node.properties.className;
  if (Array.isArray(classes) && classes.includes('title')) titled.add(heading);
  return heading;
}

function plainText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => plainText(c as ElementContent)).join('') : '';
}

/**
 * The section's title comes from topic.yaml, so a heading that titles the whole document (Word's Title
 * style, or a first heading with none above or beside it) is taken out and suggested as the title.
 */
function takeTitle(tree: Root): string | undefined {
  removeEmptyHeadings(tree);
  const first = tree.children[0];
  if (first?.type !== 'heading') return undefined;
  const others: Heading[] = [];
  visit(tree, 'heading', (h) => {
    if (h !== first) others.push(h);
  });
  if (!titled.has(first) && others.some((h) => h.depth <= first.depth)) return undefined;
  tree.children.shift();
  return toString(first).replace(/\s+/g, ' ').trim() || undefined;
}

function removeEmptyHeadings(tree: Root): void {
  visit(tree, 'heading', (h, index, parent) => {
    if (toString(h).trim() || !parent || index === undefined) return;
    parent.children.splice(index, 1);
    return index;
  });
}

/**
 * A section's headings sit below its title: the document's top level becomes `##`, and each level below
 * one more, closing up levels Word skipped (Overskrift 1 straight to 3), as dialogpack check asks.
 */
function nestHeadings(tree: Root): void {
  const open: number[] = [];
  visit(tree, 'heading', (h) => {
    while (open.length && open[open.length - 1] >= h.depth) open.pop();
    open.push(h.depth);
    h.depth = Math.min(6, open.length + 1) as Heading['depth'];
  });
}

/** Word's lists have no blank lines between items; markdown's loose lists would print them spaced. */
function tightenLists(tree: Root): void {
  visit(tree, (node) => {
    if (node.type === 'list' || node.type === 'listItem') (node as List | ListItem).spread = false;
  });
}

/** Word's note numbers count every note ever made in the document; markdown's start at 1, in reading order. */
function numberNotes(tree: Root): void {
  const numbers = new Map<string, string>();
  const renumber = (node: { identifier: string; label?: string | null }) => {
    if (!numbers.has(node.identifier)) numbers.set(node.identifier, String(numbers.size + 1));
    node.identifier = numbers.get(node.identifier)!;
    node.label = node.identifier;
  };
  visit(tree, 'footnoteReference', renumber);
  visit(tree, 'footnoteDefinition', renumber);
}

interface PlacedPictures {
  list: DocxPicture[];
  /** The numbers of the pictures kept, in the order they stand in the text. */
  order: number[];
}

/**
 * Each picture gets a file under the picture folder (the same picture twice, one file), or is left out
 * with a warning when dialogpack cannot print its format.
 */
function placePictures(tree: Root, pictures: readonly Picture[], names: DocxNames, report: Report): PlacedPictures {
  const list: DocxPicture[] = [];
  const order: number[] = [];
  const byHash = new Map<string, string>();
  let before = '';
  visit(tree, (node, index, parent) => {
    if (node.type === 'text') before = `${before} ${node.value}`.slice(-200);
    if (node.type !== 'image' || !node.url.startsWith(placeholderScheme)) return;
    const picture = pictures[Number(node.url.slice(placeholderScheme.length)) - 1];
    const after = before.trim() ? lastWords(before) : undefined;
    const where = {
      da: `billede ${picture.number}${after ? ` (efter »${after}«)` : ''}`,
      en: `picture ${picture.number}${after ? ` (after »${after}«)` : ''}`,
    };
    const ext = pictureExtensions[picture.contentType];
    if (!ext) {
      const format = pictureFormatNames[picture.contentType] ?? picture.contentType;
      report(
        'word-image-format',
        { da: `${where.da} er et ${format}-billede, som dialogpack ikke kan vise, og er ikke taget med`, en: `${where.en} is a ${format} picture, which dialogpack cannot show, and is left out` },
        { da: 'gem billedet som PNG eller JPEG, sæt det ind i Word i stedet, og importér igen', en: 'save the picture as PNG or JPEG, put that in Word instead, and import again' },
      );
      parent!.children.splice(index!, 1);
      return index;
    }
    const hash = createHash('sha256').update(picture.bytes).digest('hex');
    let file = byHash.get(hash);
    if (!file) {
      file = `${names.imageDir}/${names.imageStem}-${list.length + 1}.${ext}`;
      byHash.set(hash, file);
      list.push({ path: file, bytes: picture.bytes });
      if (picture.bytes.byteLength > topicLimits.maxImageBytes) {
        report(
          'word-image-too-large',
          {
            da: `${where.da} fylder ${megabytes(picture.bytes.byteLength, 'da-DK')} MB, mere end de ${topicLimits.maxImageBytes / 1024 / 1024} MB, dialogpack læser pr. fil`,
            en: `${where.en} is ${megabytes(picture.bytes.byteLength, 'en')} MB, more than the ${topicLimits.maxImageBytes / 1024 / 1024} MB dialogpack reads of a file`,
          },
          {
            da: `gør ${file} mindre (fx i Paint: Tilpas størrelse), eller komprimer billederne i Word og importér igen`,
            en: `make ${file} smaller (e.g. in Paint: Resize), or compress the pictures in Word and import again`,
          },
        );
      }
    }
    order.push(picture.number);
    (node as Image).url = file;
    (node as Image).alt = picture.alt;
    (node as Image).title = null;
  });
  return { list, order };
}

function megabytes(bytes: number, locale: string): string {
  return (bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 });
}

function lastWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const tail = words.slice(-6).join(' ');
  return words.length > 6 ? `…${tail}` : tail;
}

/**
 * A figure stands in a paragraph of its own in dialogpack; in Word a picture often sits in a line of
 * text. Such a paragraph is split around its pictures, the text keeping its order.
 */
function splitPictureParagraphs(tree: Root): void {
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    if (!parent || index === undefined) return;
    const kids = paragraph.children;
    const pictures = kids.filter((k) => k.type === 'image').length;
    if (!pictures || (pictures === 1 && kids.length === 1)) return;
    const parts: Paragraph[] = [];
    let run: PhrasingContent[] = [];
    const flush = () => {
      while (run.length && isBlank(run[0])) run.shift();
      while (run.length && isBlank(run[run.length - 1])) run.pop();
      // The space that stood beside a picture now ends or starts a paragraph.
      const [first, last] = [run[0], run[run.length - 1]];
      if (first?.type === 'text') run[0] = { ...first, value: first.value.trimStart() };
      if (last?.type === 'text') run[run.length - 1] = { ...last, value: (run[run.length - 1] as typeof last).value.trimEnd() };
      if (run.length) parts.push({ type: 'paragraph', children: run });
      run = [];
    };
    for (const kid of kids) {
      if (kid.type === 'image') {
        flush();
        parts.push({ type: 'paragraph', children: [kid] });
      } else run.push(kid);
    }
    flush();
    (parent.children as RootContent[]).splice(index, 1, ...parts);
    return index + parts.length;
  });
}

/** A paragraph that held only a picture left out, or only spaces and line breaks. */
function removeEmptyParagraphs(tree: Root): void {
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    if (!parent || index === undefined || !paragraph.children.every(isBlank)) return;
    parent.children.splice(index, 1);
    return index;
  });
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === 'break' || (node.type === 'text' && !node.value.trim());
}

/**
 * Warnings about kept pictures are placed where the picture is in the markdown written, since that is
 * where an editor who cannot fix it in Word fixes it.
 */
function placePictureWarnings(markdown: string, pictures: readonly Picture[], files: PlacedPictures, names: DocxNames): Diagnostic[] {
  // The markdown holds the kept pictures in the order placePictures met them.
  const places: { line?: number; column?: number }[] = [];
  visit(parseMarkdown(markdown), 'image', (node) => {
    places.push({ line: node.position?.start.line, column: node.position?.start.column });
  });
  const out: Diagnostic[] = [];
  const docx = path.basename(names.docxFile);
  files.order.forEach((number, i) => {
    const picture = pictures[number - 1];
    const at = { file: names.markdownFile, ...places[i] };
    if (!picture.alt) {
      out.push({
        ...at,
        severity: 'warning',
        rule: 'word-image-without-alt',
        message: {
          da: `billede ${picture.number} i ${docx} har ingen alternativ tekst, så en skærmlæser kan ikke fortælle, hvad det viser`,
          en: `picture ${picture.number} in ${docx} has no alternative text, so a screen reader cannot tell what it shows`,
        },
        hint: {
          da: 'højreklik på billedet i Word, vælg »Vis alternativ tekst«, skriv hvad billedet viser, og importér igen; eller skriv teksten mellem [ ] her. Indtil da melder dialogpack check en fejl',
          en: 'right-click the picture in Word, choose »View Alt Text«, write what the picture shows, and import again; or write the text between [ ] here. Until then dialogpack check reports an error',
        },
      });
    } else if (generatedAlt.test(picture.alt)) {
      out.push({
        ...at,
        severity: 'warning',
        rule: 'word-image-generated-alt',
        message: {
          da: `den alternative tekst til billede ${picture.number} i ${docx} er lavet automatisk af Word: »${picture.alt.slice(0, 80)}«`,
          en: `the alternative text of picture ${picture.number} in ${docx} was made automatically by Word: »${picture.alt.slice(0, 80)}«`,
        },
        hint: {
          da: 'læs teksten, og skriv selv, hvad billedet viser; slet »Automatisk genereret beskrivelse«',
          en: 'read the text, and write yourself what the picture shows; delete »Automatisk genereret beskrivelse«',
        },
      });
    }
  });
  return out;
}
