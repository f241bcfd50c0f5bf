import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInMemory, referenceTopic } from '../helpers/build-fixture.js';
import { readQpdf, type QpdfReadBack } from '../helpers/read-qpdf.js';

let outputs: { kind: string; q: QpdfReadBack }[];

beforeAll(async () => {
  const result = await buildInMemory(referenceTopic);
  outputs = result.outputs.map((o) => ({ kind: o.kind, q: readQpdf(o.bytes) }));
});

describe('embedded font subsets', () => {
  it('have no CIDSet that leaves out a glyph of the embedded program, composite glyphs’ components included', () => {
    let fonts = 0;
    for (const { kind, q } of outputs) {
      for (const { dict } of q.objects.values()) {
        if (dict['/Type'] !== '/FontDescriptor' || typeof dict['/FontFile2'] !== 'string') continue;
        fonts++;
        const program = fontkit.create(q.objects.get(dict['/FontFile2'])!.data!) as unknown as { numGlyphs: number };
        if (dict['/CIDSet'] === undefined) continue;
        const bits = q.objects.get(dict['/CIDSet'] as string)!.data!;
        const missing = Array.from({ length: program.numGlyphs }, (_, gid) => gid).filter((gid) => !(bits[gid >> 3] & (0x80 >> (gid & 7))));
        expect(missing, `${kind}: ${String(dict['/FontName'])}`).toEqual([]);
      }
    }
    expect(fonts).toBeGreaterThan(5);
  });
});
