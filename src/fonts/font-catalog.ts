/**
 * Which font files make up each face. A face is a chain: the first font that has a glyph
 * for a character sets it, so Atkinson Hyperlegible leads and Noto Sans covers other scripts.
 * Code (`inline` and fenced) is set in Noto Sans Mono, which has no italics.
 */
import type { FontFileSpec } from '../load/load-fonts.js';

export type FaceKey = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'mono' | 'monoBold';

const ATKINSON = '@fontsource/atkinson-hyperlegible';
const NOTO = '@fontsource/noto-sans';
const ATKINSON_SUBSETS = ['latin', 'latin-ext'];
const NOTO_SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese', 'devanagari'];
const MONO = '@fontsource/noto-sans-mono';
const MONO_SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'];
const SYMBOLS = '@fontsource/noto-sans-symbols-2';
const SYMBOL_SUBSETS = ['symbols', 'latin-ext', 'math'];
const MATH = '@fontsource/noto-sans-math';
const EMOJI = '@fontsource/noto-emoji';
const EMOJI_SUBSETS = ['emoji', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const faceStyle: Record<FaceKey, string> = {
  regular: '400-normal',
  bold: '700-normal',
  italic: '400-italic',
  boldItalic: '700-italic',
  mono: '400-normal',
  monoBold: '700-normal',
};

export const faceKeys: FaceKey[] = ['regular', 'bold', 'italic', 'boldItalic', 'mono', 'monoBold'];

export function faceChain(face: FaceKey): FontFileSpec[] {
  const style = faceStyle[face];
  if (face === 'mono' || face === 'monoBold') {
    // What the mono font lacks (symbols, other scripts) is set as the text around it would be.
    return [...MONO_SUBSETS.map((s) => spec(MONO, 'noto-sans-mono', s, style)), ...faceChain(face === 'mono' ? 'regular' : 'bold')];
  }
  return [
    ...ATKINSON_SUBSETS.map((s) => spec(ATKINSON, 'atkinson-hyperlegible', s, style)),
    ...NOTO_SUBSETS.map((s) => spec(NOTO, 'noto-sans', s, style)),
    // Symbols and emoji come in one weight and no italics: the shape matters more than the style.
    ...SYMBOL_SUBSETS.map((s) => spec(SYMBOLS, 'noto-sans-symbols-2', s, '400-normal')),
    // Noto Sans Math's one file holds arrows and operators beyond its "latin" name.
    spec(MATH, 'noto-sans-math', 'latin', '400-normal'),
    ...EMOJI_SUBSETS.map((s) => spec(EMOJI, 'noto-emoji', s, '400-normal')),
  ];
}

function spec(pkg: string, family: string, subset: string, style: string): FontFileSpec {
  const file = `files/${family}-${subset}-${style}.woff`;
  return { id: `${family}-${subset}-${style}`, package: pkg, file };
}

export function allFontFiles(): FontFileSpec[] {
  const seen = new Map<string, FontFileSpec>();
  for (const face of faceKeys) for (const f of faceChain(face)) seen.set(f.id, f);
  return [...seen.values()];
}
