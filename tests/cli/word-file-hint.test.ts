/**
 * A section that names the Word file the case came in: the Danish error says to import it and which
 * name to write instead, and doing just that (with a .docx a real writer made) makes the topic build.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testFixtures } from '../helpers/build-fixture.js';
import { pandocDocx } from '../helpers/make-docx.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'dialogpack-word-hint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a Word file named as a section', () => {
  it('gets a hint that, followed, makes the topic build', async () => {
    const topic = path.join(work, 'case-i-word');
    cpSync(path.join(testFixtures, 'bad/section-file-docx'), topic, { recursive: true });
    rmSync(path.join(topic, 'expect.json'));
    pandocDocx(topic, 'case.docx', '# Case\n\nBorgeren Jonas kommer i borgerservice med en ny mobil, der ikke kan installere MitID-appen.\n');
    const env = { LANG: 'da_DK.UTF-8' };

    const check = runCli(['check', topic], { env });
    expect(check.code).toBe(1);
    const lines = check.stderr.split('\n');
    const error = lines.findIndex((l) => /topic\.yaml:6:\d+: fejl: .* \[file-wrong-type\]$/.test(l));
    expect(error, check.stderr).toBeGreaterThan(-1);
    const hint = /^ {2}sådan retter du det: lav den om til markdown med `dialogpack import (\S+)`, og skriv `(\S+)` i stedet for `(\S+)`$/.exec(lines[error + 1]);
    expect(hint, lines[error + 1]).not.toBeNull();
    const [, document, write, insteadOf] = hint!;

    // What the hint says, as the editor would do it from the topic folder.
    const imported = runCli(['import', document], { cwd: topic, env });
    expect(imported.code, imported.stderr).toBe(0);
    const yaml = path.join(topic, 'topic.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(insteadOf, write));

    const out = path.join(work, 'out');
    const build = runCli(['build', topic, '--out', out], { env });
    expect(build.code, build.stderr).toBe(0);
    const pack = await readPdf(readFileSync(path.join(out, 'case-i-word/case-i-word-pack.pdf')));
    expect(pack.text.replace(/\s+/g, ' ')).toContain('Borgeren Jonas kommer i borgerservice med en ny mobil');
  });
});
