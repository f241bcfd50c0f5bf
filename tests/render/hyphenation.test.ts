import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInMemory, output, testFixtures } from '../helpers/build-fixture.js';
import { readPdf, structNodes, structText, type PdfReadBack } from '../helpers/read-pdf.js';
import { readQpdf } from '../helpers/read-qpdf.js';

const fixture = path.join(testFixtures, 'hyphenation');
const source = readFileSync(path.join(fixture, 'words.md'), 'utf8');
const words = source.replace(/[|]/g, ' ').split(/\s+/).filter((w) => w && !/^-+$/.test(w));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-hyphen-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('Danish hyphenation', () => {
  let pdf: PdfReadBack;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = output(await buildInMemory(fixture, { kinds: ['pack'] }), 'pack');
    pdf = await readPdf(bytes);
  });

  it('breaks long compounds with a hyphen where a line needs it', () => {
    const drawn = pdf.pages.flatMap((p) => p.items.map((i) => i.str.trim()));
    expect(drawn.filter((s) => /\p{L}-$/u.test(s)).length).toBeGreaterThan(2);
  });

  it('reads back from the tag tree exactly as written: no soft hyphens, no split words', () => {
    const tagged = pdf.pages.map((p) => (p.struct ? structText(p.struct) : '')).join(' ');
    expect(tagged).not.toMatch(/\u00ad/);
    // pdf.js reads the section word for word, in order, each hyphenated word whole (its Span's ActualText).
    const readBack = tagged.split(/\s+/).filter(Boolean);
    const from = readBack.indexOf(words[0]);
    expect(readBack.slice(from, from + words.length)).toEqual(words);
    const spans = pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'Span');
    expect(spans.length).toBeGreaterThan(2);
    for (const span of spans) expect(words.map((w) => w.replace(/[.,]$/, ''))).toContain(span.alt!.replace(/[.,]$/, ''));
  });

  it('reads back through pdftotext as written (ActualText on the marked content)', () => {
    const file = path.join(tmp, 'hyphen.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const extracted = text.split(/\s+/);
    for (const word of words.filter((w) => w.length > 12 && !w.startsWith('http'))) {
      expect(extracted, word).toContain(word);
    }
  });

  it('reads back through pdftotext in reading order, each hyphenated word whole where its line ends', () => {
    const file = path.join(tmp, 'hyphen-order.pdf');
    writeFileSync(file, bytes);
    const extracted = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split(/\s+/).filter(Boolean);
    // The section's paragraph and table, word for word: a word whose two parts were one marked-content
    // sequence across two lines was read at the end of the page, or mirrored to its top.
    const from = extracted.indexOf(words[0]);
    expect(from).toBeGreaterThan(0);
    expect(extracted.slice(from, from + words.length)).toEqual(words);
  });

  it('keeps each part of a hyphenated word in a marked-content sequence of its own line', () => {
    const q = readQpdf(bytes);
    let parts = 0;
    for (const page of q.pages) {
      const contents = [q.objects.get(page)!.dict['/Contents']].flat();
      const stream = contents.map((ref) => q.objects.get(ref as string)!.data!.toString('latin1')).join('\n');
      for (const sequence of stream.matchAll(/\/Span\s*<<[^>]*\/ActualText[^>]*>>\s*BDC([\s\S]*?)\bEMC\b/g)) {
        const baselines = new Set([...sequence[1].matchAll(/1 0 0 -?1 [\d.-]+ ([\d.-]+) Tm/g)].map((m) => m[1]));
        expect(baselines.size, sequence[0]).toBe(1);
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(4);
  });

  it('never hyphenates headings, names or URLs', () => {
    const drawn = pdf.pages.flatMap((p) => p.items.map((i) => i.str.trim()));
    expect(drawn.some((s) => s.startsWith('Sikkerhedsforanstaltningsudvalg') && s.endsWith('-'))).toBe(false);
    expect(drawn.some((s) => /^https:\/\/www\.borger\.dk/.test(s) && s.endsWith('-'))).toBe(false);
    const headings = pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => /^H\d$/.test(n.role));
    for (const h of headings) expect(h.children.filter((c) => c.role === 'Span')).toEqual([]);
  });
});

describe('line breaks (issue #18)', () => {
  const lineBreaks = path.join(testFixtures, 'line-breaks');
  const sourceWords = new Set(
    ['pages.md', 'narrow.md']
      .map((f) => readFileSync(path.join(lineBreaks, f), 'utf8'))
      .join(' ')
      .split(/[\s|]+/)
      .map((w) => w.replace(/[.,?]$/, '')),
  );
  /** A PDF's body lines, page by page, in reading order: text items on one baseline joined; running header and footer left out. */
  const bodyLines = (pdf: PdfReadBack, title: string) =>
    pdf.pages.map((page) => {
      const lines: { y: number; text: string }[] = [];
      for (const item of page.items) {
        const last = lines[lines.length - 1];
        if (last && Math.abs(last.y - item.y) < 1) last.text += item.str;
        else lines.push({ y: item.y, text: item.str });
      }
      return lines.map((l) => l.text.trim()).filter((t) => t && !/^Side \d+ af \d+$/.test(t) && t !== title);
    });
  /** Whether a line ends in a hyphen hyphenation added: its head and the next line's first word make a word of the source. */
  const endsHyphenated = (line: string, next: string | undefined) => {
    const head = /(\p{L}+)-$/u.exec(line)?.[1];
    const tail = next?.split(/\s+/)[0].replace(/[.,?]$/, '');
    return !!head && !!tail && sourceWords.has(head + tail) && !sourceWords.has(`${head}-${tail}`);
  };
  let pack: PdfReadBack;
  let flipchart: PdfReadBack;
  let flipchartBytes: Uint8Array;
  beforeAll(async () => {
    const built = await buildInMemory(lineBreaks, { kinds: ['pack', 'flipchart'] });
    pack = await readPdf(output(built, 'pack'));
    flipchartBytes = output(built, 'flipchart');
    flipchart = await readPdf(flipchartBytes);
  });

  it('ends at most two lines in a row in a hyphenation hyphen, and no page', () => {
    const pages = bodyLines(pack, 'Orddeling og linjeskift');
    expect(pages.length).toBeGreaterThan(3);
    const all = pages.flat();
    let run = 0;
    let longest = 0;
    let hyphenated = 0;
    all.forEach((line, i) => {
      run = endsHyphenated(line, all[i + 1]) ? run + 1 : 0;
      if (run) hyphenated++;
      longest = Math.max(longest, run);
    });
    // Long compounds all through, so the limit is met, and held.
    expect(hyphenated).toBeGreaterThan(20);
    expect(longest).toBe(2);
    let pagesEndingInWord = 0;
    pages.slice(0, -1).forEach((lines, p) => {
      const last = lines[lines.length - 1];
      expect(endsHyphenated(last, pages[p + 1][0]), `page ${p + 1} ends "${last}"`).toBe(false);
      if (/\p{L}$/u.test(last)) pagesEndingInWord++;
    });
    // Pages that turn inside a paragraph, where a hyphen could otherwise have fallen.
    expect(pagesEndingInWord).toBeGreaterThan(1);
  });

  it('breaks after the hard hyphen of borgerservice-medarbejdernes in a narrow measure, and reads it back whole', () => {
    const lines = bodyLines(flipchart, '').flat();
    const at = lines.findIndex((l) => l.endsWith('borgerservice-'));
    expect(at, lines.join('\n')).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^medarbejdernes\b/);
    const spans = flipchart.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'Span');
    expect(spans.map((s) => s.alt)).toContain('borgerservice-medarbejdernes');
    const file = path.join(tmp, 'line-breaks-flipchart.pdf');
    writeFileSync(file, flipchartBytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text.split(/\s+/)).toContain('borgerservice-medarbejdernes');
  });
});
