/**
 * Reads the manifest an earlier build left in the output folder, and checks that the files it lists
 * are still there with the size it recorded. Input: the output folder. Output: the manifest, or
 * undefined when there is none or it cannot be trusted. Never: fail a build over an old manifest.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest } from '../publish/manifest.js';

export async function loadManifest(outDir: string): Promise<{ manifest?: Manifest; intact: Set<string> }> {
  const intact = new Set<string>();
  let manifest: Manifest | undefined;
  try {
    const parsed = JSON.parse(await readFile(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
    if (parsed && Array.isArray(parsed.topics)) manifest = parsed;
  } catch {
    return { intact };
  }
  for (const topic of manifest?.topics ?? []) {
    const sizes = await Promise.all(topic.pdfs.map((pdf) => stat(path.join(outDir, pdf.path)).then((s) => s.size, () => -1)));
    if (topic.pdfs.every((pdf, i) => sizes[i] === pdf.bytes)) intact.add(topic.slug);
  }
  return { manifest, intact };
}
