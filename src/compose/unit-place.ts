import type { RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { UnitPlace } from './document-node.js';

/**
 * Where a sheet's or card's text was written: the place of the first of the topic's text among its
 * blocks (compose marked each node with its place), and the first step whose text it is. A warning
 * that the sheet did not fit is placed there, whatever the template around it writes.
 */
export function unitPlace(nodes: readonly RootContent[]): UnitPlace {
  let place: UnitPlace['place'];
  let step: number | undefined;
  for (const top of nodes) {
    visit(top, (node) => {
      const data = node.data;
      if (!place && data?.sourceFile && !data.fromTemplate) {
        place = node.position ? { file: data.sourceFile, line: node.position.start.line, column: node.position.start.column } : { file: data.sourceFile };
      }
      step ??= data?.sourceStep;
    });
  }
  return { place, step };
}
