/**
 * The build and check commands over many topics. Each topic is built in memory and written only when it
 * has no errors, so good topics in a content root still build while a bad one fails; a topic that makes
 * a dependency throw fails alone, with a placed error. A topic whose inputs match the previous build's
 * manifest is neither rebuilt nor rewritten; topics are built on worker threads when the caller asks
 * (`--jobs`), so this thread stays free to answer Ctrl-C. Files the previous manifest lists and this
 * build no longer produces (a topic gone from a content root it listed or, under `--shard`, now another
 * share's; a kind no longer built) are removed, so the output folder holds what the content says.
 *
 * Writing is all or nothing until the very end: each topic's PDFs go to temporary files as it finishes,
 * and only when every topic is done are they renamed into place, under a journal (write/output-journal)
 * that stays until the new manifest is written. A build stopped before that leaves the output folder as
 * it was; one stopped while renaming leaves the journal, and the next build trusts a PDF only if its
 * sha256 is the one the manifest records, rebuilding the rest. The output folder is locked for the
 * whole build (write/lock-output-folder), so two builds never write into it at once.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escalateWarnings, hasErrors } from '../diagnostics/diagnostic.js';
import { findTopics } from '../load/find-topics.js';
import { loadManifest, type Manifest, type ManifestPdf, type ManifestTopic, type OutputFolderState } from '../load/load-manifest.js';
import { loadToolVersion } from '../load/load-tool-version.js';
import { loadTopic } from '../load/load-topic.js';
import { allFontFiles } from '../fonts/font-catalog.js';
import { loadWebAssets } from '../load/load-web-assets.js';
import { topicSlug } from '../model/topic-slug.js';
import { buildManifest, describePdf } from '../publish/manifest.js';
import { renderIndexHtml } from '../publish/render-index-html.js';
import { webAssetFiles } from '../publish/web-asset-files.js';
import { lockOutputFolder, type LockOwner } from '../write/lock-output-folder.js';
import { outputJournal } from '../write/output-journal.js';
import { removeOutputs } from '../write/remove-outputs.js';
import { openOutputs, writeOutputs } from '../write/write-outputs.js';
import type { BuildOptions } from './build-options.js';
import { buildInPool, crashedTopic, startPool, type BuildPool } from './build-pool.js';
import { buildTopic, type TopicResult } from './build-topic.js';
import { listingFingerprint, recordedFilesFingerprint, topicFingerprint } from './input-fingerprint.js';
import { siteFiles } from './site-files.js';
import { sharedInputs, withFonts, type SharedInputs } from './shared-resources.js';

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
  /** Worker threads to build on; 0 or none builds in this thread. */
  jobs?: number;
  /**
   * Build on worker threads even for one topic: the command line's build, so that this thread is never
   * busy for long and a Ctrl-C or SIGTERM is answered at once. Otherwise workers are started only for
   * several topics and more than one job, where they save more than their start costs.
   */
  isolate?: boolean;
  /** Read templates, theme and fonts again instead of using this process's copy (watch, after they changed). */
  reloadTemplates?: boolean;
  /** Called as each topic finishes, for progress. */
  onTopic?: (result: TopicReport, done: number, total: number) => void;
  /** Who locks the output folder while this build writes (the command line); without it, no lock is taken. */
  lockOwner?: LockOwner;
  /** How long to wait for another build's lock on the output folder. */
  lockWaitMs?: number;
  /** Where the output folder was named, for messages: `--out` or `dialogpack.yaml`. */
  outLabel?: string;
}

/** Below this many topics to build, starting workers costs more than it saves. */
const minTopicsForWorkers = 3;

export async function runBuild(options: BuildOptions, runOptions: RunOptions | boolean): Promise<BuildReport> {
  const run: RunOptions = typeof runOptions === 'boolean' ? { write: runOptions } : runOptions;
  const report: BuildReport = { topics: [], diagnostics: [], written: [], removed: [] };
  const found = await findTopics(options.paths, run.write ? { outDir: options.outDir, outLabel: run.outLabel } : {});
  report.diagnostics.push(...found.diagnostics);
  // Nothing at all is written, not even the lock, into an output folder that overlaps the sources.
  if (found.diagnostics.some((d) => d.rule === 'out-overlaps-source')) return report;
  const topics = options.shard ? found.topics.filter((_, i) => i % options.shard!.count === options.shard!.index - 1) : found.topics;
  const prepare = async () => {
    const { diagnostics, shared } = await sharedInputs(options.templatesDir, { reload: run.reloadTemplates, cwd: options.cwd });
    report.diagnostics.push(...diagnostics);
    return hasErrors(diagnostics) ? undefined : shared;
  };
  if (!run.write) {
    const shared = await prepare();
    if (shared) report.topics = await buildTopics(topics, options, run, shared, () => undefined, undefined, async () => {});
    return report;
  }
  let locked: { unlock: () => Promise<void> } | undefined;
  if (run.lockOwner) {
    const lock = await lockOutputFolder(options.outDir, run.lockOwner, { waitMs: run.lockWaitMs });
    if ('diagnostics' in lock) {
      report.diagnostics.push(...lock.diagnostics);
      return report;
    }
    locked = lock;
  }
  let pool: BuildPool | undefined;
  try {
    const previous = await loadManifest(options.outDir);
    // With no manifest to compare with (or --force) every topic is built: the workers start now, and
    // load while this thread reads the templates. One topic cold on the 2-core machine (median of 15,
    // interleaved): 0.99 s built in this thread, 1.28 s on a worker started once the topics were
    // known, 1.15 s on one started here; the rest of the cost is the worker's own V8 and bundle.
    const cold = run.force || !previous.manifest;
    if (run.isolate && (run.jobs ?? 0) > 0 && cold && topics.length) pool = startPool(Math.min(run.jobs!, topics.length), options.templatesDir);
    const shared = await prepare();
    if (shared) await buildAndWrite(options, run, found, topics, shared, previous, pool, report);
  } finally {
    await pool?.close();
    await locked?.unlock();
  }
  return report;
}

async function buildAndWrite(
  options: BuildOptions,
  run: RunOptions,
  found: { roots: string[]; topics: string[] },
  topics: string[],
  shared: SharedInputs,
  previous: OutputFolderState,
  pool: BuildPool | undefined,
  report: BuildReport,
): Promise<void> {
  // Holding the lock, every temporary file in the folder is one a stopped writer left.
  if (previous.temporaries.length) await removeOutputs(options.outDir, previous.temporaries);
  const trusted = trustedPart(previous.manifest, previous.trusted);
  const bySlug = new Map((trusted?.topics ?? []).map((t) => [t.slug, t]));
  const previousEntry = (dir: string) => (run.force ? undefined : bySlug.get(slugOf(dir)));

  const batch = openOutputs(options.outDir, writerId(run));
  /** Topics whose PDFs wait in the batch, to be told should it fail. */
  const pending: TopicReport[] = [];
  const results = await buildTopics(topics, options, run, shared, previousEntry, pool, async (built, result) => {
    if (built.unchanged || hasErrors(built.diagnostics) || !built.outputs.length) return;
    for (const file of built.outputs) if (!(await batch.add(file))) break;
    // The page lists the PDFs just built, so it is made once they are, and written with them.
    if (options.site) for (const file of await siteFiles(built.dir, result.outputs, shared.theme, shared.templates, options)) await batch.add(file);
    pending.push(result);
  });
  report.topics = results;
  for (const result of results) {
    // The old build's warnings still hold for the files that stand.
    if (result.unchanged) result.diagnostics.push(...(trusted?.topics.find((t) => t.slug === result.slug)?.warnings ?? []));
  }

  const manifest = buildManifest(results, trusted, loadToolVersion(), { outDir: options.outDir, roots: found.roots, found: found.topics, share: topics });
  if (!pending.length && !changed(manifest, previous.manifest) && !previous.interrupted) return;
  const journal = outputJournal(options.outDir);
  await journal.begin();
  const committed = await batch.commit();
  if (hasErrors(committed.diagnostics)) {
    // The journal stays: some of the renames may have happened.
    for (const result of pending) result.diagnostics.push(...committed.diagnostics.map((d) => ({ ...d, file: path.join(options.outDir, result.slug ?? '') })));
    return;
  }
  report.written.push(...committed.written);
  // Removed before the manifest is rewritten: should a removal fail, the old manifest still lists the
  // file, and the next build tries again instead of leaving it behind untracked. A PDF the previous
  // manifest lists but that is not the file it records is removed too, unless rebuilt in its place.
  const kept = new Set(manifest.topics.flatMap((t) => t.pdfs.map((p) => p.path)));
  const stale = (previous.manifest?.topics ?? []).flatMap((t) => t.pdfs.map((p) => p.path)).filter((p) => !kept.has(p));
  // A topic's page goes with its topic, and every page when the site is not built: none then links to them.
  const pages = (previous.manifest?.topics ?? []).filter((t) => !options.site || !manifest.topics.some((k) => k.slug === t.slug)).flatMap((t) => [`${t.slug}/index.html`, `${t.slug}/topic-data.js`]);
  const removal = await removeOutputs(options.outDir, [...stale, ...pages]);
  report.diagnostics.push(...removal.diagnostics);
  report.removed.push(...removal.removed);
  if (removal.diagnostics.length) return;
  // The script the topic pages' form runs, its fonts and licences: the same for every page of the site.
  const web = options.site ? await loadWebAssets(allFontFiles()) : { files: [], fonts: [], diagnostics: [] };
  report.diagnostics.push(...web.diagnostics);
  const outcome = await writeOutputs(options.outDir, [
    ...webAssetFiles(web),
    { path: 'manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) },
    { path: 'index.html', bytes: new TextEncoder().encode(renderIndexHtml(manifest, { pages: options.site ? new Set(manifest.topics.map((t) => t.slug)) : undefined })) },
  ], writerId(run));
  report.diagnostics.push(...outcome.diagnostics);
  report.written.push(...outcome.written);
  if (!hasErrors(outcome.diagnostics)) await journal.finish();
}

/**
 * Builds the topics of this run, on worker threads or in this one, and hands each result to `keep`
 * (which writes its PDFs) before dropping its bytes. Folder names that cannot be slugs are refused
 * here, before anything is built.
 */
async function buildTopics(
  topics: string[],
  options: BuildOptions,
  run: RunOptions,
  shared: SharedInputs,
  previousEntry: (dir: string) => ManifestTopic | undefined,
  pool: BuildPool | undefined,
  keep: (built: TopicResult, result: TopicReport) => Promise<void>,
): Promise<TopicReport[]> {
  const refused = slugProblems(topics);
  const results: TopicReport[] = new Array(topics.length);
  let done = 0;
  const finish = async (index: number, built: TopicResult) => {
    const result: TopicReport = { ...built, outputs: built.outputs.map(describePdf) };
    await keep(built, result);
    results[index] = result;
    run.onTopic?.(result, ++done, topics.length);
  };

  const toBuild: number[] = [];
  for (const [index, dir] of topics.entries()) {
    const problem = refused.get(dir);
    if (problem) await finish(index, { dir, outputs: [], diagnostics: [problem] });
    else {
      // An unchanged topic is recognised here, without a worker: a no-op build starts none.
      const unchanged = await unchangedTopic(dir, options, shared, previousEntry(dir));
      if (unchanged) await finish(index, unchanged);
      else toBuild.push(index);
    }
  }
  const jobs = run.jobs ?? 0;
  const tasks = toBuild.map((index) => ({ dir: topics[index], options: taskOptions(options), render: run.write }));
  const onResult = (task: number, built: TopicResult) => finish(toBuild[task], built);
  if (pool) await pool.run(tasks, onResult);
  else if (toBuild.length && (run.isolate ? jobs > 0 : jobs > 1 && toBuild.length >= minTopicsForWorkers)) {
    await buildInPool(tasks, jobs, options.templatesDir, onResult);
  } else if (toBuild.length) {
    // The fonts are parsed only now, in the thread that shapes with them.
    const resources = await withFonts(shared);
    for (const index of toBuild) {
      const dir = topics[index];
      let built: TopicResult;
      try {
        built = await buildTopic(dir, taskOptions(options), resources, run.write);
      } catch (error) {
        built = crashedTopic(dir, error as Error);
      }
      await finish(index, built);
    }
  }
  return results;
}

/** The previous build's result for a topic whose inputs have not changed since; otherwise undefined. */
async function unchangedTopic(dir: string, options: BuildOptions, shared: SharedInputs, previous: ManifestTopic | undefined): Promise<TopicResult | undefined> {
  const previousHash = previous?.inputHash;
  if (!previousHash) return undefined;
  const loaded = await loadTopic(dir);
  if (!loaded.source) return undefined;
  // The files the previous build recorded, read and hashed without parsing: a no-op build of 20 topics
  // spent most of its time parsing YAML and markdown only to learn which files they name. With another
  // listing, or a manifest without the record, the topic is parsed and modelled to learn them.
  const recorded = previous.inputs && recordedFilesFingerprint(loaded.source, previous.inputs, shared.fingerprint, taskOptions(options));
  if (recorded !== undefined) {
    if (recorded !== previousHash) return undefined;
    return { dir, slug: loaded.source.slug, outputs: [], inputHash: recorded, unchanged: true, diagnostics: unchangedDiagnostics(loaded.diagnostics, options) };
  }
  const inputHash = topicFingerprint(loaded.source, shared.fingerprint, taskOptions(options));
  if (inputHash !== previousHash) return undefined;
  // What the model read now goes into the manifest, so the next no-op build need not parse the topic.
  const inputs = { files: [...loaded.source.files.keys()], listing: listingFingerprint(loaded.source.listing) };
  return { dir, slug: loaded.source.slug, outputs: [], inputHash, inputs, unchanged: true, diagnostics: unchangedDiagnostics(loaded.diagnostics, options) };
}

function unchangedDiagnostics(diagnostics: Diagnostic[], options: BuildOptions): Diagnostic[] {
  return options.strict ? escalateWarnings(diagnostics) : diagnostics;
}

/**
 * Each topic folder's name must be a slug (it names a folder in the output folder, the PDFs and a link
 * on the download page) and name one topic only: two folders of one name in two content roots would
 * write the same files.
 */
function slugProblems(topics: readonly string[]): Map<string, Diagnostic> {
  const problems = new Map<string, Diagnostic>();
  const byName = new Map<string, string[]>();
  for (const dir of topics) {
    const name = slugOf(dir);
    const checked = topicSlug(name);
    if ('slug' in checked) {
      byName.set(name, [...(byName.get(name) ?? []), dir]);
      continue;
    }
    problems.set(
      dir,
      checked.problem === 'reserved'
        ? {
            file: dir,
            severity: 'error',
            rule: 'reserved-slug',
            message: {
              da: `et emnes mappe kan ikke hedde "${name}": mappen med PDF-filerne har selv en fil med det navn`,
              en: `a topic folder cannot be named "${name}": the output folder has a file of its own by that name`,
            },
            hint: { da: `giv mappen et andet navn, fx \`${checked.suggestion}\``, en: `rename the folder, e.g. to \`${checked.suggestion}\`` },
          }
        : {
            file: dir,
            severity: 'error',
            rule: 'bad-slug-folder',
            message: {
              da: `mappens navn "${name}" kan ikke bruges som navn på emnets PDF-filer: brug kun små bogstaver a–z, tal og enkelte bindestreger`,
              en: `the folder name "${name}" cannot name the topic's PDFs: use lowercase a–z, digits and single hyphens`,
            },
            hint: checked.suggestion
              ? {
                  da: `omdøb mappen til \`${checked.suggestion}\`; mappens navn bliver navnet på dens PDF-filer og på dens mappe i out/`,
                  en: `rename the folder to \`${checked.suggestion}\`; the folder's name becomes the name of its PDF files and of its folder in out/`,
                }
              : {
                  da: 'omdøb mappen, fx til hjaelp-til-mitid; dens navn bliver navnet på dens PDF-filer og på dens mappe i out/',
                  en: 'rename the folder, e.g. to hjaelp-til-mitid; its name becomes the name of its PDF files and of its folder in out/',
                },
          },
    );
  }
  for (const [name, dirs] of byName) {
    if (dirs.length < 2) continue;
    for (const dir of dirs) {
      problems.set(dir, {
        file: dir,
        severity: 'error',
        rule: 'duplicate-slug',
        message: {
          da: `${dirs.length} emner i denne kørsel har en mappe, der hedder "${name}" (${dirs.join(', ')}): deres PDF-filer ville overskrive hinanden`,
          en: `the topic folder name "${name}" is used by ${dirs.length} topics in this build (${dirs.join(', ')}): their PDFs would overwrite each other`,
        },
        hint: {
          da: 'omdøb alle mapperne på nær én, eller byg dem til hver sin --out-mappe',
          en: 'rename all but one of the folders, or build them into separate --out folders',
        },
      });
    }
  }
  return problems;
}

/**
 * The previous manifest as far as the files on disk bear it out: a PDF that is not the file it records
 * is left out, and its topic loses its fingerprint, so it is rebuilt and never taken as unchanged.
 */
function trustedPart(manifest: Manifest | undefined, trusted: ReadonlySet<string>): Manifest | undefined {
  if (!manifest) return undefined;
  const topics = manifest.topics.flatMap((topic) => {
    const pdfs = topic.pdfs.filter((p) => trusted.has(p.path));
    if (pdfs.length === topic.pdfs.length) return [topic];
    return pdfs.length ? [{ ...topic, inputHash: '', pdfs }] : [];
  });
  return { ...manifest, topics };
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
  return path.basename(path.resolve(dir));
}

/**
 * What the temporary names of this build's files carry: the process id of the lock's holder. A build
 * without a lock owner (a test, a caller of this function) has no other process to be told apart from.
 */
function writerId(run: RunOptions): number {
  return run.lockOwner?.pid ?? 0;
}
