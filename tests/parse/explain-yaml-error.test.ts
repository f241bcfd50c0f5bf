import { parseDocument, YAMLParseError } from 'yaml';
import { describe, expect, it } from 'vitest';
import { explainYamlError, yamlOptions } from '../../src/parse/explain-yaml-error.js';
import { parseYaml } from '../../src/parse/parse-yaml.js';
import { quoteYamlText } from '../../src/parse/quote-yaml-text.js';
import { hintText, messageText } from '../helpers/message-text.js';

const topic = (body: string) => `title: Et emne\nparticipants: { min: 4, max: 12 }\nduration: 20\n${body}`;

function errorsOf(text: string) {
  return parseYaml(text, 'topic.yaml', 0).diagnostics.filter((d) => d.severity === 'error');
}

/** The line the hint says to write, put in place of line `line` (1-based). */
function withHintApplied(text: string, line: number, hint: string): string {
  const written = /write the line like this: `(.*)`$/.exec(hint);
  expect(written, hint).not.toBeNull();
  const lines = text.split('\n');
  lines[line - 1] = written![1];
  return lines.join('\n');
}

describe('quoteYamlText', () => {
  it('uses double quotes, or single quotes with inner ones doubled when the text has `"` or `\\`', () => {
    expect(quoteYamlText('Husk: casen er ikke et facit.')).toBe('"Husk: casen er ikke et facit."');
    expect(quoteYamlText('"Kan du ikke bare …?" – det er borgerens')).toBe(`'"Kan du ikke bare …?" – det er borgerens'`);
    expect(quoteYamlText('C:\\mappe')).toBe("'C:\\mappe'");
    for (const text of ['Husk: a', `"Nej", siger hun: "det er Ole's"`, 'C:\\mappe\\fil: "x"', "Kl. 10: 'start'"]) {
      expect(parseDocument(`a: ${quoteYamlText(text)}`).toJS()).toEqual({ a: text });
    }
  });
});

describe('explainYamlError', () => {
  it('a value with a second `: ` is one yaml-colon-in-value whose hint is the line with the value quoted', () => {
    const text = topic('subtitle: Kl. 10: vi starter\nsteps: []\n');
    const errors = errorsOf(text);
    expect(errors.map((d) => [d.rule, d.line, d.column])).toEqual([['yaml-colon-in-value', 4, 11]]);
    expect(hintText(errors[0])).toBe('put the value in quotes; write the line like this: `subtitle: "Kl. 10: vi starter"`');
    expect(hintText(errors[0], 'da')).toBe('sæt teksten i anførselstegn; skriv linjen sådan: `subtitle: "Kl. 10: vi starter"`');
    expect(parseYaml(withHintApplied(text, 4, hintText(errors[0])!), 'topic.yaml', 0).yaml.ok).toBe(true);
  });

  it('a list item with a key and a colon in its text keeps the key and quotes the text', () => {
    const text = 'steps:\n  - title: Runde: to og to\n    minutes: 5\n';
    const [error] = errorsOf(text);
    expect(hintText(error)).toContain('`  - title: "Runde: to og to"`');
    expect(parseYaml(withHintApplied(text, 2, hintText(error)!), 'topic.yaml', 0).yaml.data).toEqual({ steps: [{ title: 'Runde: to og to', minutes: 5 }] });
  });

  it('a quotation followed by more text is one yaml-quote-then-text, fixed by single quotes around it all', () => {
    const text = 'questions:\n  - "Kan du ikke bare …?" – hvad svarer vi? # spørg rundt\n  - Næste\n';
    const errors = errorsOf(text);
    expect(errors.map((d) => [d.rule, d.line, d.column])).toEqual([['yaml-quote-then-text', 2, 5]]);
    expect(hintText(errors[0])).toBe(`put the whole text in quotes; write the line like this: \`  - '"Kan du ikke bare …?" – hvad svarer vi?' # spørg rundt\``);
    const fixed = parseYaml(withHintApplied(text, 2, hintText(errors[0])!), 'topic.yaml', 0).yaml;
    expect(fixed.data).toEqual({ questions: ['"Kan du ikke bare …?" – hvad svarer vi?', 'Næste'] });
  });

  it('a single-quoted start with text after it is the same mistake', () => {
    const [error] = errorsOf("questions:\n  - 'Nej' – og hvad så?\n");
    expect(error.rule).toBe('yaml-quote-then-text');
    expect(hintText(error)).toContain(`\`  - "'Nej' – og hvad så?"\``);
  });

  it('one tab in the indentation is exactly one error at the tab, with the line indented by spaces', () => {
    // The line after the tab holds a correct colon in quotes, and the line before ends in `:`; both drew errors before.
    const text = topic('steps:\n  - title: A\n    minutes: 20\n    instructions:\n\t- Sæt rummet op.\n      - "Husk: casen er ikke et facit."\n  - title: B\n    minutes: 5\n');
    expect(parseDocument(text, yamlOptions).errors.length).toBeGreaterThan(1);
    const errors = errorsOf(text);
    expect(errors.map((d) => [d.rule, d.line, d.column])).toEqual([['yaml-tab-as-indent', 8, 1]]);
    expect(hintText(errors[0])).toBe('indent with spaces instead; write the line like this: `      - Sæt rummet op.`');
    expect(messageText(errors[0], 'da')).toBe('linjen er rykket ind med et tabulatortegn, men YAML tillader kun mellemrum');
    expect(parseYaml(withHintApplied(text, 8, hintText(errors[0])!), 'topic.yaml', 0).yaml.ok).toBe(true);
  });

  it('a tab under a key or in a list item picks the indentation that reads', () => {
    const cases: [string, number, string][] = [
      ['participants:\n\tmin: 4\n  max: 12\n', 2, '  min: 4'],
      ['steps:\n  - title: A\n\tminutes: 20\n    grouping: pairs\n', 3, '    minutes: 20'],
      ['questions:\n\t- Hvad ser I?\n  - Hvad nu?\n', 2, '  - Hvad ser I?'],
    ];
    for (const [text, line, fixed] of cases) {
      const errors = errorsOf(text);
      expect(errors.map((d) => [d.rule, d.line]), text).toEqual([['yaml-tab-as-indent', line]]);
      expect(hintText(errors[0]), text).toContain(`\`${fixed}\``);
      expect(parseYaml(withHintApplied(text, line, hintText(errors[0])!), 'topic.yaml', 0).diagnostics, text).toEqual([]);
    }
  });

  it('reports only the first structural error of a document', () => {
    const errors = errorsOf('title: "Uafsluttet\nparticipants:\n  min: 4\n   max: 12\nduration 20\n');
    expect(errors).toHaveLength(1);
    expect(errors[0].rule).toBe('yaml-unclosed-quote');
    expect(errors[0].line).toBe(1);
  });

  it('reports every repeated key when the structure is fine', () => {
    const errors = errorsOf('title: A\ntitle: B\nduration: 1\nduration: 2\n');
    expect(errors.map((d) => [d.rule, d.line])).toEqual([
      ['yaml-duplicate-key', 2],
      ['yaml-duplicate-key', 4],
    ]);
    expect(messageText(errors[0], 'da')).toBe('feltet `title` står to gange: det er allerede skrevet på linje 1');
  });

  it("never shows the library's words in Danish, and explains each code in both languages", () => {
    const broken = [
      'a: "C:\\mappe"\n',
      'q:\n  - @navn\n',
      'a: !ukendt x\n',
      'a: &x &y b\n',
      'a: 1\n---\nb: 2\n',
      '%FOO bar\n---\na: 1\n',
      'a: [1, 2\nb: 3\n',
      'a: { b: 1\n',
      'a: b\n  c: d\n',
      'a:\n  - b\n c\n',
      `${'k'.repeat(1100)}: 1\n`,
      'a: "b" c\n',
      'a: b: c\n',
      'a: [\n- b\n]\n',
      'a: *\n',
      'a: "open\n',
    ];
    for (const text of broken) {
      const doc = parseDocument(text, yamlOptions);
      const problems = [...doc.errors, ...doc.warnings];
      expect(problems.length, text).toBeGreaterThan(0);
      for (const problem of problems) {
        const explained = explainYamlError(problem, { doc, text, at: (offset) => ({ line: offset, column: 1 }) });
        const library = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        const d = { file: 'topic.yaml', severity: 'error' as const, ...explained };
        expect(explained.rule, text).toMatch(/^yaml-[a-z0-9-]+$/);
        expect(typeof explained.message, text).toBe('object');
        expect(messageText(d, 'da'), text).not.toContain(library);
        expect(messageText(d, 'da'), text).not.toMatch(/\b(scalar|mapping|node|parse|string)\b/i);
        expect(messageText(d, 'en').length, text).toBeGreaterThan(0);
      }
    }
  });

  it('falls back to a Danish sentence for what it cannot place, keeping the library text in English', () => {
    const text = 'a: b\n';
    const doc = parseDocument(text, yamlOptions);
    const odd = new YAMLParseError([3, 4], 'IMPOSSIBLE', 'Something odd happened at line 1, column 4:\n\na: b\n   ^');
    const explained = explainYamlError(odd, { doc, text, at: () => ({ line: 1, column: 4 }) });
    const d = { file: 'topic.yaml', severity: 'error' as const, ...explained };
    expect(explained.rule).toBe('yaml-impossible');
    expect(messageText(d, 'da')).toMatch(/^linjen kan ikke læses som YAML/);
    expect(messageText(d, 'en')).toBe('the line cannot be read as YAML: Something odd happened');
  });
});
