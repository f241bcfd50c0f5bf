import { describe, expect, it } from 'vitest';
import { hyphenateWord, hyphenationExceptions } from '../../src/layout/hyphenate-word.js';

describe('hyphenateWord', () => {
  it('splits long Danish compounds into parts that join back to the word', () => {
    for (const word of ['persondataforordningens', 'sikkerhedsforanstaltningsinstruktionen', 'arbejdsmiljølovgivningen']) {
      const parts = hyphenateWord(word, 'da');
      expect(parts.length).toBeGreaterThan(2);
      expect(parts.join('')).toBe(word);
      expect(parts[0].length).toBeGreaterThanOrEqual(3);
      expect(parts[parts.length - 1].length).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses the exceptions list where the patterns go wrong', () => {
    expect(hyphenateWord('blåbærgrød', 'da')).toEqual(hyphenationExceptions.blåbærgrød);
    expect(hyphenateWord('Medarbejderen', 'da')).toEqual(['Medarbejderen']);
    expect(hyphenateWord('medarbejderen,', 'da')).toEqual(['med', 'arbejderen,']);
  });

  it('never hyphenates names, URLs, numbers or short words', () => {
    expect(hyphenateWord('Sikkerhedsforanstaltningsudvalget', 'da')).toHaveLength(1);
    expect(hyphenateWord('https://www.borger.dk/samfund-og-rettigheder', 'da')).toHaveLength(1);
    expect(hyphenateWord('mail@kommune.dk', 'da')).toHaveLength(1);
    expect(hyphenateWord('2026-03-02', 'da')).toHaveLength(1);
    expect(hyphenateWord('borger', 'da')).toHaveLength(1);
  });

  it('takes any character inside a word, line separators included (found by the fuzzer)', () => {
    expect(hyphenateWord('aa\u2028bb', 'da')).toEqual(['aa\u2028bb']);
    expect(hyphenateWord('\u2029', 'da')).toEqual(['\u2029']);
  });

  it('uses English patterns for English', () => {
    const parts = hyphenateWord('accessibility', 'en');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe('accessibility');
  });
});
