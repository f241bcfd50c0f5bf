/**
 * Hostile content, end to end: a topic (or a municipality's templates) from anyone, built unattended.
 * Each case once hung for minutes, took gigabytes, crashed with exit 3, lost text silently, drew off
 * the page or did what only templates may; now each is a placed error or warning, or PDFs with every
 * word on the page, in seconds. Small cases are fixtures in tests/fixtures/hostile-content/; large
 * ones are written to a temporary folder here.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, testFixtures } from '../helpers/build-fixture.js';
import { readPdf, type PdfStructNode } from '../helpers/read-pdf.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const fixtures = path.join(testFixtures, 'hostile-content');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-hostile-content-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const head = 'title: Fjendtligt indhold\nparticipants: { min: 4, max: 12 }\nduration: 10\n';
const step = 'steps:\n  - title: Samtale\n    minutes: 10\n    questions: [Hvad nu?]\n';

/** A topic written to the temporary folder, for inputs too large or too many to keep in git. */
function written(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, 'topics', name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** `dialogpack build` as a user runs it, timed; the diagnostics as `file:line:column: severity … [rule]`. */
function build(dir: string, extra: string[] = []) {
  const out = path.join(tmp, 'out', `${path.basename(dir)}-${Math.random().toString(36).slice(2)}`);
  const started = Date.now();
  const run = runCli(['build', dir, '--out', out, ...extra], { timeout: 120_000 });
  const seconds = (Date.now() - started) / 1000;
  expect(run.stderr).not.toMatch(stackFrame);
  expect(run.stderr).not.toMatch(/internal error/i);
  const placed = run.stderr.split('\n').filter((l) => /: (error|warning): /.test(l));
  return { ...run, out, seconds, placed };
}

/** `<dir>/<file>:<line>:<column>: <severity>: … [<rule>]`, with the words of the message in between. */
function at(dir: string, file: string, line: number, column: number, severity: 'error' | 'warning', rule: string): RegExp {
  const place = `${path.join(dir, file)}:${line}:${column}: ${severity}: `.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${place}.*\\[${rule}\\]$`);
}

async function packText(out: string, slug: string): Promise<{ text: string; pages: number; struct: PdfStructNode[] }> {
  const pdf = await readPdf(new Uint8Array(readFileSync(path.join(out, slug, `${slug}-pack.pdf`))));
  return { text: pdf.pages.map((p) => p.text).join('\n'), pages: pdf.pages.length, struct: pdf.pages.flatMap((p) => (p.struct ? [p.struct] : [])) };
}

describe('a title of 8 KB', () => {
  it('is an error at the title, in seconds (82 s before)', () => {
    const dir = path.join(fixtures, 'long-title');
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'topic.yaml', 2, 8, 'error', 'title-too-long'))]);
    expect(run.seconds).toBeLessThan(20);
  });
});

describe('a word of 50 000 letters', () => {
  it('is printed whole across lines in seconds (more than two minutes before)', async () => {
    const word = 'abcdefghij'.repeat(5_000);
    const dir = written('long-word', { 'topic.yaml': `${head}purpose: purpose.md\n${step}`, 'purpose.md': `Ord: ${word}\n` });
    const run = build(dir, ['--kind', 'pack']);
    expect(run.code).toBe(0);
    expect(run.seconds).toBeLessThan(20);
    const { text } = await packText(run.out, 'long-word');
    // The word's lines, one after the other, with each page's header and footer between them; its last
    // line may be short, and no other word of the page ("af" in "Side 2 af 23") is three letters of a–j.
    expect(text.split(/\s+/).filter((w) => /^[a-j]{3,}$/.test(w)).join('')).toBe(word);
  });
});

describe('nesting', () => {
  it('of `- ` written 10 000 times is an error at its line, in seconds (a hang, then exit 3)', () => {
    const dir = written('dashes', { 'topic.yaml': `${head}purpose: purpose.md\n${step}`, 'purpose.md': `Før.\n\n${'- '.repeat(10_000)}x\n` });
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'purpose.md', 3, 1, 'error', 'markdown-too-deep'))]);
    expect(run.seconds).toBeLessThan(20);
  });

  it('of 1 000 quotes is an error at its line (exit 3 before)', () => {
    const dir = written('quotes', { 'topic.yaml': `${head}purpose: purpose.md\n${step}`, 'purpose.md': `${'>'.repeat(1_000)} tekst\n` });
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'purpose.md', 1, 1, 'error', 'markdown-too-deep'))]);
  });

  it('of 30 quotes is an error at the ninth, where the text vanished before', () => {
    const dir = path.join(fixtures, 'deep-quotes');
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'purpose.md', 3, 17, 'error', 'markdown-too-deep'))]);
  });

  it('of a 40-level list is an error at the ninth level, where it ran off the page before', () => {
    const dir = path.join(fixtures, 'deep-list');
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toContainEqual(expect.stringMatching(at(dir, 'purpose.md', 9, 17, 'error', 'markdown-too-deep')));
  });
});

describe('a table of 500 columns', () => {
  it('is an error at the table, where it ran off the page before', () => {
    const dir = path.join(fixtures, 'wide-table');
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'purpose.md', 3, 1, 'error', 'table-too-wide'))]);
  });
});

describe('a reference-style image', () => {
  it('is printed as the figure its definition names (it vanished before)', async () => {
    const dir = path.join(fixtures, 'reference-image');
    const run = build(dir, ['--kind', 'pack']);
    expect(run.code).toBe(0);
    const { struct } = await packText(run.out, 'reference-image');
    const figures = (node: PdfStructNode): PdfStructNode[] => [...(node.role === 'Figure' ? [node] : []), ...node.children.flatMap(figures)];
    expect(struct.flatMap(figures).map((f) => f.alt)).toEqual(['Skærmbillede af forsiden']);
  });
});

describe("the templates' directives in a topic's text", () => {
  it('print as text, with a warning at each line, and order nothing', async () => {
    const dir = path.join(fixtures, 'author-directives');
    const run = build(dir, ['--kind', 'pack']);
    expect(run.code).toBe(0);
    expect(run.placed).toEqual([
      expect.stringMatching(at(dir, 'purpose.md', 3, 1, 'warning', 'unknown-directive')),
      expect.stringMatching(at(dir, 'purpose.md', 5, 1, 'warning', 'unknown-directive')),
      expect.stringMatching(at(dir, 'purpose.md', 7, 1, 'warning', 'unknown-directive')),
      expect.stringMatching(at(dir, 'purpose.md', 9, 1, 'warning', 'unknown-directive')),
    ]);
    const { text, pages } = await packText(run.out, 'author-directives');
    for (const line of ['::toc', '::page-break', '::lines{count=40}', ':::cover', 'Falsk forside']) expect(text).toContain(line);
    // Obeyed, they made a second contents, a page break, 40 ruled lines and a cover: five pages.
    expect(pages).toBe(3);
  });
});

describe('YAML aliases', () => {
  it('repeating 18 KB 99 times are an error at the alias, at once (a 2 230-page flip-chart before)', () => {
    const dir = path.join(fixtures, 'yaml-aliases');
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'topic.yaml', 10, 9, 'error', 'yaml-alias-bomb'))]);
    expect(run.seconds).toBeLessThan(20);
  });
});

describe('lists in topic.yaml', () => {
  it('of more than 50 steps are an error at the first one too many', () => {
    const dir = path.join(fixtures, 'too-many-steps');
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'topic.yaml', 56, 5, 'error', 'too-many-entries'))]);
  });

  it('naming one card 4 000 times and one section 300 times are errors, in seconds (a hang before)', () => {
    const card = '---\nname: Kasper\n---\n\nEt kort.\n';
    const cards = written('cards', { 'topic.yaml': `${head}${step}cards: [${Array(4000).fill('kort.md').join(', ')}]\n`, 'kort.md': card });
    const sections = written('sections', {
      'topic.yaml': `${head}${step}sections:\n${Array(300).fill('  - { title: Afsnit, file: afsnit.md }').join('\n')}\n`,
      'afsnit.md': `## Afsnit\n\n${'Noget tekst i et afsnit. '.repeat(40)}\n`,
    });
    for (const [dir, list] of [[cards, 'cards'], [sections, 'sections']]) {
      const run = build(dir);
      expect(run.code).toBe(1);
      expect(run.placed.join('\n')).toMatch(/\[file-named-twice\]/);
      expect(run.placed.join('\n')).toContain(`\`${list}\` has ${list === 'cards' ? 4000 : 300} entries`);
      expect(run.seconds).toBeLessThan(20);
    }
  });
});

describe("a topic's text", () => {
  it('of more than 64 KiB is an error at the file that goes past it', () => {
    const line = 'Borgeren beder om hjælp til sin telefon, og medarbejderen overvejer, hvor langt hjælpen rækker.\n\n';
    const dir = written('long-text', { 'topic.yaml': `${head}purpose: purpose.md\n${step}`, 'purpose.md': line.repeat(700) });
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'topic.yaml', 4, 10, 'error', 'topic-text-too-long'))]);
  });

  it('with a paragraph of 15 000 `[a] ` is an error at the paragraph (each `]` looked back through all of it)', () => {
    const dir = written('brackets', { 'topic.yaml': `${head}purpose: purpose.md\n${step}`, 'purpose.md': `Før.\n\n${'[a] '.repeat(15_000)}\n` });
    const run = build(dir);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'purpose.md', 3, 1, 'error', 'too-many-brackets'))]);
    expect(run.seconds).toBeLessThan(20);
  });

  it('with a link of 2 400 characters prints it without linking it, with a warning', () => {
    const dir = path.join(fixtures, 'long-link');
    const run = build(dir, ['--kind', 'pack']);
    expect(run.code).toBe(0);
    expect(run.placed).toEqual([expect.stringMatching(at(dir, 'purpose.md', 1, 4, 'warning', 'link-too-long'))]);
  });
});

describe("a municipality's templates", () => {
  it('with a template file of 300 KB are an error at the file', () => {
    const templates = path.join(tmp, 'big-templates');
    mkdirSync(path.join(templates, 'pack'), { recursive: true });
    writeFileSync(path.join(templates, 'pack', 'pack.hbs'), `# {{topic.title}}\n\n${'Tekst i en stor skabelon. '.repeat(12_000)}\n`);
    const run = build(path.join(fixtures, 'deep-quotes'), ['--templates', templates]);
    expect(run.code).not.toBe(0);
    expect(run.placed).toEqual([expect.stringMatching(new RegExp(`^${path.join(templates, 'pack', 'pack.hbs').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error: .*\\[file-too-large\\]$`))]);
  });

  it('with a loop eight loops deep are an error at the loop, in seconds (1.8 GB and exit 3 before)', () => {
    const templates = path.join(fixtures, 'templates-nested-each');
    const topic = path.join(tmp, 'hardware');
    cpSync(path.join(repoRoot, 'content', 'hardware'), topic, { recursive: true });
    const run = build(topic, ['--templates', templates, '--kind', 'pack']);
    expect(run.code).toBe(1);
    expect(run.placed).toEqual([expect.stringMatching(new RegExp(`^${path.join(templates, 'pack', 'pack.hbs').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: error: .*\\[template-too-long\\]$`))]);
    expect(run.seconds).toBeLessThan(20);
  });
});
