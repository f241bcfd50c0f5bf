/**
 * parse: TopicSource → ParsedTopic (a YAML document with line positions, one mdast tree per markdown file).
 * Input: the loaded files. Output: syntax trees and syntax diagnostics.
 * Never: judge content (that is model's job) or read files.
 */
import type { Root, Yaml } from 'mdast';
import path from 'node:path';
import { Document, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TopicSource } from '../load/load-topic.js';
import { parseMarkdown } from './markdown-parser.js';

export interface ParsedYaml {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
  /** Line of the file on which the YAML text starts (0 for a whole file, >0 for front matter). */
  lineOffset: number;
}

export interface ParsedMarkdown {
  file: string;
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
  const topic = parseYaml(topicText, path.join(source.displayDir, 'topic.yaml'), 0, diagnostics);
  const markdown = new Map<string, ParsedMarkdown>();
  for (const [rel, file] of source.files) {
    if (file.kind !== 'text' || !/\.(md|markdown)$/i.test(rel)) continue;
    const display = path.join(source.displayDir, rel);
    const tree = parseMarkdown(file.text);
    const entry: ParsedMarkdown = { file: display, text: file.text, tree, body: file.text };
    const first = tree.children[0];
    if (first?.type === 'yaml') {
      const yamlNode = first as Yaml;
      const startLine = yamlNode.position!.start.line; // the opening `---`
      entry.frontMatter = parseYaml(yamlNode.value, display, startLine, diagnostics);
      entry.body = file.text.slice(yamlNode.position!.end.offset!).replace(/^\n+/, '');
      tree.children.shift();
    }
    markdown.set(rel, entry);
  }
  return { parsed: { source, topic, markdown }, diagnostics };
}

function parseYaml(text: string, file: string, lineOffset: number, diagnostics: Diagnostic[]): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const pos = problem.linePos?.[0];
    diagnostics.push({
      file,
      line: pos ? pos.line + lineOffset : undefined,
      column: pos?.col,
      severity: doc.errors.includes(problem as never) ? 'error' : 'warning',
      rule: `yaml-${problem.code.toLowerCase().replace(/_/g, '-')}`,
      message: firstLine(problem.message),
    });
  }
  return { file, doc, lineCounter, lineOffset };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
