/**
 * A built topic's web page for `build --site`: the topic read, parsed and modelled once more on this
 * thread, planned for the default group, and rendered by publish/render-topic-page with the PDFs the
 * build just wrote. Read again rather than handed over from the build, because a build on worker
 * threads sends back its topic without the syntax trees and pictures (they are large to copy), and
 * the page needs both. Reading, modelling and rendering the page took 70–130 ms per topic of content/
 * (median of 25, on the shared 2-core machine), against seconds for the topic's PDFs.
 * Output: the page as `<slug>/index.html`, or nothing when the topic no longer models cleanly.
 */
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { ManifestPdf } from '../load/load-manifest.js';
import { loadTopic } from '../load/load-topic.js';
import type { Theme } from '../model/theme.js';
import { modelTopic } from '../model/model-topic.js';
import { parseTopic } from '../parse/parse-topic.js';
import { planAgenda } from '../plan/plan-agenda.js';
import type { OutputFile } from '../write/write-outputs.js';
import { availableKinds } from './build-topic.js';

export async function topicPage(dir: string, pdfs: readonly ManifestPdf[], theme: Theme): Promise<OutputFile | undefined> {
  const loaded = await loadTopic(dir);
  if (!loaded.source) return undefined;
  const parsed = parseTopic(loaded.source);
  const { topic, diagnostics } = modelTopic(parsed.parsed);
  if (!topic || hasErrors([...parsed.diagnostics, ...diagnostics])) return undefined;
  const { agenda } = planAgenda(topic);
  const { renderTopicPage } = await import('../publish/render-topic-page.js');
  const html = renderTopicPage({ topic, agenda, theme, pdfs, kinds: availableKinds(topic) });
  return { path: `${topic.slug}/index.html`, bytes: new TextEncoder().encode(html) };
}
