import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInMemory, output, referenceTopic } from '../helpers/build-fixture.js';
import { qpdfText, readQpdf, type QpdfDict, type QpdfReadBack, type QpdfValue } from '../helpers/read-qpdf.js';

let bytes: Uint8Array;
let pdf: QpdfReadBack;

beforeAll(async () => {
  bytes = output(await buildInMemory(referenceTopic, { kinds: ['pack'] }), 'pack');
  pdf = readQpdf(bytes);
});

const list = (value: QpdfValue | undefined): QpdfValue[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Each annotation's reference → the index of the page whose /Annots holds it. */
function annotationPages(q: QpdfReadBack): Map<string, number> {
  const pages = new Map<string, number>();
  q.pages.forEach((ref, index) => {
    for (const annot of list(q.resolve(q.objects.get(ref)!.dict['/Annots']))) pages.set(annot as string, index);
  });
  return pages;
}

/** Every OBJR in the structure tree, with the element that holds it. */
function objectReferences(q: QpdfReadBack): { element: string; obj: string; pg: string }[] {
  const found: { element: string; obj: string; pg: string }[] = [];
  const seen = new Set<string>();
  const visit = (ref: QpdfValue) => {
    if (typeof ref !== 'string' || seen.has(ref)) return;
    seen.add(ref);
    const element = q.objects.get(ref)?.dict;
    if (!element) return;
    for (const kid of list(element['/K'])) {
      if (typeof kid === 'string') visit(kid);
      else if (kid && typeof kid === 'object' && !Array.isArray(kid) && kid['/Type'] === '/OBJR') found.push({ element: ref, obj: kid['/Obj'] as string, pg: kid['/Pg'] as string });
    }
  };
  for (const kid of list((q.resolve(q.catalog['/StructTreeRoot']) as QpdfDict)['/K'])) visit(kid);
  return found;
}

/** The structure parent tree as key → value, its /Kids followed. */
function parentTree(q: QpdfReadBack): Map<number, QpdfValue> {
  const entries = new Map<number, QpdfValue>();
  const visit = (node: QpdfDict) => {
    const nums = list(node['/Nums']);
    for (let i = 0; i < nums.length; i += 2) entries.set(nums[i] as number, nums[i + 1]);
    for (const kid of list(node['/Kids'])) visit(q.resolve(kid) as QpdfDict);
  };
  visit(q.resolve((q.resolve(q.catalog['/StructTreeRoot']) as QpdfDict)['/ParentTree']) as QpdfDict);
  return entries;
}

describe('links in the structure tree', () => {
  it("names in each annotation's OBJR the page whose /Annots holds it, and maps its StructParent to that element", () => {
    const onPage = annotationPages(pdf);
    const links = [...onPage].filter(([ref]) => pdf.objects.get(ref)!.dict['/Subtype'] === '/Link');
    // The contents page and a later page both have links, so a wrong page cannot pass unseen.
    expect(new Set(links.map(([, page]) => page)).size).toBeGreaterThan(1);
    const references = objectReferences(pdf);
    const tree = parentTree(pdf);
    for (const [ref, page] of onPage) {
      const held = references.filter((r) => r.obj === ref);
      expect(held, ref).toHaveLength(1);
      expect(held[0].pg, `${ref} on page ${page + 1}`).toBe(pdf.pages[page]);
      expect(tree.get(pdf.objects.get(ref)!.dict['/StructParent'] as number), ref).toBe(held[0].element);
    }
  });

  it('reaches every link of the pack through the structure tree of its own page (pdf.js)', async () => {
    const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    let links = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const annotations = (await page.getAnnotations()) as { id: string; subtype: string }[];
      const tagged = new Set<string>();
      const visit = (node: { type?: string; id?: string; children?: unknown[] }) => {
        if ((node.type === 'object' || node.type === 'annotation') && node.id) tagged.add(node.id.replace(/^pdfjs_internal_id_/, ''));
        for (const child of node.children ?? []) visit(child as typeof node);
      };
      visit((await page.getStructTree()) ?? {});
      for (const link of annotations.filter((a) => a.subtype === 'Link')) {
        links++;
        expect(tagged, `page ${n}, link ${link.id}`).toContain(link.id);
      }
    }
    await doc.destroy();
    expect(links).toBeGreaterThan(3);
  });
});

describe('the action plan form', () => {
  it('gives every field an appearance of its own and does not ask viewers to make them', () => {
    const widgets = [...annotationPages(pdf).keys()].map((ref) => pdf.objects.get(ref)!.dict).filter((a) => a['/Subtype'] === '/Widget');
    expect(widgets).toHaveLength(16);
    for (const widget of widgets) {
      const appearance = (widget['/AP'] as QpdfDict | undefined)?.['/N'];
      expect(typeof appearance, qpdfText(widget['/T'])).toBe('string');
      const stream = pdf.objects.get(appearance as string)!;
      expect(stream.dict['/Subtype']).toBe('/Form');
      expect(stream.data).toBeDefined();
    }
    const form = pdf.resolve(pdf.catalog['/AcroForm']) as QpdfDict;
    expect(form['/NeedAppearances'] ?? false).toBe(false);
  });

  it('tells a screen reader what to write in each field, in Danish, not only its name', () => {
    const widgets = [...annotationPages(pdf).keys()].map((ref) => pdf.objects.get(ref)!.dict).filter((a) => a['/Subtype'] === '/Widget');
    const names = widgets.map((w) => qpdfText(w['/TU']));
    expect(names).toContain('Forslag 1: hvad vil I prøve?');
    expect(names).toContain('Forslag 4: hvem er ansvarlig? Skriv et navn.');
    expect(names).toContain('Forslag 2: hvornår afprøves det? Skriv en dato.');
    expect(names).toContain('Forslag 3: hvornår følger I op? Skriv en dato.');
    for (const widget of widgets) expect(qpdfText(widget['/TU'])).not.toBe(qpdfText(widget['/T']));
  });
});
