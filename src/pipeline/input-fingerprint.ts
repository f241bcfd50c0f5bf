import { createHash } from 'node:crypto';
import type { TemplateSource } from '../load/load-templates.js';
import type { TopicSource } from '../load/load-topic.js';
import type { BuildOptions } from './build-options.js';

/** Everything shared by a build's topics: tool version, templates and theme, font files. */
export function sharedFingerprint(version: string, templates: TemplateSource, fontSizes: ReadonlyMap<string, number>): string {
  const hash = createHash('sha256').update(`dialogpack ${version}\n`);
  for (const path of [...templates.files.keys()].sort()) {
    const file = templates.files.get(path)!;
    hash.update(`template ${path}\n`).update(file.text ?? file.bytes ?? '').update('\n');
  }
  for (const id of [...fontSizes.keys()].sort()) hash.update(`font ${id} ${fontSizes.get(id)}\n`);
  return hash.digest('hex');
}

/** A topic's inputs: its files, the shared fingerprint and every option that changes the PDFs. */
export function topicFingerprint(source: TopicSource, shared: string, options: Omit<BuildOptions, 'paths' | 'outDir'>): string {
  const hash = createHash('sha256').update(shared).update('\n');
  const { participants, start, kinds, poster, paper, pdfa, strict, sourceDate } = options;
  hash.update(JSON.stringify({ participants, start, kinds, poster, paper, pdfa, strict, sourceDate: sourceDate?.toISOString() })).update('\n');
  for (const path of [...source.files.keys()].sort()) {
    const file = source.files.get(path)!;
    hash.update(`file ${path} ${file.kind}\n`);
    if (file.kind === 'text') hash.update(file.text);
    else if (file.kind === 'binary') hash.update(file.bytes);
    else hash.update(file.reason);
    hash.update('\n');
  }
  return hash.digest('hex');
}
