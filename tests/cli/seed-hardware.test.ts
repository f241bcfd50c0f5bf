/**
 * The source document of the hardware topic, transcribed into a topic as an editor would: every
 * sentence as it stands, a colon wherever the document has one, a sub-list under the bullet that
 * introduces it, a tip of two paragraphs. `check` in Danish names each mistake with a hint; the test
 * applies the hints and nothing else, and the topic then builds with its byline and its sub-lists.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testFixtures } from '../helpers/build-fixture.js';
import { readPdf, structNodes, structText } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';

interface Reported {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  rule: string;
  hint?: string;
}

const danish = { LANG: 'da_DK.UTF-8' };
const work = mkdtempSync(path.join(tmpdir(), 'dialogpack-seed-'));
const topic = path.join(work, 'seed-hardware');
cpSync(path.join(testFixtures, 'seed-hardware'), topic, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

function check(): Reported[] {
  const run = runCli(['--json', 'check', topic], { env: danish });
  return (JSON.parse(run.stdout) as { diagnostics: Reported[] }).diagnostics;
}

/**
 * Does what a hint says, as an editor reading it would, and fails on a hint it cannot read: the test
 * proves the hints are enough, so it must not know any other fix.
 */
function applyHint(lines: string[], d: Reported): void {
  const index = d.line - 1;
  const written = /skriv linjen sådan: `(.*)`$/.exec(d.hint ?? '');
  if (written) {
    lines[index] = written[1];
    return;
  }
  const block = /skriv punktet som en tekstblok: `(.*)` på en linje for sig, derunder teksten og underpunkterne rykket to mellemrum længere ind end `-`, og en tom linje før underpunkterne$/.exec(d.hint ?? '');
  expect(block, `a hint the test can follow: ${d.hint}`).not.toBeNull();
  const head = block![1];
  const dash = head.indexOf('-');
  const inner = ' '.repeat(dash + 2);
  const text = lines[index].slice(dash + 2);
  const subItems: string[] = [];
  while (lines[index + 1 + subItems.length]?.startsWith(`${inner}- `)) subItems.push(lines[index + 1 + subItems.length]);
  lines.splice(index, 1 + subItems.length, head, `${inner}${text}`, '', ...subItems.map((s) => `${inner}${s.trimStart()}`));
}

describe('the seed topic, transcribed as it stands', () => {
  it('gets one Danish error with a hint per mistake, and builds once the hints are applied', () => {
    const file = path.join(topic, 'topic.yaml');
    const first = check().filter((d) => d.severity === 'error');
    // Four colons in list items, and a bullet with sub-bullets under it.
    expect(first.map((d) => [d.line, d.rule])).toEqual([
      [23, 'yaml-colon-in-value'],
      [24, 'yaml-colon-in-value'],
      [35, 'yaml-colon-in-value'],
      [40, 'yaml-colon-in-value'],
      [52, 'yaml-colon-in-value'],
    ]);
    const lines = readFileSync(file, 'utf8').split('\n');
    // Bottom up, so a fix that adds lines does not move the ones above it.
    for (const d of [...first].sort((a, b) => b.line - a.line)) applyHint(lines, d);
    writeFileSync(file, lines.join('\n'));

    const after = check();
    expect(after.filter((d) => d.severity === 'error')).toEqual([]);
    // What stays is true of the source: its steps add up to 35 of the 45 minutes it announces.
    expect(after.map((d) => d.rule)).toContain('duration-mismatch');

    const build = runCli(['build', topic, '--out', path.join(work, 'out'), '--participants', '14'], { env: danish });
    expect(build.code, build.stderr).toBe(0);
  });

  it('keeps the byline, the series, the sub-lists and both paragraphs of a tip', async () => {
    const pack = await readPdf(readFileSync(path.join(work, 'out/seed-hardware/seed-hardware-pack.pdf')));
    const text = pack.text.replace(/\s+/g, ' ');
    expect(text).toContain('Af Bettine Romme Andersen, 27. oktober 2023');
    expect(text).toContain('Hjælp til digitalt udfordrede borgere');
    expect(text).toContain('Det er Fremfærd Borger, der står bag, og projektet ledes af HK Kommunal og KL.');
    // The sub-list is its own items, below the bullet that introduces it, not run into its line.
    expect(text).not.toMatch(/deler casen: ?- Hvad/);
    const nodes = pack.pages.flatMap((p) => structNodes(p.struct));
    const said = (role: string) => nodes.filter((n) => n.role === role).map((n) => structText(n).replace(/\s+/g, ' ').trim());
    expect(said('LBody')).toContain('Hvad tænker I om casen hvor borgeren beder om hjælp med sin mobil?');
    // The tip's second paragraph is a paragraph of its own.
    expect(said('P')).toContain('Spørg resten af gruppen om pointer, der ikke er nævnt, men også fortjener at komme med.');
    // And the intro stands before the frame questions.
    expect(text.indexOf('Sådan bruger I dialogmaterialet')).toBeLessThan(text.indexOf('Emnet kan rammesættes'));
  });
});
