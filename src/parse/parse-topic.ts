/**
 * parse: TopicSource → ParsedTopic (a YAML document with line positions, one mdast tree per markdown file).
 * Input: the loaded files. Output: syntax trees and syntax diagnostics.
 * Never: judge content (that is model's job) or read files.
 * topic.yaml is parsed at once; a markdown file when the model first names it (load's reader reads it
 * then), so a file topic.yaml does not name is neither read nor parsed.
 */
import type { Root, Yaml } from 'mdast';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TopicSource } from '../load/load-topic.js';
import { directiveWarning, escapeAuthorDirectives } from './escape-author-directives.js';
import { parseMarkdown } from './markdown-parser.js';
import { guardDiagnostic, markdownGuard } from './markdown-guard.js';
import { resolveImageReferences } from './resolve-image-references.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';

export type { ParsedYaml };

export interface ParsedMarkdown {
  /** As the user would type it, for messages. */
  file: string;
  /** Relative to the topic folder, as load keyed it: what a link from this file resolves against. */
  path: string;
  text: string;
  tree: Root;
  frontMatter?: ParsedYaml;
  /** The markdown after any front matter, as the compose stage inserts it. */
  body: string;
  /** Syntax problems in its front matter: reported by the stage that uses the file, once. */
  diagnostics?: Diagnostic[];
}

/** The topic's markdown files by path in the folder, each parsed on the first ask; undefined for a file that is no markdown text. */
export interface MarkdownFiles {
  get(path: string): ParsedMarkdown | undefined;
}

export interface ParsedTopic {
  source: TopicSource;
  topic: ParsedYaml;
  markdown: MarkdownFiles;
}

export function parseTopic(source: TopicSource): { parsed: ParsedTopic; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const yamlFile = source.files.get('topic.yaml');
  const topicText = yamlFile?.kind === 'text' ? yamlFile.text : '';
  const { yaml: topic, diagnostics: topicDiagnostics } = parseYaml(topicText, path.join(source.displayDir, 'topic.yaml'), 0);
  diagnostics.push(...topicDiagnostics);
  const parsedFiles = new Map<string, ParsedMarkdown | undefined>();
  const markdown: MarkdownFiles = {
    get(rel) {
      if (!parsedFiles.has(rel)) parsedFiles.set(rel, parseMarkdownFile(source, rel));
      return parsedFiles.get(rel);
    },
  };
  return { parsed: { source, topic, markdown }, diagnostics };
}

function parseMarkdownFile(source: TopicSource, rel: string): ParsedMarkdown | undefined {
  if (!/\.(md|markdown)$/i.test(rel)) return undefined;
  const file = source.read(rel);
  if (file?.kind !== 'text') return undefined;
  const display = path.join(source.displayDir, rel);
  const diagnostics: Diagnostic[] = [];
  const guarded = markdownGuard(file.text);
  for (const finding of guarded.findings) diagnostics.push(guardDiagnostic(display, finding));
  const { text, tree, directives } = escapeAuthorDirectives(guarded.text, (t) => parseMarkdown(t, display));
  resolveImageReferences(tree);
  for (const d of directives) diagnostics.push(directiveWarning(d.written, { file: display, line: d.line, column: d.column }));
  const entry: ParsedMarkdown = { file: display, path: rel, text: file.text, tree, body: text, diagnostics };
  const first = tree.children[0];
  if (first?.type === 'yaml') {
    const yamlNode = first as Yaml;
    const startLine = yamlNode.position!.start.line; // the opening `---`
    const front = parseYaml(yamlNode.value, display, startLine);
    entry.frontMatter = front.yaml;
    diagnostics.unshift(...front.diagnostics);
    entry.body = text.slice(yamlNode.position!.end.offset!).replace(/^\n+/, '');
    tree.children.shift();
  }
  return entry;
}
