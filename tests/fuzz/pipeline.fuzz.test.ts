/**
 * Fuzzing the whole pipeline with fast-check: generated topic folders (valid-shaped topics, mutated and damaged
 * ones, garbage YAML) and hostile markdown (deep nesting, huge tables, long words and URLs, every Unicode plane,
 * empty and whitespace-only values, raw HTML, odd link schemes, directive-like text).
 *
 * For every case buildTopic must resolve, never throw, within a time bound, and give either PDFs that pdf.js
 * opens (at least one page each) or error diagnostics and no PDFs; every diagnostic is well formed.
 *
 * CI runs a few cases with a fixed seed. Longer runs:
 *   npm run fuzz                                  500 cases per property, default seed
 *   FUZZ_RUNS=300 FUZZ_SEED=7 npx vitest run tests/fuzz
 * Replay one failure: FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run tests/fuzz -t '<property>'
 * Other knobs: FUZZ_CASE_MS (time bound per case, default 20 000), FUZZ_HANG_MS (watchdog, default 120 000),
 * FUZZ_TIME_LIMIT_MS (per property, shrinking included; default 120 000 + 2 000 per run),
 * FUZZ_NO_SHRINK=1 (report the first failure as found, without shrinking), FUZZ_VERBOSE=1 (a line per case).
 *
 * Cases are written to a folder under os.tmpdir() and removed afterwards; a failing property's smallest
 * counterexample is kept there and its path printed. A case that blocks the event loop (an endless loop in
 * synchronous code) cannot be interrupted, so a watchdog thread reports its folder on stderr and ends the
 * test process instead of letting CI hang.
 */
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { outputKinds } from '../../src/pipeline/build-options.js';
import { buildTopic, type SharedResources, type TopicResult } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';
import { readPdf } from '../helpers/read-pdf.js';
import { markdownCase, topicCase, type TopicCase } from './arbitraries.js';
import { hintText, messageText } from '../helpers/message-text.js';

const numberFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, not "${raw}"`);
  return value;
};

const runs = numberFromEnv('FUZZ_RUNS', 25);
const seed = numberFromEnv('FUZZ_SEED', 20261123);
const caseMs = numberFromEnv('FUZZ_CASE_MS', 20_000);
const hangMs = numberFromEnv('FUZZ_HANG_MS', 120_000);
const replayPath = process.env.FUZZ_PATH || undefined;
/** Time for one property, shrinking included: past it, fast-check stops and reports what it has. */
const timeLimitMs = numberFromEnv('FUZZ_TIME_LIMIT_MS', 120_000 + runs * 2_000);
const shrink = process.env.FUZZ_NO_SHRINK !== '1';
const verbose = process.env.FUZZ_VERBOSE === '1';

let shared: SharedResources;
let root: string;
let watchdog: Watchdog;
let caseNumber = 0;

beforeAll(async () => {
  const loaded = await sharedResources();
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  shared = loaded.shared;
  root = await mkdtemp(path.join(os.tmpdir(), 'dialogpack-fuzz-'));
  watchdog = new Watchdog(hangMs);
});

afterAll(async () => {
  await watchdog?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe(`pipeline fuzz (seed ${seed}, ${runs} runs)`, () => {
  it('any topic folder builds to PDFs that open, or to error diagnostics', async () => {
    await checkProperty('topics', topicCase, runs);
  }, timeLimitMs + hangMs + 60_000);

  it('any markdown in a sound topic builds to PDFs that open, or to error diagnostics', async () => {
    await checkProperty('markdown', markdownCase, runs);
  }, timeLimitMs + hangMs + 60_000);
});

interface Tally {
  cases: number;
  built: number;
  rejected: number;
  pages: number;
  slowest: number;
  /** What the slowest case was, for the summary line. */
  slowestCase: string;
  total: number;
}

async function checkProperty(name: string, arbitrary: fc.Arbitrary<TopicCase>, numRuns: number): Promise<void> {
  const tally: Tally = { cases: 0, built: 0, rejected: 0, pages: 0, slowest: 0, slowestCase: '', total: 0 };
  const details = await fc.check(
    fc.asyncProperty(arbitrary, (c) => runCase(c, tally)),
    { numRuns, seed, path: replayPath, endOnFailure: !shrink, interruptAfterTimeLimit: timeLimitMs },
  );
  console.log(
    `[fuzz ${name}] seed ${seed}${details.interrupted ? `, stopped at the ${timeLimitMs} ms limit` : ''}: ${tally.cases} builds (${tally.built} with PDFs, ${tally.rejected} rejected with errors, ` +
      `${tally.pages} pages); pipeline ${Math.round(tally.total)} ms in all, slowest case ${Math.round(tally.slowest)} ms (${tally.slowestCase})`,
  );
  if (details.failed) {
    const kept = details.counterexample ? await keepCounterexample(name, details.counterexample[0]) : undefined;
    const error = details.errorInstance;
    const shown = details.counterexample ? fc.stringify(details.counterexample[0]) : '';
    throw new Error(
      [
        `property "${name}" failed after ${details.numRuns} case(s), shrunk ${details.numShrinks} time(s)`,
        `replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} npx vitest run tests/fuzz -t '${name === 'topics' ? 'any topic' : 'any markdown'}'`,
        kept ? `the smallest failing topic folder is kept in ${kept}` : '',
        '',
        error instanceof Error ? (error.stack ?? error.message) : String(error),
        '',
        `counterexample${shown.length > 4000 ? ' (first 4000 characters)' : ''}: ${shown.slice(0, 4000)}`,
      ].join('\n'),
    );
  }
}

/** One generated topic through buildTopic, checked. Throws (an assertion) when a property does not hold. */
async function runCase(c: TopicCase, tally: Tally): Promise<void> {
  const dir = await writeCase(path.join(root, `case-${++caseNumber}`), c);
  try {
    watchdog.arm(dir, c);
    const started = performance.now();
    let result: TopicResult;
    try {
      result = await buildTopic(dir, { strict: false, kinds: outputKinds, ...c.options }, shared);
    } finally {
      watchdog.disarm();
    }
    const ms = performance.now() - started;
    tally.cases++;
    tally.total += ms;
    if (ms > tally.slowest) {
      tally.slowest = ms;
      tally.slowestCase = describeCase(c, result);
    }
    const readStarted = performance.now();
    try {
      expect(ms, 'pipeline time for one topic (ms)').toBeLessThan(caseMs);
      await expectSoundResult(result);
    } finally {
      if (verbose) {
        const errors = [...new Map(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.rule, `${d.rule} (${messageText(d).slice(0, 80)})`])).values()];
        process.stderr.write(
          `[fuzz] case ${caseNumber}: ${describeCase(c, result)}; build ${Math.round(ms)} ms, check ${Math.round(performance.now() - readStarted)} ms` +
            `${errors.length ? `; errors ${errors.join(', ')}` : ''}\n`,
        );
      }
    }
    if (result.outputs.length) tally.built++;
    else tally.rejected++;
    tally.pages += result.outputs.reduce((n, o) => n + o.pages, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One line about a case: how big, which stress, what came out. */
function describeCase(c: TopicCase, result: TopicResult): string {
  const bytes = Object.values(c.files).reduce((n, f) => n + (typeof f === 'string' ? Buffer.byteLength(f) : f.length), 0);
  const flags = [c.edgy && 'edgy', c.stress && `stress ${c.stress}`, c.options.poster && `poster ${c.options.poster}`].filter(Boolean).join(', ');
  const outputs = result.outputs.map((o) => `${o.kind}:${o.pages}`).join(' ') || 'no PDFs';
  return `${bytes} bytes in ${Object.keys(c.files).length} files${flags ? ` (${flags})` : ''} → ${outputs}`;
}

async function expectSoundResult(result: TopicResult): Promise<void> {
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const d of result.diagnostics) expectWellFormed(d);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    expect(result.outputs.map((o) => o.kind), `outputs next to errors ${JSON.stringify(errors).slice(0, 2000)}`).toEqual([]);
    return;
  }
  const kinds = result.outputs.map((o) => o.kind);
  expect(new Set(kinds).size, 'each kind once').toBe(kinds.length);
  for (const kind of ['pack', 'facilitator', 'handout'] as const) expect(kinds, 'a topic without errors has its pack, facilitator sheet and handout').toContain(kind);
  for (const output of result.outputs) {
    expect(outputKinds).toContain(output.kind);
    expect(typeof output.path).toBe('string');
    expect(output.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(output.bytes.subarray(0, 5)).toString('latin1'), `${output.kind} starts as a PDF`).toBe('%PDF-');
    const pdf = await readPdf(output.bytes);
    expect(pdf.pages.length, `${output.kind} has pages`).toBeGreaterThanOrEqual(1);
    expect(pdf.pages.length, `${output.kind}: pages in the PDF and in the layout`).toBe(output.pages);
  }
}

function expectWellFormed(d: Diagnostic): void {
  const shown = JSON.stringify(d).slice(0, 1000);
  expect(typeof d.file, `file of ${shown}`).toBe('string');
  expect(typeof d.rule, `rule of ${shown}`).toBe('string');
  expect(d.rule.length, `rule of ${shown}`).toBeGreaterThan(0);
  for (const language of ['da', 'en'] as const) {
    expect(typeof messageText(d, language), `message of ${shown}`).toBe('string');
    expect(messageText(d, language).length, `message of ${shown}`).toBeGreaterThan(0);
    if (d.hint !== undefined) expect(typeof hintText(d, language), `hint of ${shown}`).toBe('string');
  }
  expect(['error', 'warning'], `severity of ${shown}`).toContain(d.severity);
  for (const key of ['line', 'column'] as const) {
    const value = d[key];
    if (value !== undefined) expect(Number.isInteger(value) && value >= 1, `${key} of ${shown}`).toBe(true);
  }
}

async function writeCase(dir: string, c: TopicCase): Promise<string> {
  const topicDir = path.join(dir, c.folder);
  await mkdir(topicDir, { recursive: true });
  for (const [rel, content] of Object.entries(c.files)) {
    const file = path.join(topicDir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  }
  return topicDir;
}

/** Writes the failing case to a folder that outlives the run, with the options beside it. */
async function keepCounterexample(name: string, c: TopicCase): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `dialogpack-fuzz-found-${name}-`));
  const topicDir = await writeCase(dir, c);
  await writeFile(path.join(dir, 'options.json'), `${JSON.stringify({ strict: false, kinds: outputKinds, ...c.options }, null, 2)}\n`);
  return topicDir;
}

/**
 * A thread that ends the process when a case runs far past its bound. The main thread cannot time out
 * synchronous code itself (its timers never fire), so the report goes straight to file descriptor 2.
 */
class Watchdog {
  private readonly worker: Worker;

  constructor(ms: number) {
    this.worker = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      const { writeSync } = require('node:fs');
      let timer;
      parentPort.on('message', (m) => {
        clearTimeout(timer);
        if (m.type !== 'arm') return;
        timer = setTimeout(() => {
          writeSync(2, '\\n[fuzz watchdog] a case ran over ' + workerData.ms + ' ms; its topic folder is kept in ' + m.dir +
            '\\noptions: ' + m.options + '\\nending the test process (seed ' + workerData.seed + ')\\n');
          process.kill(process.pid, 'SIGKILL');
        }, workerData.ms);
      });
      `,
      { eval: true, workerData: { ms, seed } },
    );
    this.worker.unref();
  }

  arm(dir: string, c: TopicCase): void {
    this.worker.postMessage({ type: 'arm', dir, options: JSON.stringify(c.options) });
  }

  disarm(): void {
    this.worker.postMessage({ type: 'disarm' });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
