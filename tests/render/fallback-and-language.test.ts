import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInMemory, output, testFixtures } from '../helpers/build-fixture.js';
import { readPdf, structNodes, structText } from '../helpers/read-pdf.js';
import { messageText } from '../helpers/message-text.js';

const fixture = path.join(testFixtures, 'glyphs-and-languages');

describe('glyphs beyond Latin and passages in another language', () => {
  it('sets emoji, symbols, Greek and Cyrillic from fallback fonts and reads them back', async () => {
    const result = await buildInMemory(fixture, { kinds: ['pack'] });
    const pdf = await readPdf(output(result, 'pack'));
    const h1 = pdf.pages.flatMap((p) => structNodes(p.struct)).find((n) => n.role === 'H1')!;
    expect(structText(h1).replace(/\s+/g, ' ').trim()).toBe('Tegn og sprog – 😊 ✓ → Ω Ж');
    // Some font has every character, so there is nothing to report.
    expect(result.diagnostics).toEqual([]);
  });

  it('makes a character no font has an error, once for the topic, where each file has it first', async () => {
    // 漢 and 字 in case.md (a section of the pack and of the handout), 漢 in a question of topic.yaml
    // (the pack, the handout and the flip-chart print it).
    const result = await buildInMemory(path.join(testFixtures, 'bad', 'missing-glyph'));
    const missing = result.diagnostics.filter((d) => d.rule === 'missing-glyph');
    const where = (d: (typeof missing)[number]) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.severity}`;
    expect(missing.map((d) => [where(d), /"(.)" \((U\+[0-9A-F]{4})\)/u.exec(messageText(d))?.slice(1).join(' ')])).toEqual([
      ['case.md:4:1 error', '漢 U+6F22'],
      ['case.md:4:2 error', '字 U+5B57'],
      ['topic.yaml:10:29 error', '漢 U+6F22'],
    ]);
    expect(result.diagnostics).toEqual(missing);
  });

  it('breaks at a pasted line separator (U+2028) like at a space, with no empty box and no warning', async () => {
    const result = await buildInMemory(path.join(testFixtures, 'fuzz-found', 'line-separator-word'), { kinds: ['pack'] });
    expect(result.diagnostics.filter((d) => d.rule === 'missing-glyph')).toEqual([]);
    const pdf = await readPdf(output(result, 'pack'));
    const paragraphs = pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'P').map((n) => structText(n).replace(/\s+/g, ' ').trim());
    // "a", the separator read as a space, then a word too long for a line, cut across two.
    const paragraph = paragraphs.find((text) => text.startsWith('a b'));
    expect(paragraph?.replace(/\s/g, '')).toBe(`a${'b'.repeat(120)}`);
  });

  it('marks the English passage with its own language in the tag tree', async () => {
    const result = await buildInMemory(fixture, { kinds: ['pack'] });
    const pdf = await readPdf(output(result, 'pack'));
    const raw = Buffer.from(output(result, 'pack')).toString('latin1');
    expect(raw).toMatch(/\/S \/Div\s*\/Lang \(en\)|\/Lang \(en\)[^>]*\/S \/Div/);
    const divs = pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'Div');
    expect(divs.map((d) => structText(d).replace(/\s+/g, ' ').trim())).toContain(
      'Accessibility is not a feature you add at the end; it is a property of everything you make.',
    );
    expect(pdf.lang).toBe('da');
  });

  it('closes the English passage without closing the section around it', async () => {
    // The template wraps a section in a container of its own; the passage's ":::" once closed both,
    // so the section's own closing fence was printed as text after the Danish paragraph.
    const after = { pack: 'Og her er vi tilbage på dansk med æøå og »anførselstegn«.', handout: 'Og her er vi tilbage på dansk med æøå og »anførselstegn«.', cards: 'Bagefter oversætter Sam selv til dansk.' };
    for (const kind of ['pack', 'handout', 'cards'] as const) {
      const result = await buildInMemory(fixture, { kinds: [kind] });
      const pdf = await readPdf(output(result, kind));
      const paragraphs = pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'P').map((n) => structText(n).trim());
      expect(paragraphs, kind).toContain(after[kind]);
      expect(pdf.pages.map((p) => p.text).join('\n'), kind).not.toContain(':::');
    }
  });
});
