/**
 * One YAML text (topic.yaml or a card's front matter) → a document with line positions and its plain data.
 * The yaml library's errors are turned into diagnostics placed where an editor has to fix them, which is
 * not always where the library noticed them (an unclosed quote is noticed at the end of the file).
 * Never throws: alias bombs and unresolvable aliases become diagnostics too.
 */
import {
  type Alias,
  type Document,
  isAlias,
  isCollection,
  isPair,
  isScalar,
  LineCounter,
  type Node,
  parseDocument,
  Scalar,
  visit,
  type YAMLError,
} from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface ParsedYaml {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
  /** Line of the file on which the YAML text starts (0 for a whole file, >0 for front matter). */
  lineOffset: number;
  /** False when the text has errors, so there is no data to validate. */
  ok: boolean;
  /** The plain data (`toJS`), when ok. */
  data?: unknown;
}

/** yaml's own default; a topic has no reason to come near it. */
const maxAliasCount = 100;

/**
 * Characters of text the document may hold with its aliases expanded: as much as a topic.yaml without
 * aliases may hold. yaml's maxAliasCount counts aliases, not what they repeat: 99 aliases of an 18 KB
 * text took 131 s and 1.3 GB to make a flip-chart of more than a thousand pages.
 */
export const maxExpandedCharacters = 1024 * 1024;

type Place = Pick<Diagnostic, 'line' | 'column'>;

export function parseYaml(text: string, file: string, lineOffset: number): { yaml: ParsedYaml; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, strict: true });
  const yaml: ParsedYaml = { file, doc, lineCounter, lineOffset, ok: false };
  const at = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const push = (d: Omit<Diagnostic, 'file'>) => {
    // The library sometimes reports one mistake twice (e.g. bad indentation as two errors at one place).
    const key = `${d.line}:${d.column}:${d.rule}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push({ file, ...d });
  };

  const multilineKeyStarts = new Set(doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  let found: DuplicateKey[] | undefined;
  const duplicates = () => (found ??= duplicateKeys(doc));
  for (const problem of doc.errors) {
    if (problem.code === 'BLOCK_AS_IMPLICIT_KEY' && multilineKeyStarts.has(problem.pos[0])) continue;
    const described = describeError(problem, doc, text, at, duplicates);
    push({ ...described, severity: 'error' });
    // After an unclosed bracket YAML misreads the lines that follow; their errors would only mislead.
    if (described.rule === 'yaml-unclosed-bracket') break;
  }
  for (const problem of doc.warnings) {
    push({ ...at(problem.pos[0]), severity: 'warning', rule: ruleOf(problem), message: firstLine(problem.message) });
  }
  if (doc.errors.length) return { yaml, diagnostics };

  // A key that is a list or mapping has no meaning in a topic, and yaml would stringify it with a
  // process warning; say so at the key instead.
  let complexKey = false;
  visit(doc, {
    Pair(_, pair) {
      if (!complexKey && pair.key && isCollection(pair.key)) {
        complexKey = true;
        push({ ...at((pair.key as Node).range?.[0] ?? 0), severity: 'error', rule: 'yaml-complex-key', message: 'a key must be a plain word, not a list or mapping', hint: 'remove the `?` or brackets before the key' });
      }
    },
  });
  if (complexKey) return { yaml, diagnostics };

  const aliases = resolveAliases(doc, at);
  if (aliases.problems.length) {
    aliases.problems.forEach((d) => push(d));
    return { yaml, diagnostics };
  }
  const swollen = aliases.targets.size ? explainSwollenAliases(doc, aliases.targets, at) : undefined;
  if (swollen) {
    push(swollen);
    return { yaml, diagnostics };
  }
  try {
    yaml.data = doc.toJS({ maxAliasCount });
    yaml.ok = true;
  } catch (error) {
    // With every alias resolvable and none circular, yaml refuses only an expansion past its limit.
    const bomb = aliases.targets.size ? explainAliasBomb(doc, aliases.targets, at) : undefined;
    push(bomb ?? { ...at(0), severity: 'error', rule: 'yaml-unreadable', message: `the YAML cannot be read: ${(error as Error).message}` });
  }
  return { yaml, diagnostics };
}

function describeError(
  problem: YAMLError,
  doc: Document,
  text: string,
  at: (offset: number) => Place,
  duplicates: () => readonly DuplicateKey[],
): Omit<Diagnostic, 'file' | 'severity'> {
  const [start, end] = problem.pos;
  switch (problem.code) {
    case 'MISSING_CHAR': {
      const bracket = unclosedBracket(problem, text, at);
      if (bracket) return bracket;
      // `duration 20` on the last line: a key with no value at all.
      const missing = /followed by map values/.test(problem.message) ? missingColon(text, start) : undefined;
      if (missing) return { ...at(start), ...missing };
      if (/Sequence item without - indicator/.test(problem.message)) {
        return {
          ...at(lineStartingAt(text, start).firstNonSpace),
          rule: 'yaml-bad-indent',
          message: 'this line is indented less than the keys of the list item above it, but more than the list',
          hint: 'indent a list item\'s keys to the column after its `- `, e.g. `  - title: A` and then `    minutes: 5`',
        };
      }
      const quote = /quote/.test(problem.message) ? openingQuote(doc, start) : undefined;
      if (!quote) break;
      const mark = quote.type === Scalar.QUOTE_DOUBLE ? '"' : "'";
      return {
        ...at(quote.range![0]),
        rule: 'yaml-unclosed-quote',
        message: `the quote ${mark} opened here is never closed`,
        hint: `end the text with ${mark} on the same line, or remove the opening ${mark}; without it YAML reads on to the end of the file`,
      };
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      // `duration 20` over `steps:`: the two lines read as one key, "duration 20 steps".
      const missing = missingColon(text, start, end);
      if (missing) return { ...at(start), ...missing };
      // `min: 4` followed by `   max: 12`: the deeper line continues the value above and fails as a key.
      const line = lineStartingAt(text, end);
      return {
        ...at(line.firstNonSpace),
        rule: 'yaml-bad-indent',
        message: 'this line is indented more than the key above it, so YAML reads it as part of that key\'s value',
        hint: 'keys of one mapping start in the same column; indent a nested mapping under a key that has no value on its line',
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        ...at(start),
        rule: 'yaml-colon-in-value',
        message: 'a value holds `: `, which YAML reads as a second key on the same line',
        hint: 'put the value in quotes, e.g. title: "Kl. 10: start"',
      };
    case 'BAD_INDENT': {
      const bracket = unclosedBracket(problem, text, at);
      if (bracket) return bracket;
      break;
    }
    case 'RESOURCE_EXHAUSTION':
      // yaml turns the parser's stack overflow into this error, with JavaScript's words for it.
      if (!/call stack/i.test(problem.message)) break;
      return {
        ...at(start),
        rule: 'yaml-too-deep',
        message: 'lists or mappings are nested too deeply to read (hundreds of levels or more, up to this place)',
        hint: 'a topic needs a few levels at most; look for `[` or `{` that are opened again and again and never closed',
      };
    case 'TAB_AS_INDENT':
      return { ...at(start), rule: 'yaml-tab-as-indent', message: 'a tab is used for indentation; YAML allows only spaces', hint: 'indent with spaces (two per level)' };
    case 'DUPLICATE_KEY': {
      const duplicate = duplicateAt(duplicates(), start);
      return {
        ...at(duplicate?.offset ?? start),
        rule: 'yaml-duplicate-key',
        message: duplicate ? `duplicate key \`${duplicate.key}\`: it is already set on line ${at(duplicate.first).line}` : 'duplicate key: this key is already set above',
        hint: 'keep one of them',
      };
    }
    case 'MULTIPLE_DOCS':
      return {
        ...at(start),
        rule: 'yaml-multiple-docs',
        message: 'a second YAML document starts here (`---`); one document is expected',
        hint: 'remove the `---` line, or merge the documents',
      };
  }
  return { ...at(start), rule: ruleOf(problem), message: firstLine(problem.message) };
}

/** The quoted scalar that runs on to `offset`, where the library noticed the missing quote. */
function openingQuote(doc: Document, offset: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      if (quoted && node.range && node.range[0] <= offset && offset <= node.range[2] && (!found || node.range[0] > found.range![0])) found = node;
    },
  });
  return found;
}

interface DuplicateKey {
  /** Where the repeated key itself starts. */
  offset: number;
  key: string;
  /** Where the same key first appears in its mapping. */
  first: number;
}

/**
 * Every repeated key of the document, in order, found in one pass. yaml places the error where the pair
 * begins, which for a key after an empty value (`a:` then `a:`) is the end of the line before, so the
 * error is matched to the first repeated key at or after it. Looking each error up by walking the whole
 * document took seconds for a file of a few thousand repeated keys.
 */
function duplicateKeys(doc: Document): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  visit(doc, {
    Map(_key, map) {
      const firsts = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const name = String(pair.key.value);
        const first = firsts.get(name);
        if (first === undefined) firsts.set(name, pair.key.range[0]);
        else found.push({ offset: pair.key.range[0], key: name, first });
      }
    },
  });
  return found.sort((a, b) => a.offset - b.offset);
}

function duplicateAt(duplicates: readonly DuplicateKey[], offset: number): DuplicateKey | undefined {
  let low = 0;
  let high = duplicates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (duplicates[mid].offset < offset) low = mid + 1;
    else high = mid;
  }
  return duplicates[low];
}

/**
 * A key without its colon (`duration 20`), or without the space after it (`duration:20`), at the start
 * of a line. With `end`, the key ran on into the next line at the same indent, which is how yaml meets
 * it mid-file; a key that runs into a deeper line is an indentation mistake instead.
 */
function missingColon(text: string, start: number, end?: number): Pick<Diagnostic, 'rule' | 'message' | 'hint'> | undefined {
  const first = lineStartingAt(text, start);
  if (first.firstNonSpace !== start) return undefined;
  if (end !== undefined) {
    const next = lineStartingAt(text, end);
    if (next.firstNonSpace - next.lineStart !== start - first.lineStart) return undefined;
  }
  const lineEnd = text.indexOf('\n', start);
  const line = text.slice(start, lineEnd < 0 ? undefined : lineEnd).trimEnd();
  if (line.includes(': ') || line.endsWith(':')) return undefined;
  const glued = /^([^\s:]+):(\S.*)$/.exec(line);
  const space = line.indexOf(' ');
  const fixed = glued ? `${glued[1]}: ${glued[2]}` : space > 0 ? `${line.slice(0, space)}: ${line.slice(space + 1).trimStart()}` : undefined;
  const consequence = end !== undefined ? ', so YAML reads it and the next line as one key' : '';
  return {
    rule: 'yaml-missing-colon',
    message: glued ? `\`${line}\` needs a space after its \`:\`${consequence}` : `\`${line}\` has no \`:\` after its key${consequence}`,
    hint: fixed ? `write \`${fixed}\`` : 'put `:` and a space between the key and its value',
  };
}

/**
 * An unclosed `{` or `[`, which yaml notices on the next line not indented under it or at the end of
 * the text ("… must end with a }"), placed at the bracket the editor has to close.
 */
function unclosedBracket(problem: YAMLError, text: string, at: (offset: number) => Place): Omit<Diagnostic, 'file' | 'severity'> | undefined {
  const bracket = /end with an? ([}\]])/.exec(problem.message)?.[1];
  const open = bracket ? unclosedFlow(text, problem.pos[0], bracket === '}' ? '{' : '[') : undefined;
  if (open === undefined) return undefined;
  const [opening, what, example] = bracket === '}' ? ['{', 'mapping', '{ min: 4, max: 20 }'] : ['[', 'list', '[Skriveredskaber, Papir]'];
  return {
    ...at(open),
    rule: 'yaml-unclosed-bracket',
    message: `the ${opening} opened here is never closed with ${bracket}`,
    hint: `end the ${what} with ${bracket} on the same line, e.g. ${example}`,
  };
}

/**
 * Where the flow collection (`{` or `[`) still open at `offset` begins: the last one before it whose
 * source tokens hold no closing bracket. Parsed again with its tokens kept, on this error path only.
 */
function unclosedFlow(text: string, offset: number, opening: '{' | '['): number | undefined {
  const closing = opening === '{' ? '}' : ']';
  let found: number | undefined;
  const check = (node: { flow?: boolean; srcToken?: unknown }) => {
    const token = node.srcToken as { type?: string; start?: { offset: number; source: string }; end?: { source: string }[] } | undefined;
    if (!node.flow || token?.type !== 'flow-collection' || token.start?.source !== opening || token.start.offset >= offset) return;
    if (!token.end?.some((t) => t.source === closing) && (found === undefined || token.start.offset > found)) found = token.start.offset;
  };
  visit(parseDocument(text, { keepSourceTokens: true }), { Map: (_key, node) => check(node), Seq: (_key, node) => check(node) });
  return found;
}

function lineStartingAt(text: string, offset: number): { lineStart: number; firstNonSpace: number } {
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  return { lineStart, firstNonSpace: lineStart + indent };
}

/**
 * Each alias's anchored node, matched the way yaml matches them: the last anchor of that name before the
 * alias, in document order. An alias with no anchor before it, or inside the node it names, is a problem
 * (toJS would throw or build an endless value).
 */
function resolveAliases(doc: Document, at: (offset: number) => Place): { targets: Map<Alias, Node>; problems: Omit<Diagnostic, 'file'>[] } {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const problems: Omit<Diagnostic, 'file'>[] = [];
  visit(doc, {
    Node(_key, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        return;
      }
      const target = anchors.get(node.source);
      const place = at(node.range?.[0] ?? 0);
      if (!target) {
        problems.push({ ...place, severity: 'error', rule: 'yaml-unresolved-alias', message: `alias \`*${node.source}\` has no anchor \`&${node.source}\` before it` });
      } else if (path.includes(target as never)) {
        problems.push({ ...place, severity: 'error', rule: 'yaml-circular-alias', message: `alias \`*${node.source}\` is inside the node it names, which would make an endless value` });
      } else targets.set(node, target);
    },
  });
  return { targets, problems };
}

/**
 * The characters of text (keys and values) the document holds once every alias is written out,
 * counted without writing them out; past maxExpandedCharacters, an error at the alias that repeats
 * the most.
 */
function explainSwollenAliases(doc: Document, targets: Map<Alias, Node>, at: (offset: number) => Place): Omit<Diagnostic, 'file'> | undefined {
  const sizes = new Map<unknown, number>();
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let n = 0;
    if (isAlias(node)) n = size(targets.get(node));
    else if (isPair(node)) n = size(node.key) + size(node.value);
    else if (isCollection(node)) n = (node.items as unknown[]).reduce<number>((sum, item) => sum + size(item), 0);
    else if (isScalar(node)) n = String(node.value ?? '').length;
    sizes.set(node, n);
    return n;
  };
  const total = size(doc.contents);
  if (total <= maxExpandedCharacters) return undefined;
  const worst = [...targets.keys()].reduce((a, b) => (size(b) > size(a) ? b : a));
  const kb = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en')} KB`;
  return {
    ...at(worst.range?.[0] ?? 0),
    severity: 'error',
    rule: 'yaml-alias-bomb',
    message: `with its aliases written out the file would hold ${kb(total)} of text, more than the ${kb(maxExpandedCharacters)} a topic.yaml may hold; \`*${worst.source}\` here repeats ${kb(size(worst))}`,
    hint: 'write the text once, or use fewer aliases of long texts',
  };
}

/** Places an expansion yaml refused at the alias that expands most, with the sizes that make it a bomb. */
function explainAliasBomb(doc: Document, targets: Map<Alias, Node>, at: (offset: number) => Place): Omit<Diagnostic, 'file'> {
  const sizes = new Map<unknown, number>();
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let n = 1;
    if (isAlias(node)) n = size(targets.get(node));
    else if (isPair(node)) n = size(node.key) + size(node.value);
    else if (isCollection(node)) n = 1 + (node.items as unknown[]).reduce<number>((sum, item) => sum + size(item), 0);
    sizes.set(node, n);
    return n;
  };
  const total = size(doc.contents);
  const worst = [...targets.keys()].reduce((a, b) => (size(b) > size(a) ? b : a));
  const why =
    targets.size > maxAliasCount
      ? `the file uses ${targets.size} aliases, more than the ${maxAliasCount} allowed`
      : `alias \`*${worst.source}\` expands to ${size(worst).toLocaleString('en')} values and the file to ${total.toLocaleString('en')}`;
  return {
    ...at(worst.range?.[0] ?? 0),
    severity: 'error',
    rule: 'yaml-alias-bomb',
    message: `${why}; YAML that repeats itself this much is refused as a resource exhaustion attack ("billion laughs")`,
    hint: 'write the values out, or use fewer aliases that do not repeat other aliases',
  };
}

function ruleOf(problem: YAMLError): string {
  return `yaml-${problem.code.toLowerCase().replace(/_/g, '-')}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

