import { inLanguage, type Diagnostic, type Language, type ReportedDiagnostic } from '../diagnostics/diagnostic.js';
import type { TopicReport } from '../pipeline/run-build.js';
import { formatGithub } from './format-github.js';
import { formatDiagnostic, formatFirstErrorAdvice, formatSummary, sortDiagnostics } from './format-report.js';
import { terminalText } from './terminal-text.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface GlobalFlags {
  json?: boolean;
  /** `github`: each diagnostic as a workflow command on stdout, so GitHub Actions shows it as an annotation. */
  format?: 'text' | 'github';
  debug?: boolean;
  /** `--lang` as typed; main resolves it, with the locale, into `language`. */
  lang?: string;
  language?: Language;
}

/**
 * Diagnostics and the closing count on stderr, or as JSON on stdout under --json. Given the built topics,
 * also the files written, so build and watch report a run the same way.
 */
export function printReport(
  diagnostics: readonly Diagnostic[],
  topics: number,
  flags: GlobalFlags,
  io: CliIo,
  built?: { outDir: string; topics: readonly TopicReport[]; removed?: readonly string[] },
): void {
  const language = flags.language ?? 'da';
  const sorted = sortDiagnostics(diagnostics.map((d) => inLanguage(d, language)));
  if (flags.json) {
    const summary: Record<string, unknown> = { diagnostics: sorted, summary: formatSummary(sorted, topics, language) };
    if (built) {
      summary.topics = built.topics.map((t) => ({
        slug: t.slug,
        dir: t.dir,
        status: t.diagnostics.some((d) => d.severity === 'error') ? 'failed' : t.unchanged ? 'unchanged' : 'built',
        pdfs: t.diagnostics.some((d) => d.severity === 'error') ? [] : t.outputs.map((o) => ({ path: `${built.outDir}/${o.path}`, kind: o.kind, pages: o.pages })),
      }));
      summary.removed = (built.removed ?? []).map((p) => `${built.outDir}/${p}`);
    }
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  writeDiagnostics(sorted, flags, io);
  io.stderr.write(`${formatSummary(sorted, topics, language)}\n`);
  const advice = formatFirstErrorAdvice(sorted, language);
  if (advice) io.stderr.write(`${advice}\n`);
  if (!built) return;
  const da = language === 'da';
  for (const file of built.removed ?? []) io.stderr.write(`${da ? 'fjernede' : 'removed'} ${terminalText(`${built.outDir}/${file}`)}\n`);
  for (const topic of built.topics) {
    if (topic.diagnostics.some((d) => d.severity === 'error')) continue;
    for (const output of topic.outputs) {
      const pages = da ? `${output.pages} ${output.pages === 1 ? 'side' : 'sider'}` : `${output.pages} ${output.pages === 1 ? 'page' : 'pages'}`;
      io.stderr.write(`${da ? 'skrev' : 'wrote'} ${terminalText(`${built.outDir}/${output.path}`)} (${pages})\n`);
    }
  }
}

/** Each diagnostic as the text format or `--format github` has it, without the count (`--json` aside). */
export function printDiagnostics(diagnostics: readonly Diagnostic[], flags: GlobalFlags, io: CliIo): void {
  writeDiagnostics(sortDiagnostics(diagnostics.map((d) => inLanguage(d, flags.language ?? 'da'))), flags, io);
}

function writeDiagnostics(sorted: readonly ReportedDiagnostic[], flags: GlobalFlags, io: CliIo): void {
  const language = flags.language ?? 'da';
  // @actions/core writes workflow commands to stdout, the stream GitHub documents for them.
  if (flags.format === 'github') for (const d of sorted) io.stdout.write(`${formatGithub(d, language)}\n`);
  else for (const d of sorted) io.stderr.write(`${formatDiagnostic(d, language)}\n`);
}
