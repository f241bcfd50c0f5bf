import type { RootContent } from 'mdast';
import type { ColophonNode } from '../compose/document-node.js';
import { offsetItems, type Atom } from './atom.js';
import { layoutBlocks, type BlockContext } from './layout-blocks.js';
import type { LayoutItem, LineItem, StructNode } from './layout.js';
import { paginate, type PageFrame, type PaginatedPage } from './paginate.js';

/**
 * The colophon a template ends a flowing document with (`:::colophon` as its last block), taken out of
 * the flow: it is set at the foot of the last page, not after the last line.
 */
export function takeColophon(children: readonly RootContent[]): { flow: readonly RootContent[]; colophon?: ColophonNode } {
  const last = children[children.length - 1];
  if (last?.type !== 'colophon') return { flow: children };
  return { flow: children.slice(0, -1), colophon: last };
}

/**
 * Paginates the document's atoms and sets the colophon in small type at the foot of the last page, or
 * of a page of its own when the last page has no room for it. `:::colophon{if-room}` is left out
 * instead (the handout stays the pages it is). A colophon taller than a page runs on after the text.
 */
export function placeColophon(
  atoms: readonly Atom[],
  colophon: ColophonNode,
  parent: StructNode,
  box: { x: number; width: number },
  ctx: BlockContext,
  frame: PageFrame,
): PaginatedPage[] {
  const node = ctx.struct.add(parent, 'Sect');
  const inner = layoutBlocks(colophon.children, node, box, { ...ctx, colophon: true });
  const block = asOneBlock(inner, box, ctx);
  const { ifRoom } = colophon;
  const without = () => {
    parent.children.splice(parent.children.indexOf(node), 1);
    return paginate(atoms, frame);
  };
  if (!inner.length) return without();
  if (block.atom.height > frame.bottom - frame.top) return ifRoom ? without() : paginate([...atoms, ...inner], frame);
  // Room for notes that may shrink leaves the note its place at the foot, if it can shrink that far.
  const last = atoms[atoms.length - 1];
  const flow = ifRoom && last?.shrink ? [...atoms.slice(0, -1), { ...last, keepWithNext: true }] : atoms;
  const pages = paginate([...flow, block.atom], frame);
  if (ifRoom && pages.length > paginate(atoms, frame).length) return without();
  // paginate put the block after the text, on the last page or a new one: its items are that page's last.
  const page = pages[pages.length - 1];
  const from = page.items.length - block.atom.items.length;
  // The block's first item is its rule, at the block's top.
  const top = (page.items[from] as LineItem).y1;
  const shift = frame.bottom - block.atom.height - top;
  page.items.splice(from, block.atom.items.length, ...offsetItems(page.items.slice(from), 0, shift));
  for (const h of block.headings) page.headings.push({ ...h.heading, x: h.x, y: frame.bottom - block.atom.height + h.y });
  return pages;
}

/**
 * The colophon's lines as one atom, under a rule that parts it from the text above: it is never split,
 * and its headings are kept with their place in it for the outline.
 */
function asOneBlock(inner: readonly Atom[], box: { x: number; width: number }, ctx: BlockContext) {
  const gap = ctx.theme.size.body * 0.8;
  const items: LayoutItem[] = [{ type: 'line', x1: box.x, x2: box.x + box.width / 3, y1: 0, y2: 0, color: ctx.theme.colors.rule, width: 0.75 }];
  const headings: { heading: NonNullable<Atom['heading']>; x: number; y: number }[] = [];
  let y = gap;
  inner.forEach((atom, i) => {
    if (i > 0) y += atom.spaceBefore;
    const first = atom.items.find((item) => item.type === 'text');
    if (atom.heading) headings.push({ heading: atom.heading, x: first?.type === 'text' ? first.x : box.x, y: y + (first?.type === 'text' ? first.y : 0) });
    items.push(...offsetItems(atom.items, 0, y));
    y += atom.height;
  });
  return { atom: { height: y, spaceBefore: ctx.theme.size.body * 2, keepWithNext: false, items } satisfies Atom, headings };
}
