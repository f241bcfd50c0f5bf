/**
 * Compose reuses the parse stage's trees of the topic's files instead of parsing their text again inside
 * each document. These tests hold it to the one promise that makes that safe: the document's tree is the
 * tree the old way gave (parse everything the template printed), apart from where nodes say they came from.
 */
import type { Paragraph, Root } from 'mdast';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeDocument, type OutputKind } from '../../src/compose/compose-document.js';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import { createMarkdownHandlebars } from '../../src/compose/markdown-handlebars.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import type { Passage, Topic } from '../../src/model/topic.js';
import { parseMarkdown } from '../../src/parse/markdown-parser.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { visit } from 'unist-util-visit';
import { repoRoot, testFixtures, referenceTopic } from '../helpers/build-fixture.js';

/** The tree without positions and where its text was written (files, steps, stretches of text): what layout reads. */
function shape(tree: Root): unknown {
  const whereWritten = ['sourceFile', 'sourceStep', 'fromTemplate', 'sourceText'];
  return JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' || whereWritten.includes(key) ? undefined : key === 'data' && value && !Object.keys(value).some((k) => !whereWritten.includes(k)) ? undefined : value)));
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
    for (const kind of kinds) {
      const { document } = composeDocument(kind, topic, agenda, shared.templates);
      if (!document) continue;
      expect(shape(document.tree), kind).toEqual(shape(parseDocumentMarkdown(document.markdown)));
      for (const passage of passagesOf(topic)) {
        const paragraph = firstParagraph(passage);
        if (paragraph && containsExactly(document.tree, paragraph)) placed++;
      }
    }
    // The bundled templates print every passage as a block, so at least the pack places each one.
    expect(placed).toBeGreaterThanOrEqual(passagesOf(topic).filter(firstParagraph).length);
  });

  const env = createMarkdownHandlebars();
  env.registerHelper('cell', (md: string) => md.replace(/\n/g, ' '));
  const passage: Passage = { markdown: 'Første afsnit med **fed** tekst.\n\n- et punkt\n- et andet\n', file: 'x/purpose.md' };
  passage.tree = parseMarkdown(passage.markdown);
  const compose = (template: string) => {
    const markdown = env.compile(template, { strict: true })({ purpose: passage.markdown });
    return { markdown, tree: parseDocumentMarkdown(markdown, [passage]) };
  };

  it('places the tree where a template prints a passage between blank lines or fences', () => {
    for (const template of ['# Titel\n\n{{{purpose}}}\n\nSlut.\n', '::::::content{depth=2}\n{{{purpose}}}\n::::::\n', '{{{purpose}}}']) {
      const { markdown, tree } = compose(template);
      expect(containsExactly(tree, firstParagraph(passage)!), template).toBe(true);
      expect(shape(tree), template).toEqual(shape(parseDocumentMarkdown(markdown)));
    }
  });

  it('keeps a passage whole inside a template fence no longer than its own (templates copied before the 6-colon fence)', () => {
    const withBlock: Passage = { markdown: 'Dansk tekst.\n\n:::lang{lang=en}\nEnglish text.\n:::\n\nMere dansk tekst.\n', file: 'x/case.md' };
    withBlock.tree = parseMarkdown(withBlock.markdown, withBlock.file);
    const markdown = env.compile(':::content{depth=2}\n{{{body}}}\n:::\n\n## Efter\n', { strict: true })({ body: withBlock.markdown });
    const tree = parseDocumentMarkdown(markdown, [withBlock]);
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'containerDirective', 'paragraph', 'heading']);
    // Parsed where it stands, the passage's own ':::' closes the template's fence and 'Mere dansk tekst.' falls out of it.
    expect(parseDocumentMarkdown(markdown).children.map((n) => n.type)).not.toEqual(tree.children.map((n) => n.type));
  });

  it('parses a passage where it stands when the template prints it inline, through a helper or in a code block', () => {
    for (const template of ['Formål: {{{purpose}}}\n', '| a |\n|---|\n| {{{cell purpose}}} |\n', '```\n\n{{{purpose}}}\n\n```\n', '> citat\n{{{purpose}}}\n']) {
      const { markdown, tree } = compose(template);
      expect(containsExactly(tree, firstParagraph(passage)!), template).toBe(false);
      expect(shape(tree), template).toEqual(shape(parseDocumentMarkdown(markdown)));
      expect(JSON.stringify(tree), template).not.toContain('dialogpack-passage');
    }
  });

  it('marks directives from a topic file with that file, so a warning about one points there', () => {
    const withDirective: Passage = { markdown: 'Tekst.\n\n::video{src=a.mp4}\n', file: 'x/case.md' };
    withDirective.tree = parseMarkdown(withDirective.markdown, withDirective.file);
    const tree = parseDocumentMarkdown(`# Case\n\n${withDirective.markdown}`, [withDirective]);
    const directive = tree.children.find((n) => n.type === 'leafDirective');
    expect(directive?.data?.sourceFile).toBe('x/case.md');
    expect(directive?.position?.start.line).toBe(3);
  });
});
