import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { restoreTextDirectives } from './restore-text-directives.js';

declare module 'mdast' {
  interface Data {
    /** The topic file a directive was written in; its position is a place in that file, wherever compose puts it. */
    sourceFile?: string;
  }
}

/**
 * One frozen processor for topic markdown: CommonMark + GFM, front matter for cards, and the same
 * directive syntax as composed documents, so compose can place these trees in its own unchanged.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(remarkFrontmatter, ['yaml']).freeze();

/** `file` is the path as the user named it, kept on directives for warnings that later stages find. */
export function parseMarkdown(text: string, file?: string): Root {
  const tree = processor.parse(text);
  if (file === undefined) restoreTextDirectives(tree);
  else {
    restoreTextDirectives(tree, (node) => {
      (node.data ??= {}).sourceFile = file;
    });
  }
  return tree;
}
