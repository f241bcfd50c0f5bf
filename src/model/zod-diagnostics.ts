import { isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type * as z from 'zod';
import type { Diagnostic, Language, Text } from '../diagnostics/diagnostic.js';
import { isRuleId } from '../diagnostics/rules.js';
import { suggest } from '../diagnostics/suggest.js';
import type { ParsedYaml } from '../parse/parse-topic.js';
import { quoteYamlText } from '../parse/quote-yaml-text.js';
import { formatPath, locate, type YamlPath } from './locate.js';
import { schemaText } from './schema-text.js';

/** zod's public issue type: what zod documents for code built on top of it, not its internals. */
type Issue = z.core.$ZodIssue;

/**
 * What the adapter asks of the schemas it reports on, beyond the issues themselves: the words editors
 * write for their keys and values, and examples to copy. topic-hints.ts answers for dialogpack's schemas.
 */
export interface SchemaHints {
  /** An editor's own name for a field (`deltagere`, in lower case) → the English keys it may stand for, the first known at its place winning. */
  danishKeys: Readonly<Record<string, readonly string[]>>;
  /** An editor's own word for a value (`grupper`, in lower case) → the English value. */
  danishValues: Readonly<Record<string, string>>;
  /** An example to copy, by the name of the field that is missing (or an empty list where entries belong). */
  missingFieldHints: Readonly<Record<string, Text>>;
  /** How to write a key of a table whose keys have a format (`minutes: { fire: 5 }`). */
  keyFormat: Text;
  /** What a Danish reader calls an entry of the list at a key (`steps` → `trin`), when not `punkt`. */
  danishItems: Readonly<Record<string, string>>;
  /**
   * How to write a value the editor wrote the wrong way, when the value shows what they meant. `expected`
   * is zod's names of the types the place takes (`number`, `array`, …), or none when a rule other than
   * the type failed.
   */
  wrongTypeHint(path: YamlPath, value: unknown, expected: readonly string[]): Text | undefined;
}

/** A zod issue with its full path, after unions and record keys are resolved to the issue that matters. */
interface PlacedIssue {
  issue: Issue;
  path: YamlPath;
  /** The problem is the key at `path` (a record key), not its value. */
  onKey?: boolean;
  /** A union none of whose options has the value's type: the union's own message says what fits. */
  union?: boolean;
}

/**
 * A table entry for a name the editor wrote. The tables are plain objects, and a key such as
 * `constructor` or `toString` would otherwise find Object's own function and crash the build.
 */
function own<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/**
 * Turns zod issues into diagnostics placed at the YAML node they concern, with "did you mean" hints.
 * Messages are the schema's own, in both languages (schema-text.ts), or made from the issue's code.
 * A custom issue may name its rule in `params.rule` (e.g. `min-over-max`) and its hint, a Text, in
 * `params.hint`.
 */
export function zodDiagnostics(
  issues: readonly Issue[],
  yaml: ParsedYaml,
  input: unknown,
  knownKeysAt: (path: YamlPath) => readonly string[],
  hints: SchemaHints,
): Diagnostic[] {
  // `- Husk: casen er ikke et facit.` is one mistake, a colon in a text, however zod reports the mapping.
  const colons = issues.flatMap((issue) => colonInText(issue, yaml, input));
  const colonPaths = colons.map((c) => c.path);
  const insideColon = (path: YamlPath) => colonPaths.some((p) => p.length <= path.length && p.every((s, i) => path[i] === s));
  const placed = issues.flatMap((issue) => resolveIssue(issue, [])).filter((p) => !insideColon(p.path));
  // `minuts: 5` and `deltagere: …` are one mistake each: report the unknown key with its hint, not also
  // the missing `minutes` or `participants`.
  const coveredMissing = new Set<string>();
  const replacementOf = (key: string, known: readonly string[]) => own(hints.danishKeys, key.trim().toLowerCase())?.find((k) => known.includes(k));
  const danishPath = (path: YamlPath) => sayDanishPath(path, hints);
  for (const { issue, path } of placed) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeysAt(path);
    for (const key of issue.keys) {
      const meant = replacementOf(key, known) ?? suggest(key, known);
      if (meant) coveredMissing.add(formatPath([...path, meant]));
    }
  }

  const out: Diagnostic[] = colons.map((c) => c.diagnostic);
  for (const { issue, path, onKey, union } of placed) {
    const value = valueAt(input, path);
    const custom = issue.code === 'custom' ? issue.params : undefined;
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
    if (value === undefined && (issue.code === 'invalid_type' || union)) {
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
        hint: own(hints.missingFieldHints, field),
      });
      continue;
    }
    if (onKey) {
      const key = String(path[path.length - 1]);
      const parent = path.slice(0, -1);
      const said = issueText(issue, value);
      out.push({
        ...locate(yaml, path, 'key'),
        severity: 'error',
        rule: 'invalid-key',
        message: {
          da: `${danishPath(parent)}: \`${key}\` kan ikke bruges som felt her: ${said.da}`,
          en: `${formatPath(parent)}: \`${key}\` is not allowed as a key here: ${said.en}`,
        },
        hint: issue.code === 'invalid_format' ? hints.keyFormat : undefined,
      });
      continue;
    }
    if (issue.code === 'invalid_value') {
      const options = issue.values.map(String);
      const guess = typeof value === 'string' ? suggest(value, options) : undefined;
      // A Danish word too far from its English value to be guessed (`grupper`), but not `plenum`.
      const danish = typeof value === 'string' && !guess ? own(hints.danishValues, value.trim().toLowerCase()) : undefined;
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
    const said = union ? unionText(issue, value) : issueText(issue, value);
    const customHint = schemaText.isText(custom?.hint) ? custom.hint : undefined;
    out.push({
      ...locate(yaml, path),
      severity: 'error',
      rule: isRuleId(custom?.rule) ? custom.rule : issue.code === 'invalid_type' || union ? 'wrong-type' : 'invalid-value',
      message: {
        da: `${wherePath.length ? `${whereDa}: ` : ''}${said.da}`,
        en: `${where ? `${where}: ` : ''}${said.en}`,
      },
      // An empty list where entries are required (`steps: []`) wants the same example as a missing one.
      hint:
        customHint ??
        (Array.isArray(value) && !value.length
          ? own(hints.missingFieldHints, String(path[path.length - 1]))
          : hints.wrongTypeHint(path, value, expectedTypes(issue))),
    });
  }
  return out;
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
 * union is, with its own message or the types it takes. Record keys: the key's own issue, placed at the key.
 */
function resolveIssue(issue: Issue, prefix: YamlPath): PlacedIssue[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  if (issue.code === 'invalid_union' && issue.errors.length) {
    const fitting = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
    if (fitting.length) return fitting[0].flatMap((i) => resolveIssue(i, path));
    return [{ issue, path, union: true }];
  }
  if (issue.code === 'invalid_key') {
    return issue.issues.map((i) => ({ issue: i, path, onKey: true }));
  }
  return [{ issue, path }];
}

/** zod's names of the types the value should have had: an invalid_type's, or those of a union's options. */
function expectedTypes(issue: Issue): string[] {
  if (issue.code === 'invalid_type') return [issue.expected];
  const branches = issue.code === 'invalid_union' ? issue.errors : [];
  return [...new Set(branches.flatMap((b) => b.flatMap((i) => (i.code === 'invalid_type' ? [i.expected] : []))))];
}

/** The types a union's options take, as an editor says them: "text or a list". */
function expectedOf(issue: Issue, language: Language): string {
  return [...new Set(expectedTypes(issue).map((type) => expectedName(type, language)))].join(language === 'da' ? ' eller ' : ' or ');
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

/** A union none of whose options fits: its own message, or the types it takes, and what the value is. */
function unionText(issue: Issue, value: unknown): Text {
  const stated = schemaText.of(issue);
  return {
    da: `${stated?.da ?? `skal være ${expectedOf(issue, 'da')}`}, ikke ${describeValue(value, 'da')}`,
    en: `${stated?.en ?? `must be ${expectedOf(issue, 'en')}`}, not ${describeValue(value)}`,
  };
}

/**
 * What is wrong, in both languages: the schema's own message when it states one, else one made from the
 * issue's code. The value the editor wrote makes a type or a bound concrete: "must be at least 1, not 0".
 */
function issueText(issue: Issue, value: unknown): Text {
  const stated = schemaText.of(issue);
  if (issue.code === 'invalid_type') {
    return {
      da: `${stated?.da ?? `skal være ${expectedName(issue.expected, 'da')}`}, ikke ${describeValue(value, 'da')}`,
      en: `${stated?.en ?? `must be ${expectedName(issue.expected)}`}, not ${describeValue(value)}`,
    };
  }
  const bound = (issue.code === 'too_small' || issue.code === 'too_big') && typeof value === 'number';
  return {
    da: `${stated?.da ?? danishByCode(issue)}${bound ? `, ikke ${value}` : ''}`,
    // zod's own English, when the schema states none: only the Danish needs making.
    en: `${stated?.en ?? issue.message}${bound ? `, not ${value}` : ''}`,
  };
}

/** An issue whose schema states no message, said in Danish from its code and the limits zod gives. */
function danishByCode(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const word = issue.code === 'too_small' ? 'mindst' : 'højst';
      if (issue.origin === 'string') return issue.code === 'too_small' && limit === 1 ? 'må ikke være tom' : `skal have ${word} ${limit} tegn`;
      if (issue.origin === 'array' || issue.origin === 'set') return `skal have ${word} ${limit} ${limit === 1 ? 'punkt' : 'punkter'}`;
      return `skal være ${word} ${limit}`;
    }
    case 'invalid_format':
      return 'er ikke skrevet på den rigtige måde';
    case 'not_multiple_of':
      return `skal gå op i ${String(issue.divisor)}`;
    default:
      return 'har en værdi, der ikke kan bruges her';
  }
}

/** `steps[0].instructions[1]` as a Danish reader counts: "trin 1, `instructions`, punkt 2". */
function sayDanishPath(path: YamlPath, hints: SchemaHints): string {
  const parts: string[] = [];
  path.forEach((segment, i) => {
    if (typeof segment === 'string') {
      parts.push(`\`${segment}\``);
      return;
    }
    const list = path[i - 1];
    const item = typeof list === 'string' ? own(hints.danishItems, list) : undefined;
    if (item) parts.splice(parts.length - 1, 1, `${item} ${segment + 1}`);
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
