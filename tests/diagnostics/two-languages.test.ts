/**
 * Every diagnostic is written in Danish and English where it is made (issue #17). A message or hint
 * given as one string would reach a Danish editor in English, and the type still lets a string through,
 * so this reads the source: in the files listed, no `message:` or `hint:` is a string or template
 * literal (nor either branch of a `?:` or `??`), and no parameter named `message` or `hint` is typed
 * `string`, which is how a helper like `refuse(rule, message, hint)` would pass one on.
 * The list holds the files converted so far; once all of src/ is, it becomes every file there.
 * An SVG drawing's problem is a fragment its reader puts into such a message ("… kan ikke udskrives: …"),
 * so in the files that word one, `problem:` and a parameter `problem` are held to the same rule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';

const converted = [
  'src/cli/import-command.ts',
  'src/cli/init-command.ts',
  'src/cli/main.ts',
  'src/cli/new-command.ts',
  'src/cli/parse-options.ts',
  'src/cli/preview-command.ts',
  'src/pipeline/build-pool.ts',
  'src/pipeline/build-topic.ts',
  'src/pipeline/run-build.ts',
  'src/publish/merge-shards.ts',
  'src/publish/verify-shard-pdf.ts',
  'src/write/lock-output-folder.ts',
  'src/write/remove-outputs.ts',
  'src/write/write-import.ts',
  'src/write/write-outputs.ts',
  'src/write/write-scaffold.ts',
  'src/write/write-starter-files.ts',
  'src/plan/plan-agenda.ts',
  'src/parse/parse-docx.ts',
  'src/parse/markdown-guard.ts',
  'src/parse/escape-author-directives.ts',
  'src/load/load-docx.ts',
  'src/load/load-shard.ts',
  'src/load/load-templates.ts',
  'src/load/watch-topics.ts',
  'src/layout/layout-blocks.ts',
];

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

  it.each(converted)('%s gives every message and hint in Danish and English', (file) => {
    const text = readFileSync(path.join(repoRoot, file), 'utf8');
    // A file that makes no diagnostic at all would pass for nothing: each listed one makes some.
    expect(text).toMatch(/\b(message|hint)\b/);
    expect(oneLanguageTexts(file, text)).toEqual([]);
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
