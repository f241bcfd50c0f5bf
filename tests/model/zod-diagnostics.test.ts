import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { schemaKeys } from '../../src/model/schema-keys.js';
import { topicSchema } from '../../src/model/topic-schema.js';
import { zodDiagnostics } from '../../src/model/zod-diagnostics.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';
import { hintText, messageText } from '../helpers/message-text.js';

function check(text: string, schema: z.ZodType = topicSchema) {
  const { yaml, diagnostics } = parseYaml(text, 'topic.yaml', 0);
  expect(diagnostics).toEqual([]);
  const result = schema.safeParse(yaml.data);
  return result.success ? [] : zodDiagnostics(result.error.issues, yaml, yaml.data, (p) => schemaKeys(schema, p));
}

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
