import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { FontBook } from '../../src/fonts/font-book.js';
import type { Layout, LayoutItem, StructNode } from '../../src/layout/layout.js';
import { pdfkitVersion } from '../../src/render/pdfkit-patches.js';
import { renderPdf } from '../../src/render/render-pdf.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { repoRoot } from '../helpers/build-fixture.js';
import { readPdf, structNodes, structText } from '../helpers/read-pdf.js';
import { readQpdf, qpdfText, type QpdfDict, type QpdfValue } from '../helpers/read-qpdf.js';

const installed = (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/pdfkit/package.json'), 'utf8')) as { version: string }).version;
const upgraded = `the patches were written against PDFKit ${pdfkitVersion}; installed is ${installed}: see src/render/pdfkit-patches.ts`;

/** A document made as renderPdf makes it, for its internals to be looked at. */
function pdfkitDocument(): Record<string, unknown> {
  return new PDFDocument({ autoFirstPage: false, margin: 0, pdfVersion: '1.7', tagged: true, subset: 'PDF/UA', lang: 'da', font: null, info: { Title: 't' } } as never) as never;
}

const at = (value: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);

describe(`PDFKit internals the patches rely on (written for ${pdfkitVersion})`, () => {
  it('the document has the info and XMP writers, subset number and font families the metadata and font patches wrap', () => {
    const doc = pdfkitDocument();
    for (const method of ['_addInfo', 'endSubset', 'appendXML', '_fieldDict', '_addToParent', 'initForm', 'markContent', 'markStructureContent', 'endMarkedContent']) {
      expect(typeof doc[method], `${method}: ${upgraded}`).toBe('function');
    }
    expect(doc.info, upgraded).toBeTypeOf('object');
    expect(typeof at(doc, 'metadata', '_metadata'), upgraded).toBe('string');
    // PDF/UA sets conformance number 1, which is what makes PDFKit write the CIDSet the patch avoids.
    expect(doc.subset, upgraded).toBe(1);
    expect(doc._fontFamilies, upgraded).toBeTypeOf('object');
  });

  it('the document and its indirect objects have the string writers the byte patch wraps, and pass bytes through unchanged', () => {
    const doc = pdfkitDocument();
    expect(typeof doc._write, upgraded).toBe('function');
    const reference = Object.getPrototypeOf(doc._root) as { write?: unknown };
    expect(typeof reference.write, upgraded).toBe('function');
    // What PDFKit makes of a string is what the patch makes of it: the low byte of each unit and a newline.
    const ref = (doc as { ref(data?: object): { write(chunk: unknown): void; buffer: Uint8Array[] } }).ref({});
    ref.write('q 1 0 0 1 0 0 cm æ\u2014');
    ref.write(Buffer.from('Q\n', 'latin1'));
    expect([...Buffer.concat(ref.buffer)]).toEqual([...Buffer.from('q 1 0 0 1 0 0 cm \u00e6\u0014\nQ\n', 'latin1')]);
  });

  it('the name and number trees have the comparator and Limits switch the tree patches set', () => {
    const doc = pdfkitDocument();
    const dests = at(doc, '_root', 'data', 'Names', 'data', 'Dests') as Record<string, unknown>;
    expect(typeof dests._compareKeys, upgraded).toBe('function');
    expect(dests.limits, upgraded).toBe(true);
    expect(at(doc, '_root', 'data', 'StructTreeRoot', 'data', 'ParentTree', 'limits'), upgraded).toBe(true);
    expect(at(doc, '_root', 'data', 'StructTreeRoot', 'data'), upgraded).toBeTypeOf('object');
  });

  it('a page has the font resources, markings and annotations, and the form the NeedAppearances flag, the drawing patches use', async () => {
    const { shared } = await sharedResources();
    const doc = pdfkitDocument() as unknown as InstanceType<typeof PDFDocument> & Record<string, unknown>;
    doc.addPage({ size: [200, 200], margin: 0 });
    const fontId = shared.fonts.primary('regular');
    doc.registerFont(fontId, shared.fonts.font(fontId) as never);
    doc.font(fontId);
    const font = doc._font as Record<string, unknown>;
    expect(typeof font.id, upgraded).toBe('string');
    expect(typeof font.ref, upgraded).toBe('function');
    for (const key of ['fonts', 'markings', 'annotations', 'dictionary']) expect(at(doc, 'page', key), `page.${key}: ${upgraded}`).toBeTypeOf('object');
    expect(Array.isArray(at(doc, 'page', 'markings')), upgraded).toBe(true);
    doc.initForm();
    expect(at(doc, '_root', 'data', 'AcroForm', 'data', 'NeedAppearances'), upgraded).toBe(true);
  });

  it('a structure element has the dictionary, kids and flush step the tag patches use', () => {
    const doc = pdfkitDocument() as unknown as InstanceType<typeof PDFDocument>;
    const element = doc.struct('P') as unknown as Record<string, unknown>;
    expect(at(element, 'dictionary', 'data'), upgraded).toBeTypeOf('object');
    expect(Array.isArray(element._children), upgraded).toBe(true);
    expect(typeof element._flushChild, upgraded).toBe('function');
  });
});

describe('what the patches do, in a rendered PDF', () => {
  let fonts: FontBook;
  beforeAll(async () => {
    fonts = (await sharedResources()).shared.fonts;
  });

  /**
   * Three pages: a running header, text, a link to each later page (named destinations), a form field
   * and a footnote (an element with an ID) on the first; the second paragraph drawn before the first
   * but read after it.
   */
  function layout(title: string): Layout {
    let next = 0;
    const node = (role: StructNode['role'], extra: Partial<StructNode> = {}, children: StructNode[] = []): StructNode => ({ id: next++, role, children, ...extra });
    const first = node('P');
    const second = node('P');
    const note = node('Note', { elementId: 'note-1' });
    const link2 = node('Link');
    const link3 = node('Link');
    const form = node('Form');
    const later = node('P');
    const root = node('Document', {}, [first, second, note, node('P', {}, [link2, link3]), form, later]);
    const fontId = fonts.primary('regular');
    const text = (s: string, y: number, n: StructNode | undefined, extra: Partial<Extract<LayoutItem, { type: 'text' }>> = {}): LayoutItem => ({
      type: 'text', x: 20, y, text: s, fontId, size: 10, color: '#000000', node: n?.id, ...extra,
    });
    const link = (n: StructNode, page: number, y: number): LayoutItem => ({ type: 'link', x: 20, y, width: 100, height: 12, target: { page }, description: `til side ${page + 1}`, node: n.id });
    return {
      kind: 'handout',
      meta: { title, lang: 'da', keywords: [] },
      struct: root,
      outline: [],
      pages: [
        {
          width: 300,
          height: 400,
          items: [
            text('Sidehoved', 15, undefined, { running: 'header' }),
            text('Andet afsnit', 60, second, { order: 2 }),
            text('Første afsnit', 40, first, { order: 1 }),
            text('[1] En note', 80, note),
            link(link2, 1, 100),
            link(link3, 2, 120),
            { type: 'field', x: 20, y: 150, width: 200, height: 40, name: 'Svar 1', label: 'Dit svar', multiline: true, node: form.id },
          ],
        },
        { width: 300, height: 400, items: [text('Side to', 40, later)] },
        { width: 300, height: 400, items: [text('Side tre', 40, later)] },
      ],
    };
  }

  const dict = (value: QpdfValue | undefined) => value as QpdfDict;

  it('claims conformance with escaped metadata: a title with "&" and "<" is valid XMP, the modification date is in it, and PDF/A also claims PDF/UA', async () => {
    const dated = await readPdf(await renderPdf(layout('Samtykke & <fuldmagt>'), fonts, { date: new Date('2026-03-02T12:00:00Z') }));
    expect(dated.metadata).toContain('Samtykke &amp; &lt;fuldmagt&gt;');
    expect(dated.metadata).toContain('<xmp:ModifyDate>2026-03-02T12:00:00Z</xmp:ModifyDate>');
    const archival = await readPdf(await renderPdf(layout('t'), fonts, { date: new Date(0), pdfa: true }));
    expect(archival.metadata).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(archival.metadata).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(archival.metadata).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
  });

  it('leaves an undated document undated, in the info dictionary and in XMP', async () => {
    const undated = await readPdf(await renderPdf(layout('t'), fonts, {}));
    expect(undated.info.CreationDate).toBeUndefined();
    expect(undated.metadata).not.toContain('CreateDate');
    expect(undated.metadata).toContain('<pdfuaid:part>1</pdfuaid:part>');
  });

  it('sorts the destinations by bytes without localeCompare, and writes no Limits in tree roots', async () => {
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    let bytes: Uint8Array;
    try {
      bytes = await renderPdf(layout('t'), fonts, { date: new Date(0) });
      expect(compare.mock.calls.filter(([other]) => String(other).startsWith('page-'))).toEqual([]);
    } finally {
      compare.mockRestore();
    }
    const pdf = readQpdf(bytes);
    const dests = dict(pdf.resolve(dict(pdf.resolve(pdf.catalog['/Names']))['/Dests']));
    expect((dests['/Names'] as QpdfValue[]).filter((_, i) => i % 2 === 0).map((n) => qpdfText(n))).toEqual(['page-1', 'page-2']);
    expect(dests['/Limits']).toBeUndefined();
    const parentTree = dict(pdf.resolve(dict(pdf.resolve(pdf.catalog['/StructTreeRoot']))['/ParentTree']));
    expect(parentTree['/Nums']).toBeDefined();
    expect(parentTree['/Limits']).toBeUndefined();
  });

  it('lists each font in its page’s resources, and embeds it without a CIDSet', async () => {
    const bytes = await renderPdf(layout('t'), fonts, { date: new Date(0) });
    const pdf = readQpdf(bytes);
    for (const page of pdf.pages) {
      const resources = dict(pdf.resolve(dict(pdf.resolve(page))['/Resources']));
      expect(Object.keys(dict(pdf.resolve(resources['/Font']))).length, page).toBeGreaterThan(0);
    }
    const descriptors = [...pdf.objects.values()].filter((o) => o.dict['/Type'] === '/FontDescriptor');
    expect(descriptors.length).toBeGreaterThan(0);
    for (const d of descriptors) expect(d.dict['/CIDSet']).toBeUndefined();
    expect((await readPdf(bytes)).pages[0].text).toContain('Første afsnit');
  });

  it('marks a running header as a Pagination artifact with its subtype', async () => {
    const pdf = readQpdf(await renderPdf(layout('t'), fonts, { date: new Date(0) }));
    const first = dict(pdf.resolve(pdf.pages[0]));
    const contents = first['/Contents'];
    const streams = (Array.isArray(contents) ? contents : [contents]).map((ref) => pdf.objects.get(String(ref))!.data!.toString('latin1')).join('\n');
    expect(streams).toContain('/Artifact <</Type /Pagination /Subtype /Header /Attached [/Top]>> BDC');
  });

  it('gives a form field its accessible name, appearance and structure parent, with no NeedAppearances', async () => {
    const pdf = readQpdf(await renderPdf(layout('t'), fonts, { date: new Date(0) }));
    const acroForm = dict(pdf.resolve(pdf.catalog['/AcroForm']));
    expect(acroForm['/NeedAppearances']).toBeUndefined();
    const fields = acroForm['/Fields'] as QpdfValue[];
    expect(fields).toHaveLength(1);
    const field = dict(pdf.resolve(fields[0]));
    expect(qpdfText(field['/TU'])).toBe('Dit svar');
    expect(dict(field['/AP'])['/N']).toBeDefined();
    expect(field['/StructParent']).toBeTypeOf('number');
  });

  it('names the page an annotation is on in its OBJR, not the last page', async () => {
    const pdf = readQpdf(await renderPdf(layout('t'), fonts, { date: new Date(0) }));
    const objrs = [...pdf.objects.values()].flatMap((o) => (Array.isArray(o.dict['/K']) ? (o.dict['/K'] as QpdfValue[]) : [o.dict['/K']])).filter((k) => dict(k)?.['/Type'] === '/OBJR');
    // Two links and the field, all on the first page of three.
    expect(objrs).toHaveLength(3);
    for (const objr of objrs) expect(dict(objr)['/Pg']).toBe(pdf.pages[0]);
  });

  it('writes an element’s ID and the structure tree’s IDTree, and puts content in its reading order', async () => {
    const bytes = await renderPdf(layout('t'), fonts, { date: new Date(0) });
    const pdf = readQpdf(bytes);
    const treeRoot = dict(pdf.resolve(pdf.catalog['/StructTreeRoot']));
    const idTree = dict(pdf.resolve(treeRoot['/IDTree']));
    expect(qpdfText((idTree['/Names'] as QpdfValue[])[0])).toBe('note-1');
    expect(qpdfText(dict(pdf.resolve((idTree['/Names'] as QpdfValue[])[1]))['/ID'])).toBe('note-1');
    const paragraphs = structNodes((await readPdf(bytes)).pages[0].struct).filter((n) => n.role === 'P').map((n) => structText(n).trim());
    expect(paragraphs.indexOf('Første afsnit')).toBeGreaterThanOrEqual(0);
    expect(paragraphs.indexOf('Første afsnit')).toBeLessThan(paragraphs.indexOf('Andet afsnit'));
  });
});
