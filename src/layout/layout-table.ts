import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { fill } from '../compose/labels.js';
import type { FormFields } from '../compose/document-node.js';
import type { FontBook } from '../fonts/font-book.js';
import { offsetItems, type Atom } from './atom.js';
import type { BlockContext, Box } from './block-context.js';
import { blockSpacing } from './block-spacing.js';
import { bodyStyle } from './body-style.js';
import { breakLines } from './break-lines.js';
import { inlineRuns, type InlineRun } from './inline-runs.js';
import type { LayoutItem, StructNode } from './layout.js';
import { lineAtoms } from './line-atoms.js';

/**
 * A GFM table; in a form, empty body cells become fillable fields named by their column header. A
 * table that starts at the text column's edge spans the whole type area: its cells' lines are short
 * whatever its width, and a form's cells are written in by hand.
 */
export function layoutTable(node: Table, parent: StructNode, column: Box, ctx: BlockContext, form: FormFields | undefined): Atom[] {
  const { theme, fonts, struct } = ctx;
  const box = ctx.area && ctx.area.x === column.x ? ctx.area : column;
  const size = theme.size.body - 1;
  const pad = theme.size.body * 0.45;
  const style = bodyStyle(ctx, size);
  const rows = node.children;
  const columns = rows.reduce((most, r) => Math.max(most, r.children.length), 0);
  // Columns narrower than a letter and their padding cannot hold their words: a table wider than
  // that is set as several tables, each with as many of its columns as fit (a 500-column table ran
  // off the page). The model allows far fewer columns than this in a topic's text.
  const fitting = Math.max(1, Math.floor(box.width / (2 * pad + size)));
  if (columns > fitting) {
    return Array.from({ length: Math.ceil(columns / fitting) }, (_, g) => {
      const slice = (r: Table['children'][number]) => ({ ...r, children: r.children.slice(g * fitting, (g + 1) * fitting) });
      return layoutTable({ ...node, align: node.align?.slice(g * fitting, (g + 1) * fitting), children: rows.map(slice) }, parent, column, ctx, form);
    }).flat();
  }
  // A form's columns are for handwriting, so they share the width equally whatever their headers say.
  const widths = form
    ? Array<number>(columns).fill(box.width / columns)
    : columnWidths(rows.map((r, i) => r.children.map((c) => inlineRuns(c.children, { bold: i === 0 }))), columns, size, box.width, pad, fonts);
  const T = struct.add(parent, 'Table');
  const headers = rows[0]?.children.map((c) => toString(c)) ?? [];
  const atoms: Atom[] = [];
  let headerAtom: Atom | undefined;
  rows.forEach((row, r) => {
    const TR = struct.add(T, 'TR');
    const isHeader = r === 0;
    let x = box.x;
    const cells: { lines: Atom[]; x: number; width: number; field?: RowField }[] = [];
    for (let c = 0; c < columns; c++) {
      const cell: TableCell | undefined = row.children[c];
      const cellNode = struct.add(TR, isHeader ? 'TH' : 'TD', isHeader ? { scope: 'Column' } : {});
      const runs = cell ? inlineRuns(cell.children, { bold: isHeader }) : [];
      const empty = !runs.some((run) => run.text.trim());
      let lines: Atom[] = [];
      let field: RowField | undefined;
      if (form && !isHeader && empty) {
        const name = `${headers[c] || fill(ctx.labels.field, { n: c + 1 })} ${r}`;
        const hint = form.hints.get(c);
        field = { name, label: hint ? fill(hint, { n: r }) : name, node: struct.add(cellNode, 'Form') };
      } else if (!empty) {
        const broken = breakLines(runs, fonts, size, widths[c] - 2 * pad, isHeader ? undefined : ctx.hyphenate);
        lines = lineAtoms(broken, x + pad, widths[c] - 2 * pad, style, cellNode, struct, fonts);
      }
      cells.push({ lines, x, width: widths[c], field });
      x += widths[c];
    }
    // Empty rows are room to write: a form's fields get three lines, a plain table's blank row almost two.
    const blank = !isHeader && cells.every((c) => !c.lines.length);
    const minHeight = form && !isHeader ? size * theme.leading * 3.2 : blank ? size * theme.leading * 1.8 : 0;
    const atom = rowAtom(cells.map((c) => ({ ...c, from: 0 })), { pad, minHeight, header: isHeader, ctx, box });
    if (isHeader) {
      atom.keepWithNext = true;
      headerAtom = atom;
    } else if (headerAtom) atom.repeatHeader = headerAtom;
    atoms.push(atom);
  });
  // Two rows at least on each side of a page break, as with a paragraph's lines: a row alone at a
  // page's foot or head is read without the rows it is compared with. A table of three rows or fewer
  // under its header moves to the next page whole.
  const body = headerAtom ? atoms.slice(1) : atoms;
  if (body.length >= 2) {
    body[0].keepWithNext = true;
    body[body.length - 2].keepWithNext = true;
  }
  if (atoms.length) atoms[0].spaceBefore = theme.size.body * blockSpacing.table;
  return atoms;
}

interface RowField {
  name: string;
  label: string;
  node: StructNode;
}

interface RowCell {
  lines: Atom[];
  from: number;
  x: number;
  width: number;
  field?: RowField;
}

function rowAtom(cells: RowCell[], o: { pad: number; minHeight: number; header: boolean; ctx: BlockContext; box: Box }): Atom {
  const { theme } = o.ctx;
  const contentHeight = Math.max(0, ...cells.map((c) => c.lines.slice(c.from).reduce((h, a) => h + a.height, 0)));
  const height = Math.max(o.minHeight, contentHeight + 2 * o.pad);
  const items: LayoutItem[] = [];
  if (o.header) items.push({ type: 'rect', x: o.box.x, y: 0, width: o.box.width, height, fill: theme.colors.tint });
  for (const cell of cells) {
    let y = o.pad;
    for (const line of cell.lines.slice(cell.from)) {
      items.push(...offsetItems(line.items, 0, y));
      y += line.height;
    }
    if (cell.field) {
      items.push({ type: 'field', x: cell.x + 2, y: 2, width: cell.width - 4, height: height - 4, name: cell.field.name, label: cell.field.label, multiline: true, node: cell.field.node.id });
    }
  }
  const edge = (y: number) => ({ type: 'line' as const, x1: o.box.x, x2: o.box.x + o.box.width, y1: y, y2: y, color: theme.colors.rule, width: 0.75 });
  items.push(edge(0), edge(height));
  for (const cell of cells) items.push({ type: 'line', x1: cell.x, x2: cell.x, y1: 0, y2: height, color: theme.colors.rule, width: 0.75 });
  const right = cells[cells.length - 1];
  items.push({ type: 'line', x1: right.x + right.width, x2: right.x + right.width, y1: 0, y2: height, color: theme.colors.rule, width: 0.75 });
  const atom: Atom = { height, spaceBefore: 0, keepWithNext: false, items };
  atom.split = (room) => {
    // A row taller than a page continues on the next: cut every cell after the lines that fit.
    const fit = Math.floor((room - 2 * o.pad) / Math.max(...cells.map((c) => c.lines[c.from]?.height ?? 1)));
    if (fit < 1) return undefined;
    const head = rowAtom(cells.map((c) => ({ ...c, lines: c.lines.slice(0, c.from + fit) })), { ...o, minHeight: 0 });
    const rest = rowAtom(cells.map((c) => ({ ...c, from: Math.min(c.lines.length, c.from + fit), field: undefined })), { ...o, minHeight: 0 });
    return [head, rest];
  };
  return atom;
}

/** Column widths from content: every column gets its longest word, the rest is shared by natural width. */
function columnWidths(rows: InlineRun[][][], columns: number, size: number, total: number, pad: number, fonts: FontBook): number[] {
  const natural = Array<number>(columns).fill(2 * pad + size);
  const longest = Array<number>(columns).fill(2 * pad + size);
  for (const row of rows) {
    row.forEach((runs, c) => {
      const one = breakLines(runs, fonts, size, Number.POSITIVE_INFINITY)[0]?.width ?? 0;
      natural[c] = Math.max(natural[c], one + 2 * pad);
      const words = runs.flatMap((r) => r.text.split(/\s+/).map((w) => fonts.measure(w, r.bold ? 'bold' : 'regular', size)));
      longest[c] = Math.max(longest[c], Math.min(total / columns, Math.max(0, ...words) + 2 * pad));
    });
  }
  const sumNatural = natural.reduce((a, b) => a + b, 0);
  if (sumNatural <= total) return natural.map((n) => n + ((total - sumNatural) * n) / sumNatural);
  // Narrow columns (a clock, a count, "I plenum") keep their natural width so they never wrap;
  // the wide ones share what is left by natural width, never below their longest word.
  const fair = total / columns;
  const narrow = natural.map((n) => n <= fair);
  const narrowSum = natural.reduce((sum, n, c) => (narrow[c] ? sum + n : sum), 0);
  const wideNatural = sumNatural - narrowSum;
  const rest = total - narrowSum;
  const shared = natural.map((n, c) => (narrow[c] ? n : (rest * n) / wideNatural));
  if (shared.every((w, c) => w >= longest[c])) return shared;
  const sumMin = longest.reduce((a, b) => a + b, 0);
  const extra = natural.map((n, c) => n - longest[c]);
  const sumExtra = extra.reduce((a, b) => a + b, 0) || 1;
  return longest.map((m, c) => m + ((total - sumMin) * extra[c]) / sumExtra);
}
