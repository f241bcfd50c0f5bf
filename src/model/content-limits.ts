import { MAX_MARKDOWN_NESTING } from '../parse/markdown-guard.js';

/**
 * What a topic's content may hold, so a build's time and memory stay within docs/performance.md's
 * budget whoever wrote the topic; documented for editors in docs/authoring.md, "Grænser". A real
 * topic is far from every one of them (the largest in content/ has 5 steps and a sixth of the text).
 */
export const contentLimits = {
  /** Characters of the title: it is one line in the running header and the viewer's title bar. */
  titleCharacters: 200,
  /** Entries of any list in topic.yaml: steps, sections, cards, questions, instructions, tips … */
  listEntries: 50,
  /**
   * Bytes of all the topic's text: its markdown files and the texts in topic.yaml. Parsing markdown
   * and setting it in tagged PDF costs up to 0.1 s and 10 MB a KiB (a list of one-letter items), so
   * this is what keeps a topic within the budget; it is about 10 000 words, 20 pages of A4.
   */
  textBytes: 64 * 1024,
  /** Lists and quotes inside each other in a topic's text. */
  nesting: MAX_MARKDOWN_NESTING,
  /** Columns of a table in a topic's text: on an A6 card each still gets two letters' width. */
  tableColumns: 10,
  /**
   * Characters of a link's address. A longer one is printed but not linked: every line of a link is a
   * link of its own in the PDF, and a 64 KB address made PDFKit work 7 s. Browsers stop near 2 000 too.
   */
  linkCharacters: 2048,
};
