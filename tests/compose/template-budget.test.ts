/**
 * A municipality's templates can come from anyone: a loop inside a loop writes the topic's text over
 * and over (eight `{{#each}}` deep over five steps took 1.8 GB and crashed). Compose stops a template at
 * four times the topic's own text and 1 MiB besides, with an error at the loop that went too far.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import type { TemplateFile, TemplateSource } from '../../src/load/load-templates.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { repoRoot } from '../helpers/build-fixture.js';

async function hardware() {
  const { source } = await loadTopic(path.join(repoRoot, 'content/hardware'));
  const { topic } = modelTopic(parseTopic(source!).parsed);
  const { agenda } = planAgenda(topic!, { participants: 12 });
  return { topic: topic!, agenda };
}

function templates(files: Record<string, string>): TemplateSource {
  const map = new Map<string, TemplateFile>();
  for (const [rel, text] of Object.entries(files)) map.set(rel, { path: rel, displayPath: `kommune/${rel}`, text });
  return { files: map };
}

const nested = (depth: number, body: string) => `${'{{#each @root.agenda.steps}}'.repeat(depth)}${body}${'{{/each}}'.repeat(depth)}`;

describe('a template that writes too much', () => {
  it('is stopped inside the loop that goes too far, with an error there, in a moment', async () => {
    const { topic, agenda } = await hardware();
    const started = Date.now();
    const memory = process.memoryUsage().heapUsed;
    const { document, diagnostics } = composeDocument('pack', topic, agenda, templates({ 'pack/pack.hbs': `# {{topic.title}}\n\n${nested(12, 'Trin {{title}} ')}\n` }));
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => [d.file, d.line, d.severity, d.rule])).toEqual([['kommune/pack/pack.hbs', 3, 'error', 'template-too-long']]);
    expect(diagnostics[0].column).toBeGreaterThan(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().heapUsed - memory).toBeLessThan(200 * 1024 * 1024);
  });

  it('is stopped when its loops only loop and write nothing', async () => {
    const { topic, agenda } = await hardware();
    const started = Date.now();
    const { diagnostics } = composeDocument('pack', topic, agenda, templates({ 'pack/pack.hbs': `# {{topic.title}}\n\n${nested(12, '')}\n` }));
    expect(diagnostics.map((d) => d.rule)).toEqual(['template-too-long']);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('is reported in the partial whose loop went too far', async () => {
    const { topic, agenda } = await hardware();
    const { diagnostics } = composeDocument(
      'pack',
      topic,
      agenda,
      templates({ 'pack/pack.hbs': '# {{topic.title}}\n\n{{> loops}}\n', 'pack/loops.hbs': `Trin:\n${nested(12, '{{title}} ')}\n` }),
    );
    expect(diagnostics.map((d) => [d.file, d.line, d.rule])).toEqual([['kommune/pack/loops.hbs', 2, 'template-too-long']]);
  });

  it('is not a template that loops once over each list, as the built-in ones do', async () => {
    const { topic, agenda } = await hardware();
    const { document, diagnostics } = composeDocument('pack', topic, agenda, templates({ 'pack/pack.hbs': `# {{topic.title}}\n\n${nested(2, '{{title}} ')}\n` }));
    expect(diagnostics).toEqual([]);
    expect(document?.markdown.length).toBeGreaterThan(500);
  });

  it('cannot nest lists more deeply than the parser reads', async () => {
    const { topic, agenda } = await hardware();
    const { diagnostics } = composeDocument('pack', topic, agenda, templates({ 'pack/pack.hbs': `# {{topic.title}}\n\n${'- '.repeat(5_000)}x\n` }));
    expect(diagnostics.map((d) => [d.file, d.rule])).toEqual([['kommune/pack/pack.hbs', 'markdown-too-deep']]);
  });
});
