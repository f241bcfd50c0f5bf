/**
 * A map that forgets what has not been asked for lately, so that a process building hundreds of topics
 * of distinct text keeps the words in use and not every word it has met. New entries go into a young
 * generation; when that holds `generation` entries it becomes the old one and the old one is dropped.
 * An entry found in the old generation moves back into the young one. At most two generations are
 * kept, whatever the process builds.
 *
 * Shaped runs (FontBook) and hyphenated words (layout) are kept this way: both are asked for again and
 * again within a topic and across topics of the same language. The hyphenated words had no bound
 * before, and the shaped runs a cache of their own, four times as large (docs/performance.md, "Steps
 * of the second round").
 */
export class RecentCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly generation: number) {}

  get(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries held now, in both generations (an entry may be in both). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
