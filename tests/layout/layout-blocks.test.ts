import { describe, expect, it } from 'vitest';
import type { ComposedDocument } from '../../src/compose/compose-document.js';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import { layoutDocument } from '../../src/layout/layout-document.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';

async function layOut(markdown: string) {
  const { shared } = await sharedResources();
  const document: ComposedDocument = { kind: 'pack', tree: parseDocumentMarkdown(markdown), markdown, meta: { title: 'Test', lang: 'da', keywords: [] } };
  return layoutDocument(document, shared.theme, shared.fonts).layout.pages[0];
}

describe('task lists', () => {
  it('draw an empty box for `[ ]` and a ticked one for `[x]`, as written', async () => {
    const page = await layOut('- [ ] ikke gjort\n- [x] gjort\n');
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
