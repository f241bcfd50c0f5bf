import { compileOptions, createMarkdownHandlebars, templateKey } from './markdown-handlebars.js';

/**
 * precompiled-templates.ts as the bundle holds it: each template text compiled as compose would compile
 * it, with marks and without, by Handlebars' precompile, whose output is the source of the same
 * functions compile makes. Run by scripts/bundle.mjs on the built-in templates; never at run time.
 */
export function precompileTemplates(texts: readonly string[]): string {
  const env = createMarkdownHandlebars();
  const entries = texts.flatMap((text) =>
    [false, true].map((marks) => `  [${JSON.stringify(templateKey(text, marks))}, ${env.precompile(text, compileOptions(text, marks)) as unknown as string}],`),
  );
  return `export const precompiledTemplates = new Map([\n${entries.join('\n')}\n]);\n`;
}
