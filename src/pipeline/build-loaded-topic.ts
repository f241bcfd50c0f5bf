/**
 * One loaded topic through the stages after load: parse → model → plan → compose → layout → render.
 * Returns the rendered files in memory with all diagnostics; writing is the caller's decision, so a
 * topic with errors never reaches the disk. Both hosts run it: buildTopic after reading a folder, the
 * web edition's page (src/web) after loading the bytes the page was given, so it imports nothing
 * that reads files or hashes with node:crypto.
 */
import path from 'node:path';
import type { OutputKind } from '../compose/compose-document.js';
import { hasErrors, escalateWarnings, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FontBook } from '../fonts/font-book.js';
import type { Overflow } from '../layout/layout-document.js';
import type { GlyphPlace, MissingGlyph } from '../layout/missing-glyphs.js';
import type { Theme } from '../layout/theme.js';
import type { TemplateSource } from '../load/load-templates.js';
import type { TopicSource } from '../load/load-topic.js';
import type { Passage, Topic } from '../model/topic.js';
import { modelTopic } from '../model/model-topic.js';
import { parseTopic, type ParsedYaml } from '../parse/parse-topic.js';
import { locate } from '../model/locate.js';
import { planAgenda } from '../plan/plan-agenda.js';
import type { OutputFile } from '../write/write-outputs.js';
import type { BuildOptions } from './build-options.js';
import { pdfKind } from './pdf-kind.js';

export interface BuiltOutput extends OutputFile {
  kind: OutputKind;
  /** What the file is named after and the manifest records as its kind: see `pdfKind`. */
  pdfKind: string;
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
  /** The files the fingerprint was taken over and the folder's listing (pipeline/build-topic). */
  inputs?: { files: string[]; listing: string };
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

export async function buildLoadedTopic(
  dir: string,
  loaded: { source?: TopicSource; diagnostics: Diagnostic[] },
  options: Omit<BuildOptions, 'paths' | 'outDir'>,
  shared: SharedResources,
  render = true,
  previous?: { hash?: string; fingerprint: (source: TopicSource) => string },
): Promise<TopicResult> {
  const diagnostics: Diagnostic[] = [];
  const finish = (result: Omit<TopicResult, 'diagnostics'>): TopicResult => ({
    ...result,
    diagnostics: options.strict ? escalateWarnings(diagnostics) : diagnostics,
  });

  diagnostics.push(...loaded.diagnostics);
  if (!loaded.source) return finish({ dir, outputs: [] });
  const parsed = parseTopic(loaded.source);
  const modelled = modelTopic(parsed.parsed);
  // Load reads a file when the model names it, so only now does the source hold every file the topic uses.
  const inputHash = previous?.fingerprint(loaded.source);
  if (inputHash !== undefined && previous?.hash === inputHash) return finish({ dir, slug: loaded.source.slug, outputs: [], inputHash, unchanged: true });
  diagnostics.push(...parsed.diagnostics, ...modelled.diagnostics);
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
      message: {
        da: `--kind ${kind}: emnet har ingen ${kind === 'cards' ? 'kort' : 'spørgsmål'} at printe, så den udgave springes over`,
        en: `--kind ${kind}: this topic has no ${kind === 'cards' ? 'cards' : 'questions'} to print, so it is skipped`,
      },
    });
  }
  // With neither, the PDFs state no date: reproducible, and no 1970-01-01 that nobody chose.
  const date = options.sourceDate ?? (topic.date ? new Date(`${topic.date}T12:00:00Z`) : undefined);
  // Each document reports the characters it draws that no font has; the topic reports each once.
  const missing = new Map<string, MissingGlyph>();
  const placeOf = (where: (string | number)[] | readonly (string | number)[]) => locate(parsed.parsed.topic, where);
  for (const kind of kinds.filter((k) => available.includes(k))) {
    const composed = composeDocument(kind, topic, agenda, shared.templates, { name: shared.theme.name, hasLogo: !!shared.theme.logo }, placeOf);
    diagnostics.push(...composed.diagnostics);
    if (!composed.document) continue;
    const setup = pageSetup(kind, shared.theme, { poster: options.poster, paper: options.paper, sheets: options.sheets });
    const laidOut = layoutDocument(composed.document, shared.theme, shared.fonts, setup, { hyphenationExceptions: options.hyphenationExceptions });
    diagnostics.push(...laidOut.diagnostics);
    for (const glyph of laidOut.missingGlyphs) missing.set(glyph.char, joinPlaces(missing.get(glyph.char), glyph, loaded.source));
    diagnostics.push(...laidOut.overflows.map((o) => overflowDiagnostic(o, kind, topic, parsed.parsed.topic)));
    if (!renderPdf) continue;
    const bytes = await renderPdf(laidOut.layout, shared.fonts, { date, pdfa: options.pdfa });
    const name = pdfKind(kind, options.poster);
    outputs.push({ kind, pdfKind: name, path: `${topic.slug}/${topic.slug}-${name}.pdf`, bytes, pages: laidOut.layout.pages.length });
  }
  // A topic with errors has no outputs. The documents were still drawn: every document's text must be
  // laid out to find each place, and drawing text no font has is something render must survive.
  diagnostics.push(...missingGlyphDiagnostics([...missing.values()], loaded.source));
  return finish({ dir, slug: topic.slug, topic: withoutDocumentData(topic), outputs: missing.size ? [] : outputs, inputHash });
}

/**
 * The places a document found for a character joined to those of the documents before: the first
 * place in each file, whichever document has it, each found in the file as written where the
 * document knows only where the text holding it starts.
 */
function joinPlaces(known: MissingGlyph | undefined, glyph: MissingGlyph, source: TopicSource): MissingGlyph {
  const places = [...(known?.places ?? [])];
  for (const found of glyph.places) {
    const place = found.search ? findFrom(found, glyph.char, source) : found;
    const same = places.findIndex((p) => p.file === place.file);
    if (same < 0) places.push(place);
    else if ((place.line ?? Infinity) < (places[same].line ?? Infinity) || (place.line === places[same].line && (place.column ?? Infinity) < (places[same].column ?? Infinity))) places[same] = place;
  }
  return { char: glyph.char, places, unplaced: !!known?.unplaced || glyph.unplaced };
}

/** The character where the topic's file has it, from where the text holding it starts; the start when it is written another way (an escape). */
function findFrom(place: GlyphPlace, char: string, source: TopicSource): GlyphPlace {
  const file = [...source.files.entries()].find(([rel]) => path.join(source.displayDir, rel) === place.file)?.[1];
  if (file?.kind !== 'text') return { file: place.file, line: place.line, column: place.column };
  let from = 0;
  for (let line = 1; line < (place.line ?? 1) && from >= 0; line++) from = file.text.indexOf('\n', from) + 1;
  const at = from < 0 ? -1 : file.text.indexOf(char, from + (place.column ?? 1) - 1);
  if (at < 0) return { file: place.file, line: place.line, column: place.column };
  const before = file.text.slice(0, at).split('\n');
  return { file: place.file, line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * A character no font has would print as an empty box and read as nothing (U+0000), so it is an
 * error, at the first place in each file that has it. Text that says nothing of where it was written
 * (what a template's helper wrote) is placed by finding the character where the topic's files have it.
 */
function missingGlyphDiagnostics(glyphs: MissingGlyph[], source: TopicSource): Diagnostic[] {
  const inFileOrder = (a: Diagnostic, b: Diagnostic) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  return glyphs.flatMap((glyph) => {
    const places: Omit<Diagnostic, 'severity' | 'rule' | 'message'>[] = glyph.places.map(({ file, line, column }) => ({ file, line, column }));
    if (glyph.unplaced) {
      const written = whereWritten(glyph.char, source, new Set(places.map((p) => p.file)));
      if (written) places.push(written);
      // Written in no file of the topic (a template's own text): named at topic.yaml, with no line.
      else if (!places.length) places.push({ file: path.join(source.displayDir, 'topic.yaml') });
    }
    const code = `U+${glyph.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return places.map((place) => ({
      ...place,
      severity: 'error' as const,
      rule: 'missing-glyph' as const,
      message: {
        da: `tegnet "${glyph.char}" (${code}) findes ikke i nogen af skrifttyperne, så det ville blive printet som en tom firkant`,
        en: `the character "${glyph.char}" (${code}) is in none of the fonts, so it would print as an empty box`,
      },
      hint: {
        da: 'skriv det på en anden måde, eller tilføj en skrifttype, der har tegnet, i temaet (theme.yaml, fonts)',
        en: 'write it another way, or bring a font that has it in the theme (theme.yaml, fonts)',
      },
    }));
  }).sort(inFileOrder);
}

/** The first place the topic's files, topic.yaml first, have a character as written, in a file not yet named. */
function whereWritten(char: string, source: TopicSource, named: Set<string>): Omit<Diagnostic, 'severity' | 'rule' | 'message'> | undefined {
  const files = [...source.files.entries()].sort(([a], [b]) => Number(b === 'topic.yaml') - Number(a === 'topic.yaml'));
  for (const [rel, file] of files) {
    const display = path.join(source.displayDir, rel);
    if (file.kind !== 'text' || named.has(display)) continue;
    const at = file.text.indexOf(char);
    if (at < 0) continue;
    const before = file.text.slice(0, at).split('\n');
    return { file: display, line: before.length, column: before[before.length - 1].length + 1 };
  }
  return undefined;
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

/**
 * A sheet or card that ran over: placed at the card's file, the step that owns the sheet, or where
 * the first of the topic's text on the sheet was written (the title, the frame questions), as the
 * layout found them on the sheet: a template need not say which step or card it prints. A
 * facilitator's sheet past two pages is placed at `steps:`, whose text fills it.
 */
function overflowDiagnostic(overflow: Overflow, kind: OutputKind, topic: Topic, yaml: ParsedYaml): Diagnostic {
  if (kind === 'cards') {
    const card = topic.cards.find((c) => c.file === overflow.place?.file);
    return {
      file: card?.file ?? `${topic.dir}/topic.yaml`,
      line: 1,
      column: 1,
      severity: 'warning',
      rule: 'card-overflow',
      message: {
        da: `kortet "${overflow.title}" kan ikke være på én side, heller ikke med den mindste skrift; det fortsætter på ${overflow.pages - 1} ${overflow.pages === 2 ? 'side' : 'sider'} mere`,
        en: `card "${overflow.title}" does not fit one face even at the smallest type; it continues on ${overflow.pages - 1} more face(s)`,
      },
      hint: { da: 'gør kortet kortere: der er plads til omkring 80 ord på en side', en: 'shorten the card: about 80 words fit a face' },
    };
  }
  if (kind === 'facilitator') {
    return {
      ...locate(yaml, ['steps'], 'key'),
      severity: 'warning',
      rule: 'facilitator-too-long',
      message: {
        da: `facilitatorens ark fylder ${overflow.pages} sider, også med den mindste skrift (9,5 punkt); det skal kunne være på 2 sider`,
        en: `the facilitator's sheet takes ${overflow.pages} pages even at the smallest type (9.5 pt); it should fit on 2`,
      },
      hint: {
        da: 'gør trinenes instruktioner, spørgsmål og råd kortere, eller slå trin sammen',
        en: "shorten the steps' instructions, questions and tips, or merge steps",
      },
    };
  }
  const step = topic.steps.find((s) => s.number === overflow.step);
  return {
    ...(step?.place ?? overflow.place ?? { file: `${topic.dir}/topic.yaml` }),
    severity: 'warning',
    rule: 'flipchart-6x8',
    message: {
      da: `flipoverarket "${overflow.title}" kan ikke være på ét ark, heller ikke med den mindste læselige skrift; det fylder ${overflow.pages} ark`,
      en: `flip-chart sheet "${overflow.title}" does not fit at the smallest legible type; it runs onto ${overflow.pages} sheets`,
    },
    hint: { da: 'hold et ark på omkring 6 linjer med højst 8 ord hver', en: 'keep a sheet to about 6 lines of at most 8 words' },
  };
}
