/**
 * markdownProcessor parses text that cannot hold a GFM literal autolink without looking for one. It must
 * give exactly the tree remark-gfm gives, positions included, on every text: here the topic files of
 * content/ and the fixtures, the documents composed from them, and random text made of the pieces
 * autolinks, escapes and character references are made of.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { composeDocument, type OutputKind } from '../../src/compose/compose-document.js';
import { loadTopic } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { markdownProcessor } from '../../src/parse/markdown-processor.js';
import { parseTopic } from '../../src/parse/parse-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { planAgenda } from '../../src/plan/plan-agenda.js';
import { repoRoot, testFixtures } from '../helpers/build-fixture.js';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();
const remarkWithFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkFrontmatter, ['yaml']).freeze();
const document = markdownProcessor();
const topicFile = markdownProcessor({ frontMatter: true });

function expectSameAsRemark(text: string, label: string): void {
  expect(document(text), label).toEqual(remark.parse(text) as Root);
  expect(topicFile(text), label).toEqual(remarkWithFrontMatter.parse(text) as Root);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return markdownFiles(full);
    return /\.(md|markdown)$/.test(name) ? [full] : [];
  });
}

describe('markdownProcessor', () => {
  it('parses every topic file of content/ and the fixtures as remark-gfm does', () => {
    const files = [path.join(repoRoot, 'content'), testFixtures].flatMap(markdownFiles);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expectSameAsRemark(readFileSync(file, 'utf8'), file);
  });

  it('parses every composed document of content/ as remark-gfm does', async () => {
    const { shared } = await sharedResources();
    let documents = 0;
    for (const slug of readdirSync(path.join(repoRoot, 'content'))) {
      const { source } = await loadTopic(path.join(repoRoot, 'content', slug));
      const { topic } = modelTopic(parseTopic(source!).parsed);
      const { agenda } = planAgenda(topic!, { participants: 12, start: '13:00' });
      for (const kind of ['pack', 'facilitator', 'handout', 'flipchart', 'cards'] as OutputKind[]) {
        const composed = composeDocument(kind, topic!, agenda, shared.templates).document;
        if (!composed) continue;
        expectSameAsRemark(composed.markdown, `${slug} ${kind}`);
        documents++;
      }
    }
    expect(documents).toBeGreaterThanOrEqual(13);
  });

  it('parses random text of autolink, escape and reference pieces as remark-gfm does', () => {
    const piece = fc.constantFrom(
      'www', 'WWW', '.', 'http', 'HTTPS', '://', ':', '/', '@', 'mailto:', 'xmpp:', '&#64;', '&#119;', '&amp;', '&', '\\', '\\.', '\\@',
      'a', 'dk', 'x_y', '-', '*', '_', '~', '(', ')', '[', ']', '<', '>', ' ', '\n', '\n\n', '- ', '| a |', '`', '!', '?', 'æ', ':::x', '::y', ':z',
      'www.x.dk', 'http://x.dk/a', 'a@b.dk', 'a&#64;b.dk', '&#119;ww.x.dk', '&#x77;ww.x.dk', 'htt&#112;://x.dk', 'a&commat;b.dk', 'www\\.x.dk',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expectSameAsRemark(pieces.join(''), JSON.stringify(pieces.join('')));
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });
});
