/**
 * One hyphenation exception as an editor writes it in dialogpack.yaml and layout keeps its own in
 * (`helbreds-oplysning`: a hyphen where the word may break, none at all for a word never to break)
 * → the word in lower case and its parts, or undefined when it is not one word of letters with single
 * hyphens between its parts.
 */
export function hyphenationException(entry: string): { word: string; parts: string[] } | undefined {
  const text = entry.trim();
  if (!/^\p{L}+(-\p{L}+)*$/u.test(text)) return undefined;
  const parts = text.split('-');
  return { word: parts.join('').toLowerCase(), parts };
}
