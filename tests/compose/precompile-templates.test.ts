import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { templateKey } from '../../src/compose/markdown-handlebars.js';
import { precompileTemplates } from '../../src/compose/precompile-templates.js';
import { loadTemplates } from '../../src/load/load-templates.js';
import { referenceTopic, repoRoot } from '../helpers/build-fixture.js';

/** The module precompileTemplates writes, evaluated: what the bundle holds in place of the empty map. */
function evaluate(source: string): Map<string, unknown> {
  return new Function(`${source.replace(/^export const precompiledTemplates =/m, 'return')}`)() as Map<string, unknown>;
}

async function builtInTexts(): Promise<string[]> {
  const { source } = await loadTemplates();
  return [...source.files.values()].filter((f) => f.path.endsWith('.hbs')).map((f) => f.text!);
}

async function buildReference(): Promise<Map<string, Uint8Array>> {
  const { buildTopic } = await import('../../src/pipeline/build-topic.js');
  const { sharedResources } = await import('../../src/pipeline/shared-resources.js');
  const { shared } = await sharedResources();
  const result = await buildTopic(referenceTopic, { strict: false, participants: 14, start: '13:00' }, shared);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return new Map(result.outputs.map((o) => [o.kind, o.bytes]));
}

/**
 * Every document of the reference topic composed with the places of what it prints (as a build
 * composes it): the trees with each node's file, line and column, templates' own text included.
 */
async function composeReference(ownFirst = false): Promise<string[]> {
  const { loadTopic } = await import('../../src/load/load-topic.js');
  const { parseTopic } = await import('../../src/parse/parse-topic.js');
  const { modelTopic } = await import('../../src/model/model-topic.js');
  const { locate } = await import('../../src/model/locate.js');
  const { planAgenda } = await import('../../src/plan/plan-agenda.js');
  const { composeDocument } = await import('../../src/compose/compose-document.js');
  const { source: templates } = await loadTemplates();
  const parsed = parseTopic((await loadTopic(referenceTopic)).source!);
  const topic = modelTopic(parsed.parsed).topic!;
  const { agenda } = planAgenda(topic, { participants: 14, start: '13:00' });
  const placeOf = (where: readonly (string | number)[]) => locate(parsed.parsed.topic, where);
  if (ownFirst) {
    // A municipality's own template, compiled at run time before the built-in ones are used.
    const own = new Map([['pack/pack.hbs', { path: 'pack/pack.hbs', displayPath: 'kommune/pack/pack.hbs', text: '# Kommunens egen\n\nOm {{topic.title}}.\n' }]]);
    expect(composeDocument('pack', topic, agenda, { files: own }, { hasLogo: false }, placeOf).document).toBeDefined();
  }
  return (['pack', 'facilitator', 'handout', 'flipchart', 'cards'] as const).map((kind) =>
    JSON.stringify(composeDocument(kind, topic, agenda, templates, { hasLogo: false }, placeOf).document!.tree),
  );
}

describe('templates precompiled when the package is built', () => {
  afterEach(() => {
    vi.doUnmock('../../src/compose/precompiled-templates.js');
    vi.resetModules();
  });

  it('make the same PDFs as the templates compiled at first use, for every output of the reference topic', async () => {
    vi.resetModules();
    const compiled = await buildReference();

    const map = evaluate(precompileTemplates(await builtInTexts()));
    const asked: string[] = [];
    const found = { get: (key: string) => (asked.push(key), map.get(key)) };
    vi.resetModules();
    vi.doMock('../../src/compose/precompiled-templates.js', () => ({ precompiledTemplates: found }));
    const precompiled = await buildReference();

    // Every template of every output was found precompiled, none compiled.
    expect(asked.length).toBeGreaterThanOrEqual(8);
    expect(asked.filter((key) => !map.has(key))).toEqual([]);
    expect([...precompiled.keys()].sort()).toEqual([...compiled.keys()].sort());
    for (const [kind, bytes] of compiled) expect(Buffer.compare(Buffer.from(precompiled.get(kind)!), Buffer.from(bytes)), kind).toBe(0);
  });

  it('place what they print as the templates compiled at first use do, their own text at its line and column too, whatever was compiled before', async () => {
    vi.resetModules();
    const compiled = await composeReference();
    expect(compiled.join('')).toContain('"fromTemplate":true');

    const map = evaluate(precompileTemplates(await builtInTexts()));
    vi.resetModules();
    vi.doMock('../../src/compose/precompiled-templates.js', () => ({ precompiledTemplates: map }));
    expect(await composeReference(true)).toEqual(compiled);
    vi.resetModules();
    expect(await composeReference()).toEqual(compiled);
  });

  it('are in the bundle under the key of each built-in template as load reads it, with marks and without', async () => {
    const bundle = readFileSync(path.join(repoRoot, 'dist/cli/dialogpack.cjs'), 'utf8');
    // The map as esbuild wrote it (its own escapes), evaluated for its keys.
    const start = bundle.indexOf('precompiledTemplates = /* @__PURE__ */ new Map([');
    expect(start, 'the bundle has no precompiled templates: see scripts/bundle.mjs').toBeGreaterThan(0);
    const literal = bundle.slice(bundle.indexOf('new Map([', start), bundle.indexOf('\n    ]);', start) + '\n    ])'.length);
    const keys = [...(new Function(`return ${literal}`)() as Map<string, unknown>).keys()];
    const texts = await builtInTexts();
    expect(texts.length).toBe(8);
    expect(keys.sort()).toEqual(texts.flatMap((text) => [templateKey(text, false), templateKey(text, true)]).sort());
  });
});
