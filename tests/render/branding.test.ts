import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTopic } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { output, repoRoot, testFixtures } from '../helpers/build-fixture.js';
import { readPdf, structNodes } from '../helpers/read-pdf.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const themes = path.join(testFixtures, 'themes');

describe('a municipality theme (--templates)', () => {
  it('puts the logo on the cover as a Figure with its alt text, and the name on the cover and in the footer', async () => {
    const { shared, diagnostics } = await sharedResources(path.join(themes, 'kommune'));
    expect(diagnostics).toEqual([]);
    const result = await buildTopic(path.join(repoRoot, 'content/hardware'), { strict: true, kinds: ['pack', 'facilitator'] }, shared);
    expect(result.diagnostics).toEqual([]);
    const pack = await readPdf(output(result, 'pack'));
    const figures = pack.pages.flatMap((p) => structNodes(p.struct)).filter((n) => n.role === 'Figure');
    expect(figures).toHaveLength(1);
    expect(figures[0].alt).toBe('Eksempel Kommunes logo: et grønt skjold med to bølger');
    expect(pack.pages[0].text).toContain('Eksempel Kommune');
    expect(pack.pages[1].text).toContain('Eksempel Kommune');
    expect(pack.pages[1].text).toContain('Side 2 af');
    const facilitator = await readPdf(output(result, 'facilitator'));
    expect(facilitator.pages[0].text).toContain('Eksempel Kommune');
  });

  it('refuses colours with too little contrast, naming each pair, and builds nothing', () => {
    const run = runCli(['build', path.join(repoRoot, 'content/hardware'), '--templates', path.join(themes, 'low-contrast'), '--out', path.join(os.tmpdir(), 'dialogpack-never-written')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/theme\.yaml:4:11: error: colors\.accent #9ecbd6 on white paper has contrast 1\.75:1; text needs at least 4\.5:1 \[low-contrast\]/);
    expect(run.stderr).toMatch(/colors\.muted #b0b0b0 on white paper/);
    expect(run.stderr).not.toMatch(stackFrame);
    expect(run.stderr).not.toMatch(/wrote/);
  });
});
