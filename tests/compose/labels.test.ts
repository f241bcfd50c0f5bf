/**
 * The words the templates print that no topic wrote: correct Danish, one spelling for one thing, no
 * abbreviated column heads, no two headings alike in one document, and an English word for each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { labels } from '../../src/compose/labels.js';
import { pdfKindNames } from '../../src/publish/pdf-kind-names.js';
import { repoRoot } from '../helpers/build-fixture.js';

type Tree = { [key: string]: string | Tree };

/** Every label as `key.path` → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const da = leaves(labels.da as unknown as Tree);
const en = leaves(labels.en as unknown as Tree);
const source = readFileSync(path.join(repoRoot, 'src/compose/labels.ts'), 'utf8');

describe('the Danish labels', () => {
  it('are read from src/compose/labels.ts as written there', () => {
    for (const value of da.values()) expect(source).toContain(`'${value}'`);
  });

  it('head no column with an abbreviation or a half sentence', () => {
    for (const [key, value] of da) expect(value, key).not.toMatch(/^(Min\.|Sådan|Kl\.)$|Min\. inde/);
  });

  it('put the comma before "der"', () => {
    expect(labels.da.frameQuestions).toBe('Spørgsmål, der rammesætter emnet');
    // A relative clause after a noun takes the comma (the "startkomma" Dansk Sprognævn recommends).
    for (const [key, value] of da) expect(value, key).not.toMatch(/[a-zæøå] (der|som) [a-zæøå]+er\b/i);
  });

  it('spell flipover and prikafstemning one way, as Retskrivningsordbogen does, here and in the download names', () => {
    const words = [...da.values(), ...Object.values(pdfKindNames)];
    for (const value of words) {
      expect(value).not.toMatch(/flip-over|flipover-|prik-afstemning/i);
      for (const found of value.match(/flip\W*over\w*|prik\W*afstemning\w*/gi) ?? []) expect(found).toMatch(/^(F|f)lipover\w*$|^(P|p)rikafstemning\w*$/);
    }
    expect(labels.da.dotVote).toBe('Prikafstemning');
    expect(pdfKindNames.flipchart).toBe('Flipoverark');
  });

  it('call a card a card, whatever the card is about', () => {
    expect(pdfKindNames.cards).toBe('Kort');
    expect(Object.values(pdfKindNames).join(' ')).not.toMatch(/Casekort/);
  });

  it('say "Gode råd", as authoring.md and the schema do, and never "Tips"', () => {
    expect(labels.da.tips).toBe('Gode råd');
    expect(labels.da.tip).toBe('Godt råd');
    for (const [key, value] of da) expect(value, key).not.toMatch(/\btips?\b/i);
    const schema = readFileSync(path.join(repoRoot, 'src/model/topic-json-schema.ts'), 'utf8');
    expect(schema).toContain('Gode råd til trinnet');
  });

  it('give no two headings of one document the same words', () => {
    const templates = path.join(repoRoot, 'templates');
    for (const kind of readdirSync(templates, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
      const text = readdirSync(path.join(templates, kind))
        .filter((f) => f.endsWith('.hbs'))
        .map((f) => readFileSync(path.join(templates, kind, f), 'utf8'))
        .join('\n');
      const keys = [...text.matchAll(/^#{1,6} .*?\{\{(?:@root\.)?labels\.(\w+)\}\}/gm)].map((m) => m[1]);
      for (const lang of [da, en]) {
        const headings = [...new Set(keys)].map((key) => lang.get(key)!);
        expect(headings.every(Boolean), `${kind}: a heading names a label that does not exist`).toBe(true);
        expect(new Set(headings.map((h) => h.toLowerCase())).size, `${kind}: ${headings.join(' | ')}`).toBe(headings.length);
      }
    }
  });

  it('have an English label for every Danish one, and no English label without a Danish one', () => {
    expect([...en.keys()].sort()).toEqual([...da.keys()].sort());
    for (const [key, value] of en) expect(value.trim(), key).not.toBe('');
  });
});
