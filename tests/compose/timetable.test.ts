/**
 * `{{timetable}}` places the steps at a glance as a node of the document, by reference: its cells are
 * the text compose worded, set by layout as a table, never markdown read again.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import type { TimetableNode } from '../../src/compose/document-node.js';
import type { StructNode } from '../../src/layout/layout.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { pageSetup } from '../../src/layout/page-setup.js';
import type { TemplateSource } from '../../src/load/load-templates.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { locate } from '../../src/model/locate.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { referenceTopic } from '../helpers/build-fixture.js';

async function composed(template: string, participants?: number) {
  const { source } = await loadTopic(referenceTopic);
  const parsed = parseTopic(source!).parsed;
  const { topic } = modelTopic(parsed);
  const { agenda } = planAgenda(topic!, { participants, start: participants ? '13:00' : undefined });
  const templates: TemplateSource = { files: new Map([['pack/pack.hbs', { path: 'pack/pack.hbs', displayPath: 'skabeloner/pack/pack.hbs', text: template }]]) };
  const { document, diagnostics } = composeDocument('pack', topic!, agenda, templates, undefined, (where) => locate(parsed.topic, where));
  expect(diagnostics).toEqual([]);
  return { topic: topic!, document: document! };
}

function timetables(tree: Root): TimetableNode[] {
  const found: TimetableNode[] = [];
  visit(tree, 'timetable', (node) => {
    found.push(node as unknown as TimetableNode);
  });
  return found;
}

describe('{{timetable}}', () => {
  it('places a node with a row a step, its cells worded by compose', async () => {
    const { topic, document } = await composed('# {{topic.title}}\n\n{{timetable}}\n\nSlut.\n', 14);
    expect(document.tree.children.map((n) => n.type)).toEqual(['heading', 'timetable', 'paragraph']);
    const [table] = timetables(document.tree);
    expect(table.head).toEqual(['Trin', 'Tid', 'Aktivitet', 'Arbejdsform']);
    expect(table.rows.map((r) => r.step)).toEqual(topic.steps.map((s) => s.number));
    expect(table.rows[0].cells[0]).toBe('1');
    expect(table.rows[0].cells[1]).toMatch(/^kl\. 13\.00–13\.\d\d · \d+ min$/);
    expect(table.rows[0].cells[2]).toBe(topic.steps[0].title);
  });

  it('is read as the markdown table it says where a template prints it inside a paragraph', async () => {
    const { document } = await composed('Oversigt: {{timetable}}\n');
    expect(timetables(document.tree)).toEqual([]);
    expect(toString(document.tree)).toContain('Arbejdsform');
  });

  it('is set by layout as a table with a header row and a row a step', async () => {
    const { topic, document } = await composed('# {{topic.title}}\n\n{{timetable}}\n');
    const { shared } = await sharedResources();
    const { layout } = layoutDocument(document, shared.theme, shared.fonts, pageSetup('pack', shared.theme));
    const tables: StructNode[] = [];
    const walk = (node: StructNode) => {
      if (node.role === 'Table') tables.push(node);
      node.children.forEach(walk);
    };
    walk(layout.struct);
    expect(tables).toHaveLength(1);
    const rows = (node: StructNode): StructNode[] => (node.role === 'TR' ? [node] : node.children.flatMap(rows));
    expect(rows(tables[0])).toHaveLength(topic.steps.length + 1);
    const texts = layout.pages.flatMap((p) => p.items.flatMap((i) => (i.type === 'text' ? [i.text] : [])));
    expect(texts.join(' ')).toContain('Arbejdsform');
  });
});
