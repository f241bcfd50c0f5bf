/**
 * A shaped word, as both makers of one give it: fontkit's shaper through FontBook and the pair shaper
 * for plain Latin words (pair-shaper), which must give the very same runs.
 */
/** A glyph as fontkit shapes it: what render needs to embed it and map it back to text. */
export interface ShapedGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** Where shaping put a glyph, in font units. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** One word (with its trailing space) as fontkit shaped it. Shared across documents: never mutate. */
export interface ShapedRun {
  readonly glyphs: readonly ShapedGlyph[];
  readonly positions: readonly GlyphPosition[];
  readonly advanceWidth: number;
}
