import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../src/compose/compose-document.js';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import { documentLabels } from '../../src/compose/labels.js';
import type { LayoutItem, StructNode } from '../../src/layout/layout.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';

async function layOut(markdown: string) {
  const { shared } = await sharedResources();
  const document: ComposedDocument = { kind: 'pack', tree: parseDocumentMarkdown(markdown), labels: documentLabels('da'), markdown, meta: { title: 'Test', lang: 'da', keywords: [] } };
  return layoutDocument(document, shared.theme, shared.fonts).layout;
}

async function firstPage(markdown: string) {
  return (await layOut(markdown)).pages[0];
}

describe('task lists', () => {
  it('set ☐ for `[ ]` and ☑ for `[x]`, as written, each in a Lbl whose Span says the state in words', async () => {
    const layout = await layOut('- [ ] ikke gjort\n- [x] gjort\n');
    const boxes = layout.pages[0].items.filter((i) => i.type === 'text' && /[☐☑]/.test(i.text));
    expect(boxes.map((b) => (b.type === 'text' ? [b.text, b.actualText] : []))).toEqual([
      ['☐', 'ikke afkrydset'],
      ['☑', 'afkrydset'],
    ]);
    const nodes = new Map<number, StructNode>();
    const index = (node: StructNode, parent?: StructNode) => {
      nodes.set(node.id, { ...node, children: parent ? [parent] : [] });
      node.children.forEach((c) => index(c, node));
    };
    index(layout.struct);
    for (const box of boxes) {
      const span = nodes.get(box.type === 'text' ? box.node! : -1)!;
      expect([span.role, span.actualText, span.children[0].role]).toEqual(['Span', box.type === 'text' ? box.actualText : '', 'Lbl']);
    }
  });
});

describe('forms', () => {
  it('name each field by what to write in it, from the form’s field-N, with {n} for the row', async () => {
    const layout = await layOut(':::form{field-1="Forslag {n}: hvad vil I prøve?"}\n| Forslag | Hvem |\n|---|---|\n| | |\n| | |\n:::\n');
    const fields = layout.pages[0].items.filter((i) => i.type === 'field');
    expect(fields.map((f) => (f.type === 'field' ? [f.name, f.label] : []))).toEqual([
      ['Forslag 1', 'Forslag 1: hvad vil I prøve?'],
      ['Hvem 1', 'Hvem 1'],
      ['Forslag 2', 'Forslag 2: hvad vil I prøve?'],
      ['Hvem 2', 'Hvem 2'],
    ]);
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

  it('gives each Note an element ID of its own, though two notes share a label', async () => {
    const layout = await layOut('Et[^1].\n\n[^1]: Første.\n\n:::lang{lang=en}\nTwo[^1].\n\n[^1]: Second.\n:::\n');
    const notes = (node: StructNode): StructNode[] => [...(node.role === 'Note' ? [node] : []), ...node.children.flatMap(notes)];
    const ids = notes(layout.struct).map((n) => n.elementId);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/\S/);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('the words layout prints', () => {
  async function layOutIn(markdown: string, lang: 'da' | 'en', labels = documentLabels(lang)) {
    const { shared } = await sharedResources();
    const document: ComposedDocument = { kind: 'pack', tree: parseDocumentMarkdown(markdown, [], [], lang), labels, markdown, meta: { title: 'Test', lang, keywords: [] } };
    return layoutDocument(document, shared.theme, shared.fonts).layout;
  }
  const texts = (items: readonly LayoutItem[]) => items.flatMap((i) => (i.type === 'text' ? [i.text] : []));

  it('come with the document from compose: the folio is the one its labels give', async () => {
    const layout = await layOutIn('Tekst.\n', 'da', { ...documentLabels('da'), page: 'Blad {n}/{total}' });
    expect(texts(layout.pages[0].items)).toContain('Blad 1/1');
    expect(texts(layout.pages[0].items).join(' ')).not.toContain('Side');
  });

  it('are in the document’s language: the contents’ heading and a form field under a column with no heading', async () => {
    const markdown = '::toc\n\n## Et afsnit\n\n:::form\n| | Who |\n|---|---|\n| | |\n:::\n';
    for (const [lang, contents, field] of [
      ['da', 'Indhold', 'Felt 1 1'],
      ['en', 'Contents', 'Field 1 1'],
    ] as const) {
      const layout = await layOutIn(markdown, lang);
      const items = layout.pages.flatMap((p) => p.items);
      expect(texts(items), lang).toContain(contents);
      expect(items.flatMap((i) => (i.type === 'field' ? [i.name] : [])), lang).toEqual([field, 'Who 1']);
    }
  });
});
