/**
 * One topic through every stage: load → parse → model → plan → compose → layout → render.
 * Returns the rendered files in memory with all diagnostics; writing is the caller's decision, so a
 * topic with errors never reaches the disk. After load it is buildLoadedTopic, which the web edition
 * runs too.
 */
import { loadTopic, type TopicSource } from '../load/load-topic.js';
import type { BuildOptions } from './build-options.js';
import { buildLoadedTopic, type SharedResources, type TopicResult } from './build-loaded-topic.js';
import { listingFingerprint, usedFilesFingerprint } from './input-fingerprint.js';

export { availableKinds, type BuiltOutput, type SharedResources, type TopicResult } from './build-loaded-topic.js';

export async function buildTopic(
  dir: string,
  options: Omit<BuildOptions, 'paths' | 'outDir'>,
  shared: SharedResources,
  render = true,
  previousHash?: string,
): Promise<TopicResult> {
  const loaded = await loadTopic(dir);
  // The files as the fingerprint saw them, in the order they were read: recorded in the manifest, they
  // let the next build take the fingerprint again without parsing the topic (recordedFilesFingerprint).
  let inputs: TopicResult['inputs'];
  const fingerprint = (source: TopicSource) => {
    inputs = { files: [...source.files.keys()], listing: listingFingerprint(source.listing) };
    return usedFilesFingerprint(source, shared.fingerprint, options);
  };
  const result = await buildLoadedTopic(dir, loaded, options, shared, render, { hash: previousHash, fingerprint });
  return inputs && result.inputHash ? { ...result, inputs } : result;
}
