/**
 * publish: the manifests of several shards → the manifest of one folder holding them all.
 * Input: each shard's folder and manifest, the folder to publish into, and the tool's version.
 * Output: the merged manifest (topics sorted, each `source` rewritten from the shard's folder to the
 * published one), the PDFs to copy and where from, and a diagnostic for each topic two shards both hold.
 * Never: accept a PDF path that leaves its folder, or pick one of two copies of a topic.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Manifest, ManifestPdf, ManifestTopic } from '../load/load-manifest.js';
import { sourceOf, withSource } from './manifest.js';

export interface ShardCopy {
  /** The shard's folder, which `pdf.path` is relative to, as it is in the published folder. */
  shard: string;
  pdf: ManifestPdf;
}

export function mergeShards(
  shards: readonly { dir: string; manifest: Manifest }[],
  outDir: string,
  version: string,
): { manifest: Manifest; copies: ShardCopy[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bySlug = new Map<string, { shard: string; topic: ManifestTopic }>();
  const byPath = new Map<string, string>();
  const copies: ShardCopy[] = [];
  for (const { dir, manifest } of shards) {
    for (const topic of manifest.topics) {
      const first = bySlug.get(topic.slug);
      if (first) {
        diagnostics.push({
          file: path.join(dir, 'manifest.json'),
          severity: 'error',
          rule: 'duplicate-topic',
          message: { da: `emnet "${topic.slug}" er både i ${first.shard} og i ${dir}`, en: `topic "${topic.slug}" is in both ${first.shard} and ${dir}` },
          hint: {
            da: 'udgiv hvert emne fra én del: giv --out-mapperne fra ét sæt kørsler med --shard i/n',
            en: 'publish each topic from one shard: give the --out folders of one set of --shard i/n builds',
          },
        });
        continue;
      }
      const bad = topic.pdfs.find((pdf) => !isPlainRelative(pdf.path) || byPath.has(pdf.path));
      if (bad) {
        diagnostics.push({
          file: path.join(dir, 'manifest.json'),
          severity: 'error',
          rule: byPath.has(bad.path) ? 'duplicate-topic' : 'shard-file-outside',
          message: byPath.has(bad.path)
            ? {
                da: `${bad.path} fra emnet "${topic.slug}" i ${dir} står også i ${byPath.get(bad.path)}`,
                en: `${bad.path} of topic "${topic.slug}" in ${dir} is also listed by ${byPath.get(bad.path)}`,
              }
            : {
                da: `emnet "${topic.slug}" i ${dir} nævner "${bad.path}", som ikke er en sti inde i delen`,
                en: `topic "${topic.slug}" in ${dir} lists "${bad.path}", which is not a path inside the shard`,
              },
        });
        continue;
      }
      bySlug.set(topic.slug, { shard: dir, topic: rebase(topic, dir, outDir) });
      for (const pdf of topic.pdfs) {
        byPath.set(pdf.path, dir);
        copies.push({ shard: dir, pdf });
      }
    }
  }
  const topics = [...bySlug.values()].map((t) => t.topic).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { manifest: { tool: 'dialogpack', version, topics }, copies, diagnostics };
}

/**
 * `source` is kept, not dropped: the published folder then serves as a build's output folder too, so a
 * later `dialogpack build <root> --out <it>` skips the unchanged topics and removes those gone from the root.
 */
function rebase(topic: ManifestTopic, shard: string, outDir: string): ManifestTopic {
  if (topic.source === undefined) return topic;
  return withSource(topic, sourceOf(path.resolve(shard, topic.source), outDir));
}

/** Forward slashes, no leading slash or drive, no `.` or `..` segment: as a build writes them. */
function isPlainRelative(file: string): boolean {
  return file.length > 0 && !/^[a-zA-Z]:/.test(file) && !file.includes('\\') && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
