/**
 * Issue #19: the bundled templates place passages with {{passage x}}, a step's line with {{metaLine}},
 * and write no step=, card= or field=. A municipality's templates copied before that ({{{markdown}}},
 * ::step-meta[{{minutes}} …], :::sheet{step="…"}, :::card{card="…"}) must build the same PDFs, byte for
 * byte: both ways reach layout as the same document nodes.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputKind } from '../../src/compose/compose-document.js';
import { buildTopic } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { referenceTopic, repoRoot } from '../helpers/build-fixture.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-old-templates-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A bundled template as it was written before the typed nodes (this gives exactly the templates of 8dc252d): what a municipality may have copied. */
function asBefore(file: string, text: string): string {
  let old = text.replace(/\{\{passage ([\w.]+)\}\}/g, '{{{$1}}}');
  if (file === 'pack/step.hbs') old = old.replace('{{metaLine}}', '::step-meta[{{minutes}}{{#if clock}} · {{clock}}{{/if}} · {{grouping}}]');
  if (file === 'facilitator/facilitator.hbs') old = old.replace('{{metaLine}}', '::step-meta[{{meta}}]');
  if (file === 'flipchart/flipchart.hbs') {
    // The sheets in order: the title, the frame questions, each step's, the dot vote of the deciding step.
    const attributes = ['{field="title"}', '{field="questions"}', '{step="{{number}}"}', '{step="{{decidingStep}}"}'];
    let sheet = 0;
    old = old.replace(/^:::sheet$/gm, () => `:::sheet${attributes[sheet++]}`);
  }
  if (file === 'cards/cards.hbs') old = old.replace(/^:::::::card$/m, ':::::::card{card="{{@index}}"}');
  return old;
}

describe('templates copied before the typed document nodes', () => {
  it('build every kind of the reference topic to the same bytes as the bundled templates', async () => {
    const dir = path.join(tmp, 'templates');
    const bundled = path.join(repoRoot, 'templates');
    let changed = 0;
    for (const kind of readdirSync(bundled, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      mkdirSync(path.join(dir, kind.name), { recursive: true });
      for (const name of readdirSync(path.join(bundled, kind.name)).filter((f) => f.endsWith('.hbs'))) {
        const text = readFileSync(path.join(bundled, kind.name, name), 'utf8');
        const old = asBefore(`${kind.name}/${name}`, text);
        if (old !== text) changed++;
        writeFileSync(path.join(dir, kind.name, name), old);
      }
    }
    // pack.hbs, step.hbs, facilitator.hbs, handout.hbs, flipchart.hbs and cards.hbs each wrote the old way.
    expect(changed).toBe(6);
    const kinds: OutputKind[] = ['pack', 'facilitator', 'handout', 'flipchart', 'cards'];
    const options = { strict: false, kinds, participants: 14, start: '13:00' };
    const now = await buildTopic(referenceTopic, options, (await sharedResources()).shared);
    const before = await buildTopic(referenceTopic, options, (await sharedResources(dir)).shared);
    expect(before.diagnostics).toEqual(now.diagnostics);
    expect(now.outputs.map((o) => o.kind)).toEqual(kinds);
    for (const kind of kinds) {
      const a = now.outputs.find((o) => o.kind === kind)!.bytes;
      const b = before.outputs.find((o) => o.kind === kind)!.bytes;
      expect(Buffer.from(b).equals(Buffer.from(a)), kind).toBe(true);
    }
  }, 120_000);
});
