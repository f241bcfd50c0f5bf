/**
 * Parsed fonts shared by layout (measuring) and render (embedding) across every document of a process.
 * Fonts are parsed lazily: a fallback font costs nothing until a character needs it.
 * Word widths are cached in font units, so a line break never calls fontkit's shaper twice for a word.
 */
import * as fontkit from 'fontkit';
import { faceChain, type FaceKey } from './font-catalog.js';
import { woffToSfnt } from './woff-to-sfnt.js';

export interface FontSegment {
  fontId: string;
  text: string;
}

export interface FontMetrics {
  /** Ascender and descender (positive, below the baseline) per 1 pt of size. */
  ascent: number;
  descent: number;
}

export class FontBook {
  private readonly parsed = new Map<string, fontkit.Font>();
  private readonly widths = new Map<string, Map<string, number>>();
  private readonly charFont = new Map<FaceKey, Map<number, number>>();
  private readonly chains = new Map<FaceKey, string[]>();
  /** Characters no font in the chain has, for a warning. */
  readonly missing = new Set<string>();

  /**
   * @param leading font ids that go first in a face's chain (a municipality's own typeface); the
   *   built-in fonts stay behind them as fallback for glyphs they lack.
   */
  constructor(
    private readonly bytes: ReadonlyMap<string, Uint8Array>,
    private readonly leading: Partial<Record<FaceKey, string>> = {},
  ) {}

  font(fontId: string): fontkit.Font {
    let font = this.parsed.get(fontId);
    if (!font) {
      const raw = this.bytes.get(fontId);
      if (!raw) throw new Error(`font ${fontId} was not loaded`);
      font = fontkit.create(Buffer.from(woffToSfnt(raw)));
      this.parsed.set(fontId, font);
    }
    return font;
  }

  chain(face: FaceKey): string[] {
    let ids = this.chains.get(face);
    if (!ids) {
      const lead = this.leading[face] ?? (face === 'boldItalic' ? this.leading.bold : face === 'italic' ? this.leading.regular : undefined);
      ids = [...(lead ? [lead] : []), ...faceChain(face).map((f) => f.id)].filter((id) => this.bytes.has(id));
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
    let buffer = '';
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      let index = cache.get(cp);
      if (index === undefined) {
        index = cp <= 0x20 || cp === 0xa0 || cp === 0xad ? -1 : chain.findIndex((id) => this.font(id).hasGlyphForCodePoint(cp));
        if (index === -1 && cp > 0x20 && cp !== 0xa0 && cp !== 0xad) {
          this.missing.add(char);
          index = 0;
        }
        cache.set(cp, index);
      }
      // Spaces join whichever run they follow, so runs break only where the font really changes.
      const effective = index === -1 ? (current === -1 ? 0 : current) : index;
      if (effective !== current && buffer) {
        segments.push({ fontId: chain[current], text: buffer });
        buffer = '';
      }
      current = effective;
      buffer += char;
    }
    if (buffer) segments.push({ fontId: chain[current === -1 ? 0 : current], text: buffer });
    return segments;
  }

  /** Advance width in points of text set in one font. */
  width(fontId: string, text: string, size: number): number {
    let cache = this.widths.get(fontId);
    if (!cache) this.widths.set(fontId, (cache = new Map()));
    let units = cache.get(text);
    if (units === undefined) {
      const font = this.font(fontId);
      units = (font.layout(text).advanceWidth * 1000) / font.unitsPerEm;
      cache.set(text, units);
    }
    return (units * size) / 1000;
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
