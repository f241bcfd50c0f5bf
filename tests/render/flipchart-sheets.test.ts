import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { flipchartType, pageSetup } from '../../src/layout/page-setup.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { buildTopic } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { buildInMemory, output, referenceTopic, repoRoot } from '../helpers/build-fixture.js';
import { messageText } from '../helpers/message-text.js';
import { readPdf, structNodes } from '../helpers/read-pdf.js';

const hardware = path.join(repoRoot, 'content/hardware');
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-flipchart-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('flip-chart type', () => {
  it.each([['hardware', hardware], ['reference', referenceTopic]])('%s: every word at least the floor, the title at least as large as any step heading, type grown to fill', async (_name, dir) => {
    const pdf = await readPdf(output(await buildInMemory(dir, { kinds: ['flipchart'] }), 'flipchart'));
    const sizes = pdf.pages.map((page) => page.items.filter((i) => i.str.trim()).map((i) => i.height));
    for (const [i, page] of sizes.entries()) expect(Math.min(...page), `sheet ${i + 1}`).toBeGreaterThanOrEqual(flipchartType.floor - 0.5);
    const title = Math.max(...sizes[0]);
    const stepHeadings = pdf.pages.flatMap((page) => page.items.filter((i) => /^Trin \d/.test(i.str)).map((i) => i.height));
    expect(stepHeadings.length).toBeGreaterThan(2);
    expect(title).toBeGreaterThanOrEqual(Math.max(...stepHeadings));
    // The old sheets stopped at 54 pt body; a step with two short questions now fills its sheet.
    expect(Math.max(...sizes.slice(1).flat())).toBeGreaterThan(70);
  });
});

describe('the dot-vote sheet', () => {
  it.each([
    [5, 2],
    [14, 3],
    [20, 4],
  ])('for %i participants has %i rows to write proposals in', async (participants, rows) => {
    const { shared } = await sharedResources();
    const result = await buildTopic(hardware, { strict: false, participants, kinds: ['flipchart'] }, shared);
    expect(result.diagnostics.filter((d) => d.rule === 'flipchart-6x8')).toEqual([]);
    const pdf = await readPdf(output(result, 'flipchart'));
    const sheet = pdf.pages.at(-1)!;
    expect(flat(sheet.text)).toContain('Prikafstemning');
    const trs = structNodes(sheet.struct).filter((n) => n.role === 'TR');
    expect(trs).toHaveLength(1 + rows);
    // One row per group of step 4, the last to split the group before the vote (capped at four).
    const { topic } = modelTopic(parseTopic((await loadTopic(hardware)).source!).parsed);
    const groups = planAgenda(topic!, { participants }).agenda.steps[3].groups!.sizes.length;
    expect(rows).toBe(Math.min(4, Math.max(2, groups)));
  });
});

describe('flipchart-6x8', () => {
  it('names the line of topic.yaml a sheet of frame questions comes from', async () => {
    const { shared } = await sharedResources();
    const dir = path.join(tmp, 'crowded');
    execFileSync('cp', ['-r', referenceTopic, dir]);
    const yaml = execFileSync('cat', [path.join(dir, 'topic.yaml')], { encoding: 'utf8' });
    const many = Array.from({ length: 12 }, (_, i) => `  - Hvad gør vi, når borgeren beder os om hjælp med mobilen nummer ${i + 1}?`).join('\n');
    writeFileSync(path.join(dir, 'topic.yaml'), yaml.replace(/^questions:\n/m, `questions:\n${many}\n`));
    const line = yaml.split('\n').findIndex((l) => l.startsWith('questions:')) + 1;
    const result = await buildTopic(dir, { strict: false, kinds: ['flipchart'] }, shared);
    const warnings = result.diagnostics.filter((d) => d.rule === 'flipchart-6x8');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].file).toBe(path.join(dir, 'topic.yaml'));
    // The list under `questions:` starts on the next line.
    expect(warnings[0].line).toBe(line + 1);
    expect(messageText(warnings[0])).toContain('Det taler vi om i dag');
  });
});

describe('poster tiles', () => {
  it('label each tile with the topic, the sheet and its place', async () => {
    const { shared } = await sharedResources();
    const result = await buildTopic(hardware, { strict: false, kinds: ['flipchart'], poster: 'A1', paper: 'A4', sheets: [1, 4] }, shared);
    const [poster] = result.outputs;
    expect(poster.path).toBe('hardware/hardware-flipchart-poster-a1.pdf');
    const file = path.join(tmp, 'poster.pdf');
    writeFileSync(file, poster.bytes);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(poster.pages);
    const perSheet = poster.pages / 2;
    // The title sheet's label names the topic once; a step's adds its heading.
    expect(flat(pages[0])).toContain(`Hjælp med borgerens hardware og udstyr – ark 1 af ${perSheet} (række 1, kolonne 1)`);
    expect(flat(pages[perSheet + 2])).toContain(`Hjælp med borgerens hardware og udstyr – Trin 2: Indsaml pointer – ark 3 af ${perSheet} (række 1, kolonne 3)`);
  });

  it('--sheets past the last sheet is an error in Danish and English', async () => {
    const { shared } = await sharedResources();
    const result = await buildTopic(hardware, { strict: false, kinds: ['flipchart'], poster: 'A2', sheets: [2, 40] }, shared);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: '--sheets', rule: 'bad-option' });
    expect(messageText(errors[0], 'en')).toBe('--sheets 40: the topic "Hjælp med borgerens hardware og udstyr" has only 8 flip-chart sheets');
    expect(messageText(errors[0], 'da')).toBe('--sheets 40: emnet "Hjælp med borgerens hardware og udstyr" har kun 8 flipoverark');
  });

  it('--sheets 1,3 tiles only those sheets', async () => {
    const { shared } = await sharedResources();
    const { topic } = modelTopic(parseTopic((await loadTopic(hardware)).source!).parsed);
    const composed = composeDocument('flipchart', topic!, planAgenda(topic!).agenda, shared.templates);
    const all = layoutDocument(composed.document!, shared.theme, shared.fonts, pageSetup('flipchart', shared.theme, { poster: 'A2' }));
    const some = layoutDocument(composed.document!, shared.theme, shared.fonts, pageSetup('flipchart', shared.theme, { poster: 'A2', sheets: [1, 3] }));
    expect(new Set(some.layout.tiles!.map((t) => t.sheet)).size).toBe(2);
    expect(some.layout.outline.map((o) => o.title)).toEqual(['Hjælp med borgerens hardware og udstyr']);
    expect(some.layout.outline[0].children.map((o) => o.title)).toEqual(['Trin 1: Rammesæt emnet og dilemmaer']);
    expect(some.layout.pages.length).toBeLessThan(all.layout.pages.length / 3);
  });
});
