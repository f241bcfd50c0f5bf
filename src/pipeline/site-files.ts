/**
 * A built topic's files for `build --site`: its web page (`<slug>/index.html`, rendered by
 * publish/render-topic-page with the PDFs the build just wrote, planned for the default group) and the
 * `<slug>/topic-data.js` the page's form builds the tailored PDFs from in the browser (src/web): the
 * files its documents are made from (load reads a file when the model names it, so after modelling the
 * source holds exactly those), the template set and the build's options.
 *
 * The topic is read, parsed and modelled once more on this thread, once for both files: a build on
 * worker threads sends its topic back without the syntax trees and pictures (they are large to copy),
 * and the page needs both. That took 70–130 ms per topic of content/ (median of 25, on the shared
 * 2-core machine), against seconds for the topic's PDFs.
 * Output: both files, or none when the topic no longer models cleanly.
 */
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { ManifestPdf } from '../load/load-manifest.js';
import type { TemplateSource } from '../load/load-templates.js';
import { loadTopic } from '../load/load-topic.js';
import type { Theme } from '../model/theme.js';
import { modelTopic } from '../model/model-topic.js';
import { parseTopic } from '../parse/parse-topic.js';
import { planAgenda } from '../plan/plan-agenda.js';
import { topicDataScript } from '../publish/topic-data-script.js';
import type { OutputFile } from '../write/write-outputs.js';
import type { BuildOptions } from './build-options.js';
import { availableKinds } from './build-topic.js';

export async function siteFiles(
  dir: string,
  pdfs: readonly ManifestPdf[],
  theme: Theme,
  templates: TemplateSource,
  options: Omit<BuildOptions, 'paths' | 'outDir'>,
): Promise<OutputFile[]> {
  const loaded = await loadTopic(dir);
  if (!loaded.source) return [];
  const parsed = parseTopic(loaded.source);
  const { topic, diagnostics } = modelTopic(parsed.parsed);
  if (!topic || hasErrors([...parsed.diagnostics, ...diagnostics])) return [];
  const { agenda } = planAgenda(topic);
  const { renderTopicPage } = await import('../publish/render-topic-page.js');
  const html = renderTopicPage({ topic, agenda, theme, pdfs, kinds: availableKinds(topic) });
  const { sourceDate, hyphenationExceptions, pdfa, paper, poster, sheets, strict } = options;
  const script = topicDataScript(loaded.source, templates, { sourceDate: sourceDate?.toISOString(), hyphenationExceptions, pdfa, paper, poster, sheets, strict });
  const encoder = new TextEncoder();
  return [
    { path: `${topic.slug}/index.html`, bytes: encoder.encode(html) },
    { path: `${topic.slug}/topic-data.js`, bytes: encoder.encode(script) },
  ];
}
