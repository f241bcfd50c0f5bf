import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../src/compose/compose-document.js';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import { documentLabels } from '../../src/compose/labels.js';
import type { LayoutItem } from '../../src/layout/layout.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('the built-in theme', () => {
  it('draws rules, lines to write on and field borders at 3:1 or more on white and on the tint (WCAG 1.4.11)', async () => {
    const { shared } = await sharedResources();
    const markdown = [
      '::toc[Indhold]',
      '## Afsnit',
      'Tekst.',
      '---',
      '| Spørgsmål | Svar |\n|---|---|\n| Hvem? | Vi |',
      ':::form\n| Forslag | Hvem |\n|---|---|\n| | |\n:::',
      '::lines{count=2}',
    ].join('\n\n');
    const document: ComposedDocument = { kind: 'pack', tree: parseDocumentMarkdown(markdown), labels: documentLabels('da'), markdown, meta: { title: 'Linjer', lang: 'da', keywords: [] } };
    const { layout } = layoutDocument(document, shared.theme, shared.fonts);
    const colours = new Set<string>();
    const collect = (items: LayoutItem[]) => {
      for (const item of items) {
        if (item.type === 'group') collect(item.items);
        if (item.type === 'line') colours.add(item.color);
        if (item.type === 'rect' && item.stroke) colours.add(item.stroke);
      }
    };
    layout.pages.forEach((p) => collect(p.items));
    const kinds = layout.pages.flatMap((p) => p.items).filter((i) => i.type === 'line' || i.type === 'field').map((i) => i.type);
    expect(new Set(kinds)).toEqual(new Set(['line', 'field']));
    expect(colours).toContain(shared.theme.colors.rule);
    for (const colour of colours) expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
    expect(contrast(shared.theme.colors.rule, shared.theme.colors.tint)).toBeGreaterThanOrEqual(3);
  });
});
