/**
 * A topic that makes a dependency throw fails alone, whether it is built in this thread or on a worker
 * thread, and however its worker ends. The failures are injected: a mocked compose stage that throws for
 * one topic (this thread), and stand-in worker scripts (the pool) that throw, crash or just exit.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildInPool } from '../../src/pipeline/build-pool.js';
import type { TopicResult } from '../../src/pipeline/build-topic.js';
import { runBuild } from '../../src/pipeline/run-build.js';
import { repoRoot } from '../helpers/build-fixture.js';

vi.mock('../../src/compose/compose-document.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/compose/compose-document.js')>();
  return {
    ...real,
    composeDocument: (...args: Parameters<typeof real.composeDocument>) => {
      if (args[1].slug === 'explodes') throw new TypeError("Cannot read properties of undefined (reading 'width')");
      return real.composeDocument(...args);
    },
  };
});

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dialogpack-isolation-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('in this thread', () => {
  const root = path.join(tmp, 'content');
  cpSync(path.join(repoRoot, 'content/hardware'), path.join(root, 'a-fine'), { recursive: true });
  cpSync(path.join(repoRoot, 'content/hardware'), path.join(root, 'explodes'), { recursive: true });
  cpSync(path.join(repoRoot, 'content/personas'), path.join(root, 'z-fine'), { recursive: true });

  it('an exception from a dependency is that topic’s placed error; the others build and the manifest is written', async () => {
    const out = path.join(tmp, 'out');
    const report = await runBuild({ paths: [root], outDir: out, strict: false, kinds: ['handout'] }, { write: true });
    const byDir = Object.fromEntries(report.topics.map((t) => [path.basename(t.dir), t]));
    expect(byDir.explodes.diagnostics).toEqual([
      expect.objectContaining({ file: path.join(root, 'explodes', 'topic.yaml'), severity: 'error', rule: 'build-crashed', message: expect.objectContaining({ en: expect.stringContaining("Cannot read properties of undefined (reading 'width')") }) }),
    ]);
    expect(byDir['a-fine'].diagnostics).toEqual([]);
    expect(byDir['z-fine'].diagnostics).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { topics: { slug: string }[] };
    expect(manifest.topics.map((t) => t.slug)).toEqual(['a-fine', 'z-fine']);
    expect(existsSync(path.join(out, 'explodes'))).toBe(false);
  });

  it('check reports it the same way', async () => {
    const report = await runBuild({ paths: [root], outDir: path.join(tmp, 'unused'), strict: false }, false);
    expect(report.topics.map((t) => t.diagnostics.map((d) => d.rule))).toEqual([[], ['build-crashed'], []]);
  });
});

describe('on worker threads', () => {
  // A stand-in for the build worker, answering by the topic folder's name.
  const worker = path.join(tmp, 'stand-in-worker.mjs');
  writeFileSync(
    worker,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (task) => {
  const name = task.dir.split('/').pop();
  if (name === 'throws') return parentPort.postMessage({ id: task.id, error: 'RangeError: Invalid array length\\n    at inflate (png.js:1:1)' });
  if (name === 'exits') process.exit(0);
  if (name === 'crashes') return setTimeout(() => { throw new Error('out of luck in a callback'); });
  if (name === 'hangs-up') return parentPort.close();
  parentPort.postMessage({ id: task.id, result: { dir: task.dir, slug: name, outputs: [], diagnostics: [] } });
});
`,
  );

  it('a topic whose worker throws, crashes, exits without a word or hangs up fails alone; the rest are built and the pool ends', async () => {
    const names = ['ok-1', 'throws', 'exits', 'ok-2', 'crashes', 'ok-3', 'hangs-up', 'ok-4'];
    const tasks = names.map((name) => ({ dir: `/topics/${name}`, options: { strict: false }, render: true }));
    const results = new Map<string, TopicResult>();
    const pool = buildInPool(tasks, 2, undefined, async (index, result) => void results.set(names[index], result), { entry: pathToFileURL(worker) });
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`the pool never ended; results for ${[...results.keys()].join(', ')}`)), 15_000));
    await Promise.race([pool, timeout]);
    expect([...results.keys()].sort()).toEqual([...names].sort());
    for (const name of names.filter((n) => n.startsWith('ok-'))) expect(results.get(name)!.diagnostics).toEqual([]);
    const failure = (name: string) => results.get(name)!.diagnostics[0];
    expect(failure('throws')).toMatchObject({ file: '/topics/throws/topic.yaml', rule: 'build-crashed', message: expect.objectContaining({ en: expect.stringMatching(/: Invalid array length$/) }) });
    expect(failure('crashes')).toMatchObject({ rule: 'build-crashed', message: expect.objectContaining({ en: expect.stringContaining('out of luck in a callback') }) });
    expect(failure('exits')).toMatchObject({ rule: 'build-crashed', message: expect.objectContaining({ en: expect.stringContaining('exit code 0') }) });
    expect(failure('hangs-up')).toMatchObject({ rule: 'build-crashed' });
  }, 30_000);
});
