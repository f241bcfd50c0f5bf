/**
 * What is wrong with an SVG drawing reaches a Danish editor in Danish (issue #17): the hostile-svg
 * fixture, as it is and with one flaw written into its drawing, is checked under a Danish locale, and
 * no line keeps a word of the English the drawing's reader used to put into the Danish sentence.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testFixtures } from '../helpers/build-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-dansk-svg-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const drawing = readFileSync(path.join(testFixtures, 'hostile-svg', 'tegning.svg'), 'utf8');

/** Words of the English problems; the rule id in brackets stays English and is left out of the check. */
const englishWords = /\b(cannot|the|its|it|is|not|refers|draws|itself|without|style sheet|imports another|outermost|character reference|left out|clicked|shadows|printed|error|warning|hint)\b/i;

interface Case {
  name: string;
  /** The fixture's drawing, changed to have the flaw. */
  svg: string;
  code: number;
  danish: string;
}

const cases: Case[] = [
  {
    name: 'the drawing as it is, with scripts and links left out',
    svg: drawing,
    code: 0,
    danish: 'advarsel: billedet `tegning.svg` har dele, som en trykt figur ikke kan vise, og de udelades: scripts (programkode), links (man kan ikke klikke på en trykt figur) [svg-left-out]',
  },
  {
    name: 'a style sheet that fetches another file',
    svg: drawing.replace('<style>', '<style>@import url(https://example.org/x.css);'),
    code: 1,
    danish: 'fejl: billedet `tegning.svg` (linje 2, kolonne 1) kan ikke udskrives: tegningens stilark henter en anden fil (@import) [bad-image]',
  },
  {
    name: 'an element that refers to itself',
    svg: drawing.replace('</svg>', '<g id="sløjfe"><use href="#sløjfe"/></g></svg>'),
    code: 1,
    danish: 'kan ikke udskrives: <g id="sløjfe"> henviser til sig selv igen og igen, så tegningen aldrig bliver færdig [bad-image]',
  },
  {
    name: 'an outermost element that is not <svg>',
    svg: drawing.replace('<svg ', '<html ').replace('</svg>', '</html>'),
    code: 1,
    danish: 'fejl: billedet `tegning.svg` (linje 2, kolonne 1) kan ikke udskrives: tegningens yderste element er <html>, ikke <svg> [bad-image]',
  },
  {
    name: 'an HTML entity',
    svg: drawing.replace('>Hej æøå<', '>Hej&nbsp;æøå<'),
    code: 1,
    danish: 'kan ikke udskrives: &nbsp; er ikke en tegnkode, en SVG-fil må bruge (kun &lt; &gt; &amp; &quot; &apos; og &#…;); skriv tegnet selv i stedet [bad-image]',
  },
];

describe('an SVG drawing’s problems under a Danish locale', () => {
  it.each(cases)('words $name in Danish', ({ name, svg, code, danish }) => {
    const dir = path.join(tmp, name.replace(/[^a-z]+/g, '-'), 'hostile-svg');
    cpSync(path.join(testFixtures, 'hostile-svg'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'tegning.svg'), svg);
    const run = runCli(['check', dir], { env: { LANG: 'da_DK.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(run.code, run.stderr).toBe(code);
    expect(run.stderr).toContain(`${path.join(dir, 'purpose.md')}:3:1: `);
    expect(run.stderr).toContain(danish);
    const lines = run.stderr.split('\n').filter((line) => line.trim());
    for (const line of lines) expect(line.replaceAll(dir, '').replace(/ \[[a-z0-9-]+\]$/, ''), run.stderr).not.toMatch(englishWords);
  });

  it('still words the same problem in English under the locale the tests pin', () => {
    const dir = path.join(tmp, 'english', 'hostile-svg');
    cpSync(path.join(testFixtures, 'hostile-svg'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'tegning.svg'), cases[1].svg);
    const run = runCli(['check', dir]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('error: the image `tegning.svg` (line 2, column 1) cannot be printed: its style sheet imports another file (@import) [bad-image]');
  });
});
