/**
 * One topic through every stage: load → parse → model → plan → compose → layout → render.
 * Returns the rendered files in memory with all diagnostics; writing is the caller's decision, so a
 * topic with errors never reaches the disk.
 */
import type { OutputKind } from '../compose/compose-document.js';
import { hasErrors, escalateWarnings, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontBook } from '../fonts/font-book.js';
import type { Overflow } from '../layout/layout-document.js';
import type { Theme } from '../layout/theme.js';
import type { TemplateSource } from '../load/load-templates.js';
import { loadTopic } from '../load/load-topic.js';
import type { Passage, Topic } from '../model/topic.js';
import { modelTopic } from '../model/model-topic.js';
import { parseTopic } from '../parse/parse-topic.js';
import { planAgenda } from '../plan/plan-agenda.js';
import type { OutputFile } from '../write/write-outputs.js';
import type { BuildOptions } from './build-options.js';
import { topicFingerprint } from './input-fingerprint.js';

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
  /** Fingerprint of the topic's inputs (files, templates, fonts, options, tool version). */
  inputHash?: string;
  /** The inputs match the previous build's: nothing was built, the old files stand. */
  unchanged?: boolean;
}

export interface SharedResources {
  templates: TemplateSource;
  fonts: FontBook;
  theme: Theme;
  /** Fingerprint of the tool version, templates, theme and fonts. */
  fingerprint: string;
}

/** The outputs a topic has content for, in the order they are built. */
export function availableKinds(topic: Topic): OutputKind[] {
  const kinds: OutputKind[] = ['pack', 'facilitator', 'handout'];
  if (topic.questions.length || topic.steps.some((s) => s.questions.length)) kinds.push('flipchart');
  if (topic.cards.length) kinds.push('cards');
  return kinds;
}

export async function buildTopic(
  dir: string,
  options: Omit<BuildOptions, 'paths' | 'outDir'>,
  shared: SharedResources,
  render = true,
  previousHash?: string,
): Promise<TopicResult> {
  const diagnostics: Diagnostic[] = [];
  const finish = (result: Omit<TopicResult, 'diagnostics'>): TopicResult => ({
    ...result,
    diagnostics: options.strict ? escalateWarnings(diagnostics) : diagnostics,
  });

  const loaded = await loadTopic(dir);
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.source) return finish({ dir, outputs: [] });
  const inputHash = topicFingerprint(loaded.source, shared.fingerprint, options);
  if (previousHash === inputHash) return finish({ dir, slug: loaded.source.slug, outputs: [], inputHash, unchanged: true });
  const parsed = parseTopic(loaded.source);
  diagnostics.push(...parsed.diagnostics);
  const modelled = modelTopic(parsed.parsed);
  diagnostics.push(...modelled.diagnostics);
  const topic = modelled.topic;
  if (!topic || hasErrors(diagnostics)) return finish({ dir, slug: loaded.source.slug, outputs: [], inputHash });

  const { agenda, diagnostics: planDiagnostics } = planAgenda(topic, { participants: options.participants, start: options.start });
  diagnostics.push(...planDiagnostics);

  // Imported here, not at the top: a check or an unchanged topic never needs PDFKit or the layout engine.
  const [{ composeDocument }, { layoutDocument }, { pageSetup }, { renderPdf }] = await Promise.all([
    import('../compose/compose-document.js'),
    import('../layout/layout-document.js'),
    import('../layout/page-setup.js'),
    render ? import('../render/render-pdf.js') : { renderPdf: undefined },
  ]);
  const outputs: BuiltOutput[] = [];
  const available = availableKinds(topic);
  const kinds = options.kinds ?? available;
  for (const kind of kinds.filter((k) => !available.includes(k))) {
    diagnostics.push({
      file: `${topic.dir}/topic.yaml`,
      severity: 'warning',
      rule: 'nothing-to-print',
      message: `--kind ${kind}: this topic has no ${kind === 'cards' ? 'cards' : 'questions'} to print, so it is skipped`,
    });
  }
  // With neither, the PDFs state no date: reproducible, and no 1970-01-01 that nobody chose.
  const date = options.sourceDate ?? (topic.date ? new Date(`${topic.date}T12:00:00Z`) : undefined);
  for (const kind of kinds.filter((k) => available.includes(k))) {
    const composed = composeDocument(kind, topic, agenda, shared.templates, { name: shared.theme.name, hasLogo: !!shared.theme.logo });
    diagnostics.push(...composed.diagnostics);
    if (!composed.document) continue;
    const setup = pageSetup(kind, shared.theme, { poster: options.poster, paper: options.paper });
    const laidOut = layoutDocument(composed.document, shared.theme, shared.fonts, setup);
    diagnostics.push(...laidOut.diagnostics.map((d) => (d.file ? d : { ...d, file: `${topic.dir}/topic.yaml` })));
    diagnostics.push(...laidOut.overflows.map((o) => overflowDiagnostic(o, kind, topic)));
    if (!renderPdf) continue;
    const bytes = await renderPdf(laidOut.layout, shared.fonts, { date, pdfa: options.pdfa });
    outputs.push({ kind, path: `${topic.slug}/${topic.slug}-${kind}.pdf`, bytes, pages: laidOut.layout.pages.length });
  }
  return finish({ dir, slug: topic.slug, topic: withoutDocumentData(topic), outputs, inputHash });
}

/**
 * A result outlives its build (the manifest and `list` read it after the last topic), and in a
 * worker it is copied to the main thread: the passages' syntax trees and the images, what the
 * documents were made from, stay behind.
 */
function withoutDocumentData(topic: Topic): Topic {
  const drop = <T extends Passage>({ tree: _tree, ...rest }: T): T => rest as T;
  return { ...topic, purpose: topic.purpose && drop(topic.purpose), sections: topic.sections.map(drop), cards: topic.cards.map(drop), images: new Map() };
}

/** A sheet or card that ran over: placed at the card's file or the step that owns the sheet. */
function overflowDiagnostic(overflow: Overflow, kind: OutputKind, topic: Topic): Diagnostic {
  if (kind === 'cards') {
    const card = topic.cards[Number(overflow.attributes.card)];
    return {
      file: card?.file ?? `${topic.dir}/topic.yaml`,
      line: 1,
      column: 1,
      severity: 'warning',
      rule: 'card-overflow',
      message: `card "${overflow.title}" does not fit one face even at the smallest type; it continues on ${overflow.pages - 1} more face(s)`,
      hint: 'shorten the card: about 80 words fit a face',
    };
  }
  const step = topic.steps.find((s) => String(s.number) === overflow.attributes.step);
  return {
    ...(step?.place ?? { file: `${topic.dir}/topic.yaml` }),
    severity: 'warning',
    rule: 'flipchart-6x8',
    message: `flip-chart sheet "${overflow.title}" does not fit at the smallest legible type; it runs onto ${overflow.pages} sheets`,
    hint: 'keep a sheet to about 6 lines of at most 8 words',
  };
}
