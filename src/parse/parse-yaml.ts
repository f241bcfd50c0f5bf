/**
 * One YAML text (topic.yaml or a card's front matter) → a document with line positions and its plain data.
 * The yaml library's errors are turned into diagnostics placed where an editor has to fix them, which is
 * not always where the library noticed them (an unclosed quote is noticed at the end of the file).
 * Never throws: alias bombs and unresolvable aliases become diagnostics too.
 */
import { type Alias, type Document, isAlias, isCollection, isPair, isScalar, LineCounter, type Node, parseDocument, Scalar, visit, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type ExplainedYamlError, explainYamlError, yamlOptions, type YamlErrorSource } from './explain-yaml-error.js';

export interface ParsedYaml {
  file: string;
  /** The YAML text itself, for hints that show a line of it corrected. */
  text: string;
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
  const doc = parseDocument(text, { lineCounter, ...yamlOptions });
  const yaml: ParsedYaml = {
    file,
    text,
    doc,
    lineCounter,
    lineOffset,
    ok: false,
  };
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

  const source: YamlErrorSource = { doc, text, at };
  for (const explained of reportedErrors(doc, source)) push({ ...explained, severity: 'error' });
  if (doc.errors.length) return { yaml, diagnostics };
  for (const problem of doc.warnings) push({ ...explainYamlError(problem, source), severity: 'warning' });
  if (doc.errors.length) return { yaml, diagnostics };

  // A key that is a list or mapping has no meaning in a topic, and yaml would stringify it with a
  // process warning; say so at the key instead.
  let complexKey = false;
  visit(doc, {
    Pair(_, pair) {
      if (!complexKey && pair.key && isCollection(pair.key)) {
        complexKey = true;
        push({
          ...at((pair.key as Node).range?.[0] ?? 0),
          severity: 'error',
          rule: 'yaml-complex-key',
          message: {
            da: 'et felts navn skal være et almindeligt ord, ikke en liste eller en gruppe af felter',
            en: 'a key must be a plain word, not a list or mapping',
          },
          hint: {
            da: 'fjern `?` eller klammerne foran feltets navn',
            en: 'remove the `?` or brackets before the key',
          },
        });
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
  keepParagraphs(doc);
  try {
    yaml.data = doc.toJS({ maxAliasCount });
    yaml.ok = true;
  } catch (error) {
    // With every alias resolvable and none circular, yaml refuses only an expansion past its limit.
    const bomb = aliases.targets.size ? explainAliasBomb(doc, aliases.targets, at) : undefined;
    push(
      bomb ?? {
        ...at(0),
        severity: 'error',
        rule: 'yaml-unreadable',
        message: {
          da: 'filen kan ikke læses som YAML',
          en: `the YAML cannot be read: ${(error as Error).message}`,
        },
      },
    );
  }
  return { yaml, diagnostics };
}

/** How many of the library's errors are looked at for the first mistake; the rest follow from those. */
const maxExaminedErrors = 20;

/**
 * The errors worth reporting. After a mistake in its structure (a tab, a missing colon or quote, a
 * wrong indentation) yaml reads on by guessing, and its guesses fail on correct lines after the mistake
 * and now and then on the line just before it: one tab gave eight errors, among them a false colon
 * error on the line above. So only the first structural error of the document is reported, counted
 * from where the editor has to fix it; running again after the fix shows any real one after it. A tab
 * in the indentation is that first error wherever yaml noticed the other ones. A repeated key leaves
 * the rest of the text readable, so when the structure is fine every repeated key is reported.
 */
function reportedErrors(doc: Document, source: YamlErrorSource): ExplainedYamlError[] {
  const tab = doc.errors.find((e) => e.code === 'TAB_AS_INDENT');
  if (tab) return [explainYamlError(tab, source)];
  // yaml reports a key running on to the next line twice; the explanation of the first says it all.
  const multilineKeyStarts = new Set(doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  const structural = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY' && !(e.code === 'BLOCK_AS_IMPLICIT_KEY' && multilineKeyStarts.has(e.pos[0])));
  if (!structural.length) return doc.errors.map((e) => explainYamlError(e, source));
  const placed = structural.slice(0, maxExaminedErrors).map((e) => explainYamlError(e, source));
  return [placed.reduce((a, b) => (((b.line ?? 0) - (a.line ?? 0) || (b.column ?? 0) - (a.column ?? 0)) < 0 ? b : a))];
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
        problems.push({
          ...place,
          severity: 'error',
          rule: 'yaml-unresolved-alias',
          message: {
            da: `henvisningen \`*${node.source}\` har intet \`&${node.source}\` før sig, som den kan henvise til`,
            en: `alias \`*${node.source}\` has no anchor \`&${node.source}\` before it`,
          },
        });
      } else if (path.includes(target as never)) {
        problems.push({
          ...place,
          severity: 'error',
          rule: 'yaml-circular-alias',
          message: {
            da: `henvisningen \`*${node.source}\` står inde i den værdi, den henviser til, og ville give en værdi uden ende`,
            en: `alias \`*${node.source}\` is inside the node it names, which would make an endless value`,
          },
        });
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
  const kb = (n: number, language: 'da' | 'en' = 'en') => `${Math.ceil(n / 1024).toLocaleString(language)} KB`;
  return {
    ...at(worst.range?.[0] ?? 0),
    severity: 'error',
    rule: 'yaml-alias-bomb',
    message: {
      da: `med alle henvisninger skrevet ud ville filen rumme ${kb(total, 'da')} tekst, mere end de ${kb(maxExpandedCharacters, 'da')}, en topic.yaml må rumme; \`*${worst.source}\` her gentager ${kb(size(worst), 'da')}`,
      en: `with its aliases written out the file would hold ${kb(total)} of text, more than the ${kb(maxExpandedCharacters)} a topic.yaml may hold; \`*${worst.source}\` here repeats ${kb(size(worst))}`,
    },
    hint: {
      da: 'skriv teksten én gang, eller brug færre henvisninger til lange tekster',
      en: 'write the text once, or use fewer aliases of long texts',
    },
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
  const many = targets.size > maxAliasCount;
  const why = many
    ? `the file uses ${targets.size} aliases, more than the ${maxAliasCount} allowed`
    : `alias \`*${worst.source}\` expands to ${size(worst).toLocaleString('en')} values and the file to ${total.toLocaleString('en')}`;
  const hvorfor = many
    ? `filen bruger ${targets.size} henvisninger, flere end de ${maxAliasCount}, der er lov`
    : `henvisningen \`*${worst.source}\` bliver til ${size(worst).toLocaleString('da')} værdier og filen til ${total.toLocaleString('da')}`;
  return {
    ...at(worst.range?.[0] ?? 0),
    severity: 'error',
    rule: 'yaml-alias-bomb',
    message: {
      da: `${hvorfor}; en fil, der gentager sig selv så meget, afvises, fordi den kan bruges til at lægge maskinen ned`,
      en: `${why}; YAML that repeats itself this much is refused as a resource exhaustion attack ("billion laughs")`,
    },
    hint: {
      da: 'skriv værdierne ud, eller brug færre henvisninger, der ikke gentager andre henvisninger',
      en: 'write the values out, or use fewer aliases that do not repeat other aliases',
    },
  };
}

/**
 * An editor who leaves an empty line inside a plain text means a new paragraph, as in Word. YAML folds
 * the text and keeps that empty line as a single line break, which markdown reads as a space: the two
 * paragraphs of a tip came out as one. In plain and single-quoted text a line break can come from an
 * empty line only, so each becomes the empty line markdown needs. Block texts (`|`, `>`) and double
 * quotes, where `\n` may be written on purpose, are left as they are.
 */
function keepParagraphs(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_SINGLE) && typeof node.value === 'string' && node.value.includes('\n')) {
        node.value = node.value.replace(/\n/g, '\n\n');
      }
    },
  });
}
