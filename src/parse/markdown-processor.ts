import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { linearEditMap } from './linear-edit-map.js';

linearEditMap();

/**
 * Where a GFM literal autolink (`www.…`, `http…`, `a@b.dk`, `mailto:`/`xmpp:` with an `@`) could
 * begin, in micromark's syntax or in mdast-util-gfm-autolink-literal's pass over the text nodes. A
 * character reference (`&#64;`) can make any letter, hence `&`; a backslash escape makes only
 * punctuation, which none of these needs without the letters or the `@` beside it.
 */
const mayHoldLiteralAutolink = /[@&]|www|http/i;

/**
 * CommonMark + GFM + directives (+ front matter): the parser of topic files and of composed
 * documents. Literal autolinks are the costliest part of GFM to look for (a third of parsing a pack's
 * template text, half of a section file's), and most text cannot hold one; such text is parsed
 * without them, which gives the very same tree (tests/parse holds the two to it).
 */
export function markdownProcessor(options: { frontMatter?: boolean } = {}): (text: string) => Root {
  const full = build(remarkGfm, options.frontMatter);
  const lean = build(gfmWithoutLiteralAutolinks, options.frontMatter);
  return (text) => (mayHoldLiteralAutolink.test(text) ? full : lean).parse(text);
}

function build(gfm: () => void, frontMatter = false): Processor<Root> {
  const processor = unified().use(remarkParse).use(gfm).use(remarkDirective);
  return (frontMatter ? processor.use(remarkFrontmatter, ['yaml']) : processor).freeze() as unknown as Processor<Root>;
}

/** remark-gfm's syntax and mdast extensions but the literal autolinks', in remark-gfm's order. */
function gfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}
