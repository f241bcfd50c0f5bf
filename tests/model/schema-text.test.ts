/**
 * The schemas' own messages, each stated in Danish and English where its rule is (schema-text.ts), as
 * an editor sees them: through modelTopic or modelTheme, in both languages, at their line. Every
 * stated message has its case here, so a message added without one fails.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { TemplateSource } from '../../src/load/load-templates.js';
import { modelTheme } from '../../src/model/model-theme.js';
import { schemaText } from '../../src/model/schema-text.js';
import { hintText, messageText } from '../helpers/message-text.js';
import { modelInMemory } from '../helpers/model-in-memory.js';

const head = 'title: Et emne\nparticipants: { min: 4, max: 12 }\nduration: 20\n';
const steps = 'steps:\n  - title: A\n    minutes: 5\n';
/** A topic.yaml that is right but for `lines`, put after the head (a step's own keys after its minutes). */
const topicWith = (lines: string) => `${head}${lines}${steps}`;
const stepWith = (lines: string) => `${head}${steps}${lines}`;

function topic(yaml: string): Diagnostic[] {
  return modelInMemory({ 'topic.yaml': yaml }).diagnostics;
}

function theme(yaml: string): Diagnostic[] {
  const templates: TemplateSource = { files: new Map([['theme.yaml', { path: 'theme.yaml', displayPath: 't/theme.yaml', text: yaml }]]) };
  return modelTheme(templates).diagnostics;
}

/** rule, line, and the message in English and Danish. */
const shown = (found: Diagnostic[]) => found.map((d) => [d.rule, d.line, messageText(d), messageText(d, 'da')]);

/** Each code a schema states, with a mistake that brings it out and what the editor is then told. */
const stated: [code: string, found: () => Diagnostic[], expected: [string, number, string, string][]][] = [
  ['not-empty', () => topic(topicWith('questions: [""]\n')), [['invalid-value', 4, 'questions[0]: must not be empty', '`questions`, punkt 1: må ikke være tom']]],
  ['whole-number', () => topic('title: A\nparticipants: { min: 4, max: 12 }\nduration: 2.5\n' + steps), [['wrong-type', 3, 'duration: must be a whole number, not 2.5', '`duration`: skal være et helt tal, ikke 2.5']]],
  ['at-least-1', () => topic('title: A\nparticipants: { min: 4, max: 12 }\nduration: 0\n' + steps), [['invalid-value', 3, 'duration: must be at least 1, not 0', '`duration`: skal være mindst 1, ikke 0']]],
  [
    'most-participants',
    () => topic('title: A\nparticipants: { min: 4, max: 600 }\nduration: 20\n' + steps),
    [['invalid-value', 2, 'participants.max: a dialogue has at most 500 participants, not 600', '`participants`, `max`: en dialog har højst 500 deltagere, ikke 600']],
  ],
  ['topic-title', () => topic('title: ""\nparticipants: { min: 4, max: 12 }\nduration: 20\n' + steps), [['invalid-value', 1, 'title: the topic needs a title', '`title`: emnet skal have en titel']]],
  ['steps-empty', () => topic(`${head}steps: []\n`), [['invalid-value', 4, 'steps: a topic needs at least one step', '`steps`: et emne skal have mindst ét trin']]],
  ['step-title', () => topic(`${head}steps:\n  - title: ""\n    minutes: 5\n`), [['invalid-value', 5, 'steps[0].title: a step needs a title', 'trin 1, `title`: et trin skal have en titel']]],
  [
    'minutes',
    () => topic(`${head}steps:\n  - title: A\n    minutes: fem\n`),
    [
      [
        'wrong-type',
        6,
        'steps[0].minutes: must be a whole number of minutes or a table like { 4: 6, 20: 10 }, not the text "fem"',
        'trin 1, `minutes`: skal være et helt antal minutter eller en tabel som { 4: 6, 20: 10 }, ikke teksten "fem"',
      ],
    ],
  ],
  [
    'participant-count-key',
    () => topic(`${head}steps:\n  - title: A\n    minutes: { fire: 5 }\n`),
    [
      [
        'invalid-key',
        6,
        'steps[0].minutes: `fire` is not allowed as a key here: participant counts must be whole numbers from 1',
        'trin 1, `minutes`: `fire` kan ikke bruges som felt her: antal deltagere skal være hele tal fra 1',
      ],
    ],
  ],
  [
    'minutes-table-empty',
    () => topic(`${head}steps:\n  - title: A\n    minutes: {}\n`),
    [['invalid-value', 6, 'steps[0].minutes: a minutes table needs at least one entry', 'trin 1, `minutes`: en tabel over minutter skal have mindst én linje']],
  ],
  [
    'group-size-min',
    () => topic(stepWith('    grouping: groups\n    group-size: 1\n')),
    [['invalid-value', 8, 'steps[0].group-size: a group has at least 2 participants, not 1', 'trin 1, `group-size`: en gruppe har mindst 2 deltagere, ikke 1']],
  ],
  [
    'authors-empty',
    () => topic(topicWith('authors: []\n')),
    [['invalid-value', 4, 'authors: name at least one author, or leave `authors` out', '`authors`: skriv mindst én forfatter, eller fjern `authors`']],
  ],
  [
    'date-format',
    () => topic(topicWith('date: 1. marts\n')),
    [
      ['invalid-value', 4, 'date: must be a date written YYYY-MM-DD', '`date`: skal være en dato skrevet ÅÅÅÅ-MM-DD, fx 2026-03-01'],
      // zod goes on to the calendar check after the shape check; both are at the one line.
      ['invalid-value', 4, 'date: is not a calendar date', '`date`: er ikke en dato, der findes i kalenderen'],
    ],
  ],
  ['calendar-date', () => topic(topicWith('date: 2026-13-45\n')), [['invalid-value', 4, 'date: is not a calendar date', '`date`: er ikke en dato, der findes i kalenderen']]],
  ['colour', () => theme('colors:\n  accent: red\n'), [['invalid-value', 2, 'colors.accent: must be a colour written #rrggbb', '`colors`, `accent`: skal være en farve skrevet #rrggbb, fx #1a4f8b']]],
  ['logo-alt', () => theme('logo: { file: logo.png, alt: "" }\n'), [['invalid-value', 1, 'logo.alt: a logo needs alt text', '`logo`, `alt`: et logo skal have en alternativ tekst, der siger, hvad det viser']]],
];

describe('the messages the schemas state, in both languages', () => {
  it.each(stated)('%s', (_code, found, expected) => {
    expect(shown(found())).toEqual(expected);
  });

  it('has a case above for every message a schema states, and no case for one no schema states', () => {
    // The codes this file states for its own cases below are left out, whichever runs first.
    const schemas = [...schemaText.all().keys()].filter((code) => !code.startsWith('test-'));
    expect(stated.map(([code]) => code).sort()).toEqual(schemas.sort());
  });

  it('states each in Danish and English, the Danish in words an editor uses', () => {
    expect(schemaText.all().size).toBeGreaterThanOrEqual(stated.length);
    for (const [code, text] of schemaText.all()) {
      expect(text.da ?? '', code).not.toMatch(/^\s*$/);
      expect(text.en ?? '', code).not.toMatch(/^\s*$/);
      expect(text.da, code).not.toBe(text.en);
      expect(text.da, code).not.toMatch(/\b(must|mapping|scalar|string|node|parse|slug|kebab)\b/i);
    }
  });
});

describe("the checks that say what they compare, with their words and hint in the issue's params", () => {
  it('min above max in participants: min-over-max, with the numbers swapped as the hint', () => {
    const found = topic('title: A\nparticipants: { min: 20, max: 4 }\nduration: 20\n' + steps);
    expect(shown(found)).toEqual([['min-over-max', 2, 'participants: min 20 is above max 4, so no group size fits', '`participants`: min 20 er større end max 4, så ingen gruppestørrelse passer']]);
    expect([hintText(found[0]), hintText(found[0], 'da')]).toEqual(['did you mean `{ min: 4, max: 20 }`?', 'mente du `{ min: 4, max: 20 }`?']);
  });

  it("a tip's min-participants above its max-participants: when-never-holds", () => {
    const found = topic(stepWith('    tips:\n      - text: Hej\n        when: { min-participants: 10, max-participants: 4 }\n'));
    expect(shown(found)).toEqual([
      [
        'when-never-holds',
        9,
        'steps[0].tips[0].when: min-participants 10 is above max-participants 4, so this tip can never apply',
        'trin 1, `tips`, punkt 1, `when`: min-participants 10 er større end max-participants 4, så dette tip kan aldrig bruges',
      ],
    ]);
    expect([hintText(found[0]), hintText(found[0], 'da')]).toEqual(['swap the two numbers, or drop one of them', 'byt om på de to tal, eller fjern det ene']);
  });

  it('grouping `groups` without a group-size', () => {
    const found = topic(stepWith('    grouping: groups\n'));
    expect(shown(found)).toEqual([['invalid-value', 7, 'steps[0].grouping: grouping `groups` needs a `group-size`', 'trin 1, `grouping`: gruppering `groups` kræver en `group-size`']]);
  });

  it('a group-size where the grouping is not `groups`', () => {
    const found = topic(stepWith('    grouping: pairs\n    group-size: 3\n'));
    expect(shown(found)).toEqual([
      ['invalid-value', 8, 'steps[0].group-size: group-size applies only to grouping `groups`, not `pairs`', 'trin 1, `group-size`: `group-size` gælder kun for gruppering `groups`, ikke `pairs`'],
    ]);
  });
});

describe('schemaText', () => {
  it('refuses one code stated twice with different words, so no rule says another rule’s message', () => {
    const code = schemaText.state('test-twice', { da: 'to gange', en: 'twice' });
    expect(schemaText.state('test-twice', { da: 'to gange', en: 'twice' })).toBe(code);
    expect(() => schemaText.state('test-twice', { da: 'to gange', en: 'two times' })).toThrow(/test-twice/);
  });

  it("finds a message by its code or a custom issue's params, never by its wording", () => {
    const code = schemaText.state('test-found', { da: 'fundet', en: 'found' });
    expect(schemaText.of({ code: 'too_small', origin: 'string', minimum: 1, path: [], message: code })).toEqual({ da: 'fundet', en: 'found' });
    // The English of a stated message, written out instead of its code, is zod text like any other.
    expect(schemaText.of({ code: 'too_small', origin: 'string', minimum: 1, path: [], message: 'a step needs a title' })).toBeUndefined();
    expect(schemaText.of({ code: 'custom', path: [], message: 'Invalid input', params: { message: { da: 'egen', en: 'own' } } })).toEqual({ da: 'egen', en: 'own' });
    // A params.message in one language is not a Text: the adapter makes the Danish from the code instead.
    expect(schemaText.of({ code: 'custom', path: [], message: 'Invalid input', params: { message: 'own' } })).toBeUndefined();
  });
});
