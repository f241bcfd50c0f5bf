/**
 * Every diagnostic is written in Danish and English where it is made (issue #17). A message or hint
 * given as one string would reach a Danish editor in English, and the type still lets a string through,
 * so this reads the source: in the files listed, no `message:` or `hint:` is a string or template
 * literal (nor either branch of a `?:` or `??`), and no parameter named `message` or `hint` is typed
 * `string`, which is how a helper like `refuse(rule, message, hint)` would pass one on.
 * It reads every file of src/.
 * An SVG drawing's problem is a fragment its reader puts into such a message ("… kan ikke udskrives: …"),
 * so in the files that word one, `problem:` and a parameter `problem` are held to the same rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';

/** Every source file: all of src/ is converted, so a new file is held to the rule from its first line. */
const converted = readdirSync(path.join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => `src/${f.split(path.sep).join('/')}`)
  .sort();

/**
 * Files whose one-language `message` or `hint` is not a diagnostic's, each with why. An entry that no
 * longer finds anything fails, so the list cannot outlive its reason.
 */
const notDiagnostics: Record<string, string> = {
  'src/cli/format-report.ts': "`hint` names the label of the hint line in each language's word table",
  'src/model/topic-json-schema.ts': "errorMessage of the JSON Schema that editors' YAML tooling shows: Danish, as those editors are",
  'src/parse/explain-yaml-error.ts': "`firstLine(message)` shortens the yaml library's own message, quoted in English mode",
};

/** The files that word what is wrong with an SVG drawing, or with a picture it shows. */
const convertedProblems = ['src/model/parse-svg-xml.ts', 'src/model/sanitize-svg.ts', 'src/model/read-image.ts', 'src/model/model-images.ts', 'src/model/model-theme.ts'];

/** `file:line: what` for each message or hint (or other named text) written in one language. */
function oneLanguageTexts(file: string, text: string, names: readonly string[] = ['message', 'hint']): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  const literals = (node: ts.Expression): ts.Expression[] => {
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return literals(node.expression);
    if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      return [...literals(node.left), ...literals(node.right)];
    }
    return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) ? [node] : [];
  };
  const named = (name: ts.Node) => (ts.isIdentifier(name) || ts.isStringLiteral(name)) && names.includes(name.text);
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && named(node.name)) {
      for (const literal of literals(node.initializer)) at(literal, `${node.name.getText(source)}: ${literal.getText(source).slice(0, 60)}`);
    }
    if (ts.isParameter(node) && named(node.name) && node.type?.kind === ts.SyntaxKind.StringKeyword) at(node, `parameter ${node.getText(source)}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('messages in two languages', () => {
  it('finds a message or hint written as one string, so that a pass below means something', () => {
    const sample = [
      "const a = { message: 'one language' };",
      'const b = { hint: `also ${a}` };',
      "const c = { message: x ? { da: 'ja', en: 'yes' } : 'no' };",
      'const d = (rule: string, message: string) => rule;',
      "const e = { message: { da: 'begge', en: 'both' }, hint: flag ? { da: 'ja', en: 'yes' } : undefined };",
    ].join('\n');
    expect(oneLanguageTexts('sample.ts', sample)).toEqual([
      "sample.ts:1: message: 'one language'",
      'sample.ts:2: hint: `also ${a}`',
      "sample.ts:3: message: 'no'",
      'sample.ts:4: parameter message: string',
    ]);
  });

  it('reads the files that make diagnostics, so that a pass below covers them', () => {
    const making = converted.filter((file) => /\bmessage: /.test(readFileSync(path.join(repoRoot, file), 'utf8')));
    for (const file of ['src/cli/main.ts', 'src/parse/parse-yaml.ts', 'src/model/model-topic.ts', 'src/layout/layout-document.ts', 'src/pipeline/build-topic.ts']) expect(converted).toContain(file);
    expect(making.length).toBeGreaterThan(40);
  });

  it.each(converted.filter((file) => !(file in notDiagnostics)))('%s gives every message and hint in Danish and English', (file) => {
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    expect(oneLanguageTexts(file, text)).toEqual([]);
  });

  it.each(Object.keys(notDiagnostics))('%s still has the one-language text its exception is for', (file) => {
    expect(oneLanguageTexts(file, readFileSync(path.join(repoRoot, file), 'utf8')).length, notDiagnostics[file]).toBeGreaterThan(0);
  });

  it('finds a problem written as one string where problems are checked', () => {
    const sample = ["const a = { problem: 'one language' };", 'const b = (at: number, problem: string) => at;', "const c = { problem: { da: 'begge', en: 'both' } };"].join('\n');
    expect(oneLanguageTexts('sample.ts', sample, ['problem'])).toEqual(["sample.ts:1: problem: 'one language'", 'sample.ts:2: parameter problem: string']);
  });

  it.each(convertedProblems)('%s words every problem of a drawing in Danish and English', (file) => {
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    expect(text).toMatch(/\bproblem\b/);
    expect(oneLanguageTexts(file, text, ['message', 'hint', 'problem'])).toEqual([]);
  });
});
