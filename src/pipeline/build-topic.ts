/**
 * One topic through every stage: load → parse → model → plan → compose → layout → render.
 * Returns the rendered files in memory with all diagnostics; writing is the caller's decision, so a
 * topic with errors never reaches the disk.
 */
import { composeDocument, type OutputKind } from '../compose/compose-document.js';
import { hasErrors, escalateWarnings, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontBook } from '../fonts/font-book.js';
import { layoutDocument } from '../layout/layout-document.js';
import type { Theme } from '../layout/theme.js';
import type { TemplateSource } from '../load/load-templates.js';
import { loadTopic } from '../load/load-topic.js';
import type { Topic } from '../model/topic.js';
import { modelTopic } from '../model/model-topic.js';
import { parseTopic } from '../parse/parse-topic.js';
import { planAgenda } from '../plan/plan-agenda.js';
import { renderPdf } from '../render/render-pdf.js';
import type { OutputFile } from '../write/write-outputs.js';
import type { BuildOptions } from './build-options.js';

export interface BuiltOutput extends OutputFile {
  kind: OutputKind;
  pages: number;
}

export interface TopicResult {
  dir: string;
  slug?: string;
  topic?: Topic;
  outputs: BuiltOutput[];
  diagnostics: Diagnostic[];
}

export interface SharedResources {
  templates: TemplateSource;
  fonts: FontBook;
  theme: Theme;
}

/** Kinds this version renders; the others are planned in the issues. */
export const implementedKinds: OutputKind[] = ['pack'];

export async function buildTopic(
  dir: string,
  options: Omit<BuildOptions, 'paths' | 'outDir'>,
  shared: SharedResources,
  render = true,
): Promise<TopicResult> {
  const diagnostics: Diagnostic[] = [];
  const finish = (result: Omit<TopicResult, 'diagnostics'>): TopicResult => ({
    ...result,
    diagnostics: options.strict ? escalateWarnings(diagnostics) : diagnostics,
  });

  const loaded = await loadTopic(dir);
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.source) return finish({ dir, outputs: [] });
  const parsed = parseTopic(loaded.source);
  diagnostics.push(...parsed.diagnostics);
  const modelled = modelTopic(parsed.parsed);
  diagnostics.push(...modelled.diagnostics);
  const topic = modelled.topic;
  if (!topic || hasErrors(diagnostics)) return finish({ dir, slug: loaded.source.slug, outputs: [] });

  const { agenda, diagnostics: planDiagnostics } = planAgenda(topic, { participants: options.participants, start: options.start });
  diagnostics.push(...planDiagnostics);

  const outputs: BuiltOutput[] = [];
  const kinds = (options.kinds ?? implementedKinds).filter((k) => implementedKinds.includes(k));
  const date = options.sourceDate ?? (topic.date ? new Date(`${topic.date}T12:00:00Z`) : new Date(0));
  for (const kind of kinds) {
    const composed = composeDocument(kind, topic, agenda, shared.templates);
    diagnostics.push(...composed.diagnostics);
    if (!composed.document) continue;
    const laidOut = layoutDocument(composed.document, shared.theme, shared.fonts);
    diagnostics.push(...laidOut.diagnostics.map((d) => (d.file === composed.document!.meta.title ? { ...d, file: `${topic.dir}/topic.yaml` } : d)));
    if (!render) continue;
    const bytes = await renderPdf(laidOut.layout, shared.fonts, { date });
    outputs.push({ kind, path: `${topic.slug}/${topic.slug}-${kind}.pdf`, bytes, pages: laidOut.layout.pages.length });
  }
  return finish({ dir, slug: topic.slug, topic, outputs });
}
