import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { configSchema } from '../../src/model/model-config.js';
import { themeJsonSchema } from '../../src/model/theme-json-schema.js';
import { topicHints } from '../../src/model/topic-hints.js';
import { topicJsonSchema } from '../../src/model/topic-json-schema.js';
import { cardSchema } from '../../src/model/topic-schema.js';

/** Every property name and every enum value anywhere in a JSON schema. */
function walk(node: unknown, keys = new Set<string>(), values = new Set<string>()): { keys: Set<string>; values: Set<string> } {
  if (Array.isArray(node)) node.forEach((n) => walk(n, keys, values));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) keys.add(k);
    if (Array.isArray(o.enum)) for (const v of o.enum) values.add(String(v));
    if (o.const !== undefined) values.add(String(o.const));
    for (const v of Object.values(o)) walk(v, keys, values);
  }
  return { keys, values };
}

const topic = walk(topicJsonSchema());
const card = walk(z.toJSONSchema(cardSchema, { io: 'input' }));
const theme = walk(themeJsonSchema());
const config = walk(z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }));
const schemaKeys = new Set([...topic.keys, ...card.keys, ...theme.keys, ...config.keys]);

describe('topicHints: the schemas’ Danish words and examples', () => {
  it('maps every Danish key name to a key the topic, card, theme or config schema has', () => {
    // The first English key the schema knows at the place wins, so each Danish name needs one that exists.
    const unmatched = Object.entries(topicHints.danishKeys).filter(([, english]) => !english.some((k) => schemaKeys.has(k)));
    expect(unmatched).toEqual([]);
    expect(topicHints.danishKeys.deltagere).toEqual(['participants']);
  });

  it('maps every Danish value to a value the topic schema allows', () => {
    const unknown = Object.entries(topicHints.danishValues).filter(([, english]) => !topic.values.has(english));
    expect(unknown).toEqual([]);
    expect(topicHints.danishValues['i plenum']).toBe('plenary');
  });

  it('has an example in both languages for each field it knows to be missing, and each field is one the topic or a card has', () => {
    for (const [field, hint] of Object.entries(topicHints.missingFieldHints)) {
      expect(topic.keys.has(field) || card.keys.has(field), field).toBe(true);
      expect(hint.da.trim(), field).not.toBe('');
      expect(hint.en.trim(), field).not.toBe('');
    }
  });

  it('names the entries of each list it counts in Danish after a list the topic has', () => {
    for (const [list, word] of Object.entries(topicHints.danishItems)) {
      expect(topic.keys.has(list), list).toBe(true);
      expect(word.trim(), list).not.toBe('');
    }
    expect(topicHints.danishItems.steps).toBe('trin');
  });

  it('shows how to write a value the editor wrote the wrong way', () => {
    expect(topicHints.wrongTypeHint(['participants'], '4-20', ['object'])?.en).toBe('write `participants: { min: 4, max: 20 }`');
    expect(topicHints.wrongTypeHint(['duration'], 'ca. 45', ['number'])?.da).toBe('skriv kun tallet: `duration: 45`');
    expect(topicHints.wrongTypeHint(['cards'], 'cards/kasper.md', ['array'])?.en).toBe('write `cards: [cards/kasper.md]`');
    expect(topicHints.wrongTypeHint(['sections', 0], 'advice.md', ['object'])?.en).toBe('write `{ title: …, file: advice.md }`, with the title the section has in the pack');
    expect(topicHints.wrongTypeHint(['steps'], { a: 1 }, ['array'])?.da).toContain('begynd hvert trin med `- `');
    expect(topicHints.wrongTypeHint(['title'], 12, ['string'])).toBeUndefined();
    // `minutes` takes a number or a table: the number is what `ca. 10` meant.
    expect(topicHints.wrongTypeHint(['steps', 0, 'minutes'], 'ca. 10', ['number', 'record'])?.en).toBe('write the number alone: `minutes: 10`');
    expect(topicHints.keyFormat.en).toContain('digits');
  });

  it('does not offer a number where the type was right and another rule failed', () => {
    // A date that is no day, and a colour one digit short, are not numbers with words around them.
    expect(topicHints.wrongTypeHint(['date'], '2026-13-45', [])).toBeUndefined();
    expect(topicHints.wrongTypeHint(['colors', 'accent'], '#12345', [])).toBeUndefined();
  });
});
