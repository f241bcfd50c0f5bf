import { describe, expect, it } from 'vitest';
import { hyphenateWord, hyphenationExceptionMap, hyphenationExceptions } from '../../src/layout/hyphenate-word.js';

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

  // Every word the bundled topics and the fixtures hyphenated (issue #18), checked against how the
  // compound is built: these are the ones the patterns broke inside a part, where a reader first takes
  // the head for another word ("hel-", "telesel-", "delta-"), or across a loanword ("stream-ing").
  it.each([
    ['helbredsoplysninger.', ['helbreds', 'oplysninger.']],
    ['serviceniveau,', ['service', 'niveau,']],
    ['teleselskabet,', ['tele', 'selskabet,']],
    ['netbutikker', ['net', 'butikker']],
    ['opsætning', ['op', 'sætning']],
    ['deltagerne', ['del', 'tagerne']],
    ['spørgsmålene.', ['spørgs', 'målene.']],
    ['spørgeskemaundersøgelse', ['spørge', 'skema', 'undersøgelse']],
    ['gråzonerne', ['grå', 'zonerne']],
    ['streaming,', ['streaming,']],
    ['streamingabonnement,', ['streaming', 'abonnement,']],
    ['vejledningspligt', ['vejlednings', 'pligt']],
    ['retsinformation', ['rets', 'information']],
    ['pointer', ['poin', 'ter']],
    ['rammesætning', ['ramme', 'sætning']],
    ['hjemmehjælpsordningen', ['hjemme', 'hjælps', 'ordningen']],
    ['borgerservicemedarbejdernes', ['borger', 'service', 'medarbejdernes']],
  ])('breaks %s where its parts meet', (word, parts) => {
    expect(hyphenateWord(word, 'da')).toEqual(parts);
  });

  it('covers a listed word with an ending, and keeps the capital of a sentence’s first word', () => {
    expect(hyphenateWord('Persondataforordningen', 'da', true)).toEqual(['Person', 'data', 'forordningen']);
    expect(hyphenateWord('medarbejdernes', 'da')).toEqual(['med', 'arbejdernes']);
    expect(hyphenateWord('helbredsoplysningerne', 'da')).toEqual(['helbreds', 'oplysningerne']);
  });

  it('puts a lone letter from the patterns with the part before it (the binding s, "med-")', () => {
    // The patterns give æl-dre-hjælp-s-ord-ning and kom-mu-ni-ka-tions-me-d-ar-bej-der.
    expect(hyphenateWord('ældrehjælpsordning', 'da').join('-')).toBe('ældre-hjælps-ord-ning');
    expect(hyphenateWord('kommunikationsmedarbejder', 'da').join('-')).toContain('tions-med-ar');
  });

  it('takes exceptions from dialogpack.yaml before its own and the patterns, in either language', () => {
    const mine = hyphenationExceptionMap(['helbredsoplysninger', 'kerne-opgave', 'Ac-cessibility']);
    expect(hyphenateWord('helbredsoplysninger', 'da', false, mine)).toEqual(['helbredsoplysninger']);
    expect(hyphenateWord('kerneopgaverne,', 'da', false, mine)).toEqual(['kerne', 'opgaverne,']);
    expect(hyphenateWord('accessibility', 'en', false, mine)).toEqual(['ac', 'cessibility']);
    // Not listed there: the built-in list and the patterns still apply.
    expect(hyphenateWord('serviceniveau', 'da', false, mine)).toEqual(['service', 'niveau']);
    expect(hyphenationExceptionMap(['ikke et ord', '-op', 'op--sætning', 'op-sætning'])).toEqual(new Map([['opsætning', ['op', 'sætning']]]));
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
