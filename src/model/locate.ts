import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedYaml } from '../parse/parse-topic.js';
import type { SourcePlace } from './topic.js';

export type YamlPath = readonly (string | number)[];

/**
 * The place of the node at `path` (or of its key), falling back to the deepest ancestor that exists,
 * so a missing field is reported where it should have been written.
 */
export function locate(yaml: ParsedYaml, path: YamlPath, which: 'value' | 'key' = 'value'): SourcePlace {
  let node: unknown = yaml.doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      keyNode = undefined;
      node = node.items[segment];
    } else break;
  }
  const target = (which === 'key' && keyNode ? keyNode : node) as Node | undefined;
  const offset = target?.range?.[0] ?? 0;
  const pos = yaml.lineCounter.linePos(offset);
  return { file: yaml.file, line: pos.line + yaml.lineOffset, column: pos.col };
}

/** `steps[1].minutes` */
export function formatPath(path: YamlPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
