import { beforeAll, describe, expect, it } from 'vitest';
import { buildInMemory, output, referenceTopic } from '../helpers/build-fixture.js';
import { readPdf, structNodes, structText, type PdfReadBack } from '../helpers/read-pdf.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const reference = referenceTopic;

/** Collapses whitespace so text wrapped across lines compares with the source. */
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Markdown source → the words a reader sees (emphasis marks, link targets and table pipes removed). */
function plainWords(markdown: string): string[] {
  return markdown
    .replace(/^---[\s\S]*?---/, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/[*_>#|]/g, ' ')
    .replace(/^\s*[-]{3,}\s*$/gm, ' ')
    .replace(/^\s*(\d+\.|-)\s+/gm, ' ')
    .split(/\s+/)
    .filter((w) => w && !/^-+$/.test(w));
}

describe('the pack of the reference topic', () => {
  let pdf: PdfReadBack;
  let text: string;
  const topic = parse(readFileSync(path.join(reference, 'topic.yaml'), 'utf8'));

  beforeAll(async () => {
    const result = await buildInMemory(reference);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    pdf = await readPdf(output(result, 'pack'));
    text = flat(pdf.text);
  });

  it('is A4, titled, in Danish', () => {
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(595.28, 1);
      expect(page.height).toBeCloseTo(842, 0);
    }
    expect(pdf.info.Title).toBe(topic.title);
    expect(pdf.lang).toBe('da');
    expect(pdf.metadata).toContain('pdfuaid:part');
  });

  it('links each contents entry to the page its heading is on, later pages included', () => {
    const contents = pdf.pages.findIndex((p) => p.struct && structNodes(p.struct).some((n) => n.role === 'TOC'));
    const page = pdf.pages[contents];
    const links = page.annotations.filter((a) => a.subtype === 'Link' && !a.url);
    const entries = structNodes(page.struct!).filter((n) => n.role === 'TOCI');
    expect(entries.length).toBeGreaterThan(3);
    expect(links).toHaveLength(entries.length);
    for (const link of links) {
      const [x1, y1, x2, y2] = link.rect;
      // The entry's title is the text inside the link's box (PDF y runs up, the reader's y down).
      const title = flat(page.items.filter((i) => i.x >= x1 - 1 && i.x < x2 && page.height - i.y >= y1 - 1 && page.height - i.y <= y2 + 1 && !/^\d+$/.test(i.str.trim())).map((i) => i.str).join(' '));
      expect(link.targetPage, title).toBeGreaterThan(contents + 1);
      const target = pdf.pages[link.targetPage! - 1];
      const headings = structNodes(target.struct!).filter((n) => /^H\d$/.test(n.role)).map((n) => flat(structText(n)));
      expect(headings, title).toContain(title);
    }
  });

  it('holds every title, step, instruction, question and tip of the topic, in order', () => {
    const expected: string[] = [topic.title, topic.subtitle, ...topic.questions, ...topic.preparation.materials];
    topic.steps.forEach((step: { title: string; instructions: string[]; questions: string[]; tips?: (string | { text: string })[] }, i: number) => {
      expected.push(`Trin ${i + 1}: ${step.title}`, ...step.instructions, ...step.questions);
      for (const tip of step.tips ?? []) expected.push(typeof tip === 'string' ? tip : tip.text);
    });
    expected.push(...topic.sections.map((s: { title: string }) => s.title), 'Handlingsplan');
    // As assistive technology reads it: a word hyphenated at a line's end is one word there.
    const tagged = flat(pdf.pages.map((p) => structText(p.struct!)).join(' '));
    let from = 0;
    for (const phrase of expected) {
      const at = tagged.indexOf(flat(phrase.replace(/\*\*/g, '')), from);
      expect(at, `"${phrase}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it('numbers the steps 1–4 and shows their minutes', () => {
    expect(text).toMatch(/Trin 1: Velkomst og rammesætning 5 min/);
    expect(text).toMatch(/Trin 2: Dilemmaer i grupper 8–12 min/);
    expect(text).toMatch(/Trin 3: Fælles opsamling 10–14 min/);
    expect(text).toMatch(/Trin 4: Beslut og aftal næste skridt 10 min/);
    expect(text).not.toMatch(/Trin 5/);
  });

  it('holds every word of the section files, including table cells, in order, as read from the tag tree', () => {
    // The tag tree is what assistive technology reads; hyphenated words come back whole through ActualText.
    const text = flat(pdf.pages.map((p) => (p.struct ? structText(p.struct) : '')).join(' '));
    for (const file of ['purpose.md', 'advice.md', 'case.md', 'legal.md']) {
      const words = plainWords(readFileSync(path.join(reference, file), 'utf8'));
      let from = 0;
      for (const word of words) {
        const at = text.indexOf(word, from);
        expect(at, `${file}: "${word}"`).toBeGreaterThanOrEqual(0);
        from = at;
      }
    }
    expect(text).toContain('»Du kan bare logge ind for hende – jeg har hendes kode på en seddel.«');
  });

  it('tags headings, paragraphs, lists, tables, links and form fields with their text', () => {
    const nodes = pdf.pages.flatMap((p) => structNodes(p.struct));
    const roles = new Set(nodes.map((n) => n.role));
    for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Link', 'Form', 'TOC', 'TOCI']) {
      expect(roles, role).toContain(role);
    }
    const th = nodes.filter((n) => n.role === 'TH').map((n) => flat(structText(n)));
    expect(th).toContain('Spørgsmål');
    expect(nodes.filter((n) => n.role === 'Link').map((n) => flat(structText(n)))).toContain('borger.dk');
    expect(nodes.filter((n) => n.role === 'H1').map((n) => flat(structText(n)))).toContain(topic.title);
  });

  it('puts all text in the tag tree; only headers and footers are artifacts', () => {
    for (const page of pdf.pages) expect(page.untaggedText.trim()).toBe('');
    const tagged = flat(pdf.pages.map((p) => (p.struct ? structText(p.struct) : '')).join(' '));
    // "Side x af y" is drawn on the page but lives outside the tree.
    expect(text).toMatch(/Side 2 af \d+/);
    expect(tagged).not.toMatch(/Side \d+ af \d+/);
    expect(tagged).toContain('fx på borger.dk. Medarbejderen må vejlede');
  });

  it('continues a paragraph split across pages in one P element', () => {
    // Every P's text appears whole in the document's text, whatever page it started on.
    const paragraphs = pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'P');
    expect(paragraphs.length).toBeGreaterThan(20);
  });

  it('has bookmarks from the headings and fillable action-plan fields with names', () => {
    const titles = JSON.stringify(pdf.outline);
    for (const title of ['Formål', 'Drejebog', 'Trin 1: Velkomst og rammesætning', 'Juridisk baggrund', 'Handlingsplan']) expect(titles).toContain(title);
    const fields = pdf.pages.flatMap((p) => p.annotations).filter((a) => a.subtype === 'Widget');
    expect(fields.length).toBe(16);
    expect(fields.map((f) => f.alternativeText)).toContain('Forslag 1: hvem er ansvarlig? Skriv et navn.');
    const links = pdf.pages.flatMap((p) => p.annotations).filter((a) => a.url);
    expect(links.map((l) => l.url)).toContain('https://www.borger.dk/');
  });
});
