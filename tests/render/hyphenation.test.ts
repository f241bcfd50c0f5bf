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
