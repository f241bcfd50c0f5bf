/**
 * The facilitator's sheet is what the dialogue is led from, without the pack at hand: for every topic
 * and group size it holds every instruction and question of every step, on at most two A4 pages, in
 * type no smaller than 9.5 pt; a topic too long for that is told so at its `steps:` line.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorType, pageSetup } from '../../src/layout/page-setup.js';
import { defaultTheme } from '../../src/layout/theme.js';
import type { Topic } from '../../src/model/topic.js';
import { markdownProcessor } from '../../src/parse/markdown-processor.js';
import { conditionHolds } from '../../src/plan/plan-agenda.js';
import { buildInMemory, output, repoRoot, referenceTopic } from '../helpers/build-fixture.js';
import { expectTextInside } from '../helpers/expect-inside.js';
import { fixedSeed } from '../helpers/fixed-seed.js';
import { messageText } from '../helpers/message-text.js';
import { readPdf, structText, type PdfReadBack } from '../helpers/read-pdf.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-facilitator-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Text compared with line breaks, hyphenation and spacing taken out, as the sheet may break any word. */
const squeeze = (s: string) => s.replace(/[\s\u00ad\u2010-]+/g, '');
const parseMarkdown = markdownProcessor();

/** The paragraphs (and other leaf blocks) of a markdown text as plain text: each is set whole, in order. */
function plainBlocks(markdown: string): string[] {
  const out: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'code') out.push(toString(node));
      else if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(parseMarkdown(markdown).children);
  return out.filter((t) => t.trim());
}

/** What the sheet says, as assistive technology reads it: no running header or page number in between. */
const tagged = (pdf: PdfReadBack) => pdf.pages.map((p) => (p.struct ? structText(p.struct) : '')).join(' ');

/** The seed topic with the fixes its hints spell out (tests/helpers/fixed-seed). */
const fixedSeedHere = () => fixedSeed(work);

const topics: [string, () => Promise<string>][] = [
  ['seed-hardware (fixed)', fixedSeedHere],
  ['samtykke-og-fuldmagt', async () => referenceTopic],
  ['hardware', async () => path.join(repoRoot, 'content/hardware')],
  ['personas', async () => path.join(repoRoot, 'content/personas')],
  ['private-it', async () => path.join(repoRoot, 'content/private-it')],
];

describe.each(topics)('the facilitator sheet of %s', (_name, folder) => {
  let dir: string;
  beforeAll(async () => {
    dir = await folder();
  });

  it.each([5, 14, 20])('holds every instruction, question and tip for the group on at most two pages, with %i participants', async (participants) => {
    const result = await buildInMemory(dir, { participants, start: '13:00', kinds: ['facilitator'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error' || d.rule === 'facilitator-too-long')).toEqual([]);
    const pdf = await readPdf(output(result, 'facilitator'));
    expect(pdf.pages.length).toBeLessThanOrEqual(2);
    const sheet = squeeze(tagged(pdf));
    const topic = result.topic as Topic;
    for (const step of topic.steps) {
      const tips = step.tips.filter((t) => conditionHolds(t.when, participants)).map((t) => t.text);
      for (const text of [...step.instructions, ...step.questions, ...tips]) {
        for (const block of plainBlocks(text)) expect(sheet, `step ${step.number}: ${block}`).toContain(squeeze(block));
      }
      for (const tip of step.tips.filter((t) => !conditionHolds(t.when, participants))) {
        expect(sheet, `step ${step.number}, a tip for another group size`).not.toContain(squeeze(plainBlocks(tip.text)[0]));
      }
    }
    // The type is the pack's or smaller, never below the floor; the running header and page number aside.
    const { margin } = pageSetup('facilitator', defaultTheme);
    for (const page of pdf.pages) {
      const body = page.items.filter((i) => i.str.trim() && i.y > margin.top && i.y < page.height - margin.bottom);
      expect(Math.min(...body.map((i) => i.height))).toBeGreaterThanOrEqual(facilitatorType.floor - 0.05);
      expectTextInside(page, { left: margin.left, right: page.width - margin.right, top: 0, bottom: page.height }, 'facilitator');
    }
  });
});

describe('the hardware sheet for 14 from 13:00', () => {
  let text: string;
  beforeAll(async () => {
    const result = await buildInMemory(path.join(repoRoot, 'content/hardware'), { participants: 14, start: '13:00', kinds: ['facilitator'] });
    text = flat((await readPdf(output(result, 'facilitator'))).text);
  });

  it('times each step the Danish way, kl. 13.00–13.05, with its minutes and its groups in words', () => {
    expect(text).toContain('Facilitatorens ark · 14 deltagere, fra kl. 13.00 til 13.45');
    expect(text).toContain('kl. 13.00–13.05 · 5 min · I plenum');
    expect(text).toContain('kl. 13.05–13.13 · 8 min · 7 makkerpar');
    expect(text).toContain('kl. 13.13–13.25 · 12 min · 3 grupper (1 på 6 og 2 på 4) – makkerparrene slår sig sammen');
    expect(text).not.toMatch(/\d:\d\d/);
    expect(text).not.toContain('I makkerpar: 7 makkerpar');
  });

  it('starts with the materials and checklist to tick off, and has no column heads', () => {
    expect(text).toMatch(/^Hjælp med borgerens hardware og udstyr Facilitatorens ark · [^☐]* Materialer og tjekliste ☐ Skriveredskaber/);
    expect(text).not.toMatch(/\bMin\.|\bSådan\b|Det gør du/);
  });
});

describe('a sheet built without --participants', () => {
  it('says the count it was planned for and how to choose one, and times the steps from the start', async () => {
    const result = await buildInMemory(path.join(repoRoot, 'content/hardware'), { kinds: ['facilitator'] });
    const text = flat((await readPdf(output(result, 'facilitator'))).text);
    expect(text).toContain('Facilitatorens ark · beregnet til 12 deltagere – vælg jeres antal med --participants');
    expect(text).toContain('0–5 min · 5 min · I plenum');
    expect(text).toContain('5–13 min · 8 min · 6 makkerpar');
    expect(text).not.toContain('kl.');
  });
});

describe('a topic of 25 steps', () => {
  /** A topic.yaml of `steps` steps, each with two instructions, two questions and a tip. */
  function writeLongTopic(name: string, steps: number): string {
    const dir = path.join(work, name);
    cpSync(referenceTopic, dir, { recursive: true });
    const yaml = readFileSync(path.join(dir, 'topic.yaml'), 'utf8');
    const head = yaml.slice(0, yaml.indexOf('\nsteps:') + 1);
    const body = Array.from({ length: steps }, (_, i) =>
      [
        `  - title: Trin nummer ${i + 1} i en lang dialog`,
        '    minutes: 2',
        `    grouping: ${i % 2 ? 'pairs' : 'plenary'}`,
        '    instructions:',
        `      - Bed deltagerne fortælle om en situation fra deres egen hverdag, der passer til trin ${i + 1}.`,
        '      - Saml kort op, og skriv de vigtigste pointer på tavlen.',
        '    questions:',
        `      - Hvad tager vi med fra trin ${i + 1}?`,
        '      - Hvem har oplevet noget lignende?',
        '    tips:',
        '      - Hold tiden, og gå videre, selvom ikke alle har sagt noget.',
      ].join('\n'),
    ).join('\n');
    // A duration that matches: the test is about the sheet, not about minutes.
    writeFileSync(path.join(dir, 'topic.yaml'), `${head.replace(/^duration: .*$/m, `duration: ${2 * steps}`)}steps:\n${body}\n`);
    return dir;
  }

  it('fits two pages or gets the facilitator-too-long warning at its steps: line, in Danish and English', async () => {
    const dir = writeLongTopic('long-topic', 25);
    const result = await buildInMemory(dir, { participants: 14, kinds: ['facilitator'] });
    const pdf = await readPdf(output(result, 'facilitator'));
    const warnings = result.diagnostics.filter((d) => d.rule === 'facilitator-too-long');
    expect(warnings).toHaveLength(pdf.pages.length > 2 ? 1 : 0);
    if (pdf.pages.length <= 2) return;
    const [warning] = warnings;
    const stepsLine = readFileSync(path.join(dir, 'topic.yaml'), 'utf8').split('\n').indexOf('steps:') + 1;
    expect(warning).toMatchObject({ file: path.join(dir, 'topic.yaml'), line: stepsLine, column: 1, severity: 'warning' });
    expect(messageText(warning, 'da')).toBe(`facilitatorens ark fylder ${pdf.pages.length} sider, også med den mindste skrift (9,5 punkt); det skal kunne være på 2 sider`);
    expect(messageText(warning, 'en')).toBe(`the facilitator's sheet takes ${pdf.pages.length} pages even at the smallest type (9.5 pt); it should fit on 2`);
    // It tried: the type is at the floor, and every step is still there whole.
    const body = pdf.pages[0].items.filter((i) => i.str.trim() && /^Bed deltagerne/.test(i.str));
    expect(body[0].height).toBeCloseTo(facilitatorType.floor, 1);
    expect(squeeze(tagged(pdf))).toContain(squeeze('Hvad tager vi med fra trin 25?'));
  });

  it('of six such steps fits two pages without a warning', async () => {
    const result = await buildInMemory(writeLongTopic('six-steps', 6), { participants: 14, kinds: ['facilitator'] });
    expect(result.diagnostics.filter((d) => d.rule === 'facilitator-too-long')).toEqual([]);
    expect((await readPdf(output(result, 'facilitator'))).pages.length).toBeLessThanOrEqual(2);
  });
});
