/**
 * The JSON Schema editors get must be the one the checker implies: the copy kept in the repository may not
 * drift from the generated one, every key an editor can write is described, and the schema never rejects
 * a topic.yaml the checker accepts (it may accept more: cross-field rules like min ≤ max stay in zod).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { topicJsonSchema } from '../../src/model/topic-json-schema.js';
import { topicSchema } from '../../src/model/topic-schema.js';
import { repoRoot, testFixtures, referenceTopic, basicBadFixtures } from '../helpers/build-fixture.js';
import { compileTopicSchema } from '../helpers/topic-schema-validator.js';

type Node = { [keyword: string]: unknown; properties?: Record<string, Node>; items?: Node; anyOf?: Node[] };

const schema = topicJsonSchema() as Node;
const validate = compileTopicSchema(schema);

/** Every topic.yaml the tests know, parsed as plain data; files that are not even YAML are left out. */
function knownTopics(): [string, unknown][] {
  const dirs = [
    ...readdirSync(path.join(repoRoot, 'content')).map((d) => path.join(repoRoot, 'content', d)),
    referenceTopic,
    ...readdirSync(basicBadFixtures).map((d) => path.join(basicBadFixtures, d)),
    ...readdirSync(path.join(testFixtures, 'bad')).map((d) => path.join(testFixtures, 'bad', d)),
    path.join(testFixtures, 'long-content'),
  ];
  const topics: [string, unknown][] = [];
  for (const dir of dirs) {
    let data: unknown;
    try {
      data = parseYaml(readFileSync(path.join(dir, 'topic.yaml'), 'utf8'));
    } catch {
      continue;
    }
    topics.push([path.relative(repoRoot, dir), data]);
  }
  return topics;
}

function* properties(node: Node, at: string): Generator<[string, Node]> {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    yield [`${at}${key}`, child];
    yield* properties(child, `${at}${key}.`);
  }
  if (node.items) yield* properties(node.items, `${at.replace(/\.$/, '')}[].`);
  for (const member of node.anyOf ?? []) yield* properties(member, at);
}

describe('topicJsonSchema', () => {
  it('is the schema kept in schema/topic.schema.json', () => {
    const kept = JSON.parse(readFileSync(path.join(repoRoot, 'schema', 'topic.schema.json'), 'utf8')) as unknown;
    expect(kept, 'schema/topic.schema.json has drifted; refresh it with: node bin/dialogpack.js schema > schema/topic.schema.json').toEqual(schema);
  });

  it('is draft-07, closed to unknown keys, and requires what the checker requires', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title', 'participants', 'duration', 'steps']);
    const step = schema.properties!.steps.items!;
    expect(step.additionalProperties).toBe(false);
    expect(step.required).toEqual(['title', 'minutes']);
  });

  it('describes every key an editor can write', () => {
    const undescribed = [...properties(schema, '')].filter(([, node]) => typeof node.description !== 'string').map(([at]) => at);
    expect(undescribed).toEqual([]);
  });

  it('has a message for every key, for the editor to read instead of English', () => {
    const silent = [...properties(schema, '')].filter(([, node]) => typeof node.errorMessage !== 'string').map(([at]) => at);
    expect(silent).toEqual([]);
    expect(schema.errorMessage).toMatch(/^Et emne skal have title, participants, duration og steps og kan have subtitle, .* og cards\./);
  });

  it('gives markdown beside a description only where it has code, and the same text without backticks', () => {
    const described = [...properties(schema, '')].map(([, node]) => node);
    const withCode = described.filter((node) => node.markdownDescription !== undefined);
    expect(withCode.length).toBeGreaterThan(5);
    for (const node of withCode) {
      expect(node.markdownDescription).toContain('`');
      expect(node.description).toBe((node.markdownDescription as string).replace(/`/g, ''));
    }
  });

  it('names the meaning of each allowed value, in the order of the values', () => {
    const grouping = schema.properties!.steps.items!.properties!.grouping;
    expect(grouping.enum).toEqual(['plenary', 'individual', 'pairs', 'groups']);
    expect(grouping.enumDescriptions).toEqual(['alle samlet', 'hver for sig', 'to og to', 'i grupper; kræver group-size']);
    expect(schema.properties!.lang.enumDescriptions).toEqual(['dansk', 'engelsk']);
  });

  it('still fails on a keyword no tool knows, so a misspelt one is caught', () => {
    expect(() => compileTopicSchema({ ...schema, errorMesage: 'x' })).toThrow(/unknown keyword: "errorMesage"/);
  });

  it('leaves out what zod writes only for JavaScript', () => {
    const text = JSON.stringify(schema);
    expect(text).not.toContain(String(Number.MAX_SAFE_INTEGER));
    expect(text).not.toContain('exclusiveMinimum');
    expect(schema.properties!.date).toMatchObject({ type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
  });

  it('never rejects a topic.yaml the checker accepts', () => {
    const topics = knownTopics();
    expect(topics.length).toBeGreaterThan(30);
    for (const [name, data] of topics) {
      if (topicSchema.safeParse(data).success) expect(validate(data), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it.each([
    'bad/unknown-key',
    'bad/wrong-type',
    'bad/minutes-zero',
    'bad/minutes-negative',
    'bad/minutes-table-bad-key',
    'bad/missing-participants',
    'bad/missing-steps',
    'bad/steps-empty',
    'bad/unknown-grouping',
    'bad/not-a-mapping-list',
    'bad/date-not-a-day',
  ])('rejects tests/fixtures/%s as the checker does', (fixture) => {
    const data = parseYaml(readFileSync(path.join(testFixtures, fixture, 'topic.yaml'), 'utf8')) as unknown;
    expect(topicSchema.safeParse(data).success).toBe(false);
    expect(validate(data)).toBe(false);
  });

  it('takes minutes as a number or a table by participant count', () => {
    const topic = (minutes: unknown) => ({ title: 'T', participants: { min: 4, max: 12 }, duration: 20, steps: [{ title: 'A', minutes }] });
    expect(validate(topic(20))).toBe(true);
    expect(validate(topic({ 4: 18, 12: 22 }))).toBe(true);
    expect(validate(topic({}))).toBe(false);
    expect(validate(topic({ fire: 18 }))).toBe(false);
    expect(validate(topic(2.5))).toBe(false);
    expect(validate(topic({ 4: 2.5 }))).toBe(false);
  });

  it('takes a date as ÅÅÅÅ-MM-DD with a month and a day that can exist', () => {
    const topic = (date: unknown) => ({ title: 'T', date, participants: { min: 4, max: 12 }, duration: 20, steps: [{ title: 'A', minutes: 20 }] });
    for (const date of ['2024-05-01', '2024-12-31', '2024-02-29']) expect(validate(topic(date)), date).toBe(true);
    for (const date of ['2024-13-01', '2024-00-10', '2024-05-32', '2024-5-1', '01-05-2024', 20240501]) expect(validate(topic(date)), String(date)).toBe(false);
  });
});
