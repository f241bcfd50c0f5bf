import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTopic } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { buildInMemory, output, referenceTopic, testFixtures } from '../helpers/build-fixture.js';
import { readPdf, structNodes, type PdfReadBack } from '../helpers/read-pdf.js';
import { qpdfText, readQpdf, type QpdfDict, type QpdfReadBack, type QpdfValue } from '../helpers/read-qpdf.js';

/** Two section files that both number their footnote [^1], and a task list with ticked and open items. */
const notesAndTasks = path.join(testFixtures, 'notes-and-tasks');

let reference: { pdf: PdfReadBack; q: QpdfReadBack; bytes: Uint8Array };
let notes: { pdf: PdfReadBack; q: QpdfReadBack; bytes: Uint8Array };

beforeAll(async () => {
  const read = async (dir: string) => {
    const bytes = output(await buildInMemory(dir, { kinds: ['pack'] }), 'pack');
    return { pdf: await readPdf(bytes), q: readQpdf(bytes), bytes };
  };
  reference = await read(referenceTopic);
  notes = await read(notesAndTasks);
});

const list = (value: QpdfValue | undefined): QpdfValue[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every structure element's reference and dictionary, from the root down. */
function structElements(q: QpdfReadBack): [string, QpdfDict][] {
  const found: [string, QpdfDict][] = [];
  const visit = (ref: QpdfValue) => {
    if (typeof ref !== 'string') return;
    const element = q.objects.get(ref)?.dict;
    if (!element || !element['/S']) return;
    found.push([ref, element]);
    for (const kid of list(element['/K'])) visit(kid);
  };
  for (const kid of list((q.resolve(q.catalog['/StructTreeRoot']) as QpdfDict)['/K'])) visit(kid);
  return found;
}

/** The text-showing operators of a page's content, each with the marked-content sequences around it. */
function textInMarkedContent(q: QpdfReadBack, page: string): { tag: string; properties: string }[][] {
  const contents = list(q.objects.get(page)!.dict['/Contents']);
  const stream = contents.map((ref) => q.objects.get(ref as string)!.data!.toString('latin1')).join('\n');
  const token = /\/(\w+)\s*(<<(?:[^<>()]|<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\.)*\))*>>)\s*BDC|\/(\w+)\s+BMC|\bEMC\b|\bT[Jj]\b/g;
  const open: { tag: string; properties: string }[] = [];
  const shown: { tag: string; properties: string }[][] = [];
  for (const match of stream.matchAll(token)) {
    if (match[1]) open.push({ tag: match[1], properties: match[2] });
    else if (match[3]) open.push({ tag: match[3], properties: '' });
    else if (match[0] === 'EMC') open.pop();
    else shown.push([...open]);
  }
  return shown;
}

describe('the contents', () => {
  it('puts each entry’s link inside a Reference, as a TOCI may hold no Link itself (ISO 32000-1, table 333)', () => {
    const entries = reference.pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'TOCI');
    expect(entries.length).toBeGreaterThan(3);
    for (const entry of entries) {
      for (const child of entry.children) expect(['Lbl', 'Reference', 'NonStruct', 'P', 'TOC']).toContain(child.role);
      expect(structNodes(entry).filter((n) => n.role === 'Link')).toHaveLength(1);
    }
  });
});

describe('footnotes', () => {
  it('give each Note an ID of its own, found through the IDTree, though both files number theirs [^1]', () => {
    const elements = structElements(notes.q);
    const noteElements = elements.filter(([, e]) => e['/S'] === '/Note');
    expect(noteElements).toHaveLength(2);
    const ids = noteElements.map(([, e]) => qpdfText(e['/ID']));
    for (const id of ids) expect(id).toBeTruthy();
    expect(new Set(ids).size).toBe(2);
    const tree = notes.q.resolve((notes.q.resolve(notes.q.catalog['/StructTreeRoot']) as QpdfDict)['/IDTree']) as QpdfDict;
    const names = list(tree['/Names']);
    noteElements.forEach(([ref], i) => expect(names[names.findIndex((n) => qpdfText(n) === ids[i]) + 1]).toBe(ref));
  });
});

describe('running headers and footers', () => {
  it('are Pagination artifacts of subtype Header and Footer, text and all', () => {
    // The first page is the cover, which has neither. A table header repeated on a new page is a Layout artifact.
    reference.q.pages.slice(1).forEach((page, i) => {
      const artifacts = textInMarkedContent(reference.q, page)
        .map((open) => open.find((m) => m.tag === 'Artifact'))
        .filter((a) => a !== undefined);
      const kind = (a: { properties: string }) => `${/\/Type\s*\/(\w+)/.exec(a.properties)?.[1]} ${/\/Subtype\s*\/(\w+)/.exec(a.properties)?.[1] ?? ''}`.trim();
      const kinds = new Set(artifacts.map(kind));
      expect(kinds, `page ${i + 2}`).toContain('Pagination Header');
      expect(kinds, `page ${i + 2}`).toContain('Pagination Footer');
      expect([...kinds].filter((k) => k.startsWith('Pagination') && !/ (Header|Footer)$/.test(k)), `page ${i + 2}`).toEqual([]);
    });
  });
});

describe('poster tiles', () => {
  it('print their sheet label as a Pagination header and the glue note as a Pagination footer', async () => {
    const { shared } = await sharedResources();
    const bytes = output(await buildTopic(referenceTopic, { strict: false, kinds: ['flipchart'], poster: 'A1', paper: 'A4' }, shared), 'flipchart');
    const q = readQpdf(bytes);
    const kinds = q.pages.map((page) => new Set(textInMarkedContent(q, page).flatMap((open) => open.filter((m) => m.tag === 'Artifact').map((a) => /\/Subtype\s*\/(\w+)/.exec(a.properties)?.[1]))));
    expect(kinds.length).toBeGreaterThan(4);
    for (const [i, found] of kinds.entries()) expect(found, `tile ${i + 1}`).toContain('Header');
    // Every tile but the last of each sheet tells where the next is glued.
    expect(kinds.filter((found) => found.has('Footer')).length).toBeGreaterThan(kinds.length / 2);
  });
});

describe('name and number trees', () => {
  it('carry no Limits in their root node (ISO 32000-1, tables 36 and 37)', () => {
    const dests = reference.q.resolve((reference.q.resolve(reference.q.catalog['/Names']) as QpdfDict)['/Dests']) as QpdfDict;
    const parents = reference.q.resolve((reference.q.resolve(reference.q.catalog['/StructTreeRoot']) as QpdfDict)['/ParentTree']) as QpdfDict;
    expect(list(dests['/Names']).length).toBeGreaterThan(2);
    expect(list(parents['/Nums']).length).toBeGreaterThan(2);
    expect(dests['/Limits']).toBeUndefined();
    expect(parents['/Limits']).toBeUndefined();
  });
});

describe('task lists', () => {
  it('say in words, to assistive technology, whether each item is ticked', () => {
    const items = notes.pdf.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'LI');
    const states = items.map((li) => li.children.find((c) => c.role === 'Lbl')).flatMap((lbl) => (lbl ? structNodes(lbl).filter((n) => n.role === 'Span').map((n) => n.alt) : []));
    expect(states).toEqual(['afkrydset', 'ikke afkrydset', 'afkrydset']);
  });

  it('read through pdftotext with each box’s state where the box is, before its item', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-tasks-'));
    try {
      const file = path.join(dir, 'tasks.pdf');
      writeFileSync(file, notes.bytes);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      // The ActualText of a marked-content sequence that ended after the text's own `Q` was placed
      // with the page's flipped matrix, so the words came out at the mirrored height, away from their items.
      expect(text).toContain('afkrydset Lokalet er booket ikke afkrydset Kaffen er bestilt afkrydset Casen er printet');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
