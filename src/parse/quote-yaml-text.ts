/**
 * A text as YAML reads it back unchanged, for hints that show the corrected line. Double quotes are
 * what editors know from writing; a text that holds `"` or `\` gets single quotes instead, since inside
 * double quotes `\` starts an escape and `"` ends the text, while inside single quotes only `'` is
 * special and is written twice.
 */
export function quoteYamlText(text: string): string {
  if (!text.includes('"') && !text.includes('\\')) return `"${text}"`;
  return `'${text.replaceAll("'", "''")}'`;
}
