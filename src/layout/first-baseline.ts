import type { Atom } from './atom.js';

/** Where an atom's first text stands, to set a list's mark or a contents entry's number on the same line. */
export function firstBaseline(atom: Atom): number | undefined {
  const text = atom.items.find((i) => i.type === 'text');
  return text?.type === 'text' ? text.y : undefined;
}
