import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import type { ParsedYaml } from '../parse/parse-topic.js';
import { formatPath, locate, type YamlPath } from './locate.js';

/** Turns zod issues into diagnostics placed at the YAML node they concern, with "did you mean" hints. */
export function zodDiagnostics(
  issues: readonly z.core.$ZodIssue[],
  yaml: ParsedYaml,
  input: unknown,
  knownKeysAt: (path: YamlPath) => readonly string[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    const where = formatPath(path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(path);
      for (const key of issue.keys) {
        const guess = suggest(key, known);
        out.push({
          ...locate(yaml, [...path, key], 'key'),
          severity: 'error',
          rule: 'unknown-key',
          message: `unknown key \`${key}\`${where ? ` in ${where}` : ''}`,
          hint: guess ? `did you mean \`${guess}\`?` : known.length ? `known keys: ${known.join(', ')}` : undefined,
        });
      }
      continue;
    }
    const value = valueAt(input, path);
    if (issue.code === 'invalid_type' && value === undefined) {
      const field = path[path.length - 1];
      out.push({
        ...locate(yaml, path),
        severity: 'error',
        rule: 'missing-field',
        message: `missing required field \`${String(field)}\`${path.length > 1 ? ` in ${formatPath(path.slice(0, -1))}` : ''}`,
      });
      continue;
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const options = issue.values.map(String);
      const guess = typeof value === 'string' ? suggest(value, options) : undefined;
      out.push({
        ...locate(yaml, path),
        severity: 'error',
        rule: 'invalid-value',
        message: `${where}: \`${String(value)}\` is not one of ${options.map((o) => `\`${o}\``).join(', ')}`,
        hint: guess ? `did you mean \`${guess}\`?` : undefined,
      });
      continue;
    }
    out.push({
      ...locate(yaml, path),
      severity: 'error',
      rule: issue.code === 'invalid_type' ? 'wrong-type' : 'invalid-value',
      message: `${where ? `${where}: ` : ''}${humanMessage(issue, value)}`,
    });
  }
  return out;
}

function humanMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type') {
    const expected = issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
    return `must be ${expected}, not ${describe(value)}`;
  }
  return issue.message;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(input: unknown, path: YamlPath): unknown {
  let node = input;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
