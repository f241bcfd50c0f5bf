import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import { documentLabels } from '../../src/compose/labels.js';
import type { Layout, StructNode } from '../../src/layout/layout.js';
import { layoutBlocks, type BlockContext } from '../../src/layout/layout-blocks.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { pageSetup } from '../../src/layout/page-setup.js';
import { paginate } from '../../src/layout/paginate.js';
import { StructBuilder } from '../../src/layout/struct-builder.js';
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

/**
 * A document's atoms in the pack's text column, paginated onto pages of every height from `from` to
 * `to` points, so each of its blocks meets a page's foot at every place it can.
 */
async function everyPageFoot(markdown: string, from: number, to: number) {
  const { shared } = await sharedResources();
  const tree = parseDocumentMarkdown(markdown);
  const struct = new StructBuilder();
  const setup = pageSetup('pack', shared.theme);
  const column = { x: setup.margin.left, width: setup.measure! };
  const area = { x: setup.margin.left, width: setup.paper.width - setup.margin.left - setup.margin.right };
  const ctx: BlockContext = { fonts: shared.fonts, theme: shared.theme, struct, diagnostics: [], lang: 'da', labels: documentLabels('da'), headingRefs: new Map(), tocHeadings: [], pageContentHeight: 700, area };
  const atoms = layoutBlocks(tree.children, struct.root, column, ctx);
  const owner = new Map<number, StructNode>();
  const walk = (node: StructNode, row?: StructNode, block?: StructNode) => {
    const r = node.role === 'TR' ? node : row;
    const b = /^(H\d|LI|P)$/.test(node.role) && !block ? node : block;
    owner.set(node.id, r ?? b ?? node);
    node.children.forEach((c) => walk(c, r, b));
  };
  walk(struct.root);
  const layouts: { bottom: number; pages: ReturnType<typeof paginate> }[] = [];
  for (let bottom = from; bottom <= to; bottom += 2) layouts.push({ bottom, pages: paginate(atoms, { top: 0, bottom }) });
  return { layouts, owner };
}

/** The rows (TR elements) each page holds text of, in order, and whether the page repeats a header. */
function rowsByPage(pages: ReturnType<typeof paginate>, owner: Map<number, StructNode>, header: string) {
  return pages.map((page) => {
    const rows = new Set<StructNode>();
    let repeated = false;
    for (const item of page.items) {
      if (item.type !== 'text') continue;
      if (item.node === undefined) repeated ||= header.startsWith(item.text.trim());
      else if (owner.get(item.node)?.role === 'TR') rows.add(owner.get(item.node)!);
    }
    return { rows: [...rows], repeated };
  });
}

const filler = 'Et afsnit, der fylder en linje.';

describe('tables at a page break', () => {
  it('a table of three rows under its header moves to the next page whole', async () => {
    const markdown = `${filler}\n\n| Hvad beder borgeren om? | Hvem ejer opgaven? |\n|---|---|\n| Større skrift | Borgeren selv |\n| MitID-appen | Borgeren, med vejledning |\n| Et Apple ID | Borgeren og Apple |`;
    const { layouts, owner } = await everyPageFoot(markdown, 130, 260);
    let moved = 0;
    for (const { bottom, pages } of layouts) {
      const byPage = rowsByPage(pages, owner, 'Hvad beder borgeren om?');
      const withRows = byPage.filter((p) => p.rows.length);
      expect(withRows, `page ${bottom} pt tall`).toHaveLength(1);
      expect(withRows[0].rows).toHaveLength(4);
      if (pages.length > 1) moved++;
    }
    // Some page heights put the table at the foot of the first page, where it did not fit.
    expect(moved).toBeGreaterThan(0);
  });

  it('a long table leaves at least two rows on each side of a break, under its header each time', async () => {
    const rows = Array.from({ length: 9 }, (_, i) => `| Række ${i + 1} | Svar ${i + 1} |`).join('\n');
    const { layouts, owner } = await everyPageFoot(`${filler}\n\n| Spørgsmål | Svar |\n|---|---|\n${rows}`, 120, 300);
    let split = 0;
    for (const { bottom, pages } of layouts) {
      const byPage = rowsByPage(pages, owner, 'Spørgsmål').filter((p) => p.rows.length);
      if (byPage.length > 1) split++;
      byPage.forEach((page, i) => {
        // The header row is a TR of its own on the first page, and repeated as an artifact after.
        const body = i === 0 ? page.rows.length - 1 : page.rows.length;
        expect(body, `page ${i + 1} of ${bottom} pt`).toBeGreaterThanOrEqual(2);
        if (i > 0) expect(page.repeated, `page ${i + 1} of ${bottom} pt repeats the header`).toBe(true);
      });
    }
    expect(split).toBeGreaterThan(0);
  });
});

describe('headings at a page break', () => {
  it('a heading goes with two lines of what it heads, even one-line list items', async () => {
    const markdown = `${[filler, filler, filler, filler].join('\n\n')}\n\n#### Spørgsmål til dialogen\n\n- Hvad kan vi gøre bedre?\n- Hvor går grænsen?\n- Hvem kan ellers hjælpe?`;
    const { layouts, owner } = await everyPageFoot(markdown, 100, 220);
    let moved = 0;
    for (const { bottom, pages } of layouts) {
      const at = pages.findIndex((p) => p.items.some((i) => i.type === 'text' && i.node !== undefined && owner.get(i.node)?.role === 'H4'));
      const items = new Set(pages[at].items.flatMap((i) => (i.type === 'text' && i.node !== undefined && owner.get(i.node)?.role === 'LI' ? [owner.get(i.node)] : [])));
      expect(items.size, `page ${bottom} pt tall`).toBeGreaterThanOrEqual(2);
      if (at > 0) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });
});
