/**
 * publish: built topics → out/manifest.json and out/index.html, the record CI and the download page read.
 * Input: this run's topic results, what it found in the content roots it listed, and the previous
 * manifest. Output: the manifest and the page's HTML.
 * Never: put a time or a machine detail in them (the same inputs give the same bytes); a topic's
 * source is recorded relative to the output folder, so moving the working folder changes nothing.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Manifest, ManifestInputs, ManifestPdf, ManifestTopic } from '../load/load-manifest.js';
import type { Topic } from '../model/topic.js';

/** A PDF as the pipeline built it, in memory: what the manifest records of it. */
export interface BuiltPdf {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  /** The kind the file is named after (pipeline/pdf-kind). */
  pdfKind: string;
  pages: number;
  bytes: Uint8Array;
}

/** A topic as this run left it (the pipeline's TopicReport): what the manifest records of it. */
export interface BuiltTopic {
  dir: string;
  slug?: string;
  topic?: Pick<Topic, 'slug' | 'title' | 'participants' | 'duration'>;
  diagnostics: Diagnostic[];
  inputHash?: string;
  /** The files the fingerprint was taken over, for the next build to check without parsing. */
  inputs?: ManifestInputs;
  /** The inputs match the previous build's: the old entry stands. */
  unchanged?: boolean;
  outputs: ManifestPdf[];
}

/** What the manifest records of a built PDF: where it is, what it is, and how to check it. */
export function describePdf(output: BuiltPdf): ManifestPdf {
  return {
    path: output.path,
    kind: output.pdfKind,
    pages: output.pages,
    bytes: output.bytes.byteLength,
    sha256: createHash('sha256').update(output.bytes).digest('hex'),
  };
}

/** What this run saw, to tell a topic that is gone from one that was merely not built. */
export interface ManifestScan {
  /** The folder the manifest is written to. */
  outDir: string;
  /** Content roots this run listed. */
  roots: readonly string[];
  /** Every topic folder this run found. */
  found: readonly string[];
  /** The topic folders this run builds: all it found, or under `--shard i/n` its share of them. */
  share: readonly string[];
}

/**
 * Topics built now replace their old entries, and an unchanged topic's entry takes its current source.
 * Topics not part of this run keep theirs, unless they came from a content root this run listed and
 * are no longer there; under `--shard` also when they are now another share's, since a shard's output
 * folder (restored from a cache, say) must hold only its own topics for publish to merge them.
 */
export function buildManifest(results: readonly BuiltTopic[], previous: Manifest | undefined, version: string, scan?: ManifestScan): Manifest {
  const bySlug = new Map((previous?.topics ?? []).map((t) => [t.slug, t]));
  const source = (dir: string) => (scan ? sourceOf(dir, scan.outDir) : undefined);
  if (scan) {
    const roots = new Set(scan.roots.map((r) => path.resolve(r)));
    const found = new Set(scan.found.map((t) => path.resolve(t)));
    const share = new Set(scan.share.map((t) => path.resolve(t)));
    // A topic of the same name in this run is the same topic moved, not a removed one.
    const shareSlugs = new Set([...share].map((t) => path.basename(t)));
    for (const [slug, entry] of bySlug) {
      if (entry.source === undefined || shareSlugs.has(slug)) continue;
      const dir = path.resolve(scan.outDir, entry.source);
      const seen = roots.has(path.dirname(dir)) || found.has(dir);
      if (seen && !share.has(dir)) bySlug.delete(slug);
    }
  }
  for (const result of results) {
    if (!result.topic || !result.inputHash || result.diagnostics.some((d) => d.severity === 'error')) continue;
    if (result.unchanged) continue;
    bySlug.set(result.topic.slug, {
      slug: result.topic.slug,
      ...(scan && { source: source(result.dir) }),
      title: result.topic.title,
      participants: result.topic.participants,
      duration: result.topic.duration,
      inputHash: result.inputHash,
      ...(result.inputs && { inputs: result.inputs }),
      warnings: result.diagnostics.filter((d) => d.severity === 'warning'),
      pdfs: result.outputs,
    });
  }
  for (const result of results) {
    const entry = result.unchanged && result.slug ? bySlug.get(result.slug) : undefined;
    if (!entry) continue;
    // Found unchanged by parsing the topic (the record was older, or the folder holds other names now):
    // what it read is recorded, as a build would have.
    const updated = result.inputs && JSON.stringify(result.inputs) !== JSON.stringify(entry.inputs) ? withInputs(entry, result.inputs) : entry;
    bySlug.set(entry.slug, scan ? withSource(updated, source(result.dir)!) : updated);
  }
  const topics = [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { tool: 'dialogpack', version, topics };
}

/** A topic folder as the manifest records it: from the output folder, with forward slashes on every system. */
export function sourceOf(dir: string, outDir: string): string {
  return path.relative(path.resolve(outDir), path.resolve(dir)).split(path.sep).join('/');
}

/** The entry with `source` in its place after the slug, so the manifest reads the same whichever way it was made. */
export function withSource(entry: ManifestTopic, source: string | undefined): ManifestTopic {
  const { slug, source: _old, ...rest } = entry;
  return source === undefined ? { slug, ...rest } : { slug, source, ...rest };
}

/** The entry with `inputs` in its place after `inputHash`, as a build writes it. */
function withInputs(entry: ManifestTopic, inputs: ManifestInputs): ManifestTopic {
  const { inputs: _old, warnings, pdfs, ...rest } = entry;
  return { ...rest, inputs, warnings, pdfs };
}
