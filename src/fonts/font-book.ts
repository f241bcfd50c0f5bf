/**
 * Parsed fonts shared by layout (measuring) and render (embedding) across every document of a process.
 * Fonts are parsed lazily: a fallback font costs nothing until a character needs it.
 * Shaped words are cached in font units, so neither a line break nor a later document calls fontkit's
 * shaper twice for a word; the cache is bounded, since a process may build hundreds of topics of
 * distinct text.
 */
import * as fontkit from 'fontkit';
import { faceChain, type FaceKey } from './font-catalog.js';
import type { FontSource } from '../load/load-fonts.js';
import { pairShaper, type PairShaper } from './pair-shaper.js';
import { RecentCache } from './recent-cache.js';
import type { ShapedRun } from './shaped-run.js';
import { woffToSfnt } from './woff-to-sfnt.js';

// Where layout and render have always asked for them; they live in shaped-run.ts, which the pair shaper makes too.
export type { GlyphPosition, ShapedGlyph, ShapedRun } from './shaped-run.js';

export interface FontSegment {
  fontId: string;
  text: string;
}

/**
 * Shaped runs kept in each of a font's two cache generations. A pack has about 3 000 distinct runs;
 * 300 topics of distinct text made the unbounded cache 438 MiB. 20 000 held the live heap of a worker
 * at about 60 MB after 100 topics of distinct text, 5 000 at 38 MB, as fast for distinct text and
 * for copies (docs/performance.md, "Steps of the second round").
 */
const SHAPED_GENERATION = 5_000;

export interface FontMetrics {
  /** Ascender and descender (positive, below the baseline) per 1 pt of size. */
  ascent: number;
  descent: number;
}

export class FontBook {
  private readonly parsed = new Map<string, fontkit.Font>();
  /** Shaped runs by font and text: the words in use stay and the rest go. */
  private readonly shaped = new Map<string, RecentCache<string, ShapedRun>>();
  private readonly pairShapers = new Map<string, PairShaper | undefined>();
  /** fontkit's unitsPerEm is a getter through its table decoder; it is asked for every word. */
  private readonly emSquare = new Map<string, number>();
  private readonly charFont = new Map<FaceKey, Map<number, number>>();
  private readonly chains = new Map<FaceKey, string[]>();
  /** Characters no font in the chain has, for a warning. */
  readonly missing = new Set<string>();

  /**
   * @param leading font ids that go first in a face's chain (a municipality's own typeface); the
   *   built-in fonts stay behind them as fallback for glyphs they lack.
   */
  constructor(
    private readonly source: FontSource,
    private readonly leading: Partial<Record<FaceKey, string>> = {},
  ) {}

  font(fontId: string): fontkit.Font {
    let font = this.parsed.get(fontId);
    if (!font) {
      if (!this.source.has(fontId)) throw new Error(`font ${fontId} is not in the catalog`);
      const raw = this.source.read(fontId);
      font = fontkit.create(Buffer.from(woffToSfnt(raw)));
      this.parsed.set(fontId, font);
    }
    return font;
  }

  chain(face: FaceKey): string[] {
    let ids = this.chains.get(face);
    if (!ids) {
      const lead = this.leading[face] ?? (face === 'boldItalic' ? this.leading.bold : face === 'italic' ? this.leading.regular : undefined);
      ids = [...(lead ? [lead] : []), ...faceChain(face).map((f) => f.id)].filter((id) => this.source.has(id));
      this.chains.set(face, ids);
    }
    return ids;
  }

  primary(face: FaceKey): string {
    return this.chain(face)[0];
  }

  /** Splits text into runs that one font can set; characters no font has stay with the primary font. */
  segment(text: string, face: FaceKey): FontSegment[] {
    const chain = this.chain(face);
    let cache = this.charFont.get(face);
    if (!cache) this.charFont.set(face, (cache = new Map()));
    const segments: FontSegment[] = [];
    let current = -1;
    // Runs are cut from the text by index rather than built a character at a time: segment is asked
    // for every line layout tries, and most lines are one run.
    let start = 0;
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      let index = cache.get(cp);
      if (index === undefined) {
        index = cp <= 0x20 || cp === 0xa0 || cp === 0xad ? -1 : chain.findIndex((id) => this.font(id).hasGlyphForCodePoint(cp));
        if (index === -1 && cp > 0x20 && cp !== 0xa0 && cp !== 0xad) {
          this.missing.add(String.fromCodePoint(cp));
          index = 0;
        }
        cache.set(cp, index);
      }
      // Spaces join whichever run they follow, so runs break only where the font really changes.
      const effective = index === -1 ? (current === -1 ? 0 : current) : index;
      if (effective !== current && i > start) {
        segments.push({ fontId: chain[current], text: text.slice(start, i) });
        start = i;
      }
      current = effective;
      i += cp > 0xffff ? 2 : 1;
    }
    if (start < text.length) segments.push({ fontId: chain[current === -1 ? 0 : current], text: text.slice(start) });
    return segments;
  }

  /**
   * Shaping (fontkit's GSUB/GPOS) is the costliest step of a build, so every word is shaped once per
   * process and shared by measuring and by drawing in every document.
   */
  private shape(fontId: string, text: string): ShapedRun {
    let run = this.shaped.get(fontId)?.get(text);
    if (run) return run;
    if (text.length > 1 && text.endsWith(' ')) {
      // "word " is built from the cached "word" and " ", which other lines ask for on their own,
      // rather than shaping every word twice (a kern against a space is nil in Latin text).
      const word = this.shape(fontId, text.slice(0, -1));
      const space = this.shape(fontId, ' ');
      run = {
        glyphs: [...word.glyphs, ...space.glyphs],
        positions: [...word.positions, ...space.positions],
        advanceWidth: word.advanceWidth + space.advanceWidth,
      };
      return this.keep(fontId, text, run);
    }
    let shaper = this.pairShapers.get(fontId);
    if (!this.pairShapers.has(fontId)) this.pairShapers.set(fontId, (shaper = pairShaper(this.font(fontId))));
    run = shaper?.shape(text);
    if (!run) {
      const shaped = this.font(fontId).layout(text) as unknown as ShapedRun;
      run = {
        glyphs: shaped.glyphs,
        positions: shaped.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })),
        advanceWidth: shaped.advanceWidth,
      };
    }
    return this.keep(fontId, text, run);
  }

  private keep(fontId: string, text: string, run: ShapedRun): ShapedRun {
    let runs = this.shaped.get(fontId);
    if (!runs) this.shaped.set(fontId, (runs = new RecentCache(SHAPED_GENERATION)));
    runs.set(text, run);
    return run;
  }

  /**
   * Text set in one font as shaped runs, one per word with its trailing space: the same runs measure
   * a line and draw it, so what render writes is exactly as wide as what layout measured.
   */
  runs(fontId: string, text: string): ShapedRun[] {
    const runs: ShapedRun[] = [];
    let last = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length ? last < i : text[i] === ' ' || text[i] === '\t') {
        runs.push(this.shape(fontId, text.slice(last, i + 1)));
        last = i + 1;
      }
    }
    return runs;
  }

  /** Font units per em: glyph advances and positions divided by this are per 1 pt of size. */
  unitsPerEm(fontId: string): number {
    let units = this.emSquare.get(fontId);
    if (units === undefined) {
      units = this.font(fontId).unitsPerEm;
      this.emSquare.set(fontId, units);
    }
    return units;
  }

  /** Advance width in points of text set in one font. */
  width(fontId: string, text: string, size: number): number {
    let units = 0;
    for (const run of this.runs(fontId, text)) units += run.advanceWidth;
    return (units * size) / this.unitsPerEm(fontId);
  }

  /** Width of text in a face, across fallback fonts. */
  measure(text: string, face: FaceKey, size: number): number {
    let total = 0;
    for (const seg of this.segment(text, face)) total += this.width(seg.fontId, seg.text, size);
    return total;
  }

  metrics(face: FaceKey): FontMetrics {
    const font = this.font(this.primary(face));
    return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
  }
}
