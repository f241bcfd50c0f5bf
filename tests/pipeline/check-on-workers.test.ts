/**
 * A check lays the topics out on worker threads and renders nothing (issue #19: the worker once built
 * every task with render on, so a `check --jobs 2` made every PDF). What a worker renders comes back to
 * this thread as the result's outputs, the PDFs' bytes, so the results show it without any timing.
 * The workers are the real build workers of dist/ (`node scripts/bundle.mjs`), as the CLI starts them:
 * under vitest the pool's own default entry would be a file next to the TypeScript source.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runBuild } from '../../src/pipeline/run-build.js';
import { repoRoot } from '../helpers/build-fixture.js';

const pools = vi.hoisted(() => ({ tasks: [] as { dir: string; render: boolean }[][] }));

vi.mock('../../src/pipeline/build-pool.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/pipeline/build-pool.js')>();
  const entry = new URL('../../dist/cli/load-bundle.cjs', import.meta.url);
  return {
    ...real,
    buildInPool: (...[tasks, workers, templatesDir, onResult]: Parameters<typeof real.buildInPool>) => {
      pools.tasks.push(tasks.map(({ dir, render }) => ({ dir, render })));
      return real.buildInPool(tasks, workers, templatesDir, onResult, { entry });
    },
  };
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-check-workers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const root = path.join(tmp, 'content');
for (const name of ['hardware', 'personas', 'private-it']) cpSync(path.join(repoRoot, 'content', name), path.join(root, name), { recursive: true });

describe('check on worker threads', () => {
  beforeEach(() => {
    pools.tasks.length = 0;
  });

  it('lays out every topic and renders none of their PDFs', async () => {
    const out = path.join(tmp, 'check-out');
    const report = await runBuild({ paths: [root], outDir: out, strict: false, kinds: ['handout'] }, { write: false, jobs: 2 });
    // The three topics went to the pool, asked not to render.
    expect(pools.tasks).toEqual([[expect.objectContaining({ render: false }), expect.objectContaining({ render: false }), expect.objectContaining({ render: false })]]);
    expect(report.topics.map((t) => t.slug)).toEqual(['hardware', 'personas', 'private-it']);
    for (const topic of report.topics) {
      expect(topic.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // Laid out: the topic was modelled (a crashed or unread one has no topic and no hash).
      expect(topic.topic?.title).toBeTruthy();
      expect(topic.inputHash).toBeTruthy();
      expect(topic.outputs).toEqual([]);
    }
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('a build on the same workers does bring its rendered PDFs back, so an empty list above means nothing was rendered', async () => {
    const out = path.join(tmp, 'build-out');
    const report = await runBuild({ paths: [root], outDir: out, strict: false, kinds: ['handout'] }, { write: true, jobs: 2 });
    expect(pools.tasks).toEqual([[expect.objectContaining({ render: true }), expect.objectContaining({ render: true }), expect.objectContaining({ render: true })]]);
    expect(report.topics.map((t) => t.outputs.map((o) => [o.path, o.pages > 0]))).toEqual([
      [['hardware/hardware-handout.pdf', true]],
      [['personas/personas-handout.pdf', true]],
      [['private-it/private-it-handout.pdf', true]],
    ]);
  }, 60_000);
});
