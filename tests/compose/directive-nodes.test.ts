/**
 * The directives templates write reach layout as the document's own nodes (compose/document-node.ts),
 * each with what layout needs as data: no directive name, attribute string or label is left for layout
 * to read.
 */
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { composeDocument } from '../../src/compose/compose-document.js';
import type { DocumentNode } from '../../src/compose/document-node.js';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import { loadTopic } from '../../src/load/load-topic.js';
import type { TemplateSource } from '../../src/load/load-templates.js';
import { locate } from '../../src/model/locate.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { referenceTopic } from '../helpers/build-fixture.js';

function nodesOf<T extends DocumentNode['type']>(tree: Root, type: T): Extract<DocumentNode, { type: T }>[] {
  const found: Extract<DocumentNode, { type: T }>[] = [];
  visit(tree, type, (node) => {
    found.push(node as unknown as Extract<DocumentNode, { type: T }>);
  });
  return found;
}

function types(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node) => {
    found.push(node.type);
  });
  return found;
}

describe('the directives a template writes', () => {
  const markdown = [
    ':::cover\n::logo\n\n# Titel\n:::',
    '::toc[Indholdet]',
    '::page-break',
    '::step-meta[10 min · I plenum]',
    ':::form{field-1="Forslag {n}" field-3=" "}\n| Forslag | Hvem | Hvornår |\n|---|---|---|\n| | | |\n:::',
    ':::keep\nTekst\n\n::lines{questions=4}\n:::',
    '::lines{count=8 min=3}',
    ':::lang{lang=en}\nEnglish.\n:::',
    ':::lang{lang="ikke et sprog"}\nTekst.\n:::',
    ':::sheet\n## Arket\n\nTekst\n:::',
    ':::card\n# Yusuf\n:::',
    ':::colophon{if-room}\nUdgivet af os.\n:::',
    '::nonsense[Tekst]{a=1}',
    ':::blok\nIndhold\n:::',
  ].join('\n\n');
  const tree = parseDocumentMarkdown(markdown);

  it('are each made a node of the document, and none is left a directive', () => {
    expect(tree.children.map((n) => n.type)).toEqual([
      'cover',
      'contents',
      'pageBreak',
      'stepMeta',
      'form',
      'keep',
      'writingRoom',
      'lang',
      'lang',
      'sheet',
      'card',
      'colophon',
      'unknownDirective',
      'unknownDirective',
    ]);
    expect(types(tree).filter((t) => /Directive$/.test(t) && t !== 'unknownDirective')).toEqual([]);
    expect(nodesOf(tree, 'logo')).toHaveLength(1);
  });

  it('carry what layout needs as data: titles, field hints, the lines to rule, the language, whether a colophon is optional', () => {
    expect(nodesOf(tree, 'contents')[0].title).toBe('Indholdet');
    expect([...nodesOf(tree, 'form')[0].fields.hints]).toEqual([[0, 'Forslag {n}']]);
    expect(nodesOf(tree, 'writingRoom').map((n) => [n.lines, n.minLines])).toEqual([
      [8, 8],
      [8, 3],
    ]);
    expect(nodesOf(tree, 'lang').map((n) => n.lang)).toEqual(['en', undefined]);
    expect(nodesOf(tree, 'sheet')[0].title).toBe('Arket');
    expect(nodesOf(tree, 'card')[0].title).toBe('Yusuf');
    expect(nodesOf(tree, 'colophon')[0].ifRoom).toBe(true);
    expect(nodesOf(tree, 'unknownDirective').map((n) => [n.name, n.leaf, n.attributes])).toEqual([
      ['nonsense', true, { a: '1' }],
      ['blok', false, {}],
    ]);
  });

  it('give the contents a title in the document’s language when the template gives none', () => {
    expect(nodesOf(parseDocumentMarkdown('::toc'), 'contents')[0].title).toBe('Indhold');
    expect(nodesOf(parseDocumentMarkdown('::toc', [], [], 'en'), 'contents')[0].title).toBe('Contents');
  });
});

describe('a sheet and a step line', () => {
  it('know the step whose text they show, whatever the template says of it in step="…"', async () => {
    const { source } = await loadTopic(referenceTopic);
    const parsed = parseTopic(source!).parsed;
    const { topic } = modelTopic(parsed);
    const { agenda } = planAgenda(topic!, {});
    const { shared } = await sharedResources();
    const placeOf = (where: readonly (string | number)[]) => locate(parsed.topic, where);
    // A template copied before sheets knew their step wrote step="{{number}}" on each; one that says the wrong step is not believed.
    const wrongSteps = (templates: TemplateSource): TemplateSource => ({
      ...templates,
      files: new Map([...templates.files].map(([key, file]) => [key, { ...file, text: file.text?.replaceAll(/^:::sheet$/gm, ':::sheet{step="1"}') }])),
    });
    const stepsOf = (templates: TemplateSource) => {
      const { document } = composeDocument('flipchart', topic!, agenda, templates, undefined, placeOf);
      return nodesOf(document!.tree, 'sheet').map((s) => [s.title, s.step]);
    };
    const asked = topic!.steps.filter((s) => s.questions.length);
    const sheets = stepsOf(shared.templates);
    expect(sheets.length).toBeGreaterThan(asked.length);
    for (const step of asked) expect(sheets).toContainEqual([`Trin ${step.number}: ${step.title}`, step.number]);
    expect(wrongSteps(shared.templates).files.get('flipchart/flipchart.hbs')?.text).toContain(':::sheet{step="1"}');
    expect(stepsOf(wrongSteps(shared.templates))).toEqual(sheets);

    const { document: pack } = composeDocument('pack', topic!, agenda, shared.templates, undefined, placeOf);
    expect(nodesOf(pack!.tree, 'stepMeta').map((n) => n.step)).toEqual(topic!.steps.map((s) => s.number));
  });

  it('is the node the view made for {{metaLine}}, its words one text and its place the step’s in topic.yaml', async () => {
    const { source } = await loadTopic(referenceTopic);
    const parsed = parseTopic(source!).parsed;
    const { topic } = modelTopic(parsed);
    const { agenda } = planAgenda(topic!, { participants: 14, start: '13:00' });
    const { shared } = await sharedResources();
    for (const kind of ['pack', 'facilitator'] as const) {
      const { document } = composeDocument(kind, topic!, agenda, shared.templates, undefined, (where) => locate(parsed.topic, where));
      const lines = nodesOf(document!.tree, 'stepMeta').filter((n) => n.step !== undefined);
      expect(lines.map((n) => n.step), kind).toEqual(topic!.steps.map((s) => s.number));
      lines.forEach((line, i) => {
        const { place } = topic!.steps[i];
        expect(line.children, kind).toEqual([{ type: 'text', value: expect.stringMatching(/^(kl\. )?13\.\d\d–1\d\.\d\d · \d+ min · |^\d+ min · kl\. 13\./) }]);
        expect([line.data?.sourceFile, line.position?.start.line], kind).toEqual([place.file, place.line]);
      });
    }
  });
});
