/** The facilitator's sheet as the template writes it, before layout: in Danish and in English. */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import type { Topic } from '../../src/model/topic.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { planAgenda, type PlanOptions } from '../../src/plan/plan-agenda.js';
import { referenceTopic } from '../helpers/build-fixture.js';

let topic: Topic;
beforeAll(async () => {
  const loaded = await loadTopic(referenceTopic);
  topic = modelTopic(parseTopic(loaded.source!).parsed).topic!;
});

async function sheet(lang: Topic['lang'], options: PlanOptions): Promise<string> {
  const { shared } = await sharedResources();
  const t = { ...topic, lang };
  // The template escapes what it prints (`\-\-participants`); the test reads the words.
  return composeDocument('facilitator', t, planAgenda(t, options).agenda, shared.templates).document!.markdown.replace(/\\(.)/g, '$1');
}

describe('the facilitator sheet’s markdown', () => {
  it('states the count an untailored sheet assumed, in Danish and English', async () => {
    // 6–16 participants: planned for the middle, 11.
    expect(await sheet('da', {})).toContain('Facilitatorens ark · beregnet til 11 deltagere – vælg jeres antal med --participants');
    expect(await sheet('en', {})).toContain('Facilitator’s sheet · planned for 11 participants – choose your number with --participants');
    expect(await sheet('da', { participants: 11 })).toContain('Facilitatorens ark · 11 deltagere]');
  });

  it('writes times of day the way each language does', async () => {
    const da = await sheet('da', { participants: 14, start: '13:00' });
    const en = await sheet('en', { participants: 14, start: '13:00' });
    expect(da).toContain('::step-meta[kl. 13.00–13.05 · 5 min · I plenum]');
    expect(en).toContain('::step-meta[13:00–13:05 · 5 min · Plenary]');
    expect(await sheet('da', { participants: 14 })).toContain('::step-meta[0–5 min · 5 min · I plenum]');
  });

  it('has a heading per step and no table', async () => {
    const da = await sheet('da', { participants: 14 });
    expect(da.match(/^### Trin \d+: /gm)).toHaveLength(topic.steps.length);
    expect(da).not.toMatch(/^\|/m);
  });
});
