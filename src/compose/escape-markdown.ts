/**
 * Makes any text literal in markdown: every ASCII punctuation mark is backslash-escaped (always valid
 * in CommonMark), so `1. Trin *vigtigt*` stays a title and never becomes a list or emphasis.
 * Line breaks become spaces, because a value fills one slot of a template.
 */
export function escapeMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}
