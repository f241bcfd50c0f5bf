import type { Parent, Root } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface AuthorDirective {
  line: number;
  column: number;
  /** As written: its colons and name, e.g. `::toc` or `:::cover`. */
  written: string;
}

/**
 * `::toc`, `::page-break`, `::lines`, `:::cover`, `:::sheet` … are orders to dialogpack's own
 * templates. A topic's text only prints: each leaf or container directive in it has its colons
 * escaped (`\:\:toc`, which markdown prints as `::toc`) and the text is parsed again, so the line
 * prints as written and nothing a template can do is in the author's hands. `:::lang{lang=en}`,
 * which marks a passage in another language, is the one directive a topic's text may use.
 * Blocks inside blocks are escaped in the same round; the rounds only catch a line that escaping
 * the block around it makes a directive after all.
 */
export function escapeAuthorDirectives(text: string, parse: (text: string) => Root): { text: string; tree: Root; directives: AuthorDirective[] } {
  const directives: AuthorDirective[] = [];
  let tree = parse(text);
  for (;;) {
    const offsets: number[] = [];
    collect(tree, (node) => {
      const start = node.position?.start;
      if (start?.offset === undefined) return;
      let end = start.offset;
      while (text.charCodeAt(end) === 0x3a) end++;
      offsets.push(start.offset);
      directives.push({ line: start.line, column: start.column, written: text.slice(start.offset, end) + node.name });
    });
    if (!offsets.length) return { text, tree, directives };
    offsets.sort((a, b) => a - b);
    let escaped = '';
    let last = 0;
    for (const offset of offsets) {
      let end = offset;
      while (text.charCodeAt(end) === 0x3a) end++;
      escaped += text.slice(last, offset) + '\\:'.repeat(end - offset);
      last = end;
    }
    text = escaped + text.slice(last);
    tree = parse(text);
  }
}

function collect(parent: Parent, found: (node: { name: string; position?: Root['position'] }) => void): void {
  for (const node of parent.children) {
    const directive = node.type === 'leafDirective' || (node.type === 'containerDirective' && node.name !== 'lang');
    if (directive) found(node);
    if ('children' in node) collect(node, found);
  }
}

/** The warning for a directive escaped at `place`: where it was written, or the YAML string that holds it. */
export function directiveWarning(written: string, place: Pick<Diagnostic, 'file' | 'line' | 'column'>): Diagnostic {
  return {
    ...place,
    severity: 'warning',
    rule: 'unknown-directive',
    message: {
      da: `${written} bliver printet som tekst: linjer, der begynder med :: eller :::, er til dialogpacks skabeloner`,
      en: `${written} is printed as text: lines that start with :: or ::: are for dialogpack's templates`,
    },
    hint: {
      da: `fjern kolonerne, eller skriv en omvendt skråstreg foran hvert kolon (\`${written.replace(/:/g, '\\:')}\`), så linjen printes, som den står, uden denne advarsel`,
      en: `remove the colons, or write a backslash before each (\`${written.replace(/:/g, '\\:')}\`) to print the line as it is without this warning`,
    },
  };
}
