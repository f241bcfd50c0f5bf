/**
 * `dialogpack import` through the real CLI, on Word documents pandoc wrote: the markdown file and
 * pictures it writes (beside the document or in a topic folder), the sections: line it prints, which
 * makes a topic that checks without a warning and builds a PDF with the document's text and picture;
 * what it refuses, and that a refusal leaves every file as it was. Its runs ask for Danish (`--lang da`),
 * the language of the editors who import from Word, whatever locale the tests pin.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfStructNode } from '../helpers/read-pdf.js';
import { pandocDocx, png } from '../helpers/make-docx.js';
import { runCli, stackFrame } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const skaerm = png(48, 24, [20, 120, 60]);
const source = `# Hjælp til MitID på borgerens egen telefon

Borgeren **skal selv** godkende i *appen*. Læs mere hos [Digitaliseringsstyrelsen](https://digst.dk).

## Før mødet

- Find borgerens kodeord på forhånd
    - Spørg pårørende først
    - Skriv aldrig koden ned for borgeren
- Aftal, hvem der følger op

![Skærmbillede af MitID-appen med knappen Godkend](skaerm.png)

| Hvad beder borgeren om? | Hvem ejer opgaven? |
|---|---|
| Større skrift på telefonen | Borgeren selv |

### Lovgivning

Databeskyttelsesforordningen gælder også her[^1].

[^1]: Se artikel 6 om behandlingsgrundlag.
`;

function fresh(name: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  return dir;
}

function figures(node: PdfStructNode | null): PdfStructNode[] {
  if (!node) return [];
  return [...(node.role === 'Figure' ? [node] : []), ...node.children.flatMap(figures)];
}

describe('dialogpack import', () => {
  it('imports into a topic a section that checks without a warning and builds into the pack', async () => {
    const cwd = fresh('topic');
    expect(runCli(['new', 'mitid', '--dir', 'content'], { cwd }).code).toBe(0);
    pandocDocx(cwd, 'rapport.docx', source, { 'skaerm.png': skaerm });

    const run = runCli(['--lang', 'da', 'import', 'rapport.docx', '--topic', 'content/mitid'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('skrev content/mitid/rapport.md');
    expect(run.stderr).toContain('skrev content/mitid/billeder/rapport-1.png');
    expect(run.stderr).toContain('tilføj afsnittet i content/mitid/topic.yaml under sections:');
    const sectionLine = /^ {2}- \{ title: .*, file: rapport\.md \}$/m.exec(run.stderr)?.[0];
    expect(sectionLine).toBe('  - { title: Hjælp til MitID på borgerens egen telefon, file: rapport.md }');

    const markdown = readFileSync(path.join(cwd, 'content/mitid/rapport.md'), 'utf8');
    expect(markdown).toContain('## Før mødet\n\n- Find borgerens kodeord på forhånd\n  - Spørg pårørende først\n');
    expect(markdown).toContain('![Skærmbillede af MitID-appen med knappen Godkend](billeder/rapport-1.png)');
    expect(markdown).toContain('| Større skrift på telefonen | Borgeren selv      |');
    expect(new Uint8Array(readFileSync(path.join(cwd, 'content/mitid/billeder/rapport-1.png')))).toEqual(skaerm);

    // The line as printed, under sections: in topic.yaml.
    const yamlFile = path.join(cwd, 'content/mitid/topic.yaml');
    writeFileSync(yamlFile, readFileSync(yamlFile, 'utf8').replace(/^sections:\n/m, `sections:\n${sectionLine}\n`));
    const check = runCli(['check', '--strict', 'content/mitid'], { cwd });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain('0 errors, 0 warnings in 1 topic');

    const build = runCli(['build', 'content/mitid', '--kind', 'pack', '--out', 'out'], { cwd, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(build.code, build.stderr).toBe(0);
    const pdf = await readPdf(new Uint8Array(readFileSync(path.join(cwd, 'out/mitid/mitid-pack.pdf'))));
    const text = pdf.text.replace(/\s+/g, ' ');
    for (const expected of ['Hjælp til MitID på borgerens egen telefon', 'Spørg pårørende først', 'Større skrift på telefonen', 'Databeskyttelsesforordningen gælder også her', 'Se artikel 6 om behandlingsgrundlag']) {
      expect(text).toContain(expected);
    }
    const alts = pdf.pages.flatMap((p) => figures(p.struct)).map((f) => f.alt);
    expect(alts).toContain('Skærmbillede af MitID-appen med knappen Godkend');
  });

  it('writes beside the document without --topic, named in kebab-case, with the file name as title', () => {
    const cwd = fresh('beside');
    mkdirSync(path.join(cwd, 'fra-kl'));
    pandocDocx(path.join(cwd, 'fra-kl'), 'Råd om MitID.docx', 'Et afsnit om **MitID**.\n\n## Spørgsmål\n\nHvad gør vi?\n');
    const run = runCli(['--lang', 'da', 'import', 'fra-kl/Råd om MitID.docx'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('skrev fra-kl/raad-om-mitid.md');
    expect(run.stderr).toContain('  - { title: Råd om MitID, file: raad-om-mitid.md }');
    expect(readFileSync(path.join(cwd, 'fra-kl/raad-om-mitid.md'), 'utf8')).toBe('Et afsnit om **MitID**.\n\n## Spørgsmål\n\nHvad gør vi?\n');
    expect(readdirSync(path.join(cwd, 'fra-kl')).sort()).toEqual(['Råd om MitID.docx', 'raad-om-mitid.md']);
  });

  it('refuses with exit 2 to replace an existing file, leaving it as it was, and replaces it with --force', () => {
    const cwd = fresh('again');
    pandocDocx(cwd, 'rapport.docx', source, { 'skaerm.png': skaerm });
    expect(runCli(['--lang', 'da', 'import', 'rapport.docx'], { cwd }).code).toBe(0);
    const first = readFileSync(path.join(cwd, 'rapport.md'), 'utf8');
    writeFileSync(path.join(cwd, 'rapport.md'), `${first}\nRedaktørens egen tilføjelse.\n`);
    rmSync(path.join(cwd, 'billeder'), { recursive: true });

    const again = runCli(['--lang', 'da', 'import', 'rapport.docx'], { cwd });
    expect(again.code, again.stderr).toBe(2);
    expect(again.stderr).toContain('rapport.md: fejl: rapport.md findes allerede; dialogpack import skriver ikke oven i en fil, uden at du beder om det [import-target-exists]');
    expect(again.stderr).toContain('sådan retter du det: skriv --force');
    expect(again.stderr).not.toMatch(stackFrame);
    expect(readFileSync(path.join(cwd, 'rapport.md'), 'utf8')).toBe(`${first}\nRedaktørens egen tilføjelse.\n`);
    // Nothing of the refused import is left: not the picture it could have placed, not a temporary file.
    expect(readdirSync(cwd).sort()).toEqual(['rapport.docx', 'rapport.md']);

    const forced = runCli(['--lang', 'da', 'import', 'rapport.docx', '--force'], { cwd });
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('erstattede rapport.md');
    expect(forced.stderr).toContain('skrev billeder/rapport-1.png');
    expect(readFileSync(path.join(cwd, 'rapport.md'), 'utf8')).toBe(first);
    expect(readdirSync(cwd).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('warns in Danish where a picture has no alt text, at its place in the markdown', () => {
    const cwd = fresh('alt');
    pandocDocx(cwd, 'uden.docx', 'Sådan ser appen ud:\n\n![](skaerm.png)\n', { 'skaerm.png': skaerm });
    const run = runCli(['--lang', 'da', 'import', 'uden.docx'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'uden.md:3:1: advarsel: billede 1 i uden.docx har ingen alternativ tekst, så en skærmlæser kan ikke fortælle, hvad det viser [word-image-without-alt]',
    );
    expect(run.stderr).toContain('1 advarsel om det, der ikke kom med fra Word som i Word');
  });

  it('answers --json with the files written, the section and the warnings', () => {
    const cwd = fresh('json');
    pandocDocx(cwd, 'rapport.docx', source, { 'skaerm.png': skaerm });
    const run = runCli(['--json', 'import', 'rapport.docx'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      written: ['billeder/rapport-1.png', 'rapport.md'],
      replaced: [],
      section: { title: 'Hjælp til MitID på borgerens egen telefon', file: 'rapport.md' },
      diagnostics: [],
    });
  });

  it.each([
    ['a missing file', ['import', 'findes-ikke.docx'], 'path-not-found', 'filen findes-ikke.docx findes ikke'],
    ["Word's old format", ['import', 'gammel.doc'], 'not-a-docx', "gammel.doc er i Words gamle format (.doc)"],
    ['a file that is not a Word document', ['import', 'tekst.docx'], 'not-a-docx', 'tekst.docx er ikke et Word-dokument (.docx)'],
    ['a --topic folder without topic.yaml', ['import', 'rapport.docx', '--topic', 'ikke-et-emne'], 'not-a-topic', 'ikke-et-emne er ikke en emnemappe'],
  ])('refuses %s with exit 2 and writes nothing', (_, args, rule, message) => {
    const cwd = mkdtempSync(path.join(tmp, 'refuse-'));
    writeFileSync(path.join(cwd, 'gammel.doc'), 'Ð\u00cf\u0011\u00e0');
    writeFileSync(path.join(cwd, 'tekst.docx'), 'bare tekst');
    mkdirSync(path.join(cwd, 'ikke-et-emne'));
    pandocDocx(cwd, 'rapport.docx', source, { 'skaerm.png': skaerm });
    const before = readdirSync(cwd).sort();
    const run = runCli(['--lang', 'da', ...args], { cwd });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`${message}`);
    expect(run.stderr).toContain(`[${rule}]`);
    expect(readdirSync(cwd).sort()).toEqual(before);
    expect(readdirSync(path.join(cwd, 'ikke-et-emne'))).toEqual([]);
  });
});
