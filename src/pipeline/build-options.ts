import type { OutputKind } from '../compose/compose-document.js';
import type { PosterSize, PrinterPaper } from '../layout/page-setup.js';

export const outputKinds: OutputKind[] = ['pack', 'facilitator', 'handout', 'flipchart', 'cards'];

/** What a build or check needs, already validated by the CLI. */
export interface BuildOptions {
  paths: string[];
  outDir: string;
  participants?: number;
  start?: string;
  kinds?: OutputKind[];
  strict: boolean;
  templatesDir?: string;
  /** The folder the cli was started in: messages name the built-in templates from it. */
  cwd?: string;
  /** Print flip-chart sheets as posters of this size, tiled on `paper`. */
  poster?: PosterSize;
  /** The flip-chart sheets (1-based) that become posters, from `--sheets 1,3`; all when absent. */
  sheets?: number[];
  /** Add PDF/A-2a conformance to the PDF/UA claim. */
  pdfa?: boolean;
  paper?: PrinterPaper;
  /** Build only every n-th topic, starting at the i-th (1-based): `--shard i/n` splits CI jobs. */
  shard?: { index: number; count: number };
  /** Fixed date for reproducible files, from SOURCE_DATE_EPOCH; else the topic's date. */
  sourceDate?: Date;
  /** Words written with a hyphen where each may break, from dialogpack.yaml's `hyphenation: exceptions:`. */
  hyphenationExceptions?: string[];
  /** `--site`: also write each topic's web page, `<slug>/index.html`, and link it from index.html. */
  site?: boolean;
}
