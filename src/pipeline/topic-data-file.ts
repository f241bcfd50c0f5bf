/**
 * A built topic's topic-data.js for `build --site`: the files its documents are made from (load reads
 * a file when the model names it, so after modelling the source holds exactly those), the template
 * set and the build's options, for the web edition's form to build the same PDFs in the browser.
 * Read again on this thread, as topic-page does, since a worker's result comes back without them.
 * Output: `<slug>/topic-data.js`, or nothing when the topic no longer models cleanly.
 */
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { TemplateSource } from '../load/load-templates.js';
import { loadTopic } from '../load/load-topic.js';
import { modelTopic } from '../model/model-topic.js';
import { parseTopic } from '../parse/parse-topic.js';
import { topicDataScript } from '../publish/topic-data-script.js';
import type { OutputFile } from '../write/write-outputs.js';
import type { BuildOptions } from './build-options.js';

export async function topicDataFile(dir: string, templates: TemplateSource, options: Omit<BuildOptions, 'paths' | 'outDir'>): Promise<OutputFile | undefined> {
  const loaded = await loadTopic(dir);
  if (!loaded.source) return undefined;
  const parsed = parseTopic(loaded.source);
  const { topic, diagnostics } = modelTopic(parsed.parsed);
  if (!topic || hasErrors([...parsed.diagnostics, ...diagnostics])) return undefined;
  const { sourceDate, hyphenationExceptions, pdfa, paper, poster, sheets, strict } = options;
  const script = topicDataScript(loaded.source, templates, { sourceDate: sourceDate?.toISOString(), hyphenationExceptions, pdfa, paper, poster, sheets, strict });
  return { path: `${topic.slug}/topic-data.js`, bytes: new TextEncoder().encode(script) };
}
