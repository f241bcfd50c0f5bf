import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInMemory, output, referenceTopic, testFixtures } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

describe('the dates a PDF states', () => {
  it('are none for a topic without a date built without SOURCE_DATE_EPOCH, never 1970-01-01, and the bytes stay the same', async () => {
    const undated = path.join(testFixtures, 'notes-and-tasks');
    const first = output(await buildInMemory(undated, { kinds: ['handout'] }), 'handout');
    const pdf = await readPdf(first);
    expect(pdf.info.CreationDate).toBeUndefined();
    expect(pdf.info.ModDate).toBeUndefined();
    expect(pdf.metadata).not.toMatch(/CreateDate|ModifyDate|1970-01-01/);
    expect(Buffer.from(first).toString('latin1')).not.toContain('D:1970');
    const second = output(await buildInMemory(undated, { kinds: ['handout'] }), 'handout');
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('are the topic’s date, in the info dictionary and in XMP alike, the modification date included', async () => {
    const dated = await readPdf(output(await buildInMemory(referenceTopic, { kinds: ['handout'] }), 'handout'));
    // The reference topic's date, at noon UTC.
    for (const key of ['CreationDate', 'ModDate']) expect(String(dated.info[key]), key).toBe('D:20260302120000Z');
    expect(dated.metadata).toContain('<xmp:CreateDate>2026-03-02T12:00:00Z</xmp:CreateDate>');
    expect(dated.metadata).toContain('<xmp:ModifyDate>2026-03-02T12:00:00Z</xmp:ModifyDate>');
  });
});
