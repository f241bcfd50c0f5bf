import type * as z from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import type { ParsedYaml } from '../parse/parse-topic.js';
import { formatPath, locate, type YamlPath } from './locate.js';

type Issue = z.core.$ZodIssue;

/** A zod issue with its full path, after unions and record keys are resolved to the issue that matters. */
interface PlacedIssue {
  issue: Issue;
  path: YamlPath;
  /** The problem is the key at `path` (a record key), not its value. */
  onKey?: boolean;
  /** A union none of whose options has the value's type: the union's own message says what fits. */
  unionMessage?: string;
}

/** Danish words editors write for the schema's English values (`grouping: grupper`). */
const danishValues: Record<string, string> = {
  plenum: 'plenary',
  'i plenum': 'plenary',
  individuelt: 'individual',
  enkeltvis: 'individual',
  alene: 'individual',
  'hver for sig': 'individual',
  par: 'pairs',
  parvis: 'pairs',
  makkerpar: 'pairs',
  'to og to': 'pairs',
  grupper: 'groups',
  gruppe: 'groups',
  gruppevis: 'groups',
  'i grupper': 'groups',
  dansk: 'da',
  engelsk: 'en',
};

/** Examples for fields an editor left out, so the hint can be copied. */
const missingFieldHints: Record<string, string> = {
  title: 'add e.g. `title: Hjælp med borgerens hardware`',
  participants: 'add e.g. `participants: { min: 4, max: 20 }`',
  duration: 'add the approximate total in minutes, e.g. `duration: 45`',
  steps: 'add at least one step, e.g. `steps: [{ title: Tal sammen, minutes: 10 }]`',
  minutes: 'add e.g. `minutes: 10`, or a table by participant count: `minutes: { 4: 6, 20: 10 }`',
  min: 'add e.g. `min: 4`',
  max: 'add e.g. `max: 20`',
  text: 'a tip with `when` needs its `text`',
  file: 'name a markdown file in the topic folder, e.g. `file: case.md`',
  name: 'add e.g. `name: Kasper`',
};

/**
 * Turns zod issues into diagnostics placed at the YAML node they concern, with "did you mean" hints.
 * A custom issue may name its rule in `params.rule` (e.g. `min-over-max`).
 */
export function zodDiagnostics(
  issues: readonly Issue[],
  yaml: ParsedYaml,
  input: unknown,
  knownKeysAt: (path: YamlPath) => readonly string[],
): Diagnostic[] {
  const placed = issues.flatMap((issue) => resolveIssue(issue, [], input));
  // `minuts: 5` is one mistake: report the unknown key with its hint, not also the missing `minutes`.
  const coveredMissing = new Set<string>();
  for (const { issue, path } of placed) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeysAt(path);
    for (const key of issue.keys) {
      const guess = suggest(key, known);
      if (guess) coveredMissing.add(formatPath([...path, guess]));
    }
  }

  const out: Diagnostic[] = [];
  for (const { issue, path, onKey, unionMessage } of placed) {
    const value = valueAt(input, path);
    const custom = (issue as { params?: { rule?: string; hint?: string } }).params;
    // A custom check names the fields it compares itself ("min 20 is above max 4"): prefix its mapping only.
    const where = formatPath(custom?.rule && path.length ? path.slice(0, -1) : path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(path);
      for (const key of issue.keys) {
        const guess = suggest(key, known);
        out.push({
          ...locate(yaml, [...path, key], 'key'),
          severity: 'error',
          rule: 'unknown-key',
          message: `unknown key \`${key.length > 40 ? `${key.slice(0, 40)}…` : key}\`${where ? ` in ${where}` : ''}`,
          hint: guess ? `did you mean \`${guess}\`?` : known.length ? `known keys: ${known.join(', ')}` : undefined,
        });
      }
      continue;
    }
    if (value === undefined && (issue.code === 'invalid_type' || unionMessage !== undefined)) {
      if (coveredMissing.has(where)) continue;
      const field = String(path[path.length - 1]);
      out.push({
        ...locate(yaml, path),
        severity: 'error',
        rule: 'missing-field',
        message: `missing required field \`${field}\`${path.length > 1 ? ` in ${formatPath(path.slice(0, -1))}` : ''}`,
        hint: missingFieldHints[field],
      });
      continue;
    }
    if (onKey) {
      out.push({
        ...locate(yaml, path, 'key'),
        severity: 'error',
        rule: 'invalid-key',
        message: `${formatPath(path.slice(0, -1))}: \`${String(path[path.length - 1])}\` is not allowed as a key here: ${issue.message}`,
        hint: custom?.hint ?? (issue.code === 'invalid_format' ? 'write the participant count as digits, e.g. `minutes: { 4: 5, 20: 10 }`' : undefined),
      });
      continue;
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const options = issue.values.map(String);
      const guess = typeof value === 'string' ? suggest(value, options) : undefined;
      // A Danish word too far from its English value to be guessed (`grupper`), but not `plenum`.
      const danish = typeof value === 'string' && !guess ? danishValues[value.trim().toLowerCase()] : undefined;
      const translated = danish && options.includes(danish) ? danish : undefined;
      out.push({
        ...locate(yaml, path),
        severity: 'error',
        rule: 'invalid-value',
        message: `${where}: \`${String(value)}\` is not one of ${options.map((o) => `\`${o}\``).join(', ')}`,
        hint: translated ? `the values are English: write \`${translated}\`` : guess ? `did you mean \`${guess}\`?` : undefined,
      });
      continue;
    }
    out.push({
      ...locate(yaml, path),
      severity: 'error',
      rule: custom?.rule ?? (issue.code === 'invalid_type' || unionMessage !== undefined ? 'wrong-type' : 'invalid-value'),
      message: `${where ? `${where}: ` : ''}${unionMessage !== undefined ? `${unionMessage}, not ${describeValue(value)}` : humanMessage(issue, value)}`,
      // An empty list where entries are required (`steps: []`) wants the same example as a missing one.
      hint:
        custom?.hint ??
        (Array.isArray(value) && !value.length ? missingFieldHints[String(path[path.length - 1])] : wrongTypeHint(path, value, issue.code === 'invalid_type' ? issue.expected : undefined)),
    });
  }
  return out;
}

/**
 * Unions: zod reports every option's failure. The option whose type the value has is the one the editor
 * meant (a table for `{ four: 5 }`), so its issues are reported; when no option has the value's type the
 * union's own message is. Record keys: the key's own issue, placed at the key.
 */
function resolveIssue(issue: Issue, prefix: YamlPath, input: unknown): PlacedIssue[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  if (issue.code === 'invalid_union' && issue.errors.length) {
    const fitting = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
    if (fitting.length) return fitting[0].flatMap((i) => resolveIssue(i, path, input));
    return [{ issue, path, unionMessage: issue.message === 'Invalid input' ? `must be ${expectedOf(issue.errors)}` : issue.message }];
  }
  if (issue.code === 'invalid_key') {
    return issue.issues.map((i) => ({ issue: i, path, onKey: true }));
  }
  return [{ issue, path }];
}

/** How to write what the editor meant, when the value they wrote shows it: `ca. 45`, `4-20`, a mapping of steps. */
function wrongTypeHint(path: YamlPath, value: unknown, expected: string | undefined): string | undefined {
  const field = String(path[path.length - 1] ?? '');
  if (typeof value === 'string') {
    const range = /(\d+)\s*[-–—]\s*(\d+)/.exec(value);
    if (field === 'participants' && range) return `write \`participants: { min: ${range[1]}, max: ${range[2]} }\``;
    const number = /\d+/.exec(value);
    if (number && (expected === undefined || expected === 'number' || expected === 'int')) return `write the number alone: \`${field}: ${number[0]}\``;
  }
  // `cards: cards/kasper.md`, one entry where a list belongs.
  if (expected === 'array' && typeof value === 'string' && !value.includes('\n') && value.length <= 60) return `write \`${field}: [${value}]\``;
  // `sections: [advice.md]`: a section is a title and a file.
  if (expected === 'object' && typeof value === 'string' && path[0] === 'sections' && /\.(md|markdown)$/i.test(value.trim())) {
    return `write \`{ title: …, file: ${value.trim()} }\`, with the title the section has in the pack`;
  }
  if (expected === 'array' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return field === 'steps' ? 'start each step with `- `, e.g. `  - title: Tal sammen` and then `    minutes: 10`' : 'start each entry with `- ` on a line of its own';
  }
  return undefined;
}

function expectedOf(branches: readonly (readonly Issue[])[]): string {
  const names = branches.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => expectedName((i as { expected: string }).expected)));
  return [...new Set(names)].join(' or ');
}

/** zod's type names as an editor says them: "must be a whole number", not "must be a int". */
function expectedName(expected: string): string {
  const names: Record<string, string> = { object: 'a mapping', record: 'a mapping', array: 'a list', int: 'a whole number', string: 'text', boolean: 'true or false' };
  return names[expected] ?? `a ${expected}`;
}

function humanMessage(issue: Issue, value: unknown): string {
  if (issue.code === 'invalid_type') return `must be ${expectedName(issue.expected)}, not ${describeValue(value)}`;
  // "must be at least 1, not 0": the value the editor wrote makes the rule concrete.
  if ((issue.code === 'too_small' || issue.code === 'too_big') && typeof value === 'number') return `${issue.message}, not ${value}`;
  return issue.message;
}

/** A value as an editor would recognise it in their YAML: "the text "…"", "a list", "12.5", ".nan". */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  // As YAML writes them, since that is where the editor put them: .nan and .inf, not NaN and Infinity.
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan' : value === Infinity ? '.inf' : value === -Infinity ? '-.inf' : String(value);
  return String(value);
}

function valueAt(input: unknown, path: YamlPath): unknown {
  let node = input;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}
