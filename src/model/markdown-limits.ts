import type { Parent, Root, RootContent, Table } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { contentLimits } from './content-limits.js';

type Place = (node: RootContent) => Pick<Diagnostic, 'file' | 'line' | 'column'>;

/**
 * What a page can hold of a topic's markdown. Every list or quote inside another is indented further,
 * so 30 levels left no room for a letter and 40 ran off the page; a table's columns share the page's
 * width, so 500 of them did too. Beyond the limits it is an error at the first list, quote or table
 * that goes too far, once per file; within them layout fits every word on the page.
 */
export function markdownLimits(tree: Root, place: Place): Diagnostic[] {
  const out: Diagnostic[] = [];
  let tooDeep = false;
  let tooWide = false;
  const walk = (parent: Parent, depth: number) => {
    for (const node of parent.children) {
      const nests = node.type === 'list' || node.type === 'blockquote';
      const level = nests ? depth + 1 : depth;
      if (nests && level > contentLimits.nesting && !tooDeep) {
        tooDeep = true;
        out.push({
          ...place(node),
          severity: 'error',
          rule: 'markdown-too-deep',
          message: {
            da: `${node.type === 'list' ? 'denne liste' : 'dette citat'} ligger ${level} niveauer inde i andre lister og citater; der er kun plads til ${contentLimits.nesting} på en side`,
            en: `this ${node.type === 'list' ? 'list' : 'quote'} lies ${level} levels deep inside other lists and quotes; at most ${contentLimits.nesting} fit on a page`,
          },
          hint: {
            da: 'ryk punkterne mindre ind, eller gør de inderste punkter til en liste for sig efter den yderste',
            en: 'indent less, or make the inner points a list of their own after the outer one',
          },
        });
      }
      if (node.type === 'table' && !tooWide) {
        const columns = (node as Table).children.reduce((most, row) => Math.max(most, row.children.length), 0);
        if (columns > contentLimits.tableColumns) {
          tooWide = true;
          out.push({
            ...place(node),
            severity: 'error',
            rule: 'table-too-wide',
            message: {
              da: `tabellen har ${columns} kolonner; der er kun plads til ${contentLimits.tableColumns} i bredden på en side`,
              en: `this table has ${columns} columns; at most ${contentLimits.tableColumns} fit across a page`,
            },
            hint: { da: 'del den op i tabeller med færre kolonner, eller gør kolonnerne til rækker', en: 'split it into tables of fewer columns, or turn the columns into rows' },
          });
        }
      }
      if ('children' in node) walk(node, level);
    }
  };
  walk(tree, 0);
  return out;
}
