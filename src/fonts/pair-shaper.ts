import type * as fontkit from 'fontkit';
import type { GlyphPosition, ShapedGlyph, ShapedRun } from './shaped-run.js';

/**
 * Shapes plain Latin words the way fontkit's `layout()` would, from a table read once out of the font:
 * one glyph per character and pair kerning. fontkit runs every OpenType lookup of every default feature
 * for each word; in a fresh process that is most of the cold cost of a build (docs/performance.md),
 * while for text without marks in a Latin font all it does is look up pairs.
 *
 * That equivalence is decided per font and per character, never assumed:
 * - a character takes this path only if the font maps it to a glyph that no substitution (GSUB) and no
 *   positioning other than kerning (GPOS) can start at, and that GDEF does not class as a mark;
 * - kerning must come from pair-adjustment lookups (type 2) alone, the same lookups in every script and
 *   language of the font, applied to each glyph and the one after it, as fontkit does;
 * - a font with variations, an old `kern` table or anything this reader does not know gets no shaper.
 * Everything else goes to fontkit. tests/fonts/pair-shaper.test.ts compares both on random and real text.
 */
export interface PairShaper {
  /** The shaped word, or undefined when a character needs fontkit. */
  shape(text: string): ShapedRun | undefined;
}

/** The features fontkit applies to horizontal left-to-right text by default (its DefaultShaper). */
const defaultFeatures = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/**
 * Characters worth a table entry: Basic Latin, Latin-1, Latin Extended-A and B, and common punctuation.
 * Left out: controls, the soft hyphen and other default-ignorables (fontkit hides them), combining marks,
 * and the fraction slash (it switches on fraction features).
 */
function tableable(cp: number): boolean {
  if (cp >= 0x20 && cp <= 0x7e) return true;
  if (cp >= 0xa0 && cp <= 0x24f) return cp !== 0xad;
  return (cp >= 0x2010 && cp <= 0x2027 && cp !== 0x200b) || (cp >= 0x2030 && cp <= 0x203a) || cp === 0x20ac || cp === 0x2122;
}

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface ValueRecord {
  xAdvance?: number | null;
  yAdvance?: number | null;
  xPlacement?: number | null;
  yPlacement?: number | null;
}
interface Subtable {
  version: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  pairSets?: { get(i: number): { secondGlyph: number; value1: ValueRecord; value2: ValueRecord }[] };
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  class1Count?: number;
  class2Count?: number;
  classRecords?: { get(i: number): { get(i: number): { value1: ValueRecord; value2: ValueRecord } } };
}
interface Lookup {
  lookupType: number;
  flags: { flags: { ignoreBaseGlyphs: boolean; ignoreLigatures: boolean } };
  subTables: Subtable[];
}
interface LayoutTable {
  scriptList: { script: { defaultLangSys?: LangSys; langSysRecords: { langSys: LangSys }[] } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { toArray(): Lookup[] };
}
interface LangSys {
  featureIndexes: number[];
}
interface FontTables {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  fvar?: unknown;
  kern?: unknown;
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
}

export function pairShaper(font: fontkit.Font): PairShaper | undefined {
  const tables = font as unknown as FontTables;
  if (tables.fvar || tables.kern) return undefined;
  const reachable = new Set<number>();
  for (const cp of font.characterSet) if (tableable(cp)) reachable.add(tables.glyphForCodePoint(cp).id);
  const blocked = new Set<number>();
  if (tables.GSUB && !collectFirstGlyphs(tables.GSUB, defaultFeatures, 7, reachable, blocked)) return undefined;
  const kerning = tables.GPOS ? kernLookups(tables.GPOS) : [];
  if (!kerning) return undefined;
  const otherPositioning = new Set([...defaultFeatures].filter((f) => f !== 'kern'));
  if (tables.GPOS && !collectFirstGlyphs(tables.GPOS, otherPositioning, 9, reachable, blocked)) return undefined;
  const classes = tables.GDEF?.glyphClassDef;

  // Per code point: the glyph, or null when the character must go to fontkit.
  const glyphs = new Map<number, ShapedGlyph | null>();
  const glyphFor = (cp: number): ShapedGlyph | null => {
    let glyph = glyphs.get(cp);
    if (glyph === undefined) {
      glyph = null;
      if (tableable(cp) && font.hasGlyphForCodePoint(cp)) {
        const g = tables.glyphForCodePoint(cp);
        const glyphClass = classes ? classOf(g.id, classes) : 0;
        if (!blocked.has(g.id) && (glyphClass === 0 || glyphClass === 1)) glyph = { id: g.id, advanceWidth: g.advanceWidth, codePoints: [cp] };
      }
      glyphs.set(cp, glyph);
    }
    return glyph;
  };
  const pairs = new Map<number, readonly [GlyphPosition, GlyphPosition]>();
  const pairFor = (left: number, right: number) => {
    const key = left * 0x10000 + right;
    let pair = pairs.get(key);
    if (!pair) {
      pair = adjustPair(kerning, left, right);
      pairs.set(key, pair);
    }
    return pair;
  };

  return {
    shape(text) {
      const run: ShapedGlyph[] = [];
      for (let i = 0; i < text.length; i++) {
        const glyph = glyphFor(text.charCodeAt(i));
        if (!glyph) return undefined;
        run.push(glyph);
      }
      const positions: GlyphPosition[] = run.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
      for (let i = 0; i + 1 < run.length; i++) {
        const [first, second] = pairFor(run[i].id, run[i + 1].id);
        add(positions[i], first);
        add(positions[i + 1], second);
      }
      let advanceWidth = 0;
      for (const p of positions) advanceWidth += p.xAdvance;
      return { glyphs: run, positions, advanceWidth };
    },
  };
}

/** The kern lookups, if every script and language of the font uses the same ones and all are pair adjustments. */
function kernLookups(gpos: LayoutTable): Lookup[] | undefined {
  const all = gpos.lookupList.toArray();
  let indexes: number[] | undefined;
  for (const { script } of gpos.scriptList) {
    for (const langSys of [script.defaultLangSys, ...script.langSysRecords.map((r) => r.langSys)]) {
      if (!langSys) continue;
      const here = langSys.featureIndexes
        .map((i) => gpos.featureList[i])
        .filter((f) => f.tag === 'kern')
        .flatMap((f) => f.feature.lookupListIndexes)
        .sort((a, b) => a - b);
      if (indexes && here.join() !== indexes.join()) return undefined;
      indexes = here;
    }
  }
  const lookups = (indexes ?? []).map((i) => all[i]);
  for (const lookup of lookups) {
    if (lookup.flags.flags.ignoreBaseGlyphs || lookup.flags.flags.ignoreLigatures) return undefined;
    for (const table of lookup.subTables) if (pairTable(lookup.lookupType, table)?.version === undefined) return undefined;
  }
  return lookups;
}

function pairTable(lookupType: number, table: Subtable): Subtable | undefined {
  if (lookupType === 9) return table.extension && pairTable(table.lookupType!, table.extension);
  return lookupType === 2 && (table.version === 1 || table.version === 2) ? table : undefined;
}

/**
 * Adds to `blocked` every glyph at which a lookup of the given features can start. A lookup is tried
 * only where the current glyph is in its first coverage, so a word of other glyphs is left alone. A
 * contextual rule whose next glyph must be one that plain text never maps to (Atkinson's `ccmp` turns
 * "i" dotless only before a combining accent) cannot fire in a word of `reachable` glyphs and blocks
 * nothing. Returns false for a subtable this reader does not know.
 */
function collectFirstGlyphs(table: LayoutTable, features: Set<string>, extensionType: number, reachable: Set<number>, blocked: Set<number>): boolean {
  const lookups = table.lookupList.toArray();
  const positioning = extensionType === 9;
  const used = new Set(table.featureList.filter((f) => features.has(f.tag)).flatMap((f) => f.feature.lookupListIndexes));
  for (const index of used) {
    const lookup = lookups[index];
    for (const subtable of lookup.subTables) {
      const [type, inner] = lookup.lookupType === extensionType ? [subtable.lookupType!, subtable.extension!] : [lookup.lookupType, subtable];
      const coverage = firstCoverage(inner, type, positioning);
      if (!coverage) return false;
      const next = nextCoverage(inner, type, positioning);
      if (next && !coverageGlyphs(next).some((g) => reachable.has(g))) continue;
      for (const glyph of coverageGlyphs(coverage)) blocked.add(glyph);
    }
  }
  return true;
}

function isContextual(type: number, positioning: boolean): boolean {
  return positioning ? type === 7 || type === 8 : type === 5 || type === 6;
}

function firstCoverage(table: Subtable | undefined, type: number, positioning: boolean): Coverage | undefined {
  if (!table) return undefined;
  if (isContextual(type, positioning) && table.version === 3) return type === (positioning ? 7 : 5) ? table.coverages?.[0] : table.inputCoverage?.[0];
  if (positioning && (type === 4 || type === 5)) return table.markCoverage;
  if (positioning && type === 6) return table.mark1Coverage;
  return table.coverage;
}

/** For a contextual rule given by coverages (format 3): the coverage the glyph after the first must be in. */
function nextCoverage(table: Subtable, type: number, positioning: boolean): Coverage | undefined {
  if (!isContextual(type, positioning) || table.version !== 3) return undefined;
  if (type === (positioning ? 7 : 5)) return table.coverages?.[1];
  return table.inputCoverage?.[1] ?? table.lookaheadCoverage?.[0];
}

function coverageGlyphs(coverage: Coverage): number[] {
  if (coverage.version === 1) return coverage.glyphs ?? [];
  return (coverage.rangeRecords ?? []).flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, k) => r.start + k));
}

function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs!.indexOf(glyph);
  for (const range of coverage.rangeRecords ?? []) if (range.start <= glyph && glyph <= range.end) return range.startCoverageIndex + glyph - range.start;
  return -1;
}

function classOf(glyph: number, classDef: ClassDef): number {
  if (classDef.version === 1) {
    const i = glyph - classDef.startGlyph!;
    if (i >= 0 && i < classDef.classValueArray!.length) return classDef.classValueArray![i];
  } else {
    for (const range of classDef.classRangeRecord ?? []) if (range.start <= glyph && glyph <= range.end) return range.class;
  }
  return 0;
}

/** What the kern lookups add to a glyph and the one after it: each lookup's first subtable that applies. */
function adjustPair(lookups: Lookup[], left: number, right: number): readonly [GlyphPosition, GlyphPosition] {
  const first = { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
  const second = { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
  for (const lookup of lookups) {
    for (const subtable of lookup.subTables) {
      const table = pairTable(lookup.lookupType, subtable)!;
      const index = coverageIndex(table.coverage!, left);
      if (index === -1) continue;
      if (table.version === 1) {
        const pair = table.pairSets!.get(index).find((p) => p.secondGlyph === right);
        if (!pair) continue;
        addValue(first, pair.value1);
        addValue(second, pair.value2);
      } else {
        const record = table.classRecords!.get(classOf(left, table.classDef1!)).get(classOf(right, table.classDef2!));
        addValue(first, record.value1);
        addValue(second, record.value2);
      }
      break;
    }
  }
  return [first, second];
}

function addValue(position: GlyphPosition, value: ValueRecord | undefined): void {
  if (!value) return;
  position.xAdvance += value.xAdvance ?? 0;
  position.yAdvance += value.yAdvance ?? 0;
  position.xOffset += value.xPlacement ?? 0;
  position.yOffset += value.yPlacement ?? 0;
}

function add(position: GlyphPosition, delta: GlyphPosition): void {
  position.xAdvance += delta.xAdvance;
  position.yAdvance += delta.yAdvance;
  position.xOffset += delta.xOffset;
  position.yOffset += delta.yOffset;
}
