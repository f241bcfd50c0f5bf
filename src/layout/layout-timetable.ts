import type { Table, TableRow } from 'mdast';
import type { TimetableNode } from '../compose/document-node.js';
import type { Atom } from './atom.js';
import type { BlockContext, Box } from './block-context.js';
import type { StructNode } from './layout.js';
import { layoutTable } from './layout-table.js';

/** The steps at a glance: a table of compose's cells, set as any table is, its words never read as markdown. */
export function layoutTimetable(node: TimetableNode, parent: StructNode, box: Box, ctx: BlockContext): Atom[] {
  const row = (cells: readonly string[]): TableRow => ({ type: 'tableRow', children: cells.map((value) => ({ type: 'tableCell', children: [{ type: 'text', value }] })) });
  const table: Table = { type: 'table', align: [null, null, null, null], children: [row(node.head), ...node.rows.map((r) => row(r.cells))], position: node.position, data: node.data };
  return layoutTable(table, parent, box, ctx, undefined);
}
