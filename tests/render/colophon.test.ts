/**
 * A topic that says who made it and how to use it, read back from its PDFs: the byline and series on the
 * cover, the colophon at the foot of the pack's last page and of the handout, the document's author,
 * the intro section before the frame questions, and instructions and tips of several blocks set as
 * their paragraphs and lists.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInMemory, output, testFixtures } from '../helpers/build-fixture.js';
import { readPdf, structNodes, structText, type PdfReadBack, type PdfStructNode } from '../helpers/read-pdf.js';

const fixture = path.join(testFixtures, 'colophon');
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const note = 'Projektet støtter digital inklusion i kommunerne og drives af Eksempelforeningen og Eksempelkommunen.';

let pack: PdfReadBack;
let handout: PdfReadBack;
let facilitator: PdfReadBack;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-colophon-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const result = await buildInMemory(fixture);
  expect(result.diagnostics).toEqual([]);
  [pack, handout, facilitator] = await Promise.all(['pack', 'handout', 'facilitator'].map((kind) => readPdf(output(result, kind as 'pack'))));
});

/** The page's text items from its lowest line up: their baseline, from the page's top, and text. */
function lowestLines(page: PdfReadBack['pages'][number]) {
  return [...page.items].filter((i) => i.str.trim() && !/^Side \d+ af \d+$/.test(i.str.trim())).sort((a, b) => b.y - a.y);
}

/** The list items directly inside a list element, each with its LBody's children. */
const items = (list: PdfStructNode) => list.children.filter((n) => n.role === 'LI').map((li) => li.children.find((n) => n.role === 'LBody')!);

describe('the cover', () => {
  it('has the series above the title and a byline with the authors and the date below it', () => {
    const cover = flat(pack.pages[0].text);
    expect(cover).toContain('Hjælp til digitalt udfordrede borgere Hjælp med borgerens udstyr Dialogmateriale om digital hjælp Af Anna Jensen og Bo Holm, 27. oktober 2023');
    // The byline has the date, so the cover does not say it twice.
    expect(cover).not.toContain('Dato:');
    expect(cover).toContain('Udgivet af: Eksempelkommunen');
    const roles = structNodes(pack.pages[0].struct).map((n) => [n.role, flat(structText(n))]);
    const series = roles.findIndex(([role, text]) => role === 'P' && text === 'Hjælp til digitalt udfordrede borgere');
    const title = roles.findIndex(([role]) => role === 'H1');
    expect(series).toBeGreaterThanOrEqual(0);
    expect(series).toBeLessThan(title);
  });
});

describe('the colophon', () => {
  it('stands at the foot of the pack’s last page, after the action plan: title, series, byline, publisher and note', () => {
    const last = pack.pages[pack.pages.length - 1];
    const text = flat(last.text);
    expect(text.indexOf('Handlingsplan')).toBeGreaterThanOrEqual(0);
    const colophon = text.slice(text.indexOf('Hjælp med borgerens udstyr Serie:'));
    expect(colophon).toContain(
      `Hjælp med borgerens udstyr Serie: Hjælp til digitalt udfordrede borgere Af Anna Jensen og Bo Holm, 27. oktober 2023 Udgivet af: Eksempelkommunen ${note}`,
    );
    // At the foot: the note's last line is the lowest text on the page, well below the action plan's table.
    const [lowest] = lowestLines(last);
    expect(note).toContain(lowest.str.trim());
    expect(lowest.y).toBeGreaterThan(last.height * 0.8);
  });

  it('is tagged: its text belongs to the structure, in a section of its own at the end', () => {
    const sections = structNodes(pack.pages[pack.pages.length - 1].struct).filter((n) => n.role === 'Sect');
    expect(sections.map((s) => flat(structText(s)))).toContainEqual(expect.stringContaining(note));
    expect(pack.pages[pack.pages.length - 1].untaggedText.trim()).toBe('');
  });

  it('names the authors in the document’s metadata, in the info dictionary and in XMP', () => {
    expect(pack.info.Author).toBe('Anna Jensen, Bo Holm');
    expect(pack.metadata).toMatch(/<dc:creator>\s*<rdf:Seq>\s*<rdf:li>Anna Jensen, Bo Holm<\/rdf:li>/);
    expect(pack.metadata).toContain('<dc:title>');
    expect(handout.info.Author).toBe('Anna Jensen, Bo Holm');
  });

  it('ends the handout with the publisher’s note at the foot of its last page, when there is room', async () => {
    // The fixture's handout with its case fills its one page (the room for notes shrinks to stay on
    // it), so there is no room for the note there; without the case there is.
    expect(handout.pages).toHaveLength(1);
    expect(flat(handout.text)).not.toContain(note);
    const dir = path.join(tmp, 'room');
    cpSync(fixture, dir, { recursive: true });
    const yaml = readFileSync(path.join(dir, 'topic.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'topic.yaml'), yaml.replace('file: case.md, handout: true', 'file: case.md'));
    const result = await buildInMemory(dir, { kinds: ['handout'] });
    expect(result.diagnostics).toEqual([]);
    const roomy = await readPdf(output(result, 'handout'));
    expect(roomy.pages).toHaveLength(1);
    const last = roomy.pages[roomy.pages.length - 1];
    expect(flat(last.text)).toContain(note);
    const [lowest] = lowestLines(last);
    expect(note).toContain(lowest.str.trim());
    expect(lowest.y).toBeGreaterThan(last.height * 0.8);
  });

  it('is left out of the handout when it does not fit: the handout keeps its pages', async () => {
    const dir = path.join(tmp, 'lang-note');
    cpSync(fixture, dir, { recursive: true });
    // A note longer than a page: there is never room for it at a page's foot.
    writeFileSync(path.join(dir, 'om-projektet.md'), `${Array.from({ length: 80 }, (_, i) => `Afsnit ${i + 1} om projektet.`).join('\n\n')}\n`);
    const result = await buildInMemory(dir, { kinds: ['handout', 'pack'] });
    expect(result.diagnostics).toEqual([]);
    const long = await readPdf(output(result, 'handout'));
    expect(long.pages).toHaveLength(handout.pages.length);
    expect(long.text).not.toContain('om projektet');
    // The pack has no such choice: the whole note runs on after the action plan.
    const longPack = await readPdf(output(result, 'pack'));
    expect(flat(longPack.text)).toContain('Afsnit 1 om projektet. Afsnit 2 om projektet.');
    expect(flat(longPack.text)).toContain('Afsnit 80 om projektet.');
  });
});

describe('the intro section', () => {
  it('stands after the purpose and before the frame questions, in the text and in the contents', () => {
    const text = flat(pack.text);
    // From the purpose on, past the contents, which name the same headings.
    const start = text.indexOf('Formål Vi taler om, hvor langt');
    const order = ['Sådan bruger I dialogmaterialet', 'Dialogmaterialet består af', 'Spørgsmål, der rammesætter emnet', 'Drejebog', 'Case fra en kommune', 'Handlingsplan'].map(
      (phrase) => text.indexOf(phrase, start),
    );
    expect(start).toBeGreaterThanOrEqual(0);
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    type Entry = { title: string; items: unknown[] };
    const titles = (entries: Entry[]): string[] => entries.flatMap((e) => [e.title, ...titles(e.items as Entry[])]);
    const outline = titles(pack.outline);
    expect(outline.indexOf('Sådan bruger I dialogmaterialet')).toBeGreaterThan(outline.indexOf('Formål'));
    expect(outline.indexOf('Sådan bruger I dialogmaterialet')).toBeLessThan(outline.indexOf('Spørgsmål, der rammesætter emnet'));
  });
});

describe('a step of blocks', () => {
  const stepList = (pdf: PdfReadBack, first: string) => {
    const lists = pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'L');
    return lists.find((l) => flat(structText(items(l)[0] ?? l)).startsWith(first))!;
  };

  it('sets an instruction’s list as a list inside its item, not as dashes in the line', () => {
    const instructions = stepList(pack, 'Introducér emnet.');
    const [, second] = items(instructions);
    expect(second.children.map((n) => n.role)).toEqual(['P', 'L']);
    expect(flat(structText(second.children[0]))).toBe('Læs casen højt, og bed deltagerne notere, hvad de lægger mærke til i casen:');
    expect(items(second.children[1]).map((body) => flat(structText(body)))).toEqual(['Hvad gør medarbejderen?', 'Hvilke dilemmaer ser I?']);
    expect(flat(pack.text)).not.toContain('casen: - Hvad');
  });

  it('sets a tip of two paragraphs as two paragraphs, in the pack and on the facilitator’s sheet', () => {
    const [tip] = items(stepList(pack, 'Send casen ud før mødet.'));
    expect(tip.children.map((n) => [n.role, flat(structText(n))])).toEqual([
      ['P', 'Send casen ud før mødet.'],
      ['P', 'Så bliver der mere tid til samtalen.'],
    ]);
    // On the sheet a tip is a quote led by "Godt råd:", under the step it belongs to.
    const quotes = facilitator.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'BlockQuote');
    const sheetTip = quotes.find((q) => flat(structText(q)).startsWith('Godt råd: Send casen ud før mødet.'))!;
    expect(sheetTip.children.map((n) => [n.role, flat(structText(n))])).toEqual([
      ['P', 'Godt råd: Send casen ud før mødet.'],
      ['P', 'Så bliver der mere tid til samtalen.'],
    ]);
  });
});
