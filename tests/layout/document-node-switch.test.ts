/**
 * Layout switches over compose's document nodes with a `never` check: a node type added to
 * compose/document-node.ts that layout does not set fails the type check at layout's switch. This
 * type-checks layout with such a type added in memory, and without it.
 */
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/build-fixture.js';

const nodeModule = path.join(repoRoot, 'src/compose/document-node.ts');
const layoutSwitch = path.join(repoRoot, 'src/layout/layout-document-node.ts');

/** The type errors of layout's switch, with `edit` applied to document-node.ts as the compiler reads it. */
function switchErrors(edit: (text: string) => string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(repoRoot, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile;
  host.readFile = (file) => {
    const text = readFile.call(host, file);
    return text !== undefined && path.resolve(file) === nodeModule ? edit(text) : text;
  };
  const program = ts.createProgram([layoutSwitch], { ...config.options, noEmit: true }, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(layoutSwitch))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe("layout's switch over the document's nodes", () => {
  it('fails the type check when compose has a node type layout does not set', () => {
    const added = (text: string) => {
      expect(text).toContain('export type DocumentNode =\n');
      return text.replace('export type DocumentNode =\n', "export type DocumentNode =\n  | { type: 'checklist'; children: RootContent[] }\n");
    };
    expect(switchErrors(added).join('\n')).toMatch(/not assignable to type 'never'/);
    expect(switchErrors((text) => text)).toEqual([]);
  }, 60_000);
});
