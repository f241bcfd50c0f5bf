import type { StructNode, StructRole } from './layout.js';

/** Builds the structure tree in reading order; ids are sequential, so output is reproducible. */
export class StructBuilder {
  private next = 1;
  readonly root: StructNode = { id: 0, role: 'Document', children: [] };

  add(parent: StructNode, role: StructRole, extra: Partial<Omit<StructNode, 'id' | 'role' | 'children'>> = {}): StructNode {
    const node: StructNode = { id: this.next++, role, children: [], ...extra };
    parent.children.push(node);
    return node;
  }
}
