import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTopic } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { output, referenceTopic } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-pdfa-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('--pdfa', () => {
  it('claims PDF/A-2a and PDF/UA-1 in one document, with an sRGB output intent', async () => {
    const { shared } = await sharedResources();
    const result = await buildTopic(referenceTopic, { strict: false, pdfa: true, kinds: ['pack'] }, shared);
    const bytes = output(result, 'pack');
    const pdf = await readPdf(bytes);
    expect(pdf.metadata).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(pdf.metadata).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(pdf.metadata).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/S /GTS_PDFA1');
  });

  it('describes the pdfuaid schema in XMP, as PDF/A-2 requires of a schema it does not predefine (6.6.2.3.1)', async () => {
    const { shared } = await sharedResources();
    const result = await buildTopic(referenceTopic, { strict: false, pdfa: true, kinds: ['handout'] }, shared);
    const { metadata } = await readPdf(output(result, 'handout'));
    const schema = /<pdfaExtension:schemas>([\s\S]*?)<\/pdfaExtension:schemas>/.exec(metadata)?.[1] ?? '';
    const described = [...schema.matchAll(/<rdf:li rdf:parseType="Resource">\s*<pdfaSchema:schema>[\s\S]*?<\/pdfaSchema:property>/g)].map((m) => m[0]);
    const pdfua = described.find((d) => d.includes('<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>'));
    expect(pdfua).toBeDefined();
    expect(pdfua).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
    expect(pdfua).toMatch(/<pdfaProperty:name>part<\/pdfaProperty:name>\s*<pdfaProperty:valueType>Integer<\/pdfaProperty:valueType>\s*<pdfaProperty:category>internal<\/pdfaProperty:category>/);
    expect(metadata).toMatch(/xmlns:pdfaExtension="http:\/\/www\.aiim\.org\/pdfa\/ns\/extension\/"/);
  });

  it('writes valid XMP for titles with & and <', async () => {
    const dir = path.join(tmp, 'amp');
    cpSync(referenceTopic, dir, { recursive: true });
    const yaml = readFileSync(path.join(dir, 'topic.yaml'), 'utf8').replace(/^title: .*$/m, 'title: "Samtykke & fuldmagt <kort>"');
    writeFileSync(path.join(dir, 'topic.yaml'), yaml);
    const { shared } = await sharedResources();
    const result = await buildTopic(dir, { strict: false, kinds: ['pack'] }, shared);
    const pdf = await readPdf(output(result, 'pack'));
    expect(pdf.info.Title).toBe('Samtykke & fuldmagt <kort>');
    expect(pdf.metadata).toContain('Samtykke &amp; fuldmagt &lt;kort&gt;');
    expect(pdf.metadata).not.toContain('Samtykke & fuldmagt');
  });
});
