/**
 * What an editor sees in VS Code: the YAML extension's engine, yaml-language-server, run in-process on the
 * JSON Schema of topic.yaml. Ajv on yaml.parse output (topic-json-schema.test.ts) cannot see what this
 * engine sees: keys as YAML read them (`4:` is a number), its own messages, completion and snippets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, type CompletionItem, type MarkupContent, type TextEdit } from 'yaml-language-server';
import { topicJsonSchema } from '../../src/model/topic-json-schema.js';
import { topicSchema } from '../../src/model/topic-schema.js';
import { scaffoldTopic } from '../../src/write/scaffold-topic.js';
import { basicBadFixtures, referenceTopic, repoRoot, testFixtures } from '../helpers/build-fixture.js';

type Node = { [keyword: string]: unknown; properties?: Record<string, Node>; items?: Node };

const schema = topicJsonSchema() as Node;
const step = schema.properties!.steps.items!;
const schemaUri = pathToFileURL(path.join(repoRoot, 'schema', 'topic.schema.json')).href;

const service = getLanguageService({
  // No network. Every schema file a topic.yaml can name (the one shipped in schema/, or a copy written
  // beside the topics, which `dialogpack new` points at) is topicJsonSchema's output, so that is served.
  schemaRequestService: async (uri) => {
    if (uri.startsWith('file:') && path.basename(fileURLToPath(uri)) === 'topic.schema.json') return JSON.stringify(schema);
    throw new Error(`the test serves no schema at ${uri}`);
  },
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  // VS Code's capabilities, so completion documentation comes as markdown where the schema has it.
  clientCapabilities: {
    textDocument: {
      completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
    },
  },
});
service.configure({ validate: true, completion: true, hover: true, schemas: [{ uri: schemaUri, fileMatch: ['**/topic.yaml'] }] });

let version = 0;
function document(text: string, file = path.join(repoRoot, 'content', 'ny-dialog', 'topic.yaml')): TextDocument {
  return TextDocument.create(pathToFileURL(file).href, 'yaml', ++version, text);
}

/** Problems as an editor reads them: the line (1-based, as in the file), the underlined text, the message. */
async function problems(text: string, file?: string): Promise<{ line: number; at: string; message: string }[]> {
  const doc = document(text, file);
  const found = await service.doValidation(doc, false);
  return found.map((d) => ({ line: d.range.start.line + 1, at: doc.getText(d.range), message: d.message }));
}

const rootKeys =
  'Et emne skal have title, participants, duration og steps og kan have subtitle, lang, publisher, authors, series, publisher-note, date, purpose, questions, preparation, sections og cards. Andre nøgler kendes ikke.';
const stepKeys = 'Et trin skal have title og minutes og kan have grouping, group-size, instructions, questions og tips. Andre nøgler kendes ikke.';
const minutesMessage = 'Skriv minutterne som et helt tal, fx 5, eller som en tabel efter antal deltagere, fx { 4: 6, 12: 8 }.';
const dateMessage = 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2024-05-01 for 1. maj 2024.';

const scaffoldText = new TextDecoder().decode(scaffoldTopic('ny-dialog').find((file) => file.path === 'topic.yaml')!.bytes);

const accepted: [string, string][] = [
  ...readdirSync(path.join(repoRoot, 'content')).map((dir): [string, string] => [`content/${dir}`, path.join(repoRoot, 'content', dir, 'topic.yaml')]),
  ['tests/fixtures/samtykke-og-fuldmagt', path.join(referenceTopic, 'topic.yaml')],
].map(([name, file]) => [name, readFileSync(file, 'utf8')]);
accepted.push(['the topic.yaml of dialogpack new', scaffoldText]);

const topicWith = (stepLines: string) => `title: X\nparticipants: { min: 4, max: 16 }\nduration: 20\nsteps:\n  - title: A\n${stepLines}`;

describe('yaml-language-server on topic.yaml', () => {
  it('is given topics with a minutes table, so the cases below test something', () => {
    expect(accepted.filter(([, text]) => /minutes: \{ \d+:/.test(text)).map(([name]) => name)).toEqual(
      expect.arrayContaining(['content/personas', 'tests/fixtures/samtykke-og-fuldmagt', 'the topic.yaml of dialogpack new']),
    );
  });

  it.each(accepted)('finds nothing to mark in %s, which the checker accepts', async (_name, text) => {
    expect(topicSchema.safeParse(parseYaml(text)).success).toBe(true);
    expect(await problems(text)).toEqual([]);
    // The same text with one wrong key is marked, so the schema was in force and silence meant something.
    const lines = text.replace(/\n*$/, '\n').split('\n').length;
    expect(await problems(`${text.replace(/\n*$/, '\n')}ukendt-nøgle: 1\n`)).toEqual([{ line: lines, at: 'ukendt-nøgle', message: rootKeys }]);
  });

  // A key as YAML reads it: `4` a number, `'4'` text, `04` and `4.0` the number 4 (so the checker sees "4").
  it.each([
    ['4', true],
    ['04', true],
    ['4.0', true],
    ['0x0a', true],
    ["'4'", true],
    ['0', false],
    ['-4', false],
    ['2.5', false],
    ['fire', false],
    ["'04'", false],
    ['true', false],
    ['~', false],
  ])('marks the minutes table key %s exactly when the checker rejects it', async (key, ok) => {
    const text = topicWith(`    minutes: { ${key}: 6, 16: 8 }\n`);
    expect(topicSchema.safeParse(parseYaml(text)).success).toBe(ok);
    const found = await problems(text);
    if (ok) expect(found).toEqual([]);
    else expect(found.map(({ line, at }) => [line, at])).toEqual([[6, key]]);
  });

  it('takes a minutes table written as a block, and marks a value that is no whole number', async () => {
    expect(await problems(topicWith('    minutes:\n      4: 6\n      16: 8\n'))).toEqual([]);
    expect(await problems(topicWith('    minutes:\n      4: 6\n      16: otte\n'))).toEqual([
      { line: 8, at: 'otte', message: 'Minutterne i tabellen skal være hele tal, fx { 4: 6, 12: 8 }.' },
    ]);
  });

  it.each([
    // [fixture, what is marked: line as in the file, the text underlined, the message]
    // minuts is unknown, and so the step on line 5 has no minutes: both are the step's keys message.
    ['bad-basic/unknown-key', [{ line: 5, at: 't', message: stepKeys }, { line: 6, at: 'minuts', message: stepKeys }]],
    ['bad-basic/wrong-type', [{ line: 6, at: 'fem', message: minutesMessage }]],
    ['bad/unknown-key', [{ line: 2, at: 'subtitel', message: rootKeys }]],
    ['bad/wrong-type', [{ line: 3, at: 'tyve', message: 'Skriv varigheden som et helt antal minutter, fx 60.' }]],
    ['bad/date-not-a-day', [{ line: 3, at: '2026-13-45', message: dateMessage }]],
    ['bad/unknown-grouping', [{ line: 7, at: 'pair', message: 'Skriv plenary, individual, pairs eller groups.' }]],
    ['bad/minutes-table-bad-key', [{ line: 6, at: 'four', message: 'Skriv antal deltagere som et helt tal fra 1, fx { 4: 6, 12: 8 }.' }]],
  ])('marks tests/fixtures/%s where the mistake is, in Danish', async (fixture, expected) => {
    const file = path.join(fixture.startsWith('bad-basic/') ? basicBadFixtures : path.join(testFixtures, 'bad'), fixture.replace(/^bad(-basic)?\//, ''), 'topic.yaml');
    expect(await problems(readFileSync(file, 'utf8'), file)).toEqual(expected);
  });

  it('takes who wrote the topic, its series, the publisher’s note, an intro section and a step of blocks, as the checker does', async () => {
    const text = [
      'title: X',
      'authors: [Bettine Romme Andersen, Bo Holm]',
      'series: Hjælp til digitalt udfordrede borgere',
      'publisher-note: |',
      '  Projektet støtter digital inklusion.',
      '',
      '  Det drives af X og Y.',
      'participants: { min: 4, max: 16 }',
      'duration: 5',
      'sections:',
      '  - { title: Sådan bruger I dialogmaterialet, file: intro.md, placement: intro }',
      'steps:',
      '  - title: A',
      '    minutes: 5',
      '    instructions:',
      '      - |',
      '        Læs casen højt:',
      '        - Hvad gør Jonas?',
      '    tips:',
      '      - text: |',
      '          Første afsnit.',
      '',
      '          Andet afsnit.',
      '',
    ].join('\n');
    expect(topicSchema.safeParse(parseYaml(text)).success).toBe(true);
    expect(await problems(text)).toEqual([]);
    // One author may be written as text, as the checker takes it.
    const one = text.replace('authors: [Bettine Romme Andersen, Bo Holm]', 'authors: Bettine Romme Andersen');
    expect(topicSchema.safeParse(parseYaml(one)).success).toBe(true);
    expect(await problems(one)).toEqual([]);
  });

  it('marks an author that is no name and a placement that is not one of the two', async () => {
    const base = 'title: X\nparticipants: { min: 4, max: 16 }\nduration: 5\nsteps:\n  - { title: A, minutes: 5 }\n';
    expect(await problems(`${base}authors: 42\n`)).toEqual([
      { line: 6, at: '42', message: 'Skriv navnet som tekst, fx authors: Anna Jensen, eller flere navne som en liste, fx authors: [Anna Jensen, Bo Holm].' },
    ]);
    expect(await problems(`${base}sections:\n  - { title: B, file: b.md, placement: før }\n`)).toEqual([
      { line: 7, at: 'før', message: 'Skriv intro (før rammespørgsmålene) eller appendix (efter drejebogen).' },
    ]);
  });

  it.each([['1. maj 2024'], ['2024-5-1'], ['20240501'], ['01-05-2024']])('says how to write the date %s', async (date) => {
    expect(await problems(`title: X\ndate: ${date}\nparticipants: { min: 4, max: 16 }\nduration: 5\nsteps:\n  - { title: A, minutes: 5 }\n`)).toEqual([
      { line: 2, at: date, message: dateMessage },
    ]);
  });

  describe('completion in steps', () => {
    const stepKeyNames = ['title', 'minutes', 'grouping', 'group-size', 'instructions', 'questions', 'tips'];
    const before = topicWith('    minutes: 5\n  - ');
    const at = { line: 6, character: 4 };

    async function complete(): Promise<CompletionItem[]> {
      return (await service.doComplete(document(before), at, false)).items;
    }

    it('offers every key of a step, each with its Danish text', async () => {
      const items = await complete();
      for (const key of stepKeyNames) {
        const item = items.find((candidate) => candidate.label === key);
        expect(item, `${key} among ${items.map((i) => i.label).join(', ')}`).toBeDefined();
        const documentation = item!.documentation as MarkupContent | string;
        const property = step.properties![key];
        expect(typeof documentation === 'string' ? documentation : documentation.value).toBe(property.markdownDescription ?? property.description);
      }
      // Markdown, where the text has code in it: the values to write stand out from the Danish around them.
      expect(items.find((candidate) => candidate.label === 'grouping')!.documentation).toEqual({
        kind: 'markdown',
        value: expect.stringContaining('`plenary` (alle samlet), `individual` (hver for sig)'),
      });
    });

    it('offers the ways of working as values of grouping, each with its meaning in Danish', async () => {
      const { items } = await service.doComplete(document('steps:\n  - title: A\n    grouping: '), { line: 2, character: 14 }, false);
      expect(items.map((item) => [item.label, item.documentation])).toEqual([
        ['plenary', 'alle samlet'],
        ['individual', 'hver for sig'],
        ['pairs', 'to og to'],
        ['groups', 'i grupper; kræver group-size'],
      ]);
    });

    it('offers a whole new step as a snippet that the checker accepts once filled in', async () => {
      const snippet = (await complete()).find((candidate) => candidate.label === 'Nyt trin');
      expect(snippet, 'a completion labelled "Nyt trin"').toBeDefined();
      expect(snippet!.documentation).toBe('Et helt trin at udfylde: overskrift, minutter, arbejdsform, instruktioner og spørgsmål.');
      const edit = snippet!.textEdit as TextEdit;
      const doc = document(before);
      // As VS Code inserts it: each tab stop with its default or a choice with its first option, and every
      // line after the first indented like the line the snippet goes into.
      const indent = /^ */.exec(before.split('\n')[edit.range.start.line])![0];
      const filled = edit.newText
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\d+/g, '')
        .replace(/\n/g, `\n${indent}`);
      const text = doc.getText().slice(0, doc.offsetAt(edit.range.start)) + filled + doc.getText().slice(doc.offsetAt(edit.range.end)) + '\n';
      expect(text.split('\n').slice(6)).toEqual([
        '  - title: Trinnets overskrift',
        '    minutes: 5',
        '    grouping: plenary',
        '    instructions:',
        '      - Det, den der faciliterer, gør og siger.',
        '    questions:',
        '      - Et spørgsmål til deltagerne?',
        '',
      ]);
      expect(await problems(text)).toEqual([]);
      expect(topicSchema.safeParse(parseYaml(text)).success, text).toBe(true);
    });
  });
});
