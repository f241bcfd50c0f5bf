/**
 * Compose reuses the parse stage's trees of the topic's files instead of parsing their text again inside
 * each document, placing each where a template printed the passage, by reference (compose marks the
 * passage as it is printed; it never searches the markdown for its text). These tests hold it to the one
 * promise that makes that safe: the document's tree is the tree the old way gave (parse everything the
 * template printed), apart from where nodes say they came from and the passage nodes that hold the trees.
 */
import type { Paragraph, Root } from 'mdast';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument, type OutputKind } from '../../src/compose/compose-document.js';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import { createMarkdownHandlebars } from '../../src/compose/markdown-handlebars.js';
import { placedPassage, renderWithMarks } from '../../src/compose/source-marks.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import type { Passage, Topic } from '../../src/model/topic.js';
import { parseMarkdown } from '../../src/parse/markdown-parser.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { visit } from 'unist-util-visit';
import { repoRoot, testFixtures, referenceTopic } from '../helpers/build-fixture.js';

/**
 * The tree without positions and where its text was written (files, steps, stretches of text, and the
 * place and step a sheet or card keeps for its warnings), with each passage's blocks where the passage
 * stands: what layout sets.
 */
function shape(tree: Root): unknown {
  const whereWritten = ['sourceFile', 'sourceStep', 'fromTemplate', 'sourceText', 'place', 'step'];
  const json = JSON.stringify(tree, (key, value) => {
    if (key === 'position' || whereWritten.includes(key)) return undefined;
    if (key === 'data' && value && !Object.keys(value).some((k) => !whereWritten.includes(k))) return undefined;
    if (key === 'children' && Array.isArray(value)) return value.flatMap((n: { type: string; children?: unknown[] }) => (n.type === 'passage' ? n.children : [n]));
    return value;
  });
  return JSON.parse(json);
}

/** The passage nodes of a tree. */
function passageNodes(tree: Root): { file?: string }[] {
  const found: { file?: string }[] = [];
  visit(tree, 'passage', (node) => {
    found.push(node);
  });
  return found;
}

async function modelled(dir: string): Promise<Topic> {
  const { source } = await loadTopic(dir);
  const { topic, diagnostics } = modelTopic(parseTopic(source!).parsed);
  if (!topic) throw new Error(`${dir}: ${JSON.stringify(diagnostics)}`);
  return topic;
}

function passagesOf(topic: Topic): Passage[] {
  return [...(topic.purpose ? [topic.purpose] : []), ...topic.sections, ...topic.cards];
}

/** The first paragraph of a passage's own tree, positions and all: found in a document only if the tree was placed there. */
function firstParagraph(passage: Passage): Paragraph | undefined {
  return passage.tree?.children.find((n): n is Paragraph => n.type === 'paragraph');
}

function containsExactly(tree: Root, wanted: Paragraph): boolean {
  let found = false;
  visit(tree, 'paragraph', (node) => {
    if (!found && JSON.stringify(node) === JSON.stringify(wanted)) found = true;
  });
  return found;
}

const topicDirs = [
  ...readdirSync(path.join(repoRoot, 'content')).map((d) => path.join(repoRoot, 'content', d)),
  referenceTopic,
  ...['glyphs-and-languages', 'long-content', 'hyphenation', 'widows'].map((d) => path.join(testFixtures, d)),
];
const kinds: OutputKind[] = ['pack', 'facilitator', 'handout', 'flipchart', 'cards'];

describe('placing parsed passages in composed documents', () => {
  it.each(topicDirs.map((d) => [path.relative(repoRoot, d), d]))('%s: every document has the tree parsing its whole markdown gives', async (_name, dir) => {
    const topic = await modelled(dir);
    const { shared } = await sharedResources();
    const { agenda } = planAgenda(topic, { participants: topic.participants.max });
    let placed = 0;
    let passagesPlaced = 0;
    for (const kind of kinds) {
      const { document } = composeDocument(kind, topic, agenda, shared.templates);
      if (!document) continue;
      expect(shape(document.tree), kind).toEqual(shape(parseDocumentMarkdown(document.markdown)));
      passagesPlaced += passageNodes(document.tree).length;
      for (const passage of passagesOf(topic)) {
        const paragraph = firstParagraph(passage);
        if (paragraph && containsExactly(document.tree, paragraph)) placed++;
      }
    }
    // The bundled templates print every passage as a block, so at least the pack places each one.
    expect(placed).toBeGreaterThanOrEqual(passagesOf(topic).filter(firstParagraph).length);
    expect(passagesPlaced).toBeGreaterThanOrEqual(passagesOf(topic).filter(firstParagraph).length);
  });

  const env = createMarkdownHandlebars();
  env.registerHelper('cell', (md: string) => md.replace(/\n/g, ' '));
  const passage: Passage = { markdown: 'Første afsnit med **fed** tekst.\n\n- et punkt\n- et andet\n', file: 'x/purpose.md' };
  passage.tree = parseMarkdown(passage.markdown);
  /** Renders as compose does: the view's passages remember what they are, and the render marks where each is printed. */
  const render = (template: string, data: Record<string, unknown>) => {
    const { markdown, passages } = renderWithMarks(() => env.compile(template, { strict: true })(data), new Map(), false);
    return { markdown, tree: parseDocumentMarkdown(markdown, passages) };
  };
  const compose = (template: string) => render(template, { purpose: placedPassage(passage, undefined) });

  it('places the tree where a template prints a passage between blank lines or fences, raw or through {{passage}}', () => {
    for (const template of ['# Titel\n\n{{{purpose}}}\n\nSlut.\n', '::::::content{depth=2}\n{{{purpose}}}\n::::::\n', '{{{purpose}}}', '# Titel\n\n{{passage purpose}}\n\nSlut.\n']) {
      const { markdown, tree } = compose(template);
      expect(containsExactly(tree, firstParagraph(passage)!), template).toBe(true);
      expect(passageNodes(tree), template).toEqual([expect.objectContaining({ file: 'x/purpose.md' })]);
      expect(shape(tree), template).toEqual(shape(parseDocumentMarkdown(markdown)));
    }
  });

  it('places a passage by reference: the same text printed as another value is parsed where it stands', () => {
    // The old way searched the markdown for each passage's text and put the tree wherever it found it.
    const { tree } = render('{{{copy}}}\n\n## Mellem\n\n{{{purpose}}}\n', { copy: passage.markdown, purpose: placedPassage(passage, undefined) });
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'list', 'heading', 'passage']);
  });

  it('keeps a passage whole inside a template fence no longer than its own (templates copied before the 6-colon fence)', () => {
    const withBlock: Passage = { markdown: 'Dansk tekst.\n\n:::lang{lang=en}\nEnglish text.\n:::\n\nMere dansk tekst.\n', file: 'x/case.md' };
    withBlock.tree = parseMarkdown(withBlock.markdown, withBlock.file);
    const { markdown, tree } = render(':::content{depth=2}\n{{{body}}}\n:::\n\n## Efter\n', { body: placedPassage(withBlock, undefined) });
    expect(tree.children.map((n) => n.type)).toEqual(['passage', 'heading']);
    const placed = tree.children[0] as { children: { type: string }[] };
    expect(placed.children.map((n) => n.type)).toEqual(['paragraph', 'lang', 'paragraph']);
    // Parsed where it stands, the passage's own ':::' closes the template's fence and 'Mere dansk tekst.' falls out of it.
    expect(parseDocumentMarkdown(markdown).children.map((n) => n.type)).not.toEqual(['paragraph', 'lang', 'paragraph', 'heading']);
  });

  it('parses a passage where it stands when the template prints it inline, through a helper or in a code block', () => {
    for (const template of ['Formål: {{{purpose}}}\n', '| a |\n|---|\n| {{{cell purpose}}} |\n', '```\n\n{{{purpose}}}\n\n```\n', '> citat\n{{{purpose}}}\n']) {
      const { markdown, tree } = compose(template);
      expect(containsExactly(tree, firstParagraph(passage)!), template).toBe(false);
      expect(passageNodes(tree), template).toEqual([]);
      expect(shape(tree), template).toEqual(shape(parseDocumentMarkdown(markdown)));
      expect(JSON.stringify(tree), template).not.toContain('dialogpack-passage');
    }
  });

  it('marks directives from a topic file with that file, so a warning about one points there', () => {
    const withDirective: Passage = { markdown: 'Tekst.\n\n::video{src=a.mp4}\n', file: 'x/case.md' };
    withDirective.tree = parseMarkdown(withDirective.markdown, withDirective.file);
    const { tree } = render('# Case\n\n{{{body}}}', { body: placedPassage(withDirective, undefined) });
    let directive: { name?: string; data?: { sourceFile?: string }; position?: { start: { line: number } } } | undefined;
    visit(tree, 'unknownDirective', (node) => {
      directive = node;
    });
    expect(directive?.name).toBe('video');
    expect(directive?.data?.sourceFile).toBe('x/case.md');
    expect(directive?.position?.start.line).toBe(3);
  });
});
