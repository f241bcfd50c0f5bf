/**
 * What a topic's content may hold (docs/authoring.md, "Grænser"): each limit is an error at the place
 * that goes past it, and just within it the topic is fine. Past them, builds took minutes or printed
 * off the page.
 */
import { describe, expect, it } from 'vitest';
import { contentLimits } from '../../src/model/content-limits.js';
import { maxExpandedCharacters } from '../../src/parse/parse-yaml.js';
import { messageText } from '../helpers/message-text.js';
import { modelInMemory } from '../helpers/model-in-memory.js';

const topic = modelInMemory;

const head = 'title: Grænser\nparticipants: { min: 4, max: 12 }\nduration: 10\n';
const oneStep = 'steps:\n  - { title: Trin, minutes: 10 }\n';

describe('the title', () => {
  it(`may be ${contentLimits.titleCharacters} characters, not one more`, () => {
    const title = 'Å'.repeat(contentLimits.titleCharacters);
    expect(topic({ 'topic.yaml': `${head.replace('Grænser', title)}${oneStep}` }).found).toEqual([]);
    const long = topic({ 'topic.yaml': `${head.replace('Grænser', `${title}x`)}${oneStep}` });
    expect(long.found).toEqual([['emne/topic.yaml', 1, 8, 'error', 'title-too-long']]);
    expect(messageText(long.diagnostics[0])).toContain(`${contentLimits.titleCharacters + 1} characters`);
    expect(long.topic).toBeUndefined();
  });
});

describe('lists in topic.yaml', () => {
  const steps = (n: number, extra = '') => `steps:\n${Array.from({ length: n }, (_, i) => `  - { title: Trin ${i + 1}, minutes: 1${extra} }`).join('\n')}\n`;

  it(`hold at most ${contentLimits.listEntries} entries each: the error is at the first one too many`, () => {
    const at = contentLimits.listEntries;
    expect(topic({ 'topic.yaml': `${head}${steps(at)}` }).found).toEqual([]);
    expect(topic({ 'topic.yaml': `${head}${steps(2000)}` }).found).toEqual([['emne/topic.yaml', 5 + at, 5, 'error', 'too-many-entries']]);
    const questions = `, questions: [${Array.from({ length: at + 1 }, (_, i) => `Q${i}`).join(', ')}]`;
    const yaml = `${head}${steps(1, questions)}`;
    const tooMany = topic({ 'topic.yaml': yaml });
    expect(tooMany.found).toEqual([['emne/topic.yaml', 5, yaml.split('\n')[4].indexOf(`Q${at}`) + 1, 'error', 'too-many-entries']]);
    expect(messageText(tooMany.diagnostics[0])).toContain('`steps[0].questions` has 51 entries');
  });

  it('are not looked up past the limit: 4 000 cards read 50 files, not 4 000', () => {
    const files: Record<string, string> = {};
    const names = Array.from({ length: 4000 }, (_, i) => `kort/k${i}.md`);
    for (const name of names) files[name] = '---\nname: Kasper\n---\n\nEt kort.\n';
    files['topic.yaml'] = `${head}${oneStep}cards: [${names.join(', ')}]\n`;
    const result = topic(files);
    const line = files['topic.yaml'].split('\n')[5];
    expect(result.found).toEqual([['emne/topic.yaml', 6, line.indexOf(names[contentLimits.listEntries]) + 1, 'error', 'too-many-entries']]);
    expect(result.reads()).toBe(contentLimits.listEntries);
  });
});

describe('a markdown file', () => {
  const withPurpose = (text: string) => topic({ 'topic.yaml': `${head}purpose: formaal.md\n${oneStep}`, 'formaal.md': text });

  it(`nests lists and quotes at most ${contentLimits.nesting} levels deep`, () => {
    expect(withPurpose(`${'> '.repeat(contentLimits.nesting)}tekst\n`).found).toEqual([]);
    expect(withPurpose(`Før.\n\n${'> '.repeat(30)}Denne tekst forsvandt\n`).found).toEqual([['emne/formaal.md', 3, 17, 'error', 'markdown-too-deep']]);
    const list = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n');
    // The ninth level, and the guard before the parser at the 33rd, which is deep enough to blank.
    expect(withPurpose(list).found).toEqual([
      ['emne/formaal.md', 33, 65, 'error', 'markdown-too-deep'],
      ['emne/formaal.md', 9, 17, 'error', 'markdown-too-deep'],
    ]);
  });

  it(`has tables of at most ${contentLimits.tableColumns} columns`, () => {
    const table = (n: number) => `${'| k '.repeat(n)}|\n${'|---'.repeat(n)}|\n${'| v '.repeat(n)}|\n`;
    expect(withPurpose(table(contentLimits.tableColumns)).found).toEqual([]);
    expect(withPurpose(`Før.\n\n${table(500)}`).found).toEqual([['emne/formaal.md', 3, 1, 'error', 'table-too-wide']]);
  });
});

describe('markdown in topic.yaml', () => {
  it("gives no orders to the templates: a directive is escaped, with a warning at its string", () => {
    const result = topic({ 'topic.yaml': `${head}questions:\n  - Første\n  - "::page-break"\n${oneStep}` });
    expect(result.found).toEqual([['emne/topic.yaml', 6, 5, 'warning', 'unknown-directive']]);
    expect(result.topic?.questions).toEqual(['Første', '\\:\\:page-break']);
  });

  it('meets the same limits as a file, placed at its string', () => {
    const deep = topic({ 'topic.yaml': `${head}purpose: "${'- '.repeat(10_000)}x"\n${oneStep}` });
    expect(deep.found).toEqual([['emne/topic.yaml', 4, 10, 'error', 'markdown-too-deep']]);
    const wide = topic({ 'topic.yaml': `${head}purpose: |\n  ${'| k '.repeat(11)}|\n  ${'|---'.repeat(11)}|\n${oneStep}` });
    expect(wide.found).toEqual([['emne/topic.yaml', 4, 10, 'error', 'table-too-wide']]);
  });
});

describe('YAML aliases', () => {
  it('may not repeat more text than a topic.yaml may hold: 99 aliases of an 18 KB text are refused at once', () => {
    const text = 'x'.repeat(18 * 1024);
    const yaml = `${head}subtitle: &a "${text}"\nsteps:\n  - title: Trin\n    minutes: 10\n    questions:\n${'      - *a\n'.repeat(99)}`;
    const started = Date.now();
    const result = topic({ 'topic.yaml': yaml });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.found).toEqual([['emne/topic.yaml', 9, 9, 'error', 'yaml-alias-bomb']]);
    expect(messageText(result.diagnostics[0])).toContain(`more than the ${(maxExpandedCharacters / 1024).toLocaleString('en')} KB`);
    // Aliases of short texts are fine.
    const fine = `${head}subtitle: &a "kort"\nsteps:\n  - title: Trin\n    minutes: 10\n    questions:\n${'      - *a\n'.repeat(40)}`;
    expect(topic({ 'topic.yaml': fine }).found).toEqual([]);
  });
});

describe("the topic's text", () => {
  const kib = contentLimits.textBytes;

  it('is at most 64 KiB in all: the file that goes past it is named where topic.yaml names it, and not parsed', () => {
    const line = 'Borgeren beder om hjælp til sin telefon, og medarbejderen overvejer, hvor langt hjælpen rækker.\n\n';
    const half = line.repeat(Math.floor(kib / 2 / Buffer.byteLength(line)));
    const within = topic({ 'topic.yaml': `${head}purpose: a.md\nsections:\n  - { title: B, file: b.md }\n${oneStep}`, 'a.md': half, 'b.md': half });
    expect(within.found).toEqual([]);
    const over = topic({
      'topic.yaml': `${head}purpose: a.md\nsections:\n  - { title: B, file: b.md }\n  - { title: C, file: c.md }\n${oneStep}`,
      'a.md': half,
      'b.md': half,
      // Past the limit a file is not parsed, so its own problems are not even looked for.
      'c.md': `${'- '.repeat(10_000)}x\n`,
    });
    expect(over.found).toEqual([['emne/topic.yaml', 7, 23, 'error', 'topic-text-too-long']]);
    expect(messageText(over.diagnostics[0])).toContain('`c.md` (20 KiB)');
  });

  it('counts the texts of topic.yaml too, with the error at the one that goes past it', () => {
    const question = `"${'Hvad gør vi, når borgeren beder om hjælp? '.repeat(40)}"`;
    const questions = Array.from({ length: 45 }, () => `  - ${question}`).join('\n');
    const result = topic({ 'topic.yaml': `${head}questions:\n${questions}\n${oneStep}` });
    const crossing = Math.floor(kib / (Buffer.byteLength(question) - 2));
    expect(result.found).toEqual([['emne/topic.yaml', 5 + crossing, 5, 'error', 'topic-text-too-long']]);
  });
});

describe('a link', () => {
  it(`of more than ${contentLimits.linkCharacters} characters is printed but not linked, with a warning at it`, () => {
    const address = `https://eksempel.dk/${'sti/'.repeat(600)}`;
    const result = topic({ 'topic.yaml': `${head}purpose: a.md\n${oneStep}`, 'a.md': `Se [siden](${address}) og [en kort](https://x.dk).\n` });
    expect(result.found).toEqual([['emne/a.md', 1, 4, 'warning', 'link-too-long']]);
  });
});
