import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import type { Layout, LayoutItem } from '../../src/layout/layout.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { repoRoot, testFixtures, referenceTopic } from '../helpers/build-fixture.js';

async function handoutLayout(dir: string): Promise<{ layout: Layout; rule: string; questions: Map<string, number> }> {
  const { shared } = await sharedResources();
  const { source } = await loadTopic(dir);
  const { topic } = modelTopic(parseTopic(source!).parsed);
  const composed = composeDocument('handout', topic!, planAgenda(topic!).agenda, shared.templates);
  const layout = layoutDocument(composed.document!, shared.theme, shared.fonts).layout;
  const questions = new Map(topic!.steps.map((s, i) => [`Trin ${i + 1}: ${s.title}`, s.questions.length]));
  return { layout, rule: shared.theme.colors.rule, questions };
}

interface Room {
  heading: string;
  size: number;
  headingPage: number;
  /** Page of each ruled line under the heading, before the next heading. */
  linePages: number[];
}

/**
 * The ruled lines to write on under each heading, read from the laid-out pages in order: a heading's
 * text is a run of text items of a heading's size, its room the rule-coloured lines after it.
 */
function rooms(layout: Layout, rule: string, headingSizes: number[]): Room[] {
  const out: Room[] = [];
  layout.pages.forEach((page, index) => {
    const items = page.items.filter((i): i is Extract<LayoutItem, { type: 'text' } | { type: 'line' }> => i.type === 'text' || i.type === 'line');
    const top = (i: (typeof items)[number]) => (i.type === 'line' ? i.y1 : i.y);
    items.sort((a, b) => top(a) - top(b));
    let last: Room | undefined = out[out.length - 1];
    let headingY: number | undefined;
    for (const item of items) {
      const size = item.type === 'text' && item.node !== undefined ? headingSizes.find((h) => Math.abs(item.size - h) < 0.01) : undefined;
      if (item.type === 'text' && size !== undefined) {
        if (headingY !== undefined && Math.abs(item.y - headingY) < 0.5) last!.heading += item.text;
        else {
          last = { heading: item.text, size, headingPage: index, linePages: [] };
          out.push(last);
        }
        headingY = item.y;
      } else if (item.type === 'line' && item.color === rule && item.width === 0.6 && item.y1 === item.y2 && !item.running) {
        last?.linePages.push(index);
      }
    }
  });
  return out;
}

describe('room to write in the handout', () => {
  it('gives a step two lines a question, three at least, all on the page of its heading', async () => {
    const { shared } = await sharedResources();
    const { layout, rule, questions } = await handoutLayout(path.join(testFixtures, 'writing-room'));
    const steps = rooms(layout, rule, [shared.theme.size.h2, shared.theme.size.h3]).filter((r) => questions.has(r.heading.trim()));
    expect(steps.map((s) => s.heading.trim())).toEqual([...questions.keys()]);
    const lines = new Map(steps.map((s) => [s.heading.trim(), s.linePages.length]));
    expect(lines.get('Trin 1: Ét spørgsmål')).toBe(3);
    expect(lines.get('Trin 2: Fem spørgsmål')).toBe(10);
    for (const step of steps) {
      expect(step.linePages.length, step.heading).toBe(Math.max(3, 2 * questions.get(step.heading.trim())!));
      expect(new Set(step.linePages), step.heading).toEqual(new Set([step.headingPage]));
    }
    // The fixture is long enough that a step had to move to a later page whole.
    expect(new Set(steps.map((s) => s.headingPage)).size).toBeGreaterThan(1);
  });

  it.each([
    ['hardware', path.join(repoRoot, 'content/hardware')],
    ['personas', path.join(repoRoot, 'content/personas')],
    ['private-it', path.join(repoRoot, 'content/private-it')],
    ['reference', referenceTopic],
  ])('%s: no step’s room is split over two pages, and the room for notes is never alone on the last page', async (_, dir) => {
    const { shared } = await sharedResources();
    const { layout, rule, questions } = await handoutLayout(dir);
    const all = rooms(layout, rule, [shared.theme.size.h2, shared.theme.size.h3]);
    const steps = all.filter((r) => questions.has(r.heading.trim()));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step.linePages.length, step.heading).toBe(Math.max(3, 2 * questions.get(step.heading.trim())!));
      expect(new Set(step.linePages), step.heading).toEqual(new Set([step.headingPage]));
    }
    const notes = all.find((r) => r.heading.trim() === 'Noter');
    expect(notes?.linePages.length).toBeGreaterThanOrEqual(3);
    expect(new Set(notes!.linePages)).toEqual(new Set([notes!.headingPage]));
    // Something besides the notes is on their page.
    const page = layout.pages[notes!.headingPage];
    expect(page.items.some((i) => i.type === 'text' && i.node !== undefined && !'Noter'.includes(i.text.trim()))).toBe(true);
  });
});
