/**
 * parse: TopicSource → ParsedTopic (a YAML document with line positions, one mdast tree per markdown file).
 * Input: the loaded files. Output: syntax trees and syntax diagnostics.
 * Never: judge content (that is model's job) or read files.
 */
import type { Root, Yaml } from 'mdast';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TopicSource } from '../load/load-topic.js';
import { parseMarkdown } from './markdown-parser.js';
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
}

export interface ParsedTopic {
  source: TopicSource;
  topic: ParsedYaml;
  markdown: Map<string, ParsedMarkdown>;
}

export function parseTopic(source: TopicSource): { parsed: ParsedTopic; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const yamlFile = source.files.get('topic.yaml');
  const topicText = yamlFile?.kind === 'text' ? yamlFile.text : '';
  const { yaml: topic, diagnostics: topicDiagnostics } = parseYaml(topicText, path.join(source.displayDir, 'topic.yaml'), 0);
  diagnostics.push(...topicDiagnostics);
  const markdown = new Map<string, ParsedMarkdown>();
  for (const [rel, file] of source.files) {
    if (file.kind !== 'text' || !/\.(md|markdown)$/i.test(rel)) continue;
    const display = path.join(source.displayDir, rel);
    const tree = parseMarkdown(file.text, display);
    const entry: ParsedMarkdown = { file: display, path: rel, text: file.text, tree, body: file.text };
    const first = tree.children[0];
    if (first?.type === 'yaml') {
      const yamlNode = first as Yaml;
      const startLine = yamlNode.position!.start.line; // the opening `---`
      const front = parseYaml(yamlNode.value, display, startLine);
      entry.frontMatter = front.yaml;
      diagnostics.push(...front.diagnostics);
      entry.body = file.text.slice(yamlNode.position!.end.offset!).replace(/^\n+/, '');
      tree.children.shift();
    }
    markdown.set(rel, entry);
  }
  return { parsed: { source, topic, markdown }, diagnostics };
}
