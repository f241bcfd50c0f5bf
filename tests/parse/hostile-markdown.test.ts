/**
 * Markdown from anyone: the parser's time, its stack and what a topic's text may order the templates
 * to do. Each case here once took minutes, crashed or was obeyed.
 */
import fc from 'fast-check';
import type { Image, Root } from 'mdast';
import type { Event } from 'micromark-util-types';
import { EditMap } from 'micromark-util-edit-map';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import type { TopicSource } from '../../src/load/load-topic.js';
import { linearConsume, micromarkConsume } from '../../src/parse/linear-edit-map.js';
import { markdownProcessor } from '../../src/parse/markdown-processor.js';
import { guardDepth, markdownGuard, maxBrackets } from '../../src/parse/markdown-guard.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { repoRoot, testFixtures } from '../helpers/build-fixture.js';
import { messageText } from '../helpers/message-text.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return /\.(md|markdown)$/.test(name) ? [full] : [];
  });
}

/** The topic files of content/ and the fixtures, bad ones included. */
const corpus = [path.join(repoRoot, 'content'), testFixtures].flatMap(markdownFiles).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

/** A topic of one markdown file, as load hands it on. */
function parsedFile(text: string) {
  const source: TopicSource = {
    dir: '/emne',
    displayDir: 'emne',
    slug: 'emne',
    files: new Map(),
    listing: ['topic.yaml', 'tekst.md'],
    read: (rel) => (rel === 'tekst.md' ? { kind: 'text', path: rel, text } : undefined),
  };
  source.files.set('topic.yaml', { kind: 'text', path: 'topic.yaml', text: 'title: x\n' });
  return parseTopic(source).parsed.markdown.get('tekst.md')!;
}

describe("micromark's edit map", () => {
  it('is the linear one in the parser topic files and documents go through', () => {
    markdownProcessor();
    expect(EditMap.prototype.consume).toBe(linearConsume);
  });

  it('reads only the events from the first edit on (micromark copied all of them on every closed list item)', () => {
    const events = Array.from({ length: 100_000 }, (_, i) => ['enter', { type: `t${i}` }, {}] as unknown as Event);
    let reads = 0;
    const counted = new Proxy(events, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const map = new EditMap();
    map.add(99_990, 2, [events[5]]);
    map.consume(counted);
    expect(reads).toBeLessThan(100);
    expect(events.length).toBe(99_999);
    expect(events[99_990]).toBe(events[5]);
  });

  it('gives the events micromark’s own consume gives, for any edits', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat(5), add: fc.array(fc.nat(99), { maxLength: 4 }), before: fc.boolean() });
    fc.assert(
      fc.property(fc.nat(40), fc.array(edit, { maxLength: 6 }), (length, edits) => {
        const run = (consume: typeof linearConsume) => {
          const events = Array.from({ length }, (_, i) => i) as unknown as Event[];
          const map = new EditMap();
          // As micromark makes them: at an index of the list, removing what is there.
          for (const e of edits) {
            const at = e.at % (length + 1);
            (e.before ? map.addBefore : map.add).call(map, at, Math.min(e.remove, length - at), e.add.map((n) => 1000 + n) as unknown as Event[]);
          }
          consume.call(map, events);
          return events;
        };
        expect(run(linearConsume)).toEqual(run(micromarkConsume));
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('gives the trees micromark’s own gives for every topic file of content/ and the fixtures', () => {
    const parse = markdownProcessor({ frontMatter: true });
    const withMicromark = (text: string) => {
      EditMap.prototype.consume = micromarkConsume;
      try {
        return parse(text);
      } finally {
        EditMap.prototype.consume = linearConsume;
      }
    };
    expect(corpus.length).toBeGreaterThan(40);
    for (const { file, text } of corpus) expect(parse(text), file).toEqual(withMicromark(text));
  });

  it('parses 64 KB of nested list items and of short quotes in linear time (15 s and 30 s before)', () => {
    const parse = markdownProcessor();
    const cost = (text: string) => {
      const started = process.cpuUsage();
      parse(text);
      const used = process.cpuUsage(started);
      return used.user + used.system;
    };
    for (const unit of ['- et punkt\n  - et underpunkt\n', '> x\n\n', '- - x\n']) {
      cost(unit.repeat(200));
      const small = cost(unit.repeat(Math.floor(8_000 / unit.length)));
      const large = cost(unit.repeat(Math.floor(64_000 / unit.length)));
      // Eight times the text: linear is about 8×, micromark's consume made it 40–60×.
      expect(large / small, unit).toBeLessThan(25);
    }
  });
});

describe('the guard before the parser', () => {
  const deepest = (text: string) => markdownGuard(text).findings.find((f) => f.kind === 'deep');

  it('leaves every topic file of content/ and the fixtures as it is, but those made to go past it', () => {
    const made = path.join(testFixtures, 'hostile-content', 'deep-list');
    for (const { file, text } of corpus.filter((f) => !f.file.startsWith(made))) expect(markdownGuard(text), file).toEqual({ text, findings: [] });
  });

  it('blanks `- ` written 10 000 times before the parser meets it, and says where', () => {
    const text = `Før\n\n${'- '.repeat(10_000)}x\n\nEfter\n`;
    const guarded = markdownGuard(text);
    expect(guarded.findings).toEqual([{ kind: 'deep', line: 3, column: 1, count: 10_000 }]);
    expect(guarded.text.length).toBe(text.length);
    expect(guarded.text.split('\n')[2].trim()).toBe('');
    expect(guarded.text.split('\n')[4]).toBe('Efter');
  });

  it('counts quotes, list markers, footnotes, indentation and open ::: blocks, from above', () => {
    expect(deepest(`${'>'.repeat(guardDepth)} x\n`)).toBeUndefined();
    expect(deepest(`${'>'.repeat(guardDepth + 1)} x\n`)).toEqual({ kind: 'deep', line: 1, column: 1, count: guardDepth + 1 });
    expect(deepest(`${'1. '.repeat(guardDepth + 1)}x\n`)?.count).toBe(guardDepth + 1);
    expect(deepest(`${'[^a]: '.repeat(guardDepth + 1)}x\n`)?.count).toBe(guardDepth + 1);
    expect(deepest(`${' '.repeat(2 * guardDepth + 2)}- x\n`)?.count).toBe(guardDepth + 2);
    expect(deepest(':::a\n'.repeat(guardDepth + 5))).toEqual({ kind: 'deep', line: guardDepth + 1, column: 1, count: guardDepth + 1 });
    // Closed blocks close: a thousand blocks one after the other are one level each.
    expect(deepest(':::a\ntekst\n:::\n'.repeat(1000))).toBeUndefined();
  });

  it('escapes the brackets of a paragraph with more than the parser can match in time, and says where', () => {
    const links = Array.from({ length: maxBrackets }, (_, i) => `[${i}](https://x.dk/${i})`).join(' ');
    expect(markdownGuard(`${links}\n`).findings).toEqual([]);
    // One paragraph per list item, quote or table row: a long list of links is many paragraphs.
    expect(markdownGuard(`- ${links}\n- ${links}\n`).findings).toEqual([]);
    const text = `Før.\n\nTekst ${'[a] '.repeat(maxBrackets + 1)}\nog mere ]\n\nEfter [b](c).\n`;
    const guarded = markdownGuard(text);
    expect(guarded.findings).toEqual([{ kind: 'brackets', line: 3, column: 1, count: maxBrackets + 2 }]);
    expect(guarded.text).toBe(`Før.\n\nTekst ${'[a\\] '.repeat(maxBrackets + 1)}\nog mere \\]\n\nEfter [b](c).\n`);
  });

  it('takes the parser past deep nesting and 64 KB of brackets in a paragraph, quickly and without a stack overflow', () => {
    for (const [text, rule] of [
      ['>'.repeat(10_000) + ' x\n', 'markdown-too-deep'],
      [':::a\n'.repeat(5_000), 'markdown-too-deep'],
      ['- '.repeat(10_000) + 'x\n', 'markdown-too-deep'],
      ['[a] '.repeat(16_000), 'too-many-brackets'],
      ['![a]('.repeat(13_000), 'too-many-brackets'],
    ]) {
      const started = Date.now();
      const md = parsedFile(text);
      expect(md.diagnostics?.map((d) => d.rule)).toContain(rule);
      expect(Date.now() - started, rule).toBeLessThan(5_000);
    }
  });
});

describe("an author's directives", () => {
  it('print as written, with a warning at their line, and order nothing', () => {
    const text = 'Før.\n\n::toc\n\n::page-break\n\n::lines{count=40}\n\n:::cover\n# Falsk forside\n::logo\n:::\n\n> ::step-meta[x]\n';
    const md = parsedFile(text);
    const directives: string[] = [];
    visit(md.tree, (node) => {
      if (node.type === 'leafDirective' || node.type === 'containerDirective') directives.push((node as { name: string }).name);
    });
    expect(directives).toEqual([]);
    expect(md.diagnostics?.map((d) => [d.line, d.column, d.rule, messageText(d).split(' is printed')[0]])).toEqual([
      [3, 1, 'unknown-directive', '::toc'],
      [5, 1, 'unknown-directive', '::page-break'],
      [7, 1, 'unknown-directive', '::lines'],
      [9, 1, 'unknown-directive', ':::cover'],
      [11, 1, 'unknown-directive', '::logo'],
      [14, 3, 'unknown-directive', '::step-meta'],
    ]);
    const printed: string[] = [];
    visit(md.tree, 'text', (node) => void printed.push(node.value));
    expect(printed).toEqual(expect.arrayContaining(['::toc', '::page-break', '::lines{count=40}', ':::cover', 'Falsk forside', '::logo\n:::', '::step-meta[x]']));
    // Compose prints the body; parsed again there, it holds no directive either.
    expect(markdownProcessor()(md.body).children.some((n) => n.type === 'leafDirective' || n.type === 'containerDirective')).toBe(false);
  });

  it('include :::content, with which the fuzzer once moved headings: fuzz-found/content-depth-nan now prints it, so its pack changed', () => {
    const md = parsedFile(readFileSync(path.join(testFixtures, 'fuzz-found', 'content-depth-nan', 'purpose.md'), 'utf8'));
    expect(md.diagnostics?.map((d) => [d.line, d.column, d.rule, messageText(d).split(' is printed')[0]])).toEqual([[1, 1, 'unknown-directive', ':::content']]);
    expect(md.tree.children.map((n) => n.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('keep :::lang, which marks a passage in another language, and look inside it', () => {
    const md = parsedFile(':::lang{lang=en}\nIn English.\n\n::toc\n:::\n');
    expect(md.tree.children.map((n) => n.type)).toEqual(['containerDirective']);
    expect(md.diagnostics?.map((d) => [d.line, d.rule])).toEqual([[4, 'unknown-directive']]);
  });
});

describe('reference-style images', () => {
  it('become the picture their definition names, at the reference’s place', () => {
    const md = parsedFile('Før.\n\n![Et billede][r]\n\n![Et andet][R]\n\n[r]: billeder/x.png "Titel"\n');
    const images: Image[] = [];
    visit(md.tree as Root, 'image', (node: Image) => void images.push(node));
    expect(images.map((i) => [i.url, i.alt, i.title, i.position?.start.line])).toEqual([
      ['billeder/x.png', 'Et billede', 'Titel', 3],
      ['billeder/x.png', 'Et andet', 'Titel', 5],
    ]);
  });
});
