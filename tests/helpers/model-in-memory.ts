import type { TopicSource } from '../../src/load/load-topic.js';
import { modelTopic } from '../../src/model/model-topic.js';
import { parseTopic } from '../../src/parse/parse-topic.js';

/**
 * A topic folder in memory, read the way load reads one, through parse and model. `reads` counts the
 * files read; `found` is each diagnostic as [file, line, column, severity, rule].
 */
export function modelInMemory(files: Record<string, string>) {
  const read = new Set<string>();
  const source: TopicSource = {
    dir: '/emne',
    displayDir: 'emne',
    slug: 'emne',
    files: new Map(),
    listing: Object.keys(files),
    read(rel) {
      if (!(rel in files)) return undefined;
      read.add(rel);
      const file = { kind: 'text' as const, path: rel, text: files[rel] };
      source.files.set(rel, file);
      return file;
    },
  };
  source.files.set('topic.yaml', { kind: 'text', path: 'topic.yaml', text: files['topic.yaml'] });
  const parsed = parseTopic(source);
  const modelled = modelTopic(parsed.parsed);
  const diagnostics = [...parsed.diagnostics, ...modelled.diagnostics];
  return { ...modelled, diagnostics, reads: () => read.size, found: diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule]) };
}
