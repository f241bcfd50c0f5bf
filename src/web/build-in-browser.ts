/**
 * The web edition's build: a topic page's data and the form's three choices → one PDF, through the
 * same stages as `dialogpack build <topic> --participants N --start HH:MM --kind K` (buildLoadedTopic),
 * fed by load's in-memory loaders instead of the disk. Fonts arrive as the page loads them: a build
 * that asks for one not loaded yet stops with MissingFontError, and runs again once it is there
 * (the stages are deterministic, so the second run makes what one run would have). A Danish topic
 * needs 13 of the catalog’s 69 files; finding them so cost no more than the noise of a 2–4 s build
 * against loading them first (docs/performance.md), and no list of them has to be kept.
 */
import type { OutputKind } from '../compose/compose-document.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FontBook } from '../fonts/font-book.js';
import { allFontFiles } from '../fonts/font-catalog.js';
import { loadInMemoryFonts, MissingFontError } from '../load/load-in-memory-fonts.js';
import { loadInMemoryTemplates } from '../load/load-in-memory-templates.js';
import { loadInMemoryTopic } from '../load/load-in-memory-topic.js';
import type { PosterSize, PrinterPaper } from '../layout/page-setup.js';
import { modelTheme } from '../model/model-theme.js';
import { buildLoadedTopic, type BuiltOutput, type SharedResources } from '../pipeline/build-loaded-topic.js';
import type { TopicData } from '../publish/topic-data-script.js';
import { decodeBase64 } from './decode-base64.js';

export interface BrowserChoice {
  participants: number;
  start: string;
  kind: OutputKind;
}

/** The catalog fonts a build may ask for, loaded by the host (a script tag per font). */
export type FontLoader = (id: string) => Promise<Uint8Array>;

export class BrowserBuilder {
  private readonly fonts = new Map<string, Uint8Array>();
  private readonly templates;
  private readonly files: Map<string, Uint8Array>;
  private shared?: SharedResources;
  private themeDiagnostics: Diagnostic[] = [];

  constructor(
    private readonly data: TopicData,
    private readonly loadFont: FontLoader,
  ) {
    this.templates = loadInMemoryTemplates(data.templates.map((t) => ('text' in t ? { path: t.path, text: t.text } : { path: t.path, bytes: decodeBase64(t.base64) })));
    const encoder = new TextEncoder();
    this.files = new Map(Object.entries(data.files).map(([rel, f]) => [rel, 'text' in f ? encoder.encode(f.text) : decodeBase64(f.base64)]));
  }

  async build(choice: BrowserChoice): Promise<{ output?: BuiltOutput; diagnostics: Diagnostic[] }> {
    const { options } = this.data;
    for (;;) {
      const shared = this.sharedResources();
      const loaded = loadInMemoryTopic({ slug: this.data.slug, displayDir: this.data.displayDir, listing: this.data.listing, files: this.files });
      try {
        const result = await buildLoadedTopic(this.data.displayDir, loaded, {
          participants: choice.participants,
          start: choice.start,
          kinds: [choice.kind],
          strict: !!options.strict,
          sourceDate: options.sourceDate ? new Date(options.sourceDate) : undefined,
          hyphenationExceptions: options.hyphenationExceptions,
          pdfa: options.pdfa,
          paper: options.paper as PrinterPaper | undefined,
          poster: options.poster as PosterSize | undefined,
          sheets: options.sheets,
        }, shared);
        return { output: result.outputs.find((o) => o.kind === choice.kind), diagnostics: [...this.themeDiagnostics, ...result.diagnostics] };
      } catch (error) {
        if (!(error instanceof MissingFontError)) throw error;
        await this.addFont(error.fontId);
        // A FontBook that stopped mid-word starts afresh with the font it lacked.
        this.shared = undefined;
      }
    }
  }

  private async addFont(id: string): Promise<void> {
    if (!this.fonts.has(id)) this.fonts.set(id, await this.loadFont(id));
  }

  private sharedResources(): SharedResources {
    if (!this.shared) {
      const themed = modelTheme(this.templates);
      this.themeDiagnostics = themed.diagnostics;
      const source = loadInMemoryFonts(allFontFiles(), this.fonts, themed.fonts);
      this.shared = { templates: this.templates, fonts: new FontBook(source, themed.theme.fonts), theme: themed.theme, fingerprint: '' };
    }
    return this.shared;
  }
}
