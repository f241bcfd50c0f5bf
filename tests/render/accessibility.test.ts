import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputKind } from '../../src/compose/compose-document.js';
import type { TopicResult } from '../../src/pipeline/build-topic.js';
import { buildInMemory, repoRoot, referenceTopic } from '../helpers/build-fixture.js';
import { readPdf, structNodes, structText, type PdfReadBack } from '../helpers/read-pdf.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-a11y-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const outputs: { name: string; kind: OutputKind; bytes: Uint8Array; pdf: PdfReadBack }[] = [];

beforeAll(async () => {
  const builds: [string, TopicResult][] = [
    ['reference', await buildInMemory(referenceTopic, { participants: 14, start: '13:00' })],
    ['personas', await buildInMemory(path.join(repoRoot, 'content/personas'))],
  ];
  for (const [name, result] of builds) {
    for (const out of result.outputs) outputs.push({ name: `${name} ${out.kind}`, kind: out.kind, bytes: out.bytes, pdf: await readPdf(out.bytes) });
  }
  expect(new Set(outputs.map((o) => o.kind))).toEqual(new Set(['pack', 'facilitator', 'handout', 'flipchart', 'cards']));
});

describe('every output meets the accessibility bar', () => {
  it('declares PDF/UA, its language and its title', () => {
    for (const o of outputs) {
      expect(o.pdf.metadata, o.name).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
      expect(o.pdf.lang, o.name).toBe('da');
      expect(String(o.pdf.info.Title), o.name).not.toBe('');
    }
  });

  it('puts every piece of text in the tag tree or marks it as an artifact', () => {
    for (const o of outputs) {
      for (const page of o.pdf.pages) expect(page.untaggedText.trim(), o.name).toBe('');
      const tagged = flat(o.pdf.pages.map((p) => (p.struct ? structText(p.struct) : '')).join(' '));
      expect(tagged.length, o.name).toBeGreaterThan(50);
      // Page numbers and tile labels are drawn but are artifacts.
      expect(tagged, o.name).not.toMatch(/Side \d+ af \d+|ark \d+ af \d+/);
    }
  });

  it('never skips a heading level, and starts at H1', () => {
    for (const o of outputs) {
      const levels = o.pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => /^H[1-6]$/.test(n.role)).map((n) => Number(n.role[1]));
      expect(levels[0], o.name).toBe(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level, `${o.name}: H${levels[i - 1]} → H${level}`).toBeLessThanOrEqual(levels[i - 1] + 1);
      });
    }
  });

  it('tags lists with labels and bodies, tables with scoped headers, links and form fields', () => {
    const roles = (kind: OutputKind) =>
      new Set(outputs.filter((o) => o.kind === kind).flatMap((o) => o.pdf.pages.flatMap((p) => structNodes(p.struct)).map((n) => n.role)));
    for (const role of ['L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Link', 'Form', 'TOC', 'TOCI']) expect(roles('pack'), `pack ${role}`).toContain(role);
    // The sheet is headings per step, lists and quoted tips: a table held one instruction per cell.
    for (const role of ['H3', 'H4', 'L', 'LI', 'LBody', 'BlockQuote']) expect(roles('facilitator'), `facilitator ${role}`).toContain(role);
    for (const role of ['H1', 'H2', 'L', 'Table']) expect(roles('flipchart'), `flipchart ${role}`).toContain(role);
    for (const role of ['Sect', 'H1', 'BlockQuote', 'L']) expect(roles('cards'), `cards ${role}`).toContain(role);
    const pack = outputs.find((o) => o.kind === 'pack')!;
    const widgets = pack.pdf.pages.flatMap((p) => p.annotations).filter((a) => a.subtype === 'Widget');
    expect(widgets.length).toBeGreaterThan(0);
    for (const w of widgets) expect(w.alternativeText, 'form field accessible name').toBeTruthy();
  });

  it('passes qpdf --check and shows its text in pdfinfo -struct-text', () => {
    for (const o of outputs) {
      const file = path.join(tmp, `${o.name.replace(/\W+/g, '-')}.pdf`);
      writeFileSync(file, o.bytes);
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' }), o.name).toContain('No syntax or stream encoding errors found');
      const tree = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
      expect(tree, o.name).toMatch(/^Document/m);
      expect(tree.split('\n').filter((l) => l.includes('"')).length, o.name).toBeGreaterThan(3);
    }
  });
});
