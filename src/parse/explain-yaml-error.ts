/**
 * One error or warning of the yaml library → what an editor reads: a rule, a message in Danish and
 * English, a hint that is the corrected line where one can be written, and the place the editor has to
 * fix, which is not always where the library noticed the problem (an unclosed quote is noticed at the
 * end of the file, a tab on the line above it). The library's own words never reach a Danish reader:
 * every code has an explanation, and the English one may keep the library's text as a detail.
 */
import { type Document, type ErrorCode, isScalar, parseDocument, Scalar, visit, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import { quoteYamlText } from './quote-yaml-text.js';

type Place = Pick<Diagnostic, 'line' | 'column'>;

export type ExplainedYamlError = Omit<Diagnostic, 'file' | 'severity'>;

export interface YamlErrorSource {
  doc: Document;
  text: string;
  at: (offset: number) => Place;
  /** Filled on first use: the repeated keys of the document, shared by all its DUPLICATE_KEY errors. */
  duplicates?: DuplicateKey[];
}

/** The options topic.yaml is read with; a tab's fix is tried with them too. */
export const yamlOptions = {
  prettyErrors: true,
  uniqueKeys: true,
  strict: true,
} as const;

export function explainYamlError(problem: YAMLError, source: YamlErrorSource): ExplainedYamlError {
  const { doc, text, at } = source;
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
          ...at(lineAt(text, start).firstNonSpace),
          rule: 'yaml-bad-indent',
          message: {
            da: 'linjen er rykket mindre ind end felterne i listepunktet over, men mere end selve listen',
            en: 'this line is indented less than the keys of the list item above it, but more than the list',
          },
          hint: {
            da: 'ryk felterne i et listepunkt ind til kolonnen efter `- `, fx `  - title: A` og så `    minutes: 5`',
            en: "indent a list item's keys to the column after its `- `, e.g. `  - title: A` and then `    minutes: 5`",
          },
        };
      }
      const quote = /quote/.test(problem.message) ? openingQuote(doc, start) : undefined;
      if (quote) {
        const mark = quote.type === Scalar.QUOTE_DOUBLE ? '"' : "'";
        return {
          ...at(quote.range![0]),
          rule: 'yaml-unclosed-quote',
          message: {
            da: `anførselstegnet ${mark}, der begynder her, bliver aldrig lukket`,
            en: `the quote ${mark} opened here is never closed`,
          },
          hint: {
            da: `slut teksten med ${mark} på samme linje, eller fjern det første ${mark}; uden det læser YAML videre helt til slutningen af filen`,
            en: `end the text with ${mark} on the same line, or remove the opening ${mark}; without it YAML reads on to the end of the file`,
          },
        };
      }
      return unreadable(problem, at, 'der mangler et tegn her, fx et `:` efter et felts navn eller et lukkende anførselstegn');
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      // `duration 20` over `steps:`: the two lines read as one key, "duration 20 steps".
      const missing = missingColon(text, start, end);
      if (missing) return { ...at(start), ...missing };
      // `min: 4` followed by `   max: 12`: the deeper line continues the value above and fails as a key.
      return {
        ...at(lineAt(text, end).firstNonSpace),
        rule: 'yaml-bad-indent',
        message: {
          da: 'linjen er rykket længere ind end feltet over, så YAML læser den som en del af det felts værdi',
          en: "this line is indented more than the key above it, so YAML reads it as part of that key's value",
        },
        hint: {
          da: 'felter på samme niveau skal begynde i samme kolonne; ryk kun længere ind under et felt, der ikke har en værdi på sin egen linje',
          en: 'keys of one mapping start in the same column; indent a nested mapping under a key that has no value on its line',
        },
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return colonInValue(text, start, at) ?? unreadable(problem, at, 'YAML læser her noget som et felts navn, som ikke kan være det');
    case 'UNEXPECTED_TOKEN':
      return quoteThenText(text, start, at) ?? unreadable(problem, at, 'der står noget her, som YAML ikke ventede');
    case 'BAD_SCALAR_START': {
      // `- @navn` or a text starting with a backtick: characters YAML keeps for itself.
      const fixed = quotedLine(text, start);
      return {
        ...at(start),
        rule: ruleOf(problem),
        message: {
          da: 'en tekst kan ikke begynde med dette tegn uden anførselstegn om sig',
          en: 'a text cannot start with this character unless it is in quotes',
        },
        hint: fixed ? writeLine(fixed) : { da: 'sæt teksten i anførselstegn', en: 'put the text in quotes' },
      };
    }
    case 'BAD_DQ_ESCAPE':
      return {
        ...at(start),
        rule: ruleOf(problem),
        message: {
          da: 'inde i dobbelte anførselstegn betyder `\\` noget særligt, og det, der står efter den her, kan YAML ikke læse',
          en: `inside double quotes \`\\\` starts an escape, and this one cannot be read (${firstLine(problem.message)})`,
        },
        hint: {
          da: "brug enkelte anførselstegn om teksten ('…'), eller skriv `\\\\` for én `\\`",
          en: "put the text in single quotes ('…'), or write `\\\\` for one `\\`",
        },
      };
    case 'BAD_INDENT': {
      const bracket = unclosedBracket(problem, text, at);
      if (bracket) return bracket;
      return {
        ...at(lineAt(text, start).firstNonSpace),
        rule: 'yaml-bad-indent',
        message: {
          da: 'linjen er ikke rykket ind, så den passer med linjerne over den',
          en: `this line's indentation does not fit the lines above it (${firstLine(problem.message)})`,
        },
        hint: {
          da: 'ryk ind med mellemrum, så felter på samme niveau begynder i samme kolonne',
          en: 'indent with spaces so that keys of one level start in the same column',
        },
      };
    }
    case 'RESOURCE_EXHAUSTION':
      // yaml turns the parser's stack overflow into this error, with JavaScript's words for it.
      if (!/call stack/i.test(problem.message)) return unreadable(problem, at, 'filen gentager sig selv for meget til at kunne læses');
      return {
        ...at(start),
        rule: 'yaml-too-deep',
        message: {
          da: 'lister eller grupper af felter er lagt inden i hinanden for mange gange til at kunne læses (hundredvis af niveauer eller flere)',
          en: 'lists or mappings are nested too deeply to read (hundreds of levels or more, up to this place)',
        },
        hint: {
          da: 'et emne behøver højst nogle få niveauer; se efter `[` eller `{`, der åbnes igen og igen uden at blive lukket',
          en: 'a topic needs a few levels at most; look for `[` or `{` that are opened again and again and never closed',
        },
      };
    case 'TAB_AS_INDENT':
      return tabAsIndent(text, start, at);
    case 'DUPLICATE_KEY': {
      const duplicate = duplicateAt((source.duplicates ??= duplicateKeys(doc)), start);
      const first = duplicate && at(duplicate.first).line;
      return {
        ...at(duplicate?.offset ?? start),
        rule: 'yaml-duplicate-key',
        message: duplicate
          ? {
              da: `feltet \`${duplicate.key}\` står to gange: det er allerede skrevet på linje ${first}`,
              en: `duplicate key \`${duplicate.key}\`: it is already set on line ${first}`,
            }
          : {
              da: 'feltet står to gange: det er allerede skrevet længere oppe',
              en: 'duplicate key: this key is already set above',
            },
        hint: { da: 'behold kun det ene', en: 'keep one of them' },
      };
    }
    case 'MULTIPLE_DOCS':
      return {
        ...at(start),
        rule: 'yaml-multiple-docs',
        message: {
          da: 'her begynder et nyt dokument (`---`), men filen må kun have ét',
          en: 'a second YAML document starts here (`---`); one document is expected',
        },
        hint: {
          da: 'fjern linjen med `---`, eller saml dokumenterne til ét',
          en: 'remove the `---` line, or merge the documents',
        },
      };
    case 'BLOCK_IN_FLOW':
      return {
        ...at(start),
        rule: ruleOf(problem),
        message: {
          da: 'inde i `[ ]` eller `{ }` kan der ikke stå listepunkter med `- ` eller felter på hver sin linje',
          en: `a list or mapping in \`[ ]\` or \`{ }\` cannot hold \`- \` items or keys on lines of their own (${firstLine(problem.message)})`,
        },
        hint: {
          da: 'skriv enten alt inde i klammerne på én linje, eller fjern klammerne',
          en: 'write everything inside the brackets on one line, or remove the brackets',
        },
      };
    case 'KEY_OVER_1024_CHARS':
      return {
        ...at(start),
        rule: ruleOf(problem),
        message: {
          da: 'YAML læser over 1024 tegn her som et felts navn',
          en: 'YAML reads more than 1024 characters here as the name of a key',
        },
        hint: {
          da: 'sæt teksten i anførselstegn, eller se efter et `:`, der står forkert',
          en: 'put the text in quotes, or look for a misplaced `:`',
        },
      };
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return {
        ...at(start),
        rule: ruleOf(problem),
        message: {
          da: 'et `!` foran en værdi betyder noget særligt i YAML, og dette kendes ikke',
          en: `a \`!\` tag before a value is not known (${firstLine(problem.message)})`,
        },
        hint: {
          da: 'fjern `!…`, eller sæt teksten i anførselstegn',
          en: 'remove the `!…`, or put the text in quotes',
        },
      };
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
      return {
        ...at(start),
        rule: ruleOf(problem),
        message: {
          da: '`&`, `*` og `!` betyder noget særligt i YAML, og her står de, så de ikke kan læses',
          en: `\`&\`, \`*\` and \`!\` have a meaning of their own in YAML, and they cannot be read here (${firstLine(problem.message)})`,
        },
        hint: {
          da: 'sæt teksten i anførselstegn, hvis tegnet er en del af teksten',
          en: 'put the text in quotes if the character is part of it',
        },
      };
    case 'BAD_DIRECTIVE':
      return {
        ...at(start),
        rule: ruleOf(problem),
        message: {
          da: 'en linje, der begynder med `%`, betyder noget særligt i YAML og kan ikke læses her',
          en: `a line starting with \`%\` is a YAML directive (${firstLine(problem.message)})`,
        },
        hint: {
          da: 'sæt teksten i anførselstegn, eller fjern `%`',
          en: 'put the text in quotes, or remove the `%`',
        },
      };
    case 'NON_STRING_KEY':
      return {
        ...at(start),
        rule: ruleOf(problem),
        message: {
          da: 'et felts navn skal være et almindeligt ord',
          en: `a key must be a plain word (${firstLine(problem.message)})`,
        },
      };
  }
  return unreadable(problem, at);
}

/** The fallback: Danish without the library's words, English with them as the detail. */
function unreadable(problem: YAMLError, at: (offset: number) => Place, why?: string): ExplainedYamlError {
  return {
    ...at(problem.pos[0]),
    rule: ruleOf(problem),
    message: {
      da: `linjen kan ikke læses som YAML${why ? `: ${why}` : ''}`,
      en: `the line cannot be read as YAML: ${firstLine(problem.message)}`,
    },
    hint: {
      da: 'se efter et `:`, et anførselstegn eller en indrykning, der ikke passer; sæt teksten i anførselstegn, hvis den indeholder `:` eller `#`',
      en: 'look for a `:`, a quote or an indentation that does not fit; put a text in quotes if it holds `:` or `#`',
    },
  };
}

function writeLine(line: string): Diagnostic['hint'] {
  return {
    da: `skriv linjen sådan: \`${line}\``,
    en: `write the line like this: \`${line}\``,
  };
}

interface SplitLine {
  /** Indentation and any `- ` and field-like key (`title: `) before the text. */
  prefix: string;
  /** The text as written, without a trailing comment. */
  value: string;
  /** ` # …`, kept for the corrected line. */
  comment: string;
}

/**
 * A line read the way an editor writes it: `  - title: Kl. 10: start` is a key `title` and the text
 * `Kl. 10: start`; `  - Husk: casen …` is only text, since a field's name is a lower-case word.
 */
function splitLine(line: string): SplitLine {
  const head = /^([ \t]*(?:-[ \t]+)*)/.exec(line)![1];
  const rest = line.slice(head.length);
  const key = /^[\p{Ll}][\p{Ll}\p{N}_-]*:[ \t]+/u.exec(rest)?.[0] ?? '';
  const body = rest.slice(key.length).trimEnd();
  const comment = /[ \t]#/.exec(body);
  return comment
    ? {
        prefix: head + key,
        value: body.slice(0, comment.index),
        comment: body.slice(comment.index),
      }
    : { prefix: head + key, value: body, comment: '' };
}

/** The line at `offset` with its text in quotes, or undefined when there is no text to quote. */
function quotedLine(text: string, offset: number): string | undefined {
  const { content } = lineAt(text, offset);
  const { prefix, value, comment } = splitLine(content);
  return value ? `${prefix}${quoteYamlText(value)}${comment}` : undefined;
}

/** `title: Kl. 10: start`: a second `: ` on the line, which YAML reads as a key inside the value. */
function colonInValue(text: string, offset: number, at: (offset: number) => Place): ExplainedYamlError | undefined {
  const line = lineAt(text, offset);
  const { prefix, value, comment } = splitLine(line.content);
  if (!/:([ \t]|$)/.test(value)) return undefined;
  return {
    ...at(line.lineStart + prefix.length),
    rule: 'yaml-colon-in-value',
    message: {
      da: 'teksten indeholder `: `, og så tror YAML, at et nyt felt begynder midt på linjen',
      en: 'a value holds `: `, which YAML reads as a second key on the same line',
    },
    hint: {
      da: `sæt teksten i anførselstegn; skriv linjen sådan: \`${prefix}${quoteYamlText(value)}${comment}\``,
      en: `put the value in quotes; write the line like this: \`${prefix}${quoteYamlText(value)}${comment}\``,
    },
  };
}

/** `- "Kan du ikke bare …?" – hvad svarer vi?`: a quoted text with more text after its closing quote. */
function quoteThenText(text: string, offset: number, at: (offset: number) => Place): ExplainedYamlError | undefined {
  const line = lineAt(text, offset);
  const head = /^([ \t]*(?:-[ \t]+)*)/.exec(line.content)![1];
  const afterDash = line.content.slice(head.length);
  const key = /^[\p{Ll}][\p{Ll}\p{N}_-]*:[ \t]+/u.exec(afterDash)?.[0] ?? '';
  const prefix = head + key;
  const body = line.content.slice(prefix.length).trimEnd();
  const mark = body[0];
  if (mark !== '"' && mark !== "'") return undefined;
  const close = closingQuote(body, mark);
  if (close === undefined) return undefined;
  const after = body.slice(close + 1);
  const comment = /(^|[ \t])#/.exec(after);
  const tail = comment ? after.slice(0, comment.index) : after;
  if (!tail.trim()) return undefined;
  const value = (body.slice(0, close + 1) + tail).trimEnd();
  const fixed = `${prefix}${quoteYamlText(value)}${comment ? after.slice(comment.index) : ''}`;
  return {
    ...at(line.lineStart + prefix.length),
    rule: 'yaml-quote-then-text',
    message: {
      da: 'teksten begynder med et citat i anførselstegn og fortsætter efter det, og sådan en linje kan YAML ikke læse',
      en: 'the text starts with a quotation in quotes and goes on after it, which YAML cannot read',
    },
    hint: {
      da: `sæt hele teksten i anførselstegn; skriv linjen sådan: \`${fixed}\``,
      en: `put the whole text in quotes; write the line like this: \`${fixed}\``,
    },
  };
}

function closingQuote(body: string, mark: string): number | undefined {
  for (let i = 1; i < body.length; i++) {
    if (mark === '"' && body[i] === '\\') i++;
    else if (body[i] === mark) {
      if (mark === "'" && body[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}

/**
 * A tab in the indentation, placed at the first tab of the line, with the line indented by spaces as it
 * was meant. Which indentation was meant is read from the lines around it and checked by reading the
 * text again with each candidate: the first that leaves the fewest errors is the one shown.
 */
function tabAsIndent(text: string, offset: number, at: (offset: number) => Place): ExplainedYamlError {
  const line = lineAt(text, offset);
  const indent = /^[ \t]*/.exec(line.content)![0];
  const tab = indent.indexOf('\t');
  const fixed = tab < 0 ? undefined : spacedLine(text, line);
  return {
    ...(tab < 0 ? at(offset) : at(line.lineStart + tab)),
    rule: 'yaml-tab-as-indent',
    message: {
      da: 'linjen er rykket ind med et tabulatortegn, men YAML tillader kun mellemrum',
      en: 'a tab is used for indentation; YAML allows only spaces',
    },
    hint: fixed
      ? {
          da: `ryk ind med mellemrum i stedet; skriv linjen sådan: \`${fixed}\``,
          en: `indent with spaces instead; write the line like this: \`${fixed}\``,
        }
      : {
          da: 'ryk ind med mellemrum (to pr. niveau)',
          en: 'indent with spaces (two per level)',
        },
  };
}

/** Past this size the candidates are not tried, so a hostile file costs one reading, not ten. */
const maxTriedText = 256 * 1024;

function spacedLine(text: string, line: LineAt): string | undefined {
  const rest = line.content.replace(/^[ \t]+/, '');
  if (!rest) return undefined;
  const lines = text.split('\n');
  const index = text.slice(0, line.lineStart).split('\n').length - 1;
  const meaningful = (s: string | undefined) => s !== undefined && s.trim() !== '' && !s.trim().startsWith('#');
  const indentOf = (s: string) => /^ */.exec(s)![0].length;
  const isItem = (s: string) => /^-([ \t]|$)/.test(s.trim());
  let before = index - 1;
  while (before >= 0 && !meaningful(lines[before])) before--;
  let after = index + 1;
  while (after < lines.length && (!meaningful(lines[after]) || /^[ ]*\t/.test(lines[after]))) after++;
  const previous = before >= 0 && !/^[ ]*\t/.test(lines[before]) ? lines[before].trimEnd() : undefined;
  const next = after < lines.length ? lines[after] : undefined;

  const candidates: number[] = [];
  if (previous !== undefined) {
    const content = indentOf(previous) + (isItem(previous) ? 2 : 0);
    // `participants:` over the tab: the tab line is the first of what the key holds.
    if (previous.endsWith(':')) candidates.push(content + 2);
    // `  - title: A` over the tab and a key on it: the item's next key.
    if (isItem(previous) && !isItem(rest)) candidates.push(content);
  }
  if (next !== undefined && isItem(next) === isItem(rest)) candidates.push(indentOf(next));
  if (previous !== undefined && isItem(previous) === isItem(rest)) candidates.push(indentOf(previous));
  const widest = Math.max(8, previous === undefined ? 0 : indentOf(previous) + 4);
  for (let n = 0; n <= widest; n += 2) candidates.push(n);
  const unique = [...new Set(candidates)];
  const withIndent = (n: number) => ' '.repeat(n) + rest.trimEnd();
  if (text.length > maxTriedText) return withIndent(unique[0]);

  let best: { n: number; errors: number } | undefined;
  for (const n of unique) {
    const tried = [...lines.slice(0, index), withIndent(n), ...lines.slice(index + 1)].join('\n');
    const errors = parseDocument(tried, yamlOptions).errors.length;
    if (!best || errors < best.errors) best = { n, errors };
    if (errors === 0) break;
  }
  return withIndent(best!.n);
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
  const first = lineAt(text, start);
  if (first.firstNonSpace !== start) return undefined;
  if (end !== undefined) {
    const next = lineAt(text, end);
    if (next.firstNonSpace - next.lineStart !== start - first.lineStart) return undefined;
  }
  const lineEnd = text.indexOf('\n', start);
  const line = text.slice(start, lineEnd < 0 ? undefined : lineEnd).trimEnd();
  if (line.includes(': ') || line.endsWith(':')) return undefined;
  const glued = /^([^\s:]+):(\S.*)$/.exec(line);
  const space = line.indexOf(' ');
  const fixed = glued ? `${glued[1]}: ${glued[2]}` : space > 0 ? `${line.slice(0, space)}: ${line.slice(space + 1).trimStart()}` : undefined;
  const runsOn = end !== undefined;
  return {
    rule: 'yaml-missing-colon',
    message: glued
      ? {
          da: `\`${line}\` mangler et mellemrum efter \`:\`${runsOn ? ', så YAML læser den og næste linje som ét felts navn' : ''}`,
          en: `\`${line}\` needs a space after its \`:\`${runsOn ? ', so YAML reads it and the next line as one key' : ''}`,
        }
      : {
          da: `\`${line}\` mangler \`:\` efter feltets navn${runsOn ? ', så YAML læser den og næste linje som ét felts navn' : ''}`,
          en: `\`${line}\` has no \`:\` after its key${runsOn ? ', so YAML reads it and the next line as one key' : ''}`,
        },
    hint: fixed
      ? { da: `skriv \`${fixed}\``, en: `write \`${fixed}\`` }
      : {
          da: 'sæt `:` og et mellemrum mellem feltets navn og værdien',
          en: 'put `:` and a space between the key and its value',
        },
  };
}

/**
 * An unclosed `{` or `[`, which yaml notices on the next line not indented under it or at the end of
 * the text ("… must end with a }"), placed at the bracket the editor has to close.
 */
function unclosedBracket(problem: YAMLError, text: string, at: (offset: number) => Place): ExplainedYamlError | undefined {
  const bracket = /end with an? ([}\]])/.exec(problem.message)?.[1];
  const open = bracket ? unclosedFlow(text, problem.pos[0], bracket === '}' ? '{' : '[') : undefined;
  if (open === undefined) return undefined;
  const curly = bracket === '}';
  const opening = curly ? '{' : '[';
  const example = curly ? '{ min: 4, max: 20 }' : '[Skriveredskaber, Papir]';
  return {
    ...at(open),
    rule: 'yaml-unclosed-bracket',
    message: {
      da: `${opening}, der begynder her, bliver aldrig lukket med ${bracket}`,
      en: `the ${opening} opened here is never closed with ${bracket}`,
    },
    hint: {
      da: `slut ${curly ? 'gruppen af felter' : 'listen'} med ${bracket} på samme linje, fx ${example}`,
      en: `end the ${curly ? 'mapping' : 'list'} with ${bracket} on the same line, e.g. ${example}`,
    },
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
    const token = node.srcToken as
      | {
          type?: string;
          start?: { offset: number; source: string };
          end?: { source: string }[];
        }
      | undefined;
    if (!node.flow || token?.type !== 'flow-collection' || token.start?.source !== opening || token.start.offset >= offset) return;
    if (!token.end?.some((t) => t.source === closing) && (found === undefined || token.start.offset > found)) found = token.start.offset;
  };
  visit(parseDocument(text, { keepSourceTokens: true }), {
    Map: (_key, node) => check(node),
    Seq: (_key, node) => check(node),
  });
  return found;
}

interface LineAt {
  lineStart: number;
  firstNonSpace: number;
  /** The line's text, without its line break. */
  content: string;
}

function lineAt(text: string, offset: number): LineAt {
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const content = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
  const indent = /^[ \t]*/.exec(content)![0].length;
  return { lineStart, firstNonSpace: lineStart + indent, content };
}

/** One rule per yaml error code, named after it, so every code yaml may give has a rule the docs explain. */
const rulesOfCodes: Record<ErrorCode, RuleId> = {
  ALIAS_PROPS: 'yaml-alias-props',
  BAD_ALIAS: 'yaml-bad-alias',
  BAD_DIRECTIVE: 'yaml-bad-directive',
  BAD_DQ_ESCAPE: 'yaml-bad-dq-escape',
  BAD_INDENT: 'yaml-bad-indent',
  BAD_PROP_ORDER: 'yaml-bad-prop-order',
  BAD_SCALAR_START: 'yaml-bad-scalar-start',
  BLOCK_AS_IMPLICIT_KEY: 'yaml-block-as-implicit-key',
  BLOCK_IN_FLOW: 'yaml-block-in-flow',
  DUPLICATE_KEY: 'yaml-duplicate-key',
  IMPOSSIBLE: 'yaml-impossible',
  KEY_OVER_1024_CHARS: 'yaml-key-over-1024-chars',
  MISSING_CHAR: 'yaml-missing-char',
  MULTILINE_IMPLICIT_KEY: 'yaml-multiline-implicit-key',
  MULTIPLE_ANCHORS: 'yaml-multiple-anchors',
  MULTIPLE_DOCS: 'yaml-multiple-docs',
  MULTIPLE_TAGS: 'yaml-multiple-tags',
  NON_STRING_KEY: 'yaml-non-string-key',
  RESOURCE_EXHAUSTION: 'yaml-resource-exhaustion',
  TAB_AS_INDENT: 'yaml-tab-as-indent',
  TAG_RESOLVE_FAILED: 'yaml-tag-resolve-failed',
  UNEXPECTED_TOKEN: 'yaml-unexpected-token',
  BAD_COLLECTION_TYPE: 'yaml-bad-collection-type',
};

function ruleOf(problem: YAMLError): RuleId {
  return rulesOfCodes[problem.code];
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
