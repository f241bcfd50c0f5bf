import type { LayoutItem } from './layout.js';

/**
 * The unit of pagination: a horizontal slice that is never split across pages (a line of text,
 * a table row, a rule). Items are positioned relative to the atom's top edge.
 */
export interface Atom {
  height: number;
  /** Space above, dropped at the top of a page. */
  spaceBefore: number;
  /** Keep on the same page as the next atom (headings, the first and last two lines of a paragraph). */
  keepWithNext: boolean;
  /**
   * Keep on the same page as at least this many atoms after it: a heading with two lines of what it
   * heads, so no heading ends a page with one line under it.
   */
  keepWithFollowing?: number;
  items: LayoutItem[];
  /** Start a new page before this atom. */
  pageBreak?: boolean;
  /** A heading that goes into the outline and the contents. */
  heading?: { title: string; level: number; ref: number };
  /** Drawn again as an artifact at the top of a new page before this atom (a table's header row). */
  repeatHeader?: Atom;
  /** Cuts an atom taller than a page into a part that fits `room` and the rest. */
  split?: (room: number) => [Atom, Atom] | undefined;
  /**
   * An atom that may be set shorter at a page's foot rather than start a page of its own (the
   * handout's room for notes): its smallest height, and the atom at a height that fits `room`.
   */
  shrink?: { minHeight: number; to: (room: number) => Atom | undefined };
  /** Text whose content is the page number of a heading, filled in after pagination. */
  pageRefs?: PageRef[];
}

export interface PageRef {
  /** Index into the atom's items of a right-aligned text item to fill. */
  item: number;
  /** Right edge the number is aligned to. */
  right: number;
  headingRef: number;
  /** Index of a link item whose target becomes that page. */
  link?: number;
}

export function spacer(height: number): Atom {
  return { height, spaceBefore: 0, keepWithNext: true, items: [] };
}

/** Moves items down by dy and right by dx (new objects; atoms can be repeated). */
export function offsetItems(items: readonly LayoutItem[], dx: number, dy: number): LayoutItem[] {
  return items.map((item) => {
    switch (item.type) {
      case 'line':
        return { ...item, x1: item.x1 + dx, x2: item.x2 + dx, y1: item.y1 + dy, y2: item.y2 + dy };
      case 'group':
        return { ...item, clip: { ...item.clip, x: item.clip.x + dx, y: item.clip.y + dy }, dx: item.dx + dx, dy: item.dy + dy };
      default:
        return { ...item, x: item.x + dx, y: item.y + dy };
    }
  });
}
