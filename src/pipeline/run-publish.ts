/**
 * The publish command: the output folders of sharded builds → one folder with every topic's PDFs, one
 * manifest.json and one index.html, as a single build of all the topics would have left it.
 * Input: the shard folders and the folder to publish into. Output: what was written and removed, and
 * diagnostics. Never: write anything when a shard is not one, a PDF is missing or differs from its
 * manifest's sha256, or two shards hold the same topic; nor hold every PDF in memory at once.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadManifest } from '../load/load-manifest.js';
import { loadShard } from '../load/load-shard.js';
import { loadToolVersion } from '../load/load-tool-version.js';
import { allFontFiles } from '../fonts/font-catalog.js';
import { loadWebAssets } from '../load/load-web-assets.js';
import { webAssetFiles } from '../publish/web-asset-files.js';
import { mergeShards } from '../publish/merge-shards.js';
import { renderIndexHtml } from '../publish/render-index-html.js';
import { verifyShardPdf } from '../publish/verify-shard-pdf.js';
import { lockOutputFolder, type LockOwner } from '../write/lock-output-folder.js';
import { outputJournal } from '../write/output-journal.js';
import { removeOutputs } from '../write/remove-outputs.js';
import { openOutputs } from '../write/write-outputs.js';

export interface PublishReport {
  /** Slugs of the topics published. */
  topics: string[];
  diagnostics: Diagnostic[];
  written: string[];
  /** Files an earlier publish or build left in the folder and no shard holds, now removed. */
  removed: string[];
}

/**
 * The folder is locked while publish writes, as a build locks it, and its files are renamed into place
 * under the same journal: a publish stopped halfway leaves the next build checking every PDF.
 */
export async function runPublish(shardDirs: readonly string[], outDir: string, options: { lockOwner?: LockOwner; site?: boolean } = {}): Promise<PublishReport> {
  const report: PublishReport = { topics: [], diagnostics: [], written: [], removed: [] };
  const shards = await Promise.all(shardDirs.map(loadShard));
  report.diagnostics.push(...shards.flatMap((s) => s.diagnostics));
  if (hasErrors(report.diagnostics)) return report;
  const merged = mergeShards(
    shards.map((s) => ({ dir: s.dir, manifest: s.manifest! })),
    outDir,
    loadToolVersion(),
  );
  report.diagnostics.push(...merged.diagnostics);
  if (hasErrors(report.diagnostics)) return report;

  let locked: { unlock: () => Promise<void> } | undefined;
  if (options.lockOwner) {
    const lock = await lockOutputFolder(outDir, options.lockOwner);
    if ('diagnostics' in lock) {
      report.diagnostics.push(...lock.diagnostics);
      return report;
    }
    locked = lock;
  }
  try {
    // The temporary names carry the lock holder's process id, as a build's do (run-build).
    await publishInto(outDir, shards, merged, report, options.lockOwner?.pid ?? 0, !!options.site);
  } finally {
    await locked?.unlock();
  }
  return report;
}

async function publishInto(
  outDir: string,
  shards: Awaited<ReturnType<typeof loadShard>>[],
  merged: ReturnType<typeof mergeShards>,
  report: PublishReport,
  writer: number,
  site: boolean,
): Promise<void> {
  const reader = new Map(shards.map((s) => [s.dir, s]));
  const batch = openOutputs(outDir, writer);
  // Every PDF is checked, also after the first bad one, so one run names every file to fix.
  for (const { shard, pdf } of merged.copies) {
    const bytes = await reader.get(shard)!.readPdf(pdf.path);
    const problem = verifyShardPdf(shard, pdf, bytes);
    if (problem) report.diagnostics.push(problem);
    else if (!hasErrors(report.diagnostics)) await batch.add({ path: pdf.path, bytes: bytes! });
  }
  if (hasErrors(report.diagnostics)) {
    await batch.abandon();
    return;
  }
  // With --site, each topic's page and the data its form builds from come from the shard that built
  // the topic (`build --site`); a shard built without it has none, and index.html links only the pages
  // there are. The form's script and fonts are this dialogpack's own, as a build writes them.
  const pages = new Set<string>();
  if (site) {
    const shardOf = new Map(merged.copies.map((c) => [c.pdf.path, c.shard]));
    for (const topic of merged.manifest.topics) {
      const shard = topic.pdfs.map((p) => shardOf.get(p.path)).find((s) => s !== undefined);
      const read = (file: string) => (shard === undefined ? Promise.resolve(undefined) : reader.get(shard)!.readPdf(`${topic.slug}/${file}`));
      const page = await read('index.html');
      if (!page) continue;
      await batch.add({ path: `${topic.slug}/index.html`, bytes: page });
      const data = await read('topic-data.js');
      if (data) await batch.add({ path: `${topic.slug}/topic-data.js`, bytes: data });
      pages.add(topic.slug);
    }
    const web = await loadWebAssets(allFontFiles());
    report.diagnostics.push(...web.diagnostics);
    for (const file of webAssetFiles(web)) await batch.add(file);
  }
  await batch.add({ path: 'manifest.json', bytes: new TextEncoder().encode(`${JSON.stringify(merged.manifest, null, 2)}\n`) });
  await batch.add({ path: 'index.html', bytes: new TextEncoder().encode(renderIndexHtml(merged.manifest, { pages })) });

  // What an earlier publish or build recorded here and no shard holds goes, as a build's stale files do.
  const previous = await loadManifest(outDir);
  const kept = new Set(merged.copies.map((c) => c.pdf.path));
  const stale = (previous.manifest?.topics ?? []).flatMap((t) => t.pdfs.map((p) => p.path)).filter((p) => !kept.has(p));
  const oldPages = (previous.manifest?.topics ?? []).filter((t) => !pages.has(t.slug)).flatMap((t) => [`${t.slug}/index.html`, `${t.slug}/topic-data.js`]);
  const removal = await removeOutputs(outDir, [...stale, ...oldPages]);
  report.diagnostics.push(...removal.diagnostics);
  report.removed.push(...removal.removed);
  if (hasErrors(removal.diagnostics)) {
    await batch.abandon();
    return;
  }
  const journal = outputJournal(outDir);
  await journal.begin();
  const outcome = await batch.commit();
  report.diagnostics.push(...outcome.diagnostics);
  report.written.push(...outcome.written);
  if (hasErrors(outcome.diagnostics)) return;
  await journal.finish();
  report.topics = merged.manifest.topics.map((t) => t.slug);
}
