import { offsetItems, type Atom, type PageRef } from './atom.js';
import type { LayoutItem } from './layout.js';

export interface PageFrame {
  top: number;
  bottom: number;
}

export interface PaginatedPage {
  items: LayoutItem[];
  /** The page's headings, each with the point where its first line starts (x, and y at its baseline). */
  headings: { title: string; level: number; ref: number; x?: number; y?: number }[];
  pageRefs: PageRef[];
}

/**
 * Places atoms on pages top to bottom. A chain of atoms that must stay together (a heading and the
 * first two lines after it, the first or last two lines of a paragraph, the first or last two rows of
 * a table) moves to a new page whole when it does not fit; an atom taller than a page is split; a
 * table's header row is repeated as an artifact. An atom that may shrink (room for notes) is set
 * shorter at a page's foot rather than start a page for itself.
 */
export function paginate(atoms: readonly Atom[], frame: PageFrame): PaginatedPage[] {
  const pages: PaginatedPage[] = [];
  const contentHeight = frame.bottom - frame.top;
  let page = newPage();
  let y = frame.top;
  let empty = true;

  function newPage(): PaginatedPage {
    const p: PaginatedPage = { items: [], headings: [], pageRefs: [] };
    pages.push(p);
    return p;
  }
  function breakPage() {
    page = newPage();
    y = frame.top;
    empty = true;
  }
  function place(atom: Atom, space: number) {
    const top = y + space;
    const base = page.items.length;
    page.items.push(...offsetItems(atom.items, 0, top));
    if (atom.heading) {
      // A poster's bookmark leads to the tile that shows where its heading starts.
      const first = atom.items.find((item) => item.type === 'text');
      page.headings.push({ ...atom.heading, x: first?.x ?? 0, y: top + (first?.y ?? 0) });
    }
    for (const ref of atom.pageRefs ?? []) {
      page.pageRefs.push({ ...ref, item: base + ref.item, link: ref.link === undefined ? undefined : base + ref.link });
    }
    y = top + atom.height;
    empty = false;
  }

  const queue = [...atoms];
  for (let i = 0; i < queue.length; i++) {
    let atom = queue[i];
    if (atom.pageBreak) {
      if (!empty) breakPage();
      continue;
    }
    let space = empty ? 0 : atom.spaceBefore;
    const chain = chainHeight(queue, i, space);
    if (!empty && y + chain > frame.bottom && chain <= contentHeight) {
      breakPage();
      space = 0;
    } else if (!empty && y + space + smallest(atom) > frame.bottom) {
      breakPage();
      space = 0;
    }
    if (empty && atom.repeatHeader && i > 0 && queue[i - 1] !== atom.repeatHeader) {
      place(stripStructure(atom.repeatHeader), 0);
    }
    if (atom.shrink) {
      // What is kept with it has to fit below it too.
      const room = frame.bottom - y - space - (chainHeight(queue, i, space) - space - smallest(atom));
      if (atom.height > room) atom = atom.shrink.to(room) ?? atom;
    }
    if (y + space + atom.height > frame.bottom) {
      const parts = atom.split?.(frame.bottom - y - space);
      if (parts) {
        queue.splice(i + 1, 0, { ...parts[1], repeatHeader: atom.repeatHeader });
        atom = parts[0];
      }
    }
    place(atom, space);
  }
  return pages.filter((p, i) => p.items.length || i === 0);
}

/**
 * Height of the atoms that must stay on one page with atom i: each atom owes the page the next one
 * (keepWithNext) or several (keepWithFollowing), and an atom in the chain can extend what is owed.
 */
function chainHeight(atoms: readonly Atom[], i: number, firstSpace: number): number {
  let height = firstSpace + smallest(atoms[i]);
  let owed = owedAfter(atoms[i]);
  for (let j = i; owed > 0 && j + 1 < atoms.length && !atoms[j + 1].pageBreak; ) {
    j++;
    height += atoms[j].spaceBefore + smallest(atoms[j]);
    owed = Math.max(owed - 1, owedAfter(atoms[j]));
  }
  return height;
}

function owedAfter(atom: Atom): number {
  return Math.max(atom.keepWithNext ? 1 : 0, atom.keepWithFollowing ?? 0);
}

/** The least height an atom can be set at. */
function smallest(atom: Atom): number {
  return atom.shrink ? Math.min(atom.height, atom.shrink.minHeight) : atom.height;
}

/** A repeated header is decoration: the reader already met its text at the table's start. */
function stripStructure(atom: Atom): Atom {
  return {
    ...atom,
    heading: undefined,
    pageRefs: undefined,
    items: atom.items.filter((i) => i.type !== 'link' && i.type !== 'field').map((i) => (i.type === 'text' ? { ...i, node: undefined } : i)),
  };
}
