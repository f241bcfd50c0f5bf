/**
 * docs/performance.md promises a time and memory budget for any topic within the limits of
 * docs/authoring.md ("Grænser"). The budget is measured with the CLI (the figures are in
 * docs/performance.md); this test only guards it: it builds a topic at every limit at once, in
 * process, and fails on a gross regression, four times the budget's time. The topic is written to a
 * temporary folder, or to DIALOGPACK_LIMITS_TOPIC to measure it with the CLI.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { contentLimits } from '../../src/model/content-limits.js';
import { maxBrackets } from '../../src/parse/markdown-guard.js';
import { buildInMemory } from '../helpers/build-fixture.js';

/** docs/performance.md, "Budget per topic": a topic within the limits builds all its outputs in this much time. */
const budgetSeconds = 20;

/** A topic at every limit: the longest title, the most entries in every list, the deepest nesting … */
export function writeTopicAtLimits(dir: string): void {
  const n = contentLimits.listEntries;
  const files: Record<string, string> = {};
  const list = (indent: string, make: (j: number) => string) => Array.from({ length: n }, (_, j) => `${indent}- ${make(j)}`).join('\n');
  const steps = Array.from(
    { length: n },
    (_, i) =>
      `  - title: Trin ${i + 1}\n    minutes: 1\n    grouping: ${['plenary', 'pairs', 'groups', 'individual'][i % 4]}\n${i % 4 === 2 ? '    group-size: 3\n' : ''}` +
      `    questions:\n${list('      ', (j) => `H${j}?`)}\n    instructions:\n${list('      ', (j) => `G${j}.`)}\n    tips:\n${list('      ', (j) => `R${j}.`)}`,
  );
  const title = 'Grænser '.repeat(30).slice(0, contentLimits.titleCharacters - 1).trim() + 'x';
  const sections = Array.from({ length: n }, (_, i) => `  - { title: Afsnit ${i + 1}, file: afsnit/a${i}.md, handout: true }`).join('\n');
  const cards = Array.from({ length: n }, (_, i) => `  - kort/k${i}.md`).join('\n');
  files['topic.yaml'] =
    `title: ${title}\nparticipants: { min: 4, max: 20 }\nduration: 50\npurpose: purpose.md\n` +
    `questions:\n${list('  ', (j) => `Spørgsmål ${j}?`)}\npreparation:\n  materials:\n${list('    ', (j) => `Ting ${j}`)}\n  checklist:\n${list('    ', (j) => `Tjek ${j}`)}\n` +
    `sections:\n${sections}\ncards:\n${cards}\nsteps:\n${steps.join('\n')}\n`;
  for (let i = 0; i < n; i++) {
    files[`afsnit/a${i}.md`] = `## Del ${i + 1}\n\n- Et punkt med **fed** tekst.\n- Et punkt med et [link](https://digst.dk).\n`;
    files[`kort/k${i}.md`] = `---\nname: Person ${i + 1}\nage: ${20 + i}\nrole: Medarbejder\n---\n\n**Kerneopgave:** at hjælpe.\n`;
  }
  const deepList = Array.from({ length: contentLimits.nesting }, (_, i) => `${'  '.repeat(i)}- niveau ${i + 1}`).join('\n');
  const deepQuote = `${'> '.repeat(contentLimits.nesting)}Citat på det dybeste niveau.`;
  const columns = contentLimits.tableColumns;
  const table = `${'| Kolonne '.repeat(columns)}|\n${'|---'.repeat(columns)}|\n${'| celle '.repeat(columns)}|\n`;
  const links = Array.from({ length: maxBrackets }, (_, i) => `[${i}](https://x.dk/${i})`).join(' ');
  const address = `https://eksempel.dk/${'s'.repeat(contentLimits.linkCharacters - 'https://eksempel.dk/'.length)}`;
  const word = 'sikkerhedsforanstaltning'.repeat(160);
  const strings = (value: unknown): number =>
    typeof value === 'string' ? Buffer.byteLength(value) : value && typeof value === 'object' ? Object.values(value).reduce<number>((sum, v) => sum + strings(v), 0) : 0;
  const used = strings(parseYaml(files['topic.yaml'])) + Object.entries(files).reduce((sum, [file, text]) => sum + (file.endsWith('.md') ? Buffer.byteLength(text) : 0), 0);
  const purpose = `${deepList}\n\n${deepQuote}\n\n${table}\n${links}\n\nEt link: [adressen](${address}).\n\nEt langt ord: ${word}.\n\n`;
  // The rest of the topic's text as a list of one-word items, the costliest text per byte there is.
  const room = contentLimits.textBytes - used - Buffer.byteLength(purpose);
  files['purpose.md'] = `${purpose}${'- x\n'.repeat(Math.floor(room / 4))}${'y'.repeat(room % 4)}`;
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

const keep = process.env.DIALOGPACK_LIMITS_TOPIC;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a topic at every limit', () => {
  it(`builds all its outputs within four times the budget of ${budgetSeconds} s`, async () => {
    const dir = keep ? path.resolve(keep) : path.join(tmp, 'at-the-limits');
    writeTopicAtLimits(dir);
    const cpu = process.cpuUsage();
    const started = Date.now();
    const result = await buildInMemory(dir, { participants: 20, start: '09:00' });
    const used = process.cpuUsage(cpu);
    const seconds = (used.user + used.system) / 1e6;
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.outputs.map((o) => o.kind).sort()).toEqual(['cards', 'facilitator', 'flipchart', 'handout', 'pack']);
    // Within every limit: one step more, one more entry or one more byte of text would be an error.
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('topic-text-too-long');
    console.log(`topic at the limits: ${seconds.toFixed(1)} s CPU, ${((Date.now() - started) / 1000).toFixed(1)} s wall`);
    expect(seconds).toBeLessThan(4 * budgetSeconds);
  }, 4 * budgetSeconds * 1000 + 60_000);

  it('is refused with one byte more text, one step more or one character more of title', async () => {
    const dir = path.join(tmp, 'past-the-limits');
    const rules = async (change: (file: string, text: string) => string) => {
      writeTopicAtLimits(dir);
      for (const file of ['topic.yaml', 'purpose.md']) writeFileSync(path.join(dir, file), change(file, readFileSync(path.join(dir, file), 'utf8')));
      const result = await buildInMemory(dir, { kinds: ['pack'] });
      expect(result.outputs).toEqual([]);
      return result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule);
    };
    expect(await rules((file, text) => (file === 'purpose.md' ? `${text}x` : text))).toEqual(['topic-text-too-long']);
    // The title's character more is a byte more of text too, so purpose.md gives one back.
    expect(await rules((file, text) => (file === 'topic.yaml' ? text.replace(/^title: (.*)$/m, 'title: $1y') : text.slice(0, -1)))).toEqual(['title-too-long']);
    const oneStepMore = (file: string, text: string) => (file === 'topic.yaml' ? `${text}  - { title: Et trin mere, minutes: 1 }\n` : file === 'purpose.md' ? text.slice(0, -200) : text);
    expect(await rules(oneStepMore)).toEqual(['too-many-entries']);
  });
});
