/**
 * The fields that say who made a topic and how to use it (authors, series, publisher-note, a section's
 * placement), and the two warnings about text that prints as something else than the editor meant
 * (purpose-looks-like-file, empty-section).
 */
import { describe, expect, it } from 'vitest';
import { hintText, messageText } from '../helpers/message-text.js';
import { modelInMemory } from '../helpers/model-in-memory.js';

const topic = modelInMemory;

const head = 'title: Hardware\nparticipants: { min: 4, max: 12 }\nduration: 10\n';
const oneStep = 'steps:\n  - { title: Trin, minutes: 10 }\n';
const yaml = (lines: string) => `${head}${lines}${oneStep}`;

describe('authors', () => {
  it('is a list of names, or one name as text', () => {
    expect(topic({ 'topic.yaml': yaml('authors: [Bettine Romme Andersen, Bo Holm]\n') }).topic?.authors).toEqual(['Bettine Romme Andersen', 'Bo Holm']);
    expect(topic({ 'topic.yaml': yaml('authors:\n  - Bettine Romme Andersen\n') }).topic?.authors).toEqual(['Bettine Romme Andersen']);
    expect(topic({ 'topic.yaml': yaml('authors: Bettine Romme Andersen\n') }).topic?.authors).toEqual(['Bettine Romme Andersen']);
    expect(topic({ 'topic.yaml': yaml('') }).topic?.authors).toBeUndefined();
  });

  it('names someone: an empty name, an empty list or a number is an error at the line', () => {
    expect(topic({ 'topic.yaml': yaml('authors: ""\n') }).found).toEqual([['emne/topic.yaml', 4, 10, 'error', 'invalid-value']]);
    expect(topic({ 'topic.yaml': yaml('authors: []\n') }).found).toEqual([['emne/topic.yaml', 4, 10, 'error', 'invalid-value']]);
    expect(topic({ 'topic.yaml': yaml('authors: [Bo Holm, ""]\n') }).found).toEqual([['emne/topic.yaml', 4, 20, 'error', 'invalid-value']]);
    expect(topic({ 'topic.yaml': yaml('authors: 42\n') }).found).toEqual([['emne/topic.yaml', 4, 10, 'error', 'wrong-type']]);
  });

  it('is spelled authors: `author:` gets a guess', () => {
    const result = topic({ 'topic.yaml': yaml('author: Bo Holm\n') });
    expect(result.found).toEqual([['emne/topic.yaml', 4, 1, 'error', 'unknown-key']]);
    expect(hintText(result.diagnostics[0])).toContain('`authors`');
  });
});

describe('series', () => {
  it('is a text', () => {
    expect(topic({ 'topic.yaml': yaml('series: Hjælp til digitalt udfordrede borgere\n') }).topic?.series).toBe('Hjælp til digitalt udfordrede borgere');
    expect(topic({ 'topic.yaml': yaml('series: ""\n') }).found).toEqual([['emne/topic.yaml', 4, 9, 'error', 'invalid-value']]);
    expect(topic({ 'topic.yaml': yaml('series: [a, b]\n') }).found).toEqual([['emne/topic.yaml', 4, 9, 'error', 'wrong-type']]);
  });
});

describe('publisher-note', () => {
  it('is markdown written in place', () => {
    const result = topic({ 'topic.yaml': yaml('publisher-note: |\n  Projektet støtter **digital inklusion**.\n\n  Det drives af X og Y.\n') });
    expect(result.diagnostics).toEqual([]);
    expect(result.topic?.publisherNote).toEqual({ markdown: 'Projektet støtter **digital inklusion**.\n\nDet drives af X og Y.\n' });
  });

  it('or a markdown file in the folder, with its tree, checked like any text file', () => {
    const result = topic({ 'topic.yaml': yaml('publisher-note: om-projektet.md\n'), 'om-projektet.md': 'Projektet drives af <b>X</b>.\n' });
    expect(result.topic?.publisherNote?.file).toBe('emne/om-projektet.md');
    expect(result.topic?.publisherNote?.tree?.children[0].type).toBe('paragraph');
    expect(result.found).toEqual([
      ['emne/om-projektet.md', 1, 21, 'warning', 'raw-html'],
      ['emne/om-projektet.md', 1, 25, 'warning', 'raw-html'],
    ]);
  });

  it('names a file that exists, and not one already printed elsewhere', () => {
    expect(topic({ 'topic.yaml': yaml('publisher-note: om.md\n') }).found).toEqual([['emne/topic.yaml', 4, 17, 'error', 'missing-file']]);
    const twice = topic({ 'topic.yaml': yaml('purpose: om.md\npublisher-note: om.md\n'), 'om.md': 'Tekst.\n' });
    expect(twice.found).toEqual([['emne/topic.yaml', 5, 17, 'error', 'file-named-twice']]);
    expect(topic({ 'topic.yaml': yaml('publisher-note: 7\n') }).found).toEqual([['emne/topic.yaml', 4, 17, 'error', 'wrong-type']]);
  });
});

describe('a section’s placement', () => {
  const files = { 'intro.md': 'Sådan bruger I materialet.\n', 'case.md': 'En case.\n' };

  it('is intro or appendix, appendix when left out', () => {
    const result = topic({
      ...files,
      'topic.yaml': yaml('sections:\n  - { title: Sådan bruger I materialet, file: intro.md, placement: intro }\n  - { title: Case, file: case.md }\n'),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.topic?.sections.map((s) => [s.title, s.placement])).toEqual([
      ['Sådan bruger I materialet', 'intro'],
      ['Case', 'appendix'],
    ]);
  });

  it('is one of the two: a Danish word or a guess is an error with a hint', () => {
    const result = topic({ ...files, 'topic.yaml': yaml('sections:\n  - { title: Intro, file: intro.md, placement: intr }\n') });
    expect(result.found).toEqual([['emne/topic.yaml', 5, 48, 'error', 'invalid-value']]);
    expect(hintText(result.diagnostics[0])).toContain('`intro`');
  });
});

describe('purpose-looks-like-file', () => {
  it('warns of a purpose of one or two words without a full stop, naming the file of that name when there is one', () => {
    const result = topic({ 'topic.yaml': yaml('purpose: formål\n'), 'formaal.md': 'Formålet.\n' });
    expect(result.found).toEqual([['emne/topic.yaml', 4, 10, 'warning', 'purpose-looks-like-file']]);
    expect(result.topic?.purpose?.markdown).toBe('formål');
    expect(messageText(result.diagnostics[0], 'da')).toContain('»formål«');
    expect(hintText(result.diagnostics[0], 'da')).toBe('skriv `purpose: formaal.md`, hvis formålet står i en fil, eller skriv formålet som en hel sætning');
    expect(hintText(result.diagnostics[0], 'en')).toContain('`purpose: formaal.md`');
  });

  it('suggests the name spelled as a file when the folder has none, and takes two words too', () => {
    const result = topic({ 'topic.yaml': yaml('purpose: Vores formål\n') });
    expect(result.found).toEqual([['emne/topic.yaml', 4, 10, 'warning', 'purpose-looks-like-file']]);
    expect(hintText(result.diagnostics[0], 'da')).toContain('`purpose: vores-formaal.md`');
  });

  it('leaves a sentence, a longer text and a file name alone', () => {
    for (const purpose of ['Vi taler om hardware.', 'At tale om borgerens udstyr', '"Formål: tale sammen"', 'purpose.md']) {
      const result = topic({ 'topic.yaml': yaml(`purpose: ${purpose}\n`), 'purpose.md': 'Formålet.\n' });
      expect(result.found, purpose).toEqual([]);
    }
  });
});

describe('empty-section', () => {
  const sections = 'sections:\n  - { title: Case, file: case.md }\n';

  it('warns at a section file that is blank or only a heading, and still builds the topic', () => {
    const blank = topic({ 'topic.yaml': yaml(sections), 'case.md': '  \n\n' });
    expect(blank.found).toEqual([['emne/case.md', 1, 1, 'warning', 'empty-section']]);
    expect(blank.topic?.sections).toHaveLength(1);
    const heading = topic({ 'topic.yaml': yaml(sections), 'case.md': '\n# Case\n\n' });
    expect(heading.found).toEqual([['emne/case.md', 2, 1, 'warning', 'empty-section']]);
    expect(messageText(heading.diagnostics[0], 'da')).toContain('kun en overskrift');
  });

  it('says nothing of a section with text', () => {
    expect(topic({ 'topic.yaml': yaml(sections), 'case.md': '# Case\n\nJonas hjælper.\n' }).found).toEqual([]);
  });
});
