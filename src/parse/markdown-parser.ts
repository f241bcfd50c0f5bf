import type { Root } from 'mdast';
import { markdownProcessor } from './markdown-processor.js';
import { restoreTextDirectives } from './restore-text-directives.js';

declare module 'mdast' {
  interface Data {
    /**
     * The topic file a block (each top-level node of a file's tree) or a directive was written in; the
     * positions below it are places in that file, wherever compose puts it.
     */
    sourceFile?: string;
  }
}

/**
 * Topic markdown: CommonMark + GFM, front matter for cards, and the same directive syntax as composed
 * documents, so compose can place these trees in its own unchanged.
 */
const parse = markdownProcessor({ frontMatter: true });

/** `file` is the path as the user named it, kept on blocks and directives for diagnostics that later stages find. */
export function parseMarkdown(text: string, file?: string): Root {
  const tree = parse(text);
  if (file === undefined) restoreTextDirectives(tree);
  else {
    restoreTextDirectives(tree, (node) => {
      (node.data ??= {}).sourceFile = file;
    });
    for (const node of tree.children) (node.data ??= {}).sourceFile = file;
  }
  return tree;
}
