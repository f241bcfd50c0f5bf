import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { parseDocumentMarkdown } from '../../src/compose/document-parser.js';
import { escapeMarkdown } from '../../src/compose/escape-markdown.js';
import { createMarkdownHandlebars } from '../../src/compose/markdown-handlebars.js';

const env = createMarkdownHandlebars();
const render = (template: string, data: unknown) => env.compile(template, { strict: true })(data);

describe('markdown templates', () => {
  it('{{x}} prints a value literally, even one that looks like markdown', () => {
    const out = render('## {{title}}\n', { title: '1. Trin *vigtigt* [link](x) <b>' });
    const tree = parseDocumentMarkdown(out);
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0].type).toBe('heading');
    expect(toString(tree)).toBe('1. Trin *vigtigt* [link](x) <b>');
  });

  it('escapes inside block helpers and partials too', () => {
    env.registerPartial('row', '| {{clock}} | {{title}} |\n');
    const out = render('| a | b |\n|---|---|\n{{#each rows}}{{> row}}{{/each}}\n{{#if flag}}{{flag}}{{/if}}\n', {
      rows: [{ clock: '13:00', title: '1. Velkomst | *hej*' }],
      flag: '- not a list',
    });
    const tree = parseDocumentMarkdown(out);
    const table = tree.children[0];
    expect(table.type).toBe('table');
    expect(toString(table)).toContain('1. Velkomst | *hej*');
    expect(toString(tree.children[1])).toBe('- not a list');
    expect(tree.children[1].type).toBe('paragraph');
  });

  it('{{{x}}} inserts markdown as it is', () => {
    const tree = parseDocumentMarkdown(render('{{{body}}}\n', { body: 'Læs **casen** først.' }));
    expect(JSON.stringify(tree)).toContain('"strong"');
  });

  it('a missing field is an error under strict mode, not an empty string', () => {
    expect(() => render('{{missing.field}}', {})).toThrow(/not defined/);
  });

  it('escapeMarkdown keeps every character and adds only backslashes before punctuation', () => {
    const input = 'Kl. 10:30 – »æøå« 50% (ca.) #1 ~x~ `kode`';
    const escaped = escapeMarkdown(input);
    expect(escaped.replace(/\\(.)/g, '$1')).toBe(input);
    expect(toString(parseDocumentMarkdown(escaped))).toBe(input);
  });
});
