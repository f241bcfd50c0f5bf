import type { Heading, Html, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedMarkdown } from '../parse/parse-topic.js';
import { contentLimits } from './content-limits.js';
import { markdownLimits } from './markdown-limits.js';

export const allowedLinkSchemes = ['http:', 'https:', 'mailto:'];

/** Content checks on one markdown file: things that parse but would print wrongly or unsafely. */
export function lintMarkdown(md: ParsedMarkdown): Diagnostic[] {
  const out: Diagnostic[] = markdownLimits(md.tree, (node) => ({ file: md.file, line: node.position?.start.line, column: node.position?.start.column }));
  let previousDepth = 1;
  visit(md.tree, (node) => {
    const at = { file: md.file, line: node.position?.start.line, column: node.position?.start.column };
    if (node.type === 'heading') {
      const depth = (node as Heading).depth;
      if (depth > previousDepth + 1) {
        out.push({
          ...at,
          severity: 'warning',
          rule: 'heading-skip',
          message: {
            da: `en overskrift på niveau ${depth} følger efter niveau ${previousDepth} og springer et niveau over`,
            en: `heading level ${depth} follows level ${previousDepth}, skipping a level`,
          },
          hint: { da: `skriv ${'#'.repeat(previousDepth + 1)} foran overskriften her`, en: `use ${'#'.repeat(previousDepth + 1)} here` },
        });
      }
      previousDepth = depth;
    } else if (node.type === 'html') {
      out.push({
        ...at,
        severity: 'warning',
        rule: 'raw-html',
        message: {
          da: `HTML bliver trykt som tekst og aldrig udført: ${(node as Html).value.slice(0, 40)}`,
          en: `raw HTML is printed as text, never interpreted: ${(node as Html).value.slice(0, 40)}`,
        },
      });
    } else if (node.type === 'link') {
      const url = (node as Link).url;
      const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
      if (url.length > contentLimits.linkCharacters) {
        out.push({
          ...at,
          severity: 'warning',
          rule: 'link-too-long',
          message: {
            da: `linkets adresse er ${url.length.toLocaleString('da-DK')} tegn lang, så den bliver trykt, men ikke et link; det bliver den højst med ${contentLimits.linkCharacters.toLocaleString('da-DK')} tegn`,
            en: `a link's address is ${url.length.toLocaleString('en')} characters long, so it is printed but not linked; at most ${contentLimits.linkCharacters.toLocaleString('en')} are`,
          },
          hint: { da: 'link til en kortere adresse, fx den side, den lange fører til', en: 'link to a shorter address, e.g. the page the long one leads to' },
        });
      } else if (scheme && !allowedLinkSchemes.includes(scheme)) {
        out.push({
          ...at,
          severity: 'warning',
          rule: 'link-scheme',
          message: {
            da: `linket til \`${url.slice(0, 60)}\` er ikke http, https eller mailto, så det bliver trykt, men ikke et link`,
            en: `link to \`${url.slice(0, 60)}\` is not http, https or mailto, so it is printed but not linked`,
          },
        });
      }
    }
  });
  return out;
}
