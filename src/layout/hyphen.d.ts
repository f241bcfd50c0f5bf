// hyphen ships no types. Only the two pattern sets layout imports are declared.
declare module 'hyphen/da/index.js' {
  const patterns: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default patterns;
}
declare module 'hyphen/en-gb/index.js' {
  const patterns: { hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string };
  export default patterns;
}
