/**
 * Issue #19: what layout finds on the pages (a character no font has, a sheet or card that runs
 * over, a block a template names that does not exist) is reported where the editor wrote the text,
 * whatever a template does with it: compose keeps each text's place on the nodes it makes.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument, type OutputKind } from '../../src/compose/compose-document.js';
import { locate } from '../../src/model/locate.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { buildTopic } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { output, referenceTopic, repoRoot } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { messageText } from '../helpers/message-text.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-places-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A topic folder of `files` in the temp dir. */
function topicDir(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** A templates folder holding the built-in template of `kind`, changed by `edit`. */
function customTemplates(name: string, kind: OutputKind, edit: (text: string) => string): { dir: string; file: string } {
  const dir = path.join(tmp, name);
  mkdirSync(path.join(dir, kind), { recursive: true });
  const file = path.join(dir, kind, `${kind}.hbs`);
  writeFileSync(file, edit(readFileSync(path.join(repoRoot, 'templates', kind, `${kind}.hbs`), 'utf8')));
  return { dir, file };
}

/** The reference topic with step 2 given more questions than a flip-chart sheet holds. */
function crowdedReference(name: string): string {
  const dir = path.join(tmp, name);
  cpSync(referenceTopic, dir, { recursive: true });
  const yaml = readFileSync(path.join(dir, 'topic.yaml'), 'utf8');
  const many = Array.from({ length: 14 }, (_, i) => `      - Hvad gør vi, når borgeren beder os om hjælp med mobilen nummer ${i + 1}?`).join('\n');
  writeFileSync(path.join(dir, 'topic.yaml'), yaml.replace('      - Hvornår er et mundtligt samtykke nok?\n', `      - Hvornår er et mundtligt samtykke nok?\n${many}\n`));
  return dir;
}

const where = (d: { file: string; line?: number; column?: number }) => `${path.basename(d.file)}:${d.line}:${d.column}`;

describe('a character no font has', () => {
  it('is reported once per place, at the line and column of case.md, though two documents print it', async () => {
    const dir = topicDir('glyph-in-case', {
      'topic.yaml': [
        'title: Tegn uden skrifttype',
        'participants: { min: 4, max: 12 }',
        'duration: 20',
        'sections:',
        '  - { title: Casen, file: case.md, handout: true }',
        'steps:',
        '  - title: Samtale',
        '    minutes: 20',
        '    questions:',
        '      - Hvad siger borgeren?',
        '',
      ].join('\n'),
      'case.md': 'Borgeren viser en besked.\n\nNavnet står som\nRyu 漢 Tanaka i brevet.\n',
    });
    const { shared } = await sharedResources();
    const result = await buildTopic(dir, { strict: false, kinds: ['pack', 'handout'] }, shared);
    const missing = result.diagnostics.filter((d) => d.rule === 'missing-glyph');
    expect(missing.map(where)).toEqual(['case.md:4:5']);
    expect(result.diagnostics).toEqual(missing);
  });

  it("is placed at the string of topic.yaml that prints it, not at the first place the file has the character", async () => {
    // A comment is never printed; finding the character in the file as written named it.
    const dir = topicDir('glyph-in-yaml', {
      'topic.yaml': [
        '# 漢 prints as an empty box: the question below shows it',
        'title: Tegn uden skrifttype',
        'participants: { min: 4, max: 12 }',
        'duration: 20',
        'steps:',
        '  - title: Samtale',
        '    minutes: 20',
        '    questions:',
        '      - Hvad betyder tegnet 漢 på skærmen?',
        '',
      ].join('\n'),
    });
    const { shared } = await sharedResources();
    const result = await buildTopic(dir, { strict: false }, shared);
    expect(result.diagnostics.filter((d) => d.rule === 'missing-glyph').map(where)).toEqual(['topic.yaml:9:29']);
  });
});

describe('a sheet or card that runs over', () => {
  it("names the step's place in topic.yaml when a custom flip-chart template leaves out step=\"…\"", async () => {
    const dir = crowdedReference('crowded-no-step');
    const templates = customTemplates('templates-no-step', 'flipchart', (text) => text.replaceAll(/\{step="\{\{\w+\}\}"\}/g, ''));
    expect(readFileSync(templates.file, 'utf8')).not.toContain('step=');
    const { shared } = await sharedResources(templates.dir);
    const result = await buildTopic(dir, { strict: false, kinds: ['flipchart'] }, shared);
    const warnings = result.diagnostics.filter((d) => d.rule === 'flipchart-6x8');
    expect(warnings).toHaveLength(1);
    const yaml = readFileSync(path.join(dir, 'topic.yaml'), 'utf8').split('\n');
    // Step 2 is the list item that starts "- title: Dilemmaer i grupper".
    const line = yaml.findIndex((l) => l === '  - title: Dilemmaer i grupper') + 1;
    expect(warnings[0]).toMatchObject({ file: path.join(dir, 'topic.yaml'), line, column: 5 });
    expect(messageText(warnings[0], 'en')).toContain('Trin 2: Dilemmaer i grupper');
  });

  it("names the card's file at line 1 when a custom card template leaves out card=\"…\"", async () => {
    const dir = path.join(tmp, 'long-card');
    cpSync(referenceTopic, dir, { recursive: true });
    const card = path.join(dir, 'cards', 'yusuf.md');
    writeFileSync(card, `${readFileSync(card, 'utf8')}\n${'Yusuf taler med mange borgere om breve, de ikke forstår, og om hvem der må læse med. '.repeat(40)}\n`);
    const templates = customTemplates('templates-no-card', 'cards', (text) => text.replace('{card="{{@index}}"}', ''));
    expect(readFileSync(templates.file, 'utf8')).not.toContain('card=');
    const { shared } = await sharedResources(templates.dir);
    const result = await buildTopic(dir, { strict: false, kinds: ['cards'] }, shared);
    expect(result.diagnostics.filter((d) => d.rule === 'card-overflow').map((d) => [d.file, d.line, d.column])).toEqual([[card, 1, 1]]);
  });
});

describe('an unknown directive in a custom template', () => {
  it("is reported at the template's file and line", async () => {
    const templates = customTemplates('templates-nonsense', 'handout', (text) => `${text.trimEnd()}\n\n::nonsense[Tekst i en ukendt blok]\n`);
    const line = readFileSync(templates.file, 'utf8').split('\n').indexOf('::nonsense[Tekst i en ukendt blok]') + 1;
    expect(line).toBeGreaterThan(1);
    const { shared } = await sharedResources(templates.dir);
    const result = await buildTopic(referenceTopic, { strict: false, kinds: ['handout'] }, shared);
    const unknown = result.diagnostics.filter((d) => d.rule === 'unknown-directive');
    expect(unknown.map((d) => [d.file, d.line, d.column])).toEqual([[path.join(templates.dir, 'handout', 'handout.hbs'), line, 1]]);
  });

  it("is reported at the template's line for a block (:::) too, and its text is still printed", async () => {
    const block = ':::nonsense\nTekst i en ukendt blok.\n:::';
    const templates = customTemplates('templates-nonsense-block', 'handout', (text) => `${text.trimEnd()}\n\n${block}\n`);
    const line = readFileSync(templates.file, 'utf8').split('\n').indexOf(':::nonsense') + 1;
    expect(line).toBeGreaterThan(1);
    const { shared } = await sharedResources(templates.dir);
    const result = await buildTopic(referenceTopic, { strict: false, kinds: ['handout'] }, shared);
    const unknown = result.diagnostics.filter((d) => d.rule === 'unknown-directive');
    expect(unknown.map((d) => [d.file, d.line, d.column])).toEqual([[path.join(templates.dir, 'handout', 'handout.hbs'), line, 1]]);
    expect(messageText(unknown[0], 'da')).toBe(':::nonsense er ikke en kendt blok, så teksten i den bliver printet uden den');
    const handout = await readPdf(output(result, 'handout'));
    expect(handout.text).toContain('Tekst i en ukendt blok.');
  });
});

describe('a table too wide', () => {
  it("is reported at the section's file and the table's line", async () => {
    const columns = 13;
    const table = `${'| k '.repeat(columns)}|\n${'|---'.repeat(columns)}|\n${'| v '.repeat(columns)}|\n`;
    const dir = path.join(tmp, 'wide-table');
    cpSync(referenceTopic, dir, { recursive: true });
    writeFileSync(path.join(dir, 'legal.md'), `# Jura\n\nFør tabellen.\n\n${table}`);
    const result = await buildTopic(dir, { strict: false }, (await sharedResources()).shared);
    expect(result.diagnostics.filter((d) => d.rule === 'table-too-wide').map(where)).toEqual(['legal.md:5:1']);
  });
});

describe('the marks compose places text with', () => {
  it('leave the markdown exactly as the templates write it', async () => {
    const { shared } = await sharedResources();
    for (const dir of [referenceTopic, path.join(repoRoot, 'content/hardware')]) {
      const { source } = await loadTopic(dir);
      const { parsed } = parseTopic(source!);
      const { topic } = modelTopic(parsed);
      const { agenda } = planAgenda(topic!);
      for (const kind of ['pack', 'facilitator', 'handout', 'flipchart', 'cards'] as const) {
        const plain = composeDocument(kind, topic!, agenda, shared.templates).document!.markdown;
        const placed = composeDocument(kind, topic!, agenda, shared.templates, undefined, (p) => locate(parsed.topic, p)).document!.markdown;
        expect(placed, `${dir} ${kind}`).toBe(plain);
      }
    }
  });
});
