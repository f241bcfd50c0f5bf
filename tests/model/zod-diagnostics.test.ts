import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { schemaKeys } from '../../src/model/schema-keys.js';
import { topicSchema } from '../../src/model/topic-schema.js';
import { schemaText } from '../../src/model/schema-text.js';
import { topicHints } from '../../src/model/topic-hints.js';
import { zodDiagnostics, type SchemaHints } from '../../src/model/zod-diagnostics.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';
import { hintText, messageText } from '../helpers/message-text.js';

function check(text: string, schema: z.ZodType = topicSchema, hints: SchemaHints = topicHints) {
  const { yaml, diagnostics } = parseYaml(text, 'topic.yaml', 0);
  expect(diagnostics).toEqual([]);
  const result = schema.safeParse(yaml.data);
  return result.success ? [] : zodDiagnostics(result.error.issues, yaml, yaml.data, (p) => schemaKeys(schema, p), hints);
}

/** The adapter on its own: no Danish words, examples or item names of any schema. */
const noHints: SchemaHints = { danishKeys: {}, danishValues: {}, missingFieldHints: {}, keyFormat: { da: 'skriv nøglen om', en: 'rewrite the key' }, danishItems: {}, wrongTypeHint: () => undefined };

/** rule, line, column, and the message in English and Danish: what an editor is shown. */
const shown = (found: ReturnType<typeof check>) => found.map((d) => [d.rule, d.line, d.column, messageText(d), messageText(d, 'da')]);

describe('zodDiagnostics: the general adapter, with no schema hints', () => {
  const schema = z.strictObject({
    name: z.string().min(2),
    size: z.number().int().max(9),
    kind: z.enum(['a', 'b']),
    items: z.array(z.strictObject({ label: z.string() })),
    table: z.record(z.string().regex(/^\d+$/), z.number()).optional(),
    either: z.union([z.string(), z.array(z.string())]).optional(),
  });

  it('places each issue at its line and column, says it in both languages from its code and names the rule', () => {
    const found = check('name: x\nsize: 12\nkind: c\nitems:\n  - label: 5\n  - { labl: y }\ntable: { ab: 1 }\neither: 3\nextra: 1\n', schema, noHints);
    expect(shown(found)).toEqual([
      ['invalid-value', 1, 7, 'name: Too small: expected string to have >=2 characters', '`name`: skal have mindst 2 tegn'],
      ['invalid-value', 2, 7, 'size: Too big: expected number to be <=9, not 12', '`size`: skal være højst 9, ikke 12'],
      ['invalid-value', 3, 7, 'kind: `c` is not one of `a`, `b`', '`kind`: `c` er ikke en af de mulige værdier: `a`, `b`'],
      ['wrong-type', 5, 12, 'items[0].label: must be text, not 5', '`items`, punkt 1, `label`: skal være en tekst, ikke 5'],
      ['unknown-key', 6, 7, 'unknown key `labl` in items[1]', 'ukendt felt `labl` i `items`, punkt 2'],
      ['invalid-key', 7, 10, 'table: `ab` is not allowed as a key here: Invalid string: must match pattern /^\\d+$/', '`table`: `ab` kan ikke bruges som felt her: er ikke skrevet på den rigtige måde'],
      ['wrong-type', 8, 9, 'either: must be text or a list, not 3', '`either`: skal være en tekst eller en liste, ikke 3'],
      ['unknown-key', 9, 1, 'unknown key `extra`', 'ukendt felt `extra`'],
    ]);
    // Without hints, only the adapter's own: "did you mean" over the values and keys the place knows.
    expect(found.map((d) => hintText(d))).toEqual([undefined, undefined, 'did you mean `a`?', undefined, 'did you mean `label`?', 'rewrite the key', undefined, 'known keys: name, size, kind, items, table, either']);
  });

  it('reports a missing field at its mapping, and a missing one in a list entry by its place', () => {
    const found = check('name: xy\nsize: 1\nkind: a\nitems:\n  - {}\n', schema, noHints);
    expect(shown(found)).toEqual([['missing-field', 5, 5, 'missing required field `label` in items[0]', 'feltet `label` mangler i `items`, punkt 1']]);
    expect(found[0].hint).toBeUndefined();
  });

  it("says a schema's stated message in both languages, and a custom issue's rule, words and hint", () => {
    const stated = z.strictObject({
      a: z.number().min(3, schemaText.state('test-at-least-3', { da: 'skal være mindst 3 (test)', en: 'must be at least 3 (test)' })),
      b: z.strictObject({ x: z.number(), y: z.number() }).superRefine((v, ctx) => {
        if (v.x > v.y) ctx.addIssue(schemaText.issue(['x'], { da: `x ${v.x} over y ${v.y}`, en: `x ${v.x} above y ${v.y}` }, { rule: 'min-over-max', hint: { da: 'byt dem', en: 'swap them' } }));
      }),
    });
    const found = check('a: 1\nb: { x: 5, y: 2 }\n', stated, noHints);
    expect(found.map((d) => [d.rule, d.line, messageText(d), messageText(d, 'da'), hintText(d), hintText(d, 'da')])).toEqual([
      ['invalid-value', 1, 'a: must be at least 3 (test), not 1', '`a`: skal være mindst 3 (test), ikke 1', undefined, undefined],
      // A custom check names the fields it compares, so only its mapping is put before it.
      ['min-over-max', 2, 'b: x 5 above y 2', '`b`: x 5 over y 2', 'swap them', 'byt dem'],
    ]);
  });

  it('never translates English wording: a message the schema gives as plain text keeps its English and gets Danish from its code', () => {
    // The wording of a stated message, given as plain text instead of by its code, is not looked up.
    const plain = z.strictObject({ title: z.string().min(1, 'a step needs a title') });
    const found = check('title: ""\n', plain, noHints);
    expect(shown(found)).toEqual([['invalid-value', 1, 8, 'title: a step needs a title', '`title`: må ikke være tom']]);
  });

  it("counts list entries in Danish by the hints' item names", () => {
    const listed = z.strictObject({ steps: z.array(z.strictObject({ n: z.number() })) });
    const text = 'steps:\n  - n: x\n';
    expect(messageText(check(text, listed, noHints)[0], 'da')).toBe('`steps`, punkt 1, `n`: skal være et tal, ikke teksten "x"');
    expect(messageText(check(text, listed, { ...noHints, danishItems: { steps: 'trin' } })[0], 'da')).toBe('trin 1, `n`: skal være et tal, ikke teksten "x"');
  });
});

const head = 'title: Et emne\nparticipants: { min: 4, max: 12 }\nduration: 20\n';
const steps = 'steps:\n  - title: A\n    minutes: 20\n';

describe('zodDiagnostics: a colon in a text', () => {
  it('a list item with `: ` where text belongs is one yaml-colon-in-value, with the line in quotes', () => {
    const found = check(`${head}questions:\n  - Hvad ser I?\n  - Husk: casen er ikke et facit.\n${steps}`);
    expect(found.map((d) => [d.rule, d.line, d.column])).toEqual([['yaml-colon-in-value', 6, 5]]);
    expect(messageText(found[0])).toBe('this list item holds `: `, so YAML reads it as a key and a value, not as text');
    expect(messageText(found[0], 'da')).toBe('punktet indeholder `: `, og så læser YAML det som et felt med en værdi i stedet for som en tekst');
    expect(hintText(found[0], 'da')).toBe('sæt teksten i anførselstegn; skriv linjen sådan: `  - "Husk: casen er ikke et facit."`');
  });

  it('a tip, which may be text or { text, when }, gets the same one error, not an unknown key and a missing text', () => {
    const found = check(`${head}${steps}    tips:\n      - Teknik: tjek projektoren.\n      - "Under runden: lyt."\n`);
    expect(found.map((d) => [d.rule, d.line])).toEqual([['yaml-colon-in-value', 8]]);
    expect(hintText(found[0])).toBe('put the text in quotes; write the line like this: `      - "Teknik: tjek projektoren."`');
  });

  it('an item ending in `:` and several such items are one error each', () => {
    const found = check(`${head}${steps}    instructions:\n      - Under runden:\n      - Sæt rummet: stole i rundkreds.\n      - Pause: 10\n`);
    expect(found.map((d) => [d.rule, d.line])).toEqual([
      ['yaml-colon-in-value', 8],
      ['yaml-colon-in-value', 9],
      ['yaml-colon-in-value', 10],
    ]);
    expect(messageText(found[0])).toContain('ends with `:`');
    expect(hintText(found[0])).toContain('`      - "Under runden:"`');
    expect(hintText(found[2])).toContain('`      - "Pause: 10"`');
  });

  it('uses single quotes when the text holds double quotes', () => {
    const found = check(`${head}questions:\n  - Hun siger: "Det er ikke mit problem."\n${steps}`);
    expect(hintText(found[0])).toContain(`\`  - 'Hun siger: "Det er ikke mit problem."'\``);
  });

  it('leaves a real mapping where a mapping belongs to the schema', () => {
    const found = check(`${head}steps:\n  - Tal sammen: 10\n`);
    expect(found.map((d) => d.rule)).not.toContain('yaml-colon-in-value');
  });
});

describe('zodDiagnostics: Danish keys', () => {
  it('one unknown-key per Danish key, with the English key as hint and no missing field for it', () => {
    const found = check('titel: Et emne\ndeltagere: { min: 4, max: 12 }\nvarighed: 20\ntrin:\n  - title: A\n    minutes: 20\n');
    expect(found.map((d) => [d.rule, d.line, hintText(d)])).toEqual([
      ['unknown-key', 1, 'write `title:` instead of `titel:`'],
      ['unknown-key', 2, 'write `participants:` instead of `deltagere:`'],
      ['unknown-key', 3, 'write `duration:` instead of `varighed:`'],
      ['unknown-key', 4, 'write `steps:` instead of `trin:`'],
    ]);
    expect(messageText(found[1], 'da')).toBe('ukendt felt `deltagere`');
    expect(hintText(found[1], 'da')).toBe('skriv `participants:` i stedet for `deltagere:`');
  });

  it("a step's Danish keys, and no missing `minutes`", () => {
    const found = check(`${head}steps:\n  - title: A\n    minutter: 20\n    spørgsmål: [Hvorfor?]\n    Gruppering: pairs\n`);
    expect(found.map((d) => [d.rule, d.line, hintText(d)])).toEqual([
      ['unknown-key', 6, 'write `minutes:` instead of `minutter:`'],
      ['unknown-key', 7, 'write `questions:` instead of `spørgsmål:`'],
      ['unknown-key', 8, 'write `grouping:` instead of `Gruppering:`'],
    ]);
    expect(messageText(found[0], 'da')).toBe('ukendt felt `minutter` i trin 1');
  });

  it('maps a Danish name to the key the schema has at that place', () => {
    const schema = z.strictObject({ title: z.string(), authors: z.array(z.string()), cards: z.array(z.string()).optional() });
    const found = check('titel: A\nforfattere: [Ole]\nkort: []\n', schema);
    expect(found.map((d) => hintText(d))).toEqual(['write `title:` instead of `titel:`', 'write `authors:` instead of `forfattere:`', 'write `cards:` instead of `kort:`']);
    // Without an `authors` field there is nothing to map `forfattere` to.
    const without = check('title: A\nforfattere: [Ole]\n', z.strictObject({ title: z.string() }));
    expect(without.map((d) => [d.rule, hintText(d)])).toEqual([['unknown-key', 'known keys: title']]);
  });

  it('still says "did you mean" for a misspelt key, without a second error for the field it meant', () => {
    const found = check(`${head}subtitel: Stavet forkert\nsteps:\n  - title: A\n    minuts: 20\n`);
    expect(found.map((d) => [d.rule, d.line, hintText(d), hintText(d, 'da')]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['unknown-key', 4, 'did you mean `subtitle`?', 'mente du `subtitle`?'],
      ['unknown-key', 7, 'did you mean `minutes`?', 'mente du `minutes`?'],
    ]);
  });
});

describe('zodDiagnostics in Danish', () => {
  it('says each kind of problem in Danish, without the words of the schema library', () => {
    const found = check('title: A\nparticipants: { min: 20, max: 4 }\nduration: tyve\nsteps:\n  - title: B\n    minutes: 5\n    grouping: grupper\n    questions: Hvorfor?\n');
    const danish = found.map((d) => messageText(d, 'da'));
    expect(danish).toEqual([
      '`participants`: min 20 er større end max 4, så ingen gruppestørrelse passer',
      '`duration`: skal være et tal, ikke teksten "tyve"',
      'trin 1, `grouping`: `grupper` er ikke en af de mulige værdier: `plenary`, `individual`, `pairs`, `groups`',
      'trin 1, `questions`: skal være en liste, ikke teksten "Hvorfor?"',
    ]);
    expect(found.map((d) => hintText(d, 'da'))).toEqual([
      'mente du `{ min: 4, max: 20 }`?',
      undefined,
      'værdierne er engelske: skriv `groups`',
      'skriv `questions: [Hvorfor?]`',
    ]);
    for (const text of danish) expect(text).not.toMatch(/\b(must|mapping|scalar|string|node|not one of)\b/);
  });

  it('offers "write the number alone" where a number belongs, not for a date that is no day', () => {
    const found = check(`${head}date: 2026-13-45\nsteps:\n  - title: A\n    minutes: ca. 10\n`);
    expect(found.map((d) => [d.rule, d.line, hintText(d), hintText(d, 'da')])).toEqual([
      ['invalid-value', 4, undefined, undefined],
      ['wrong-type', 7, 'write the number alone: `minutes: 10`', 'skriv kun tallet: `minutes: 10`'],
    ]);
  });

  it('names a missing field in Danish with an example to copy', () => {
    const found = check('title: A\nduration: 20\nsteps:\n  - title: B\n    minutes: 5\n');
    expect(found.map((d) => [d.rule, messageText(d, 'da'), hintText(d, 'da')])).toEqual([
      ['missing-field', 'feltet `participants` mangler', 'tilføj fx `participants: { min: 4, max: 20 }`'],
    ]);
  });
});

describe('names that Object itself has', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('a key `%s` is an unknown key, not a crash', (key) => {
    const text = `title: X\n${key}: 1\nparticipants: { min: 2, max: 4 }\nduration: 10\nsteps:\n  - title: A\n    minutes: 10\n    grouping: ${key}\n`;
    const diagnostics = check(text);
    expect(diagnostics.map((d) => [d.line, d.rule]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [2, 'unknown-key'],
      [8, 'invalid-value'],
    ]);
  });
});
