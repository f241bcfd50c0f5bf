import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTopic } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { output, referenceTopic } from '../helpers/build-fixture.js';
import { qpdfText, readQpdf, type QpdfDict, type QpdfReadBack, type QpdfValue } from '../helpers/read-qpdf.js';

const list = (value: QpdfValue | undefined): QpdfValue[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Text of every marked-content sequence, by page (1-based) and MCID, as pdf.js extracts it. */
async function markedText(bytes: Uint8Array): Promise<Map<string, string>> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const text = new Map<string, string>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: (number | undefined)[] = [];
    for (const item of content.items as Array<Record<string, unknown>>) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        const mcid = /_mc(\d+)$/.exec(String(item.id ?? ''))?.[1];
        open.push(mcid === undefined ? undefined : Number(mcid));
      } else if (item.type === 'endMarkedContent') open.pop();
      else if (typeof item.str === 'string') {
        const mcid = open.findLast((m) => m !== undefined);
        if (mcid !== undefined) text.set(`${n}/${mcid}`, (text.get(`${n}/${mcid}`) ?? '') + item.str);
      }
    }
  }
  await doc.destroy();
  return text;
}

/**
 * The whole document's tagged text in the order of its tag tree, across pages, as assistive
 * technology reads it: an element's ActualText stands for its content.
 */
async function readingOrder(bytes: Uint8Array): Promise<string> {
  const q = readQpdf(bytes);
  const text = await markedText(bytes);
  const pageOf = (ref: QpdfValue | undefined) => q.pages.indexOf(ref as string) + 1;
  const read = (kid: QpdfValue, page: QpdfValue | undefined): string => {
    if (typeof kid === 'number') return text.get(`${pageOf(page)}/${kid}`) ?? '';
    const node = (typeof kid === 'string' ? q.objects.get(kid)?.dict : kid) as QpdfDict | undefined;
    if (!node) return '';
    if (node['/Type'] === '/MCR') return read(node['/MCID'], node['/Pg'] ?? page);
    if (!node['/S']) return '';
    const actual = qpdfText(node['/ActualText']);
    if (actual !== undefined) return actual;
    return list(node['/K']).map((k) => read(k, node['/Pg'] ?? page)).join('');
  };
  return list((q.resolve(q.catalog['/StructTreeRoot']) as QpdfDict)['/K']).map((k) => read(k, undefined)).join('');
}

/** Each bookmark's title and the 1-based page it leads to. */
function bookmarks(q: QpdfReadBack): { title: string; page: number }[] {
  const found: { title: string; page: number }[] = [];
  const visit = (ref: QpdfValue | undefined) => {
    for (let item = q.resolve(ref) as QpdfDict | undefined; item; item = q.resolve(item['/Next']) as QpdfDict | undefined) {
      const dest = list(item['/Dest'] ?? (q.resolve(item['/A']) as QpdfDict | undefined)?.['/D']);
      found.push({ title: qpdfText(item['/Title']) ?? '', page: q.pages.indexOf(dest[0] as string) + 1 });
      visit(item['/First']);
    }
  };
  visit((q.resolve(q.catalog['/Outlines']) as QpdfDict)['/First']);
  return found;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

let tiled: Uint8Array;
let sheets: Uint8Array;

beforeAll(async () => {
  const { shared } = await sharedResources();
  tiled = output(await buildTopic(referenceTopic, { strict: false, kinds: ['flipchart'], poster: 'A1', paper: 'A4' }, shared), 'flipchart');
  sheets = output(await buildTopic(referenceTopic, { strict: false, kinds: ['flipchart'] }, shared), 'flipchart');
});

describe('a poster tiled on printer paper', () => {
  it('reads in the tag tree as the untiled sheets do: every line whole and in order, though its parts are on several tiles', async () => {
    const [poster, plain] = [await readingOrder(tiled), await readingOrder(sheets)];
    expect(squeeze(plain)).toContain(squeeze('Hvad gør vi, når en pårørende vil have adgang til borgerens Digital Post?'));
    expect(squeeze(poster)).toBe(squeeze(plain));
  });

  it('leads each bookmark to the tile where its heading starts', async () => {
    const q = readQpdf(tiled);
    const marks = bookmarks(q);
    expect(marks.length).toBeGreaterThan(4);
    const text = await markedText(tiled);
    const tagged = (page: number) => [...text].filter(([key]) => key.startsWith(`${page}/`)).map(([, value]) => value).join(' ');
    for (const { title, page } of marks) {
      // The tile shows the heading's first letters, tagged there (not as another tile's decoration);
      // its first word may go on across the cut to the next tile (an A1 title's letters are 10 cm wide).
      expect(tagged(page), `${title} → page ${page}`).toContain(title.slice(0, 2));
    }
    // A sheet's heading starts on the first tile of its row: sheet 2's on the tile after sheet 1's last.
    // Trin 2 is the fourth sheet, after the title, the frame questions and Trin 1.
    const tilesPerSheet = marks.filter((m) => m.page > 1)[0].page - 1;
    expect(tilesPerSheet).toBeGreaterThan(1);
    expect(marks.find((m) => m.title.startsWith('Trin 2'))?.page).toBe(3 * tilesPerSheet + 1);
  });
});
