import type { Event } from 'micromark-util-types';
import { EditMap } from 'micromark-util-edit-map';

type Change = [index: number, remove: number, add: Event[]];
interface EditMapState {
  map: Change[];
  index: Map<number, Change>;
}

/** micromark's own `EditMap.prototype.consume`, kept for the test that holds the two to the same events. */
export const micromarkConsume: (this: EditMap, events: Event[]) => undefined = EditMap.prototype.consume;

/**
 * micromark's document tokenizer moves a container's exits back before its last line through an
 * EditMap each time a list item or block quote closes, and `consume` copies the whole event list to
 * do it, from the document's first event. That made parsing quadratic in the number of containers: a
 * 64 KB outline of nested list items took 15 s, 64 KB of short block quotes 30 s. This `consume`
 * rebuilds the list only from the first edit on, which is near the end, and gives the same events.
 * It replaces micromark's for every parser of the process; topic files are the only markdown parsed.
 */
export function linearEditMap(): void {
  EditMap.prototype.consume = linearConsume;
}

export function linearConsume(this: EditMap, events: Event[]): undefined {
  const state = this as unknown as EditMapState;
  if (state.map.length === 0) return undefined;
  // Stable, as micromark's sort is: two edits at one index were already merged by `add`.
  state.map.sort((a, b) => a[0] - b[0]);
  const first = state.map[0][0];
  const tail: Event[] = [];
  let at = first;
  for (const [index, remove, add] of state.map) {
    for (let i = at; i < index; i++) tail.push(events[i]);
    for (const event of add) tail.push(event);
    at = index + remove;
  }
  for (let i = at; i < events.length; i++) tail.push(events[i]);
  events.length = first;
  for (const event of tail) events.push(event);
  state.map.length = 0;
  state.index.clear();
}
