/**
 * The build and check commands over many topics. Each topic is built in memory and written only when it
 * has no errors, so good topics in a content root still build while a bad one fails. A topic whose
 * inputs match the previous build's manifest is neither rebuilt nor rewritten; many topics are built
 * on worker threads (`--jobs`; by default one per two cores). Files the previous manifest lists and this
 * build no longer produces (a topic gone from a content root it listed or, under `--shard`, now another
 * share's; a kind no longer built) are removed, so the output folder holds what the content says.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { findTopics } from '../load/find-topics.js';
import { loadManifest } from '../load/load-manifest.js';
import { loadToolVersion } from '../load/load-tool-version.js';
import { buildManifest, describePdf, type Manifest, type ManifestPdf } from '../publish/manifest.js';
import { renderIndexHtml } from '../publish/render-index-html.js';
import { removeOutputs } from '../write/remove-outputs.js';
import { writeOutputs } from '../write/write-outputs.js';
import type { BuildOptions } from './build-options.js';
import { buildInPool } from './build-pool.js';
import { buildTopic, type TopicResult } from './build-topic.js';
import { sharedResources } from './shared-resources.js';

/**
 * A topic as the run reports it once its files are written: each PDF by its path, kind, pages, size and
 * hash, without its bytes. A content root of a thousand topics would otherwise hold every PDF in
 * memory until the manifest is written at the end.
 */
export interface TopicReport extends Omit<TopicResult, 'outputs'> {
  outputs: ManifestPdf[];
}

export interface BuildReport {
  topics: TopicReport[];
  /** Problems not tied to one topic (paths, templates, output folder). */
  diagnostics: Diagnostic[];
  written: string[];
  /** Files of an earlier build removed, relative to the output folder. */
  removed: string[];
}

export interface RunOptions {
  /** Write PDFs, manifest and page (build), or only report (check). */
  write: boolean;
  /** Rebuild even topics whose inputs are unchanged. */
  force?: boolean;
  /** Worker threads to use; 1 builds in this thread. */
  jobs?: number;
  /** Read templates, theme and fonts again instead of using this process's copy (watch, after they changed). */
  reloadTemplates?: boolean;
  /** Called as each topic finishes, for progress. */
  onTopic?: (result: TopicReport, done: number, total: number) => void;
}

/** Below this many topics to build, starting workers costs more than it saves. */
const minTopicsForWorkers = 3;

export async function runBuild(options: BuildOptions, runOptions: RunOptions | boolean): Promise<BuildReport> {
  const run: RunOptions = typeof runOptions === 'boolean' ? { write: runOptions } : runOptions;
  const report: BuildReport = { topics: [], diagnostics: [], written: [], removed: [] };
  const found = await findTopics(options.paths);
  report.diagnostics.push(...found.diagnostics);
  const { diagnostics } = await sharedResources(options.templatesDir, { reload: run.reloadTemplates });
  report.diagnostics.push(...diagnostics);
  if (hasErrors(diagnostics)) return report;

  const topics = options.shard ? found.topics.filter((_, i) => i % options.shard!.count === options.shard!.index - 1) : found.topics;
  const previous = run.write ? await loadManifest(options.outDir) : { intact: new Set<string>() };
  const previousHash = (dir: string) => {
    if (run.force || !previous.manifest) return undefined;
    const entry = previous.manifest.topics.find((t) => t.slug === slugOf(dir));
    return entry && previous.intact.has(entry.slug) ? entry.inputHash : undefined;
  };

  const results: TopicReport[] = new Array(topics.length);
  let done = 0;
  const finish = async (index: number, built: TopicResult) => {
    if (run.write && !built.unchanged && !hasErrors(built.diagnostics) && built.outputs.length) {
      const outcome = await writeOutputs(options.outDir, built.outputs);
      built.diagnostics.push(...outcome.diagnostics);
      report.written.push(...outcome.written);
    }
    const result: TopicReport = { ...built, outputs: built.outputs.map(describePdf) };
    results[index] = result;
    if (result.unchanged) {
      // The old build's warnings still hold for the files that stand.
      const entry = previous.manifest?.topics.find((t) => t.slug === result.slug);
      result.diagnostics.push(...(entry?.warnings ?? []));
    }
    run.onTopic?.(result, ++done, topics.length);
  };

  const jobs = run.jobs ?? 1;
  if (jobs > 1 && topics.length >= minTopicsForWorkers) {
    const tasks = topics.map((dir) => ({ dir, options: taskOptions(options), previousHash: previousHash(dir) }));
    await buildInPool(tasks, jobs, options.templatesDir, finish);
  } else {
    const { shared } = await sharedResources(options.templatesDir);
    for (const [index, dir] of topics.entries()) {
      await finish(index, await buildTopic(dir, taskOptions(options), shared, run.write, previousHash(dir)));
    }
  }
  report.topics = results;

  if (!run.write) return report;
  const manifest = buildManifest(results, previous.manifest, loadToolVersion(), { outDir: options.outDir, roots: found.roots, found: found.topics, share: topics });
  const rebuilt = results.some((r) => !r.unchanged && r.outputs.length && !hasErrors(r.diagnostics));
  if (!rebuilt && !changed(manifest, previous.manifest)) return report;
  // Removed before the manifest is rewritten: should a removal fail, the old manifest still lists the
  // file, and the next build tries again instead of leaving it behind untracked.
  const kept = new Set(manifest.topics.flatMap((t) => t.pdfs.map((p) => p.path)));
  const stale = (previous.manifest?.topics ?? []).flatMap((t) => t.pdfs.map((p) => p.path)).filter((p) => !kept.has(p));
  const removal = await removeOutputs(options.outDir, stale);
  report.diagnostics.push(...removal.diagnostics);
  report.removed.push(...removal.removed);
  if (removal.diagnostics.length) return report;
  const outcome = await writeOutputs(options.outDir, [
    { path: 'manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) },
    { path: 'index.html', bytes: new TextEncoder().encode(renderIndexHtml(manifest)) },
  ]);
  report.diagnostics.push(...outcome.diagnostics);
  report.written.push(...outcome.written);
  return report;
}

/** Nothing rebuilt, yet the record differs: a topic removed, a kind dropped, a source now recorded. */
function changed(manifest: Manifest, previous: Manifest | undefined): boolean {
  if (!previous) return manifest.topics.length > 0;
  return JSON.stringify(manifest) !== JSON.stringify(previous);
}

function taskOptions(options: BuildOptions): Omit<BuildOptions, 'paths' | 'outDir'> {
  const { paths: _paths, outDir: _outDir, ...rest } = options;
  return rest;
}

function slugOf(dir: string): string {
  return dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop()!;
}
