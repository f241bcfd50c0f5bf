import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PosterSize, PrinterPaper } from '../../src/layout/page-setup.js';
import { buildTopic } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { repoRoot } from '../helpers/build-fixture.js';
import { inkInBand, inkNearEdge, readPgm, type EdgeInk } from '../helpers/ink-near-edge.js';

// An office printer leaves 4–5 mm at each edge blank: ink there is lost, so no output puts any there.
const pt = (mm: number) => (mm * 72) / 25.4;

/** A one-page A4 PDF whose only ink is a 0.5 pt line `mm` from the left edge, running down the page. */
function pdfWithLineAt(mm: number): Uint8Array {
  const x = pt(mm).toFixed(2);
  const content = `0 g ${x} 200 0.5 400 re f`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

describe('the edge-ink check itself', () => {
  it('reads a PGM and finds the pixel nearest the edge inside the band', () => {
    // 20 × 10 pixels at 25.4 dpi (1 px = 1 mm): white, one grey pixel 2 px from the right edge.
    const pixels = new Uint8Array(200).fill(255);
    pixels[4 * 20 + 17] = 128;
    const pgm = new Uint8Array([...new TextEncoder().encode('P5\n# made by hand\n20 10\n255\n'), ...pixels]);
    const image = readPgm(pgm);
    expect(image).toMatchObject({ width: 20, height: 10 });
    expect(inkInBand(image, 25.4, 3)).toEqual({ x: 17, y: 4, mm: 2, value: 128 });
    expect(inkInBand(image, 25.4, 2)).toBeUndefined();
  });

  it('fails a page with a line 4 mm from the edge and passes one with the line at 6 mm', () => {
    const at4 = inkNearEdge(pdfWithLineAt(4));
    expect(at4).toHaveLength(1);
    expect(at4[0].mm).toBeGreaterThan(3);
    expect(at4[0].mm).toBeLessThan(4.5);
    expect(inkNearEdge(pdfWithLineAt(6))).toEqual([]);
  });
});

const content = path.join(repoRoot, 'content');
const topics = readdirSync(content, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(content, d.name));

const where = (file: string, ink: EdgeInk) => `${file} page ${ink.page}: ink ${ink.mm.toFixed(1)} mm from the edge at pixel (${ink.x}, ${ink.y})`;

describe('all ink at least 5 mm inside the paper', () => {
  it.each(topics.map((t) => [path.basename(t), t]))('every output of %s', async (_name, dir) => {
    const { shared } = await sharedResources();
    const result = await buildTopic(dir, { strict: false, participants: 14 }, shared);
    expect(result.outputs.length).toBeGreaterThanOrEqual(4);
    expect(result.outputs.flatMap((out) => inkNearEdge(out.bytes).map((ink) => where(out.path, ink)))).toEqual([]);
  }, 120_000);

  it.each([
    ['A1', 'A4'],
    ['A2', 'A3'],
  ] as [PosterSize, PrinterPaper][])('poster tiles, %s on %s', async (poster, paper) => {
    const { shared } = await sharedResources();
    const result = await buildTopic(path.join(content, 'hardware'), { strict: false, kinds: ['flipchart'], poster, paper }, shared);
    const [tiles] = result.outputs;
    expect(tiles.pages).toBeGreaterThan(8);
    expect(inkNearEdge(tiles.bytes).map((ink) => where(tiles.path, ink))).toEqual([]);
  }, 120_000);
});
