/**
 * Layout of what a topic's limits keep out and a template could still bring in: a very long title or
 * word, nesting and tables past what a page holds. Each is laid out in time, within the page, and
 * with every word kept. Before, an 8 KB title took 82 s, a 50 KB word minutes,
 * 30 levels of quotes lost their text and 40 of lists and 500 columns ran off the page.
 */
import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../src/compose/compose-document.js';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import { documentLabels } from '../../src/compose/labels.js';
import type { FontBook } from '../../src/fonts/font-book.js';
import { breakLines } from '../../src/layout/break-lines.js';
import { hyphenateWord } from '../../src/layout/hyphenate-word.js';
import type { LayoutItem, TextItem } from '../../src/layout/layout.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';

/** The shared font book, counting the characters layout asks it to measure. */
async function countingFonts(): Promise<{ fonts: FontBook; measured: () => number }> {
  const { shared } = await sharedResources();
  let measured = 0;
  const fonts = new Proxy(shared.fonts, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      if (key !== 'measure') return value.bind(target);
      return (text: string, ...rest: unknown[]) => {
        measured += text.length;
        return value.call(target, text, ...rest);
      };
    },
  });
  return { fonts, measured: () => measured };
}

function texts(items: LayoutItem[]): TextItem[] {
  return items.flatMap((i) => (i.type === 'group' ? texts(i.items) : i.type === 'text' ? [i] : []));
}

async function layOut(markdown: string, title = 'Test', fonts?: FontBook) {
  const { shared } = await sharedResources();
  const document: ComposedDocument = { kind: 'pack', tree: parseDocumentMarkdown(markdown), labels: documentLabels('da'), markdown, meta: { title, lang: 'da', keywords: [] } };
  return layoutDocument(document, shared.theme, fonts ?? shared.fonts).layout;
}

/** Every text item of the layout lies inside its page; returns the text, words joined back. */
async function expectOnPages(layout: Awaited<ReturnType<typeof layOut>>): Promise<string> {
  const { shared } = await sharedResources();
  let all = '';
  for (const page of layout.pages) {
    for (const item of texts(page.items)) {
      const width = shared.fonts.width(item.fontId, item.text, item.size);
      expect(item.x, item.text).toBeGreaterThanOrEqual(0);
      expect(item.x + width, item.text).toBeLessThanOrEqual(page.width);
      expect(item.y).toBeGreaterThan(0);
      expect(item.y).toBeLessThan(page.height);
      if (!item.running) all += item.text;
    }
  }
  return all;
}

describe('a very long word', () => {
  it('is broken into lines measuring little more than the lines themselves: 50 KB in a moment', async () => {
    const { fonts, measured } = await countingFonts();
    const word = 'abcdefghij'.repeat(5_000);
    const started = Date.now();
    const lines = breakLines([{ text: `Ord: ${word}`, bold: false, italic: false }], fonts, 10, 300, (w, start) => hyphenateWord(w, 'da', start));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lines.map((l) => l.pieces.map((p) => p.text).join('').replace(/-$/, '')).join('')).toBe(`Ord:${word}`);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(300 + 0.01);
    // Measuring all that was left of the word on every line measured some 40 million characters.
    expect(measured()).toBeLessThan(20 * word.length);
  });

  it('that is hyphenated is broken at its own points, measuring heads of about a line', async () => {
    const { fonts, measured } = await countingFonts();
    const word = 'sikkerhedsforanstaltning'.repeat(150);
    const lines = breakLines([{ text: word, bold: false, italic: false }], fonts, 10, 300, (w, start) => hyphenateWord(w, 'da', start));
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.slice(0, -1).every((l) => l.pieces.at(-1)?.hyphen)).toBe(true);
    expect(lines.map((l) => l.pieces.map((p) => p.text).join('').replace(/-$/, '')).join('')).toBe(word);
    expect(measured()).toBeLessThan(20 * word.length);
  });
});

describe('a very long title', () => {
  it('is cut to the running header by bisection, not one character at a time', async () => {
    const { fonts, measured } = await countingFonts();
    const title = 'Overskrift '.repeat(745);
    const started = Date.now();
    const layout = await layOut('# Forside\n\n::page-break\n\nSide to.\n\n::page-break\n\nSide tre.\n', title, fonts);
    expect(Date.now() - started).toBeLessThan(5_000);
    const header = texts(layout.pages[1].items).filter((i) => i.running === 'header').map((i) => i.text).join('');
    expect(header.endsWith('…')).toBe(true);
    expect(title.startsWith(header.slice(0, -1))).toBe(true);
    await expectOnPages(layout);
    // One character at a time measured the 8 KB title about 8 000 times a page.
    expect(measured()).toBeLessThan(layout.pages.length * 20 * title.length);
  });
});

describe('nesting past the page', () => {
  it('keeps the text of 36 nested quotes on the page (past 30 it was set beyond the page’s edge)', async () => {
    const layout = await layOut(`${'> '.repeat(36)}Tekst, der var væk før\n`);
    expect(await expectOnPages(layout)).toContain('Tekst, der var væk før');
  });

  it('keeps a 40-level list on the page, each level’s words whole', async () => {
    const markdown = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n');
    const layout = await layOut(markdown);
    const text = await expectOnPages(layout);
    for (let i = 1; i <= 40; i++) expect(text).toContain(`niveau ${i}`);
  });

  it('sets a 500-column table as tables of the columns that fit, every cell on the page', async () => {
    const markdown = `|${Array.from({ length: 500 }, (_, i) => ` k${i} |`).join('')}\n|${'---|'.repeat(500)}\n|${Array.from({ length: 500 }, (_, i) => ` v${i} |`).join('')}\n`;
    const layout = await layOut(markdown);
    const text = await expectOnPages(layout);
    for (const i of [0, 1, 250, 499]) {
      expect(text).toContain(`k${i}`);
      expect(text).toContain(`v${i}`);
    }
  });
});

describe('a reference-style image compose meets unresolved', () => {
  it('prints its alt text, as an inline image does', async () => {
    const layout = await layOut('Se ![skærmbilledet][s] her.\n\n[s]: x.png\n');
    expect(await expectOnPages(layout)).toContain('Se skærmbilledet her.');
  });
});

describe('a link with a very long address', () => {
  it('is printed whole but not linked: every line of it was a link annotation holding all of it', async () => {
    const address = `https://eksempel.dk/${'sti/'.repeat(600)}`;
    const layout = await layOut(`Se [${address}](${address}) og [kort](https://x.dk).\n`);
    const links = layout.pages.flatMap((p) => p.items.filter((i) => i.type === 'link'));
    expect(links.map((l) => (l.type === 'link' ? l.target : undefined))).toEqual(['https://x.dk']);
    expect((await expectOnPages(layout)).replace(/\s/g, '')).toContain(address);
  });
});
