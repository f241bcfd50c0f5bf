import { describe, expect, it } from 'vitest';
import { RecentCache } from '../../src/fonts/recent-cache.js';

describe('RecentCache', () => {
  it('never holds more than two generations, however many keys it is given', () => {
    const cache = new RecentCache<string, number>(100);
    let most = 0;
    for (let i = 0; i < 10_000; i++) {
      cache.set(`k${i}`, i);
      most = Math.max(most, cache.size);
    }
    expect(most).toBe(200);
    // The newest keys are there; the first ones are gone.
    expect(cache.get('k9999')).toBe(9999);
    expect(cache.get('k0')).toBeUndefined();
  });

  it('keeps a key that is asked for again while others come and go', () => {
    const cache = new RecentCache<string, string>(10);
    cache.set('ofte', 'brugt');
    for (let i = 0; i < 1_000; i++) {
      cache.set(`sjælden${i}`, 'x');
      // Asked for once a generation, it moves back into the young one before the old one is dropped.
      if (i % 5 === 0) expect(cache.get('ofte')).toBe('brugt');
    }
    expect(cache.get('ofte')).toBe('brugt');
  });

  it('drops a key that is not asked for within two generations', () => {
    const cache = new RecentCache<string, string>(10);
    cache.set('glemt', 'x');
    for (let i = 0; i < 20; i++) cache.set(`ny${i}`, 'y');
    expect(cache.get('glemt')).toBeUndefined();
  });
});
