/**
 * parseDocx on Word documents that pandoc wrote: the markdown a section gets (its structure, its text
 * with æ, ø and å, its pictures under billeder/ with their alternative text), and a warning for each
 * thing that could not come along.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { lintMarkdown } from '../../src/model/lint-markdown.js';
import { parseMarkdown } from '../../src/parse/markdown-parser.js';
import { parseDocx, type DocxNames } from '../../src/parse/parse-docx.js';
import { editDocx, gif, pandocDocx, png } from '../helpers/make-docx.js';
import { hintText, messageText } from '../helpers/message-text.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-parse-docx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const names: DocxNames = { docxFile: 'rapport.docx', markdownFile: 'content/x/rapport.md', imageDir: 'billeder', imageStem: 'rapport' };
const skaerm = png(40, 20, [200, 30, 30]);
const kort = png(12, 12, [30, 30, 200]);

async function parse(file: string) {
  return parseDocx(new Uint8Array(readFileSync(file)), names);
}

const fullSource = `# Råd om MitID

Borgeren **skal selv** godkende i *appen*. Læs mere hos [Digitaliseringsstyrelsen](https://digst.dk).

## Før mødet

- Første punkt med æ, ø og å
    - Underpunkt ét
    - Underpunkt to
- Andet punkt

1. Trin et
2. Trin to

![Skærmbillede af MitID-appen med knappen Godkend](skaerm.png)

| Hvad beder borgeren om? | Hvem ejer opgaven? |
|---|---|
| Større skrift | Borgeren selv |

#### Detaljer

En fodnote[^a] her og en til[^b].

[^a]: Selve noten.
[^b]: Den anden note.
`;

describe('parseDocx', () => {
  it('carries headings, nested lists, a table, bold, italic, a link, notes and a picture with its alt text', async () => {
    const parsed = await parse(pandocDocx(tmp, 'fuld.docx', fullSource, { 'skaerm.png': skaerm }));
    expect(parsed.diagnostics).toEqual([]);
    // The title is taken out for topic.yaml; the skipped level (# to ####) is closed up.
    expect(parsed.title).toBe('Råd om MitID');
    expect(parsed.markdown).toBe(`Borgeren **skal selv** godkende i *appen*. Læs mere hos [Digitaliseringsstyrelsen](https://digst.dk).

## Før mødet

- Første punkt med æ, ø og å
  - Underpunkt ét
  - Underpunkt to
- Andet punkt

1. Trin et
2. Trin to

![Skærmbillede af MitID-appen med knappen Godkend](billeder/rapport-1.png)

| Hvad beder borgeren om? | Hvem ejer opgaven? |
| ----------------------- | ------------------ |
| Større skrift           | Borgeren selv      |

### Detaljer

En fodnote[^1] her og en til[^2].

[^1]: Selve noten.

[^2]: Den anden note.
`);
    expect(parsed.pictures).toEqual([{ path: 'billeder/rapport-1.png', bytes: skaerm }]);
    // As a section file, it parses without a warning from dialogpack's own checks.
    expect(lintMarkdown({ file: names.markdownFile, path: 'rapport.md', text: parsed.markdown, tree: parseMarkdown(parsed.markdown), body: parsed.markdown })).toEqual([]);
  });

  it('keeps every heading when the document opens with one of several chapters', async () => {
    const parsed = await parse(pandocDocx(tmp, 'kapitler.docx', '# Første kapitel\n\nTekst.\n\n# Andet kapitel\n\n## Et underafsnit\n\nMere.\n'));
    expect(parsed.title).toBeUndefined();
    expect(parsed.markdown).toBe('## Første kapitel\n\nTekst.\n\n## Andet kapitel\n\n### Et underafsnit\n\nMere.\n');
  });

  it("reads a Danish Word's headings and title, whose style ids are Danish and names English", async () => {
    const file = pandocDocx(tmp, 'dansk.docx', '# Overskrift ét\n\nTekst.\n\n## Overskrift to\n\nTekst.\n\n# Overskrift tre\n', {}, ['--metadata', 'title=Dokumentets titel']);
    const danish: Record<string, [string, string]> = { Heading1: ['Overskrift1', 'heading 1'], Heading2: ['Overskrift2', 'heading 2'], Title: ['Titel', 'Title'] };
    const rename = (xml: string) =>
      xml.replace(/(w:styleId=|<w:(?:pStyle|basedOn|next|link) w:val=)"(Heading1|Heading2|Title)"/g, (_, attr: string, id: string) => `${attr}"${danish[id][0]}"`);
    await editDocx(file, {
      'word/document.xml': rename,
      'word/styles.xml': (xml) => rename(xml).replace(/<w:name w:val="Heading ([12])"/g, '<w:name w:val="heading $1"'),
    });
    const styles = await (await JSZip.loadAsync(readFileSync(file))).file('word/styles.xml')!.async('string');
    for (const [id, name] of Object.values(danish)) expect(styles).toMatch(new RegExp(`w:styleId="${id}"[^]*?<w:name w:val="${name}"`));
    const parsed = await parse(file);
    expect(parsed.title).toBe('Dokumentets titel');
    expect(parsed.markdown).toBe('## Overskrift ét\n\nTekst.\n\n### Overskrift to\n\nTekst.\n\n## Overskrift tre\n');
    expect(parsed.diagnostics).toEqual([]);
  });

  it('names what it could not carry over: comments, tracked changes, unknown styles, raised text, a text box', async () => {
    const source = `Tekst med [Husk at tjekke tallene]{.comment-start id="0" author="Anne" date="2024-01-01T00:00:00Z"}tallene[]{.comment-end id="0"}, [indsat]{.insertion author="Anne" date="2024-01-01T00:00:00Z"} og [slettet]{.deletion author="Anne" date="2024-01-01T00:00:00Z"} tekst.

::: {custom-style="Citat KL"}
Et afsnit i kommunens egen typografi.
:::

Den 1^ste^ i måneden, m^2^ og CO~2~.

Boksen står her.
`;
    const file = pandocDocx(tmp, 'tabt.docx', source);
    // pandoc writes no text boxes; this is the one Word keeps for readers that know no DrawingML.
    const textBox =
      '<w:r><w:pict><v:shape style="width:100pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>Tekst i en boks</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>';
    await editDocx(file, { 'word/document.xml': (xml) => xml.replace(/(<w:t[^>]*>Boksen står her\.<\/w:t><\/w:r>)/, `$1${textBox}`) });
    const parsed = await parse(file);
    expect(parsed.markdown).toBe(
      'Tekst med tallene, indsat og tekst.\n\nEt afsnit i kommunens egen typografi.\n\nDen 1ste i måneden, m² og CO₂.\n\nBoksen står her.\n\nTekst i en boks\n',
    );
    const byRule = Object.fromEntries(parsed.diagnostics.map((d) => [d.rule, d]));
    expect(Object.keys(byRule).sort()).toEqual(['word-comments', 'word-raised-text', 'word-style-unknown', 'word-text-box', 'word-tracked-changes']);
    expect(parsed.diagnostics.every((d) => d.file === 'rapport.docx' && d.severity === 'warning')).toBe(true);
    expect(messageText(byRule['word-comments'], 'da')).toBe('1 kommentar i dokumentet er ikke taget med');
    expect(messageText(byRule['word-tracked-changes'], 'da')).toContain('2 ændringer med Spor ændringer');
    expect(messageText(byRule['word-style-unknown'], 'da')).toContain('»Citat KL«');
    expect(messageText(byRule['word-raised-text'], 'da')).toContain('»ste«');
  });

  it('gives each picture its own paragraph and file, and warns where one has no alt text or cannot be shown', async () => {
    const source = `Se her ![Et blåt kort](kort.png) midt i teksten.

![](skaerm.png)

![Et levende billede](anim.gif)

Igen: ![Et blåt kort](kort.png)
`;
    const parsed = await parse(pandocDocx(tmp, 'billeder.docx', source, { 'kort.png': kort, 'skaerm.png': skaerm, 'anim.gif': gif }));
    expect(parsed.markdown).toBe(
      'Se her\n\n![Et blåt kort](billeder/rapport-1.png)\n\nmidt i teksten.\n\n![](billeder/rapport-2.png)\n\nIgen:\n\n![Et blåt kort](billeder/rapport-1.png)\n',
    );
    // The same picture twice is one file.
    expect(parsed.pictures).toEqual([
      { path: 'billeder/rapport-1.png', bytes: kort },
      { path: 'billeder/rapport-2.png', bytes: skaerm },
    ]);
    const [format, noAlt] = [parsed.diagnostics.find((d) => d.rule === 'word-image-format'), parsed.diagnostics.find((d) => d.rule === 'word-image-without-alt')];
    expect(format).toMatchObject({ file: 'rapport.docx', severity: 'warning' });
    expect(messageText(format!, 'da')).toBe('billede 3 (efter »Se her midt i teksten.«) er et GIF-billede, som dialogpack ikke kan vise, og er ikke taget med');
    expect(noAlt).toMatchObject({ file: 'content/x/rapport.md', line: 7, column: 1, severity: 'warning' });
    expect(messageText(noAlt!, 'da')).toBe('billede 2 i rapport.docx har ingen alternativ tekst, så en skærmlæser kan ikke fortælle, hvad det viser');
    expect(hintText(noAlt!, 'da')).toContain('Vis alternativ tekst');
    expect(parsed.diagnostics).toHaveLength(2);
  });

  it('leaves out a table of contents, which dialogpack makes itself', async () => {
    const parsed = await parse(pandocDocx(tmp, 'toc.docx', '# Et\n\nTekst.\n\n# To\n\nMere tekst.\n', {}, ['--toc']));
    expect(parsed.markdown).toBe('## Et\n\nTekst.\n\n## To\n\nMere tekst.\n');
    expect(parsed.diagnostics.map((d) => d.rule)).toEqual(['word-contents-dropped']);
  });

  it('puts a table cell of several paragraphs on one line, and says so', async () => {
    const source = `+-----------+---------------------+
| Hvem      | Hvad                |
+===========+=====================+
| Borgeren  | Første afsnit.      |
|           |                     |
|           | Andet afsnit.       |
+-----------+---------------------+
`;
    const parsed = await parse(pandocDocx(tmp, 'celler.docx', source));
    expect(parsed.markdown).toBe('| Hvem     | Hvad                         |\n| -------- | ---------------------------- |\n| Borgeren | Første afsnit. Andet afsnit. |\n');
    expect(parsed.diagnostics.map((d) => d.rule)).toEqual(['word-table-cell-blocks']);
  });

  it('refuses a file that is not a Word document, with an error', async () => {
    const parsed = await parseDocx(new Uint8Array(Buffer.from('PK\u0003\u0004 not really a zip')), names);
    expect(parsed.diagnostics).toMatchObject([{ file: 'rapport.docx', severity: 'error', rule: 'word-unreadable' }]);
    expect(parsed.markdown).toBe('');
  });
});

describe('parseDocx: a picture in the document', () => {
  it('is measured against the limit for pictures, not the one for text files', async () => {
    // Noise does not compress: a 2 MB picture, over the 1 MiB a text file may be, well under a picture's 25 MB.
    const { PNG } = await import('pngjs');
    const noise = new PNG({ width: 820, height: 820 });
    let state = 2463534242;
    for (let i = 0; i < noise.data.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      noise.data[i] = state & 0xff;
    }
    const bytes = new Uint8Array(PNG.sync.write(noise, { colorType: 6 }));
    expect(bytes.byteLength).toBeGreaterThan(1024 * 1024 * 2);
    const file = pandocDocx(tmp, 'stort-billede.docx', '# Billede\n\n![Et foto af en skærm](foto.png)\n', { 'foto.png': bytes });
    const parsed = await parse(file);
    expect(parsed.diagnostics.map((d) => d.rule)).not.toContain('word-image-too-large');
    expect(parsed.pictures.map((p) => p.bytes.byteLength)).toContain(bytes.byteLength);
  });
});
