import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInMemory, output, repoRoot } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-build-topic-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('buildTopic', () => {
  it('returns the topic with its text but without the syntax trees compose used, since results outlive the build', async () => {
    const result = await buildInMemory(path.join(repoRoot, 'content/personas'), { kinds: ['pack'] });
    const topic = result.topic!;
    const passages = [topic.purpose!, ...topic.sections, ...topic.cards];
    expect(topic.cards.length).toBeGreaterThan(0);
    for (const passage of passages) {
      expect(passage.markdown.length, passage.file).toBeGreaterThan(0);
      expect(passage.tree, passage.file).toBeUndefined();
    }
  });

  it('keeps a title with a line separator (U+2028) on one line in the running header and the metadata', async () => {
    const dir = path.join(tmp, 'line-separator-title');
    cpSync(path.join(repoRoot, 'content/hardware'), dir, { recursive: true });
    const yaml = path.join(dir, 'topic.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^title: .*$/m, 'title: "Hjælp med\\u2028borgerens udstyr"'));
    const result = await buildInMemory(dir, { kinds: ['pack'] });
    expect(result.diagnostics).toEqual([]);
    const pdf = await readPdf(output(result, 'pack'));
    expect(pdf.info.Title).toBe('Hjælp med borgerens udstyr');
    expect(pdf.pages[2].text).toContain('Hjælp med borgerens udstyr');
  });
});
