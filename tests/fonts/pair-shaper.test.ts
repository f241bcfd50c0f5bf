import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FontBook, ShapedRun } from '../../src/fonts/font-book.js';
import { allFontFiles } from '../../src/fonts/font-catalog.js';
import { pairShaper, type PairShaper } from '../../src/fonts/pair-shaper.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { repoRoot, referenceTopic } from '../helpers/build-fixture.js';

let fonts: FontBook;
const shapers = new Map<string, PairShaper>();
const atkinson = allFontFiles()
  .map((f) => f.id)
  .filter((id) => id.startsWith('atkinson-hyperlegible-'));
const noto = ['noto-sans-latin-400-normal', 'noto-sans-latin-ext-700-italic'];

beforeAll(async () => {
  fonts = (await sharedResources()).shared.fonts;
  for (const id of [...atkinson, ...noto]) {
    const shaper = pairShaper(fonts.font(id));
    if (shaper) shapers.set(id, shaper);
  }
});

/** fontkit's own shaping of the text, in the form the font book keeps. */
function fontkitRun(fontId: string, text: string): ShapedRun {
  const run = fonts.font(fontId).layout(text) as unknown as ShapedRun;
  return {
    glyphs: run.glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: [...g.codePoints] })),
    positions: run.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })),
    advanceWidth: run.advanceWidth,
  };
}

function plain(run: ShapedRun): ShapedRun {
  return { glyphs: run.glyphs.map((g) => ({ ...g, codePoints: [...g.codePoints] })), positions: run.positions.map((p) => ({ ...p })), advanceWidth: run.advanceWidth };
}

/** Every word of the bundled topics and the reference fixture: the text the tool really sets. */
function realWords(): string[] {
  const words = new Set<string>();
  for (const root of [path.join(repoRoot, 'content'), referenceTopic]) {
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(md|ya?ml)$/.test(file)) continue;
      for (const word of readFileSync(path.join(root, file), 'utf8').split(/\s+/)) if (word) words.add(word);
    }
  }
  return [...words];
}

describe('pairShaper', () => {
  it('reads a shaper out of every Atkinson Hyperlegible file, the fonts most text is set in', () => {
    expect(atkinson.length).toBe(8);
    for (const id of atkinson) expect(shapers.has(id), id).toBe(true);
  });

  it('shapes every word of the real topics exactly as fontkit does, or leaves it to fontkit', () => {
    const words = realWords();
    expect(words.length).toBeGreaterThan(1000);
    for (const [id, shaper] of shapers) {
      let shaped = 0;
      for (const word of words) {
        const run = shaper.shape(word);
        if (!run) continue;
        shaped++;
        expect(plain(run), `${id}: ${word}`).toEqual(fontkitRun(id, word));
      }
      // Most Danish words are plain Latin: the fast path must really be taken, not only be correct.
      if (id === 'atkinson-hyperlegible-latin-400-normal') expect(shaped / words.length).toBeGreaterThan(0.9);
    }
  });

  it('agrees with fontkit on random text, marks, ligature candidates and other scripts included', () => {
    const alphabet = [...'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789 .,;:!?-–—«»„“”‘’()/&%€@*ﬁ', 'f', 'i', 'l', 'T', 'V', 'A', 'W', 'y', 'o', '\u0301', '\u030a', '\u00ad', '\u2044', 'é', 'ü', 'ŋ', 'ǿ', 'Ω', 'ж'];
    const texts = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
    let tried = 0;
    let shaped = 0;
    fc.assert(
      fc.property(texts, (text) => {
        for (const [id, shaper] of shapers) {
          const run = shaper.shape(text);
          tried++;
          if (!run) continue;
          shaped++;
          expect(plain(run), `${id}: ${JSON.stringify(text)}`).toEqual(fontkitRun(id, text));
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
    expect(shaped / tried).toBeGreaterThan(0.2);
  });

  it('leaves combining marks, soft hyphens and other scripts to fontkit', () => {
    const shaper = shapers.get('atkinson-hyperlegible-latin-400-normal')!;
    expect(shaper.shape('kaffe')).toBeDefined();
    for (const text of ['e\u0301', 'bl\u00adå', '1\u20442', 'Ωmega', 'жук']) expect(shaper.shape(text), text).toBeUndefined();
  });
});
