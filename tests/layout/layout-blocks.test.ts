import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../src/compose/compose-document.js';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import type { StructNode } from '../../src/layout/layout.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';

async function layOut(markdown: string) {
  const { shared } = await sharedResources();
  const document: ComposedDocument = { kind: 'pack', tree: parseDocumentMarkdown(markdown), markdown, meta: { title: 'Test', lang: 'da', keywords: [] } };
  return layoutDocument(document, shared.theme, shared.fonts).layout;
}

async function firstPage(markdown: string) {
  return (await layOut(markdown)).pages[0];
}

describe('task lists', () => {
  it('draw an empty box for `[ ]` and a ticked one for `[x]`, as written', async () => {
    const page = await firstPage('- [ ] ikke gjort\n- [x] gjort\n');
    const boxes = page.items.filter((i) => i.type === 'rect' && i.stroke && !i.fill);
    expect(boxes).toHaveLength(2);
    const ticksIn = (box: (typeof boxes)[number]) =>
      box.type === 'rect'
        ? page.items.filter((i) => i.type === 'line' && i.x1 >= box.x && i.x2 <= box.x + box.width && i.y1 >= box.y && i.y1 <= box.y + box.height).length
        : 0;
    const [open, done] = [...boxes].sort((a, b) => (a.type === 'rect' && b.type === 'rect' ? a.y - b.y : 0));
    expect(ticksIn(open)).toBe(0);
    expect(ticksIn(done)).toBe(2);
  });
});

describe('struck-through text and footnotes', () => {
  it('draws a line through `~~struck~~` text and through nothing else', async () => {
    const page = await firstPage('Prisen var ~~500 kr.~~ og er nu gratis.\n');
    const texts = page.items.filter((i) => i.type === 'text');
    // Lines at the height of some text's lower-case letters (the header's rule runs below its text).
    const lines = page.items.filter((i) => i.type === 'line' && texts.some((t) => t.type === 'text' && i.y1 < t.y && i.y1 > t.y - t.size / 2));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    if (line.type !== 'line') throw new Error('not a line');
    const crossed = texts.filter((t) => t.type === 'text' && t.x >= line.x1 - 0.01 && t.x < line.x2 && line.y1 < t.y && line.y1 > t.y - t.size);
    expect(crossed.map((t) => (t.type === 'text' ? t.text.trim() : ''))).toEqual(['500 kr.']);
  });

  it('prints a footnote mark where it is referenced and the note, led by its mark, as a Note', async () => {
    const layout = await layOut('Loven siger det[^lov].\n\n[^lov]: Forvaltningslovens § 7.\n');
    const text = layout.pages[0].items.map((i) => (i.type === 'text' ? i.text : '')).join('');
    expect(text).toContain('Loven siger det[lov].');
    expect(text).toContain('[lov] Forvaltningslovens § 7.');
    const roles = (node: StructNode): string[] => [node.role, ...node.children.flatMap(roles)];
    expect(roles(layout.struct).join(' ')).toContain('Note P');
  });
});
