/**
 * publish: built topics → out/manifest.json and out/index.html, the record CI and the download page read.
 * Input: this run's topic results and the previous manifest. Output: the manifest and the page's HTML.
 * Never: put a time or a machine detail in them (the same inputs give the same bytes).
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { BuiltOutput } from '../pipeline/build-topic.js';
import type { TopicReport } from '../pipeline/run-build.js';

export interface ManifestPdf {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  kind: string;
  pages: number;
  bytes: number;
  sha256: string;
}

export interface ManifestTopic {
  slug: string;
  title: string;
  participants: { min: number; max: number };
  duration: number;
  /** Fingerprint of everything the PDFs were built from; equal fingerprints skip the rebuild. */
  inputHash: string;
  warnings: Diagnostic[];
  pdfs: ManifestPdf[];
}

export interface Manifest {
  tool: 'dialogpack';
  version: string;
  topics: ManifestTopic[];
}

/** What the manifest records of a built PDF: where it is, what it is, and how to check it. */
export function describePdf(output: BuiltOutput): ManifestPdf {
  return {
    path: output.path,
    kind: output.kind,
    pages: output.pages,
    bytes: output.bytes.byteLength,
    sha256: createHash('sha256').update(output.bytes).digest('hex'),
  };
}

/** Topics built now replace their old entries; topics not part of this run keep theirs. */
export function buildManifest(results: readonly TopicReport[], previous: Manifest | undefined, version: string): Manifest {
  const bySlug = new Map((previous?.topics ?? []).map((t) => [t.slug, t]));
  for (const result of results) {
    if (!result.topic || !result.inputHash || result.diagnostics.some((d) => d.severity === 'error')) continue;
    if (result.unchanged) continue;
    bySlug.set(result.topic.slug, {
      slug: result.topic.slug,
      title: result.topic.title,
      participants: result.topic.participants,
      duration: result.topic.duration,
      inputHash: result.inputHash,
      warnings: result.diagnostics.filter((d) => d.severity === 'warning'),
      pdfs: result.outputs,
    });
  }
  const topics = [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { tool: 'dialogpack', version, topics };
}
