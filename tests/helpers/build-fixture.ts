import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutputKind } from '../../src/compose/compose-document.js';
import { buildTopic, type TopicResult } from '../../src/pipeline/build-topic.js';
import { sharedResources } from '../../src/pipeline/shared-resources.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const testFixtures = path.join(repoRoot, 'tests/fixtures');
/** The reference topic every output is checked against: samtykke og fuldmagt, with a case, legal text and two cards. */
export const referenceTopic = path.join(testFixtures, 'samtykke-og-fuldmagt');
/** The first four bad inputs, each with the text its error must contain in a file named `expect`. */
export const basicBadFixtures = path.join(testFixtures, 'bad-basic');

/** Builds a topic folder in memory (nothing written), the way `dialogpack build` does. */
export async function buildInMemory(
  dir: string,
  options: { participants?: number; start?: string; kinds?: OutputKind[]; strict?: boolean } = {},
): Promise<TopicResult> {
  const { shared } = await sharedResources();
  return buildTopic(dir, { strict: false, ...options }, shared);
}

export function output(result: TopicResult, kind: OutputKind): Uint8Array {
  const found = result.outputs.find((o) => o.kind === kind);
  if (!found) throw new Error(`no ${kind} output; diagnostics: ${JSON.stringify(result.diagnostics)}`);
  return found.bytes;
}
