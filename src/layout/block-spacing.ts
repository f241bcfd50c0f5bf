/**
 * The space between body blocks. Factors are ems of the size the block is set in (body text unless
 * said otherwise), so a scaled theme (flip-chart, cards) keeps the proportions; the few fixed points
 * are named as such.
 */
export const blockSpacing = {
  /**
   * Above a block inside a list item, quote or note after its first (the first gets none): the
   * block is part of its item, so it stands a hair apart, not a paragraph's gap. Points.
   */
  tight: 2,
  /** Above a paragraph, a code block, a picture and a rule: less than a line, enough to see where one paragraph ends. */
  paragraph: 0.7,
  /** Above a paragraph on the cover, in the subtitle's larger type, which needs more air to read as separate lines of a title page. */
  coverParagraph: 1.2,
  /**
   * Above a heading, by level (h1 … h6): more room above than below ties a heading to what it heads,
   * and the higher the level, the clearer the break before it. A first-level heading opens a page or
   * a cover, so it has none.
   */
  headingAbove: [0, 2.4, 1.6, 1.3, 1.1, 1.1] as readonly number[],
  /** From a second-level heading's last line down to the rule under it. */
  headingRuleGap: 0.36,
  /**
   * The room the rule takes under a second-level heading, in rule gaps: the gap above it and 1.2 gaps
   * below, so the rule belongs to its heading more than to the text under it.
   */
  headingRuleGapTimes: 2.2,
  /** Below any other heading, so its descenders do not touch the first line of what it heads. */
  headingBelow: 0.27,
  /** Above a list: a spread list (blank lines between items in the markdown) reads as paragraphs, a tight one as part of the text above. */
  listAboveSpread: 0.7,
  listAbove: 0.5,
  /** Between list items: spread items as paragraphs nearly, tight items just apart enough to tell one mark from the next. */
  listItemSpread: 0.6,
  listItem: 0.25,
  /** Between items of a list on the cover, where every line stands a little apart anyway. */
  coverListItem: 0.5,
  /** Above a quote and a table: more than a paragraph, as both are set apart from the text around them by a bar or rules. */
  quote: 0.9,
  table: 0.9,
  /** Above the room to write: half a line, as the ruled lines carry their own space above the first. */
  writingRoom: 0.5,
  /** Between ruled lines to write on: handwriting needs about twice the type's line. */
  writingPitch: 2.2,
  /** Above each entry of the contents, in points: close enough to read as one list. */
  tocEntry: 5,
  /** Above an unknown directive printed as text, in points: a paragraph's gap at the default body size. */
  unknownDirective: 7,
  /** The tinted box of a step's meta line stands half its padding again clear of the text above. */
  stepMetaAboveInPads: 1.5,
  /**
   * Nested lists and quotes stop indenting where the text would have less than this many ems of body
   * text to itself: past that the levels stand at the same place, so every word stays on the page (30
   * levels of quotes left no room for a letter, 40 of lists ran off the page).
   */
  minTextEms: 8,
} as const;
