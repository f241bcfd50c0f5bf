import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { cardFace, flipchartType, mm, pageSetup } from '../../src/layout/page-setup.js';
import { defaultTheme, paperSizes } from '../../src/layout/theme.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { locate } from '../../src/model/locate.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { buildInMemory, output, repoRoot, referenceTopic } from '../helpers/build-fixture.js';
import { expectTextInside } from '../helpers/expect-inside.js';
import { readPdf, structNodes, structText, type PdfReadBack } from '../helpers/read-pdf.js';

const reference = referenceTopic;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('facilitator sheet for 14 participants from 13:00', () => {
  let pdf: PdfReadBack;
  beforeAll(async () => {
    const result = await buildInMemory(reference, { participants: 14, start: '13:00', kinds: ['facilitator'] });
    pdf = await readPdf(output(result, 'facilitator'));
  });

  it('has the clock times of every step and the end', () => {
    const text = flat(pdf.text);
    let from = 0;
    for (const clock of ['kl. 13.00–13.05', 'kl. 13.05–13.16', 'kl. 13.16–13.29', 'kl. 13.29–13.39']) {
      const at = text.indexOf(clock, from);
      expect(at, clock).toBeGreaterThan(-1);
      from = at;
    }
    expect(text).toMatch(/fra kl\. 13\.00 til 13\.39/);
    expect(text).not.toMatch(/\d:\d\d/);
  });

  it('shows the four groups and the tip for 13 or more', () => {
    const text = flat(pdf.text);
    expect(text).toContain('4 grupper');
    expect(text).toContain('Med mange grupper kan I nøjes med at høre fra tre af dem');
  });

  it('is one or two A4 pages, every word inside the margins', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(1);
    expect(pdf.pages.length).toBeLessThanOrEqual(2);
    const { margin } = pageSetup('facilitator', defaultTheme);
    for (const page of pdf.pages) expectTextInside(page, { left: margin.left, right: page.width - margin.right, top: 0, bottom: page.height }, 'facilitator');
  });

  it('drops the tip for 13 or more with 8 participants', async () => {
    const result = await buildInMemory(reference, { participants: 8, kinds: ['facilitator'] });
    const eight = flat((await readPdf(output(result, 'facilitator'))).text);
    expect(eight).not.toContain('Med mange grupper');
    expect(eight).toContain('Mind grupperne om');
    expect(eight).toContain('8 deltagere');
  });
});

describe('handout', () => {
  it('holds the handout sections and every step question, not the other sections', async () => {
    const result = await buildInMemory(reference, { kinds: ['handout'] });
    const pdf = await readPdf(output(result, 'handout'));
    const text = flat(pdf.text);
    expect(text).toContain('Case fra en kommune');
    // A table cell, read as assistive technology reads it: its word hyphenated at the line's end is whole.
    const cells = pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'TD').map((n) => flat(structText(n)));
    expect(cells).toContain('Må datteren læse med fremover?');
    expect(text).not.toContain('Juridisk baggrund');
    for (const q of ['Hvad er på spil for borgeren i casen?', 'Hvornår er et mundtligt samtykke nok?', 'Hvad vil vi gøre anderledes fra i morgen?']) {
      expect(text).toContain(q);
    }
    for (const page of pdf.pages) expectTextInside(page, { left: 64, right: page.width - 64, top: 0, bottom: page.height }, 'handout');
  });
});

describe('flip-chart sheets', () => {
  let pdf: PdfReadBack;
  beforeAll(async () => {
    const result = await buildInMemory(reference, { kinds: ['flipchart'] });
    expect(result.diagnostics.filter((d) => d.rule === 'flipchart-6x8')).toEqual([]);
    pdf = await readPdf(output(result, 'flipchart'));
  });

  it('are A3 landscape: a title sheet, a sheet of frame questions, one sheet per step with questions, a dot-vote sheet', () => {
    expect(pdf.pages).toHaveLength(1 + 1 + 4 + 1);
    for (const page of pdf.pages) {
      expect(page.width).toBeCloseTo(paperSizes.A3.height, 0);
      expect(page.height).toBeCloseTo(paperSizes.A3.width, 0);
    }
    expect(flat(pdf.pages[0].text)).toBe('Samtykke og fuldmagt i den digitale hjælp');
    expect(flat(pdf.pages[1].text)).toContain('Hvornår beder vi om et samtykke');
    expect(flat(pdf.pages[3].text)).toContain('Trin 2: Dilemmaer i grupper');
    expect(flat(pdf.pages[6].text)).toContain('Prikafstemning');
  });

  it('set their questions large enough to read at 5 m, inside the sheet', () => {
    for (const page of pdf.pages) {
      const body = page.items.filter((i) => i.str.trim());
      expect(Math.min(...body.map((i) => i.height))).toBeGreaterThanOrEqual(flipchartType.floor - 0.5);
      expectTextInside(page, { left: mm(18), right: page.width - mm(18), top: 0, bottom: page.height - mm(18) }, 'sheet');
    }
  });

  it('warn (6x8) and run onto another sheet when a step has too much to say', async () => {
    const { shared } = await sharedResources();
    const loaded = await loadTopic(reference);
    const { parsed } = parseTopic(loaded.source!);
    const { topic } = modelTopic(parsed);
    const crowded = { ...topic!, steps: topic!.steps.map((s, i) => (i === 1 ? { ...s, questions: Array(14).fill('Hvad gør vi, når borgeren beder os om hjælp med mobilen?') } : s)) };
    const { agenda } = planAgenda(crowded);
    const composed = composeDocument('flipchart', crowded, agenda, shared.templates, undefined, (where) => locate(parsed.topic, where));
    const laid = layoutDocument(composed.document!, shared.theme, shared.fonts, pageSetup('flipchart', shared.theme));
    // The sheet knows its step from the step's text on it, not from the template's `step="…"`.
    expect(laid.overflows.map((o) => o.step)).toEqual([2]);
    expect(laid.layout.pages.length).toBeGreaterThan(6);
  });
});

describe('poster tiles', () => {
  it.each([
    ['A1', 'A4'],
    ['A2', 'A4'],
    ['A1', 'A3'],
  ] as const)('%s on %s: tiles overlap ≥ 10 mm, stay inside the paper and assemble to the exact poster', async (poster, paper) => {
    const { shared } = await sharedResources();
    const loaded = await loadTopic(reference);
    const { topic } = modelTopic(parseTopic(loaded.source!).parsed);
    const { agenda } = planAgenda(topic!);
    const composed = composeDocument('flipchart', topic!, agenda, shared.templates);
    const setup = pageSetup('flipchart', shared.theme, { poster, paper });
    const { layout } = layoutDocument(composed.document!, shared.theme, shared.fonts, setup);
    const tiles = layout.tiles!;
    const sheets = new Set(tiles.map((t) => t.sheet)).size;
    expect(sheets).toBe(7);
    expect(layout.pages).toHaveLength(tiles.length);
    const posterSize = { width: Math.max(paperSizes[poster].width, paperSizes[poster].height), height: Math.min(paperSizes[poster].width, paperSizes[poster].height) };
    for (let sheet = 0; sheet < sheets; sheet++) {
      const own = tiles.filter((t) => t.sheet === sheet);
      expect(own).toHaveLength(own[0].rows * own[0].columns);
      // The owned parts partition the poster: their areas add up to it and they reach every edge.
      const area = own.reduce((sum, t) => sum + t.own.width * t.own.height, 0);
      expect(area).toBeCloseTo(posterSize.width * posterSize.height, 0);
      expect(Math.max(...own.map((t) => t.own.x + t.own.width))).toBeCloseTo(posterSize.width, 3);
      expect(Math.max(...own.map((t) => t.own.y + t.own.height))).toBeCloseTo(posterSize.height, 3);
      for (const t of own) {
        const page = layout.pages[t.page];
        // Each window covers its own part plus at least 10 mm of glue towards the next tile.
        if (t.column < t.columns - 1) expect(t.window.x + t.window.width - (t.own.x + t.own.width)).toBeGreaterThanOrEqual(mm(10));
        if (t.row < t.rows - 1) expect(t.window.y + t.window.height - (t.own.y + t.own.height)).toBeGreaterThanOrEqual(mm(10));
        expect(t.window.width).toBeLessThanOrEqual(page.width - 2 * mm(10) + 0.01);
        expect(t.window.height).toBeLessThanOrEqual(page.height - 2 * mm(10) + 0.01);
        expect(Math.min(page.width, page.height)).toBeCloseTo(paperSizes[paper].width, 1);
      }
    }
  });

  it('prints labels and keeps every word on a tile touching that tile', async () => {
    const { shared } = await sharedResources();
    const loaded = await loadTopic(reference);
    const { topic } = modelTopic(parseTopic(loaded.source!).parsed);
    const { agenda } = planAgenda(topic!);
    const composed = composeDocument('flipchart', topic!, agenda, shared.templates);
    const { layout } = layoutDocument(composed.document!, shared.theme, shared.fonts, pageSetup('flipchart', shared.theme, { poster: 'A2', paper: 'A4' }));
    const { renderPdf } = await import('../../src/render/render-pdf.js');
    const pdf = await readPdf(await renderPdf(layout, shared.fonts, { date: new Date(0) }));
    const first = layout.tiles!.filter((t) => t.sheet === 0);
    expect(flat(pdf.pages[1].text)).toContain(`ark 2 af ${first.length} (række 1, kolonne 2)`);
    for (const [i, page] of pdf.pages.entries()) {
      const margin = pageSetup('flipchart', shared.theme, { poster: 'A2', paper: 'A4' }).tiles!.margin;
      for (const item of page.items.filter((it) => it.str.trim())) {
        const left = item.x;
        const right = item.x + item.width;
        expect(right, `tile ${i + 1}: ${item.str}`).toBeGreaterThan(0);
        expect(left, `tile ${i + 1}: ${item.str}`).toBeLessThan(page.width);
        // Poster text is clipped to the window; its box must at least reach into it.
        expect(right >= margin - 0.5 && left <= page.width - margin + 0.5, `tile ${i + 1}: ${item.str}`).toBe(true);
      }
    }
    // Every line of the poster is tagged on exactly one of its tiles; the other tiles draw it as an artifact.
    const taggedCount = new Map<string, number>();
    const drawnCount = new Map<string, number>();
    for (const [index, page] of layout.pages.entries()) {
      const sheet = layout.tiles![index].sheet;
      for (const group of page.items) {
        if (group.type !== 'group') continue;
        for (const item of group.items) {
          if (item.type !== 'text') continue;
          const key = `${sheet}|${item.x}|${item.y}|${item.text}`;
          drawnCount.set(key, (drawnCount.get(key) ?? 0) + 1);
          if (item.node !== undefined) taggedCount.set(key, (taggedCount.get(key) ?? 0) + 1);
        }
      }
    }
    expect(drawnCount.size).toBeGreaterThan(20);
    for (const key of drawnCount.keys()) expect(taggedCount.get(key), key).toBe(1);
  });
});

describe('cards', () => {
  let pdf: PdfReadBack;
  beforeAll(async () => {
    const result = await buildInMemory(path.join(repoRoot, 'content/personas'), { kinds: ['cards'] });
    expect(result.diagnostics.filter((d) => d.rule === 'card-overflow')).toEqual([]);
    pdf = await readPdf(output(result, 'cards'));
  });

  it('put four cards on an A4 sheet, every word inside its own card face', () => {
    expect(pdf.pages).toHaveLength(1);
    const page = pdf.pages[0];
    const left = (page.width - 2 * cardFace.width) / 2;
    const top = (page.height - 2 * cardFace.height) / 2;
    for (const item of page.items.filter((i) => i.str.trim())) {
      const col = item.x < left + cardFace.width ? 0 : 1;
      const row = item.y < top + cardFace.height ? 0 : 1;
      const face = { left: left + col * cardFace.width, top: top + row * cardFace.height };
      expectTextInside(
        { ...page, items: [item] },
        { left: face.left + 16, right: face.left + cardFace.width - 16, top: face.top + 16, bottom: face.top + cardFace.height - 16 },
        'card',
      );
    }
  });

  it('tag the names as headings and the quotes as block quotes; crop marks stay out of the tree', () => {
    const nodes = structNodes(pdf.pages[0].struct);
    expect(nodes.filter((n) => n.role === 'H1').map((n) => flat(structText(n)))).toEqual(['Kasper', 'Clara', 'Kim', 'Anna']);
    expect(nodes.filter((n) => n.role === 'BlockQuote')).toHaveLength(4);
    expect(pdf.pages[0].untaggedText.trim()).toBe('');
  });

  it('shrink, then continue on a second face with a warning when a card is too long', async () => {
    const { shared } = await sharedResources();
    const loaded = await loadTopic(reference);
    const { topic } = modelTopic(parseTopic(loaded.source!).parsed);
    // New text without a tree of its own: compose parses it where the template prints it.
    const long = { ...topic!, cards: [{ ...topic!.cards[0], markdown: 'Meget lang tekst om hverdagen. '.repeat(120), tree: undefined }] };
    const composed = composeDocument('cards', long, planAgenda(long).agenda, shared.templates);
    const laid = layoutDocument(composed.document!, shared.theme, shared.fonts, pageSetup('cards', shared.theme));
    expect(laid.overflows).toHaveLength(1);
    expect(laid.overflows[0].pages).toBeGreaterThan(1);
    const pdfBytes = await (await import('../../src/render/render-pdf.js')).renderPdf(laid.layout, shared.fonts, { date: new Date(0) });
    const read = await readPdf(pdfBytes);
    const page = read.pages[0];
    const left = (page.width - 2 * cardFace.width) / 2;
    for (const item of page.items.filter((i) => i.str.trim())) {
      expect(item.x).toBeGreaterThanOrEqual(left);
      expect(item.x + item.width).toBeLessThanOrEqual(left + 2 * cardFace.width - 16 + 3);
    }
  });
});
