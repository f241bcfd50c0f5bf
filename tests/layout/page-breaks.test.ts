import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import type { Layout, StructNode } from '../../src/layout/layout.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { repoRoot, testFixtures, referenceTopic } from '../helpers/build-fixture.js';

async function packLayout(dir: string): Promise<Layout> {
  const { shared } = await sharedResources();
  const { source } = await loadTopic(dir);
  const { topic } = modelTopic(parseTopic(source!).parsed);
  const composed = composeDocument('pack', topic!, planAgenda(topic!).agenda, shared.templates);
  return layoutDocument(composed.document!, shared.theme, shared.fonts).layout;
}

/** The block (heading or paragraph) each struct node's text belongs to. */
function blockOf(root: StructNode): Map<number, StructNode> {
  const map = new Map<number, StructNode>();
  const walk = (node: StructNode, block?: StructNode) => {
    const own = /^(H[1-6]|P)$/.test(node.role) ? node : block;
    if (own) map.set(node.id, own);
    node.children.forEach((c) => walk(c, own));
  };
  walk(root);
  return map;
}

const topics = [
  ['hardware', path.join(repoRoot, 'content/hardware')],
  ['private-it', path.join(repoRoot, 'content/private-it')],
  ['reference', referenceTopic],
  ['long content', path.join(testFixtures, 'long-content')],
];

describe('page breaks', () => {
  it.each(topics)('%s: no heading ends a page', async (_, dir) => {
    const layout = await packLayout(dir);
    const blocks = blockOf(layout.struct);
    layout.pages.slice(0, -1).forEach((page, index) => {
      const tagged = page.items.filter((i) => i.type === 'text' && i.node !== undefined);
      const last = tagged[tagged.length - 1];
      if (!last || last.type !== 'text') return;
      expect(blocks.get(last.node!)?.role ?? "", `page ${index + 1} ends with "${last.text}"`).not.toMatch(/^H/);
    });
  });

});

/** For every paragraph, the distinct lines it has on each page it touches. */
function paragraphLines(layout: Layout): Map<StructNode, Map<number, Set<number>>> {
  const blocks = blockOf(layout.struct);
    const lines = new Map<StructNode, Map<number, Set<number>>>();
    layout.pages.forEach((page, index) => {
      for (const item of page.items) {
        if (item.type !== 'text' || item.node === undefined) continue;
        const block = blocks.get(item.node);
        if (block?.role !== 'P') continue;
        const perPage = lines.get(block) ?? new Map<number, Set<number>>();
        lines.set(block, perPage);
        const ys = perPage.get(index) ?? new Set<number>();
        perPage.set(index, ys);
        ys.add(Math.round(item.y * 10));
      }
    });
  return lines;
}

describe('widows and orphans', () => {
  it.each(topics)('%s: a paragraph split across pages leaves at least two lines on each', async (_, dir) => {
    for (const [block, perPage] of paragraphLines(await packLayout(dir))) {
      if (perPage.size < 2) continue;
      for (const [page, ys] of perPage) expect(ys.size, `P ${block.id} on page ${page + 1}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('a long paragraph that must break is split with two or more lines on each side', async () => {
    const split = [...paragraphLines(await packLayout(path.join(testFixtures, 'widows')))].filter(([, perPage]) => perPage.size > 1);
    expect(split.length).toBeGreaterThan(0);
    for (const [, perPage] of split) for (const ys of perPage.values()) expect(ys.size).toBeGreaterThanOrEqual(2);
  });
});
