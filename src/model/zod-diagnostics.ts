import { isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type * as z from 'zod';
import type { Diagnostic, Language, Text } from '../diagnostics/diagnostic.js';
import { isRuleId } from '../diagnostics/rules.js';
import { suggest } from '../diagnostics/suggest.js';
import type { ParsedYaml } from '../parse/parse-topic.js';
import { quoteYamlText } from '../parse/quote-yaml-text.js';
import { formatPath, locate, type YamlPath } from './locate.js';
import { topicHints } from './topic-hints.js';

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

/**
 * A table entry for a name the editor wrote. The tables are plain objects, and a key such as
 * `constructor` or `toString` would otherwise find Object's own function and crash the build.
 */
function own<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

function translated(english: string, table: readonly [RegExp, (...groups: string[]) => string][]): string | undefined {
  for (const [pattern, danish] of table) {
    const match = pattern.exec(english);
    if (match) return danish(...match.slice(1));
  }
  return undefined;
}

/**
 * Turns zod issues into diagnostics placed at the YAML node they concern, with "did you mean" hints.
 * A custom issue may name its rule in `params.rule` (e.g. `min-over-max`), its hint in `params.hint`
 * and its Danish message in `params.da`.
 */
export function zodDiagnostics(issues: readonly Issue[], yaml: ParsedYaml, input: unknown, knownKeysAt: (path: YamlPath) => readonly string[]): Diagnostic[] {
  // `- Husk: casen er ikke et facit.` is one mistake, a colon in a text, however zod reports the mapping.
  const colons = issues.flatMap((issue) => colonInText(issue, yaml, input));
  const colonPaths = colons.map((c) => c.path);
  const insideColon = (path: YamlPath) => colonPaths.some((p) => p.length <= path.length && p.every((s, i) => path[i] === s));
  const placed = issues.flatMap((issue) => resolveIssue(issue, [], input)).filter((p) => !insideColon(p.path));
  // `minuts: 5` and `deltagere: …` are one mistake each: report the unknown key with its hint, not also
  // the missing `minutes` or `participants`.
  const coveredMissing = new Set<string>();
  const replacementOf = (key: string, known: readonly string[]) => own(topicHints.danishKeys, key.trim().toLowerCase())?.find((k) => known.includes(k));
  for (const { issue, path } of placed) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeysAt(path);
    for (const key of issue.keys) {
      const meant = replacementOf(key, known) ?? suggest(key, known);
      if (meant) coveredMissing.add(formatPath([...path, meant]));
    }
  }

  const out: Diagnostic[] = colons.map((c) => c.diagnostic);
  for (const { issue, path, onKey, unionMessage } of placed) {
    const value = valueAt(input, path);
    const custom = (issue as { params?: { rule?: string; hint?: Text | string; da?: string } }).params;
    // A custom check names the fields it compares itself ("min 20 is above max 4"): prefix its mapping only.
    const wherePath = custom?.rule && path.length ? path.slice(0, -1) : path;
    const where = formatPath(wherePath);
    const whereDa = danishPath(wherePath);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(path);
      for (const key of issue.keys) {
        const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
        const english = replacementOf(key, known);
        const guess = english ? undefined : suggest(key, known);
        out.push({
          ...locate(yaml, [...path, key], 'key'),
          severity: 'error',
          rule: 'unknown-key',
          message: {
            da: `ukendt felt \`${shown}\`${path.length ? ` i ${whereDa}` : ''}`,
            en: `unknown key \`${shown}\`${where ? ` in ${where}` : ''}`,
          },
          hint: english
            ? {
                da: `skriv \`${english}:\` i stedet for \`${shown}:\``,
                en: `write \`${english}:\` instead of \`${shown}:\``,
              }
            : guess
              ? {
                  da: `mente du \`${guess}\`?`,
                  en: `did you mean \`${guess}\`?`,
                }
              : known.length
                ? {
                    da: `felterne her hedder: ${known.join(', ')}`,
                    en: `known keys: ${known.join(', ')}`,
                  }
                : undefined,
        });
      }
      continue;
    }
    if (value === undefined && (issue.code === 'invalid_type' || unionMessage !== undefined)) {
      if (coveredMissing.has(where)) continue;
      const field = String(path[path.length - 1]);
      const parent = path.slice(0, -1);
      out.push({
        ...locate(yaml, path),
        severity: 'error',
        rule: 'missing-field',
        message: {
          da: `feltet \`${field}\` mangler${parent.length ? ` i ${danishPath(parent)}` : ''}`,
          en: `missing required field \`${field}\`${parent.length ? ` in ${formatPath(parent)}` : ''}`,
        },
        hint: own(topicHints.missingFieldHints, field),
      });
      continue;
    }
    if (onKey) {
      const key = String(path[path.length - 1]);
      const parent = path.slice(0, -1);
      out.push({
        ...locate(yaml, path, 'key'),
        severity: 'error',
        rule: 'invalid-key',
        message: {
          da: `${danishPath(parent)}: \`${key}\` kan ikke bruges som felt her: ${danishMessage(issue, value)}`,
          en: `${formatPath(parent)}: \`${key}\` is not allowed as a key here: ${issue.message}`,
        },
        hint:
          schemaHint(custom?.hint) ??
          (issue.code === 'invalid_format' ? topicHints.keyFormat : undefined),
      });
      continue;
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const options = issue.values.map(String);
      const guess = typeof value === 'string' ? suggest(value, options) : undefined;
      // A Danish word too far from its English value to be guessed (`grupper`), but not `plenum`.
      const danish = typeof value === 'string' && !guess ? own(topicHints.danishValues, value.trim().toLowerCase()) : undefined;
      const english = danish && options.includes(danish) ? danish : undefined;
      const listed = options.map((o) => `\`${o}\``).join(', ');
      out.push({
        ...locate(yaml, path),
        severity: 'error',
        rule: 'invalid-value',
        message: {
          da: `${whereDa}: \`${String(value)}\` er ikke en af de mulige værdier: ${listed}`,
          en: `${where}: \`${String(value)}\` is not one of ${listed}`,
        },
        hint: english
          ? {
              da: `værdierne er engelske: skriv \`${english}\``,
              en: `the values are English: write \`${english}\``,
            }
          : guess
            ? { da: `mente du \`${guess}\`?`, en: `did you mean \`${guess}\`?` }
            : undefined,
      });
      continue;
    }
    const union = unionMessage !== undefined;
    out.push({
      ...locate(yaml, path),
      severity: 'error',
      rule: isRuleId(custom?.rule) ? custom.rule : issue.code === 'invalid_type' || union ? 'wrong-type' : 'invalid-value',
      message: {
        da: `${wherePath.length ? `${whereDa}: ` : ''}${union ? `${danishUnionMessage(issue, unionMessage)}, ikke ${describeValue(value, 'da')}` : (custom?.da ?? danishMessage(issue, value))}`,
        en: `${where ? `${where}: ` : ''}${union ? `${unionMessage}, not ${describeValue(value)}` : humanMessage(issue, value)}`,
      },
      // An empty list where entries are required (`steps: []`) wants the same example as a missing one.
      hint:
        schemaHint(custom?.hint) ??
        (Array.isArray(value) && !value.length
          ? own(topicHints.missingFieldHints, String(path[path.length - 1]))
          : topicHints.wrongTypeHint(path, value, issue.code === 'invalid_type' ? issue.expected : undefined)),
    });
  }
  return out;
}

/** A schema's hint: both languages as given, or English with its Danish from the table. */
function schemaHint(hint: Text | string | undefined): Text | undefined {
  if (hint === undefined) return undefined;
  if (typeof hint !== 'string') return hint;
  return { da: translated(hint, topicHints.danishSchemaHints) ?? hint, en: hint };
}

/** One `yaml-colon-in-value` error at the value zod found, with what the editor wrote and how to write it. */
function colonError(path: YamlPath, yaml: ParsedYaml, message: Text, hint: Text): { path: YamlPath; diagnostic: Diagnostic } {
  return { path, diagnostic: { ...locate(yaml, path), severity: 'error', rule: 'yaml-colon-in-value', message, hint } };
}

/** What stands before a key on its line (indentation and `- `), or undefined when other text does. */
function itemPrefix(text: string, keyStart: number): string | undefined {
  const prefix = text.slice(text.lastIndexOf('\n', keyStart - 1) + 1, keyStart);
  return /^[ \t]*(?:-[ \t]+)*$/.test(prefix) ? prefix : undefined;
}

/**
 * `- Husk: casen er ikke et facit.` where text belongs: YAML reads the colon as a key and a value, and
 * zod says "must be text, not a mapping" (or, where a tip may be text or `{ text, when }`, speaks of
 * unknown keys). What the editor wrote is a text with a colon, so the hint is their line in quotes, to
 * be pasted over it. Only a mapping of one plain key, with a plain value or none, on the lines the item
 * starts on, is read this way; `- title: A` under steps is a real mapping and is left to the schema.
 */
function colonInText(issue: Issue, yaml: ParsedYaml, input: unknown): { path: YamlPath; diagnostic: Diagnostic }[] {
  const path = issue.path as (string | number)[];
  const wantsText =
    (issue.code === 'invalid_type' && issue.expected === 'string') ||
    (issue.code === 'invalid_union' &&
      issue.errors.some((branch) => branch.some((i) => i.code === 'invalid_type' && i.path.length === 0 && i.expected === 'string')));
  const value = valueAt(input, path);
  if (!wantsText || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const map = nodeAt(yaml.doc.contents, path);
  if (!isMap(map) || map.flow || map.items.length !== 1) return [];
  const { key, value: item } = map.items[0];
  if (!isScalar(key) || key.type !== Scalar.PLAIN || !key.range) return [];
  const prefix = itemPrefix(yaml.text, key.range[0]);
  if (prefix === undefined) return [];
  if (isSeq(item) && !item.flow && item.items.every((i) => isScalar(i) && i.type === Scalar.PLAIN)) {
    // `- Du kan nævne nogle af dem:` with a list indented under it, as a document has a bullet with
    // sub-bullets: what the editor meant is a text with sub-items, which a block text (`|`) holds as
    // markdown. The fix is several lines and a hint is one, so the hint says how to write it.
    const block = `${prefix}|`;
    return [
      colonError(
        path,
        yaml,
        {
          da: 'punktet slutter med `:` og har underpunkter under sig, og så læser YAML det som et felt med en liste i stedet for som en tekst med underpunkter',
          en: 'this list item ends with `:` and has sub-items under it, so YAML reads a key with a list, not a text with sub-items',
        },
        {
          da: `skriv punktet som en tekstblok: \`${block}\` på en linje for sig, derunder teksten og underpunkterne rykket to mellemrum længere ind end \`-\`, og en tom linje før underpunkterne`,
          en: `write the item as a block text: \`${block}\` on a line of its own, below it the text and the sub-items indented two spaces further than the \`-\`, and an empty line before the sub-items`,
        },
      ),
    ];
  }
  // A block text (`|` or `>`) after the colon is many lines of its own, not a line to put in quotes.
  if (item !== null && !(isScalar(item) && item.type !== Scalar.BLOCK_LITERAL && item.type !== Scalar.BLOCK_FOLDED)) return [];
  const text = yaml.text;
  const colon = text.indexOf(':', key.range[1]);
  if (colon < 0) return [];
  const ends = isScalar(item) && item.value !== null && item.range ? item.range[1] : colon + 1;
  const source = text.slice(key.range[0], ends);
  const written = source.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
  const fixed = `${prefix}${quoteYamlText(written)}`;
  const oneLine = written === source;
  const endsWithColon = ends === colon + 1;
  const isItem = typeof path[path.length - 1] === 'number';
  const what = isItem ? { da: 'punktet', en: 'this list item' } : { da: 'teksten', en: 'this value' };
  const message = endsWithColon
    ? {
        da: `${what.da} slutter med \`:\`, og så læser YAML det som et felt uden værdi i stedet for som en tekst`,
        en: `${what.en} ends with \`:\`, so YAML reads it as a key with no value, not as text`,
      }
    : {
        da: `${what.da} indeholder \`: \`, og så læser YAML det som et felt med en værdi i stedet for som en tekst`,
        en: `${what.en} holds \`: \`, so YAML reads it as a key and a value, not as text`,
      };
  const hint = oneLine
    ? { da: `sæt teksten i anførselstegn; skriv linjen sådan: \`${fixed}\``, en: `put the text in quotes; write the line like this: \`${fixed}\`` }
    : { da: `sæt teksten i anførselstegn og skriv den på én linje sådan: \`${fixed}\``, en: `put the text in quotes, on one line like this: \`${fixed}\`` };
  return [colonError(path, yaml, message, hint)];
}

function nodeAt(root: unknown, path: YamlPath): unknown {
  let node = root;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      node = pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
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
    return [
      {
        issue,
        path,
        unionMessage: issue.message === 'Invalid input' ? `must be ${expectedOf(issue.errors, 'en')}` : issue.message,
      },
    ];
  }
  if (issue.code === 'invalid_key') {
    return issue.issues.map((i) => ({ issue: i, path, onKey: true }));
  }
  return [{ issue, path }];
}

function expectedOf(branches: readonly (readonly Issue[])[], language: Language): string {
  const names = branches.flatMap((b) => b.filter((i) => i.code === 'invalid_type').map((i) => expectedName((i as { expected: string }).expected, language)));
  return [...new Set(names)].join(language === 'da' ? ' eller ' : ' or ');
}

/** zod's type names as an editor says them: "must be a whole number", not "must be a int". */
function expectedName(expected: string, language: Language = 'en'): string {
  const names: Record<Language, Record<string, string>> = {
    en: {
      object: 'a mapping',
      record: 'a mapping',
      array: 'a list',
      int: 'a whole number',
      string: 'text',
      boolean: 'true or false',
    },
    da: {
      object: 'en gruppe af felter',
      record: 'en gruppe af felter',
      array: 'en liste',
      int: 'et helt tal',
      number: 'et tal',
      string: 'en tekst',
      boolean: 'true eller false',
      date: 'en dato',
    },
  };
  return names[language][expected] ?? (language === 'da' ? `af typen ${expected}` : `a ${expected}`);
}

function humanMessage(issue: Issue, value: unknown): string {
  if (issue.code === 'invalid_type') return `must be ${expectedName(issue.expected)}, not ${describeValue(value)}`;
  // "must be at least 1, not 0": the value the editor wrote makes the rule concrete.
  if ((issue.code === 'too_small' || issue.code === 'too_big') && typeof value === 'number') return `${issue.message}, not ${value}`;
  return issue.message;
}

/** humanMessage in Danish: the schema's own message from the table, or one made from the issue's code. */
function danishMessage(issue: Issue, value: unknown): string {
  if (issue.code === 'invalid_type') return `skal være ${expectedName(issue.expected, 'da')}, ikke ${describeValue(value, 'da')}`;
  const known = translated(issue.message, topicHints.danishSchemaMessages);
  const not = typeof value === 'number' && (issue.code === 'too_small' || issue.code === 'too_big') ? `, ikke ${value}` : '';
  if (known) return `${known}${not}`;
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const word = issue.code === 'too_small' ? 'mindst' : 'højst';
      if (issue.origin === 'string') return issue.code === 'too_small' && limit === 1 ? 'må ikke være tom' : `skal have ${word} ${limit} tegn`;
      if (issue.origin === 'array' || issue.origin === 'set') return `skal have ${word} ${limit} ${limit === 1 ? 'punkt' : 'punkter'}`;
      return `skal være ${word} ${limit}${not}`;
    }
    case 'invalid_format':
      return 'er ikke skrevet på den rigtige måde';
    case 'not_multiple_of':
      return `skal gå op i ${String(issue.divisor)}`;
    default:
      return 'har en værdi, der ikke kan bruges her';
  }
}

function danishUnionMessage(issue: Issue, english: string | undefined): string {
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') return `skal være ${expectedOf(issue.errors, 'da')}`;
  return (english !== undefined && translated(english, topicHints.danishSchemaMessages)) || 'har ikke en værdi, der kan bruges her';
}

/** `steps[0].instructions[1]` as a Danish reader counts: "trin 1, `instructions`, punkt 2". */
function danishPath(path: YamlPath): string {
  const parts: string[] = [];
  path.forEach((segment, i) => {
    if (typeof segment === 'string') parts.push(`\`${segment}\``);
    else if (path[i - 1] === 'steps') parts.splice(parts.length - 1, 1, `trin ${segment + 1}`);
    else parts.push(`punkt ${segment + 1}`);
  });
  return parts.join(', ');
}

/** A value as an editor would recognise it in their YAML: "the text "…"", "a list", "12.5", ".nan". */
export function describeValue(value: unknown, language: Language = 'en'): string {
  const da = language === 'da';
  if (value === null) return da ? 'tom' : 'empty';
  if (Array.isArray(value)) return da ? 'en liste' : 'a list';
  if (typeof value === 'object') return da ? 'en gruppe af felter' : 'a mapping';
  if (typeof value === 'string') return `${da ? 'teksten' : 'the text'} "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
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
