import { inLanguage, type Language, type ReportedDiagnostic } from '../diagnostics/diagnostic.js';
import type { availableKinds } from '../pipeline/build-topic.js';
import type { TopicReport } from '../pipeline/run-build.js';
import { exitCodeFor } from './exit-codes.js';
import { sortDiagnostics } from './format-report.js';
import { printDiagnostics, type CliIo, type GlobalFlags } from './print-report.js';
import { terminalText } from './terminal-text.js';

interface ListedTopic {
  path: string;
  slug?: string;
  title?: string;
  participants?: { min: number; max: number };
  /** The topic's own "about this long", in minutes. */
  duration?: number;
  outputs: string[];
  errors: number;
  warnings: number;
  diagnostics: ReportedDiagnostic[];
}

/**
 * `dialogpack list [paths...]`: one line per topic from a check run (nothing written), so "has errors"
 * means exactly what `check` would say. A topic's content errors are part of the listing, not a failure of
 * it: only problems with the paths themselves change the exit code.
 */
export async function runListCommand(paths: string[], flags: GlobalFlags, io: CliIo): Promise<number> {
  const { runBuild } = await import('../pipeline/run-build.js');
  const { availableKinds: kindsOf } = await import('../pipeline/build-topic.js');
  const report = await runBuild({ paths: paths.length ? paths : ['content'], outDir: 'out', strict: false }, false);
  const language = flags.language ?? 'da';
  const topics = report.topics.map((t) => listed(t, kindsOf, language));
  if (flags.json) {
    const problems = sortDiagnostics(report.diagnostics.map((d) => inLanguage(d, language)));
    io.stdout.write(`${JSON.stringify({ topics, diagnostics: problems }, null, 2)}\n`);
    return exitCodeFor(report.diagnostics);
  }
  printDiagnostics(report.diagnostics, flags, io);
  if (topics.length) io.stdout.write(table(topics, language));
  const troubled = topics.filter((t) => t.errors || t.warnings);
  if (troubled.length) io.stderr.write(`${language === 'da' ? 'detaljer' : 'details'}: dialogpack check ${troubled.map((t) => terminalText(t.path)).join(' ')}\n`);
  return exitCodeFor(report.diagnostics);
}

/** `kindsOf` is passed in because the pipeline module loads only once a command needs it. */
function listed(result: TopicReport, kindsOf: typeof availableKinds, language: Language): ListedTopic {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const topic = result.topic;
  return {
    path: result.dir,
    slug: result.slug,
    title: topic?.title,
    participants: topic?.participants,
    duration: topic?.duration,
    outputs: topic ? kindsOf(topic) : [],
    errors,
    warnings: result.diagnostics.length - errors,
    diagnostics: sortDiagnostics(result.diagnostics.map((d) => inLanguage(d, language))),
  };
}

const headings = {
  da: ['EMNE', 'TITEL', 'DELTAGERE', 'VARIGHED', 'UDGAVER', 'STATUS'],
  en: ['TOPIC', 'TITLE', 'PARTICIPANTS', 'DURATION', 'OUTPUTS', 'STATUS'],
} as const;

function table(topics: readonly ListedTopic[], language: Language): string {
  const none = '–';
  // A title or folder name is the topic's text: escaped before the columns are measured.
  const rows = topics.map((t) => [
    terminalText(t.path),
    t.title === undefined ? none : terminalText(t.title),
    t.participants ? `${t.participants.min}–${t.participants.max}` : none,
    t.duration !== undefined ? `${language === 'da' ? 'ca.' : 'about'} ${t.duration} min` : none,
    t.outputs.length ? t.outputs.join(', ') : none,
    status(t, language),
  ]);
  const header = headings[language];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((cells) => `${cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ')}\n`).join('');
}

function status(t: ListedTopic, language: Language): string {
  if (!t.errors && !t.warnings) return 'ok';
  const errors = language === 'da' ? `${t.errors} fejl` : `${t.errors} error${t.errors === 1 ? '' : 's'}`;
  const warnings = language === 'da' ? `${t.warnings} ${t.warnings === 1 ? 'advarsel' : 'advarsler'}` : `${t.warnings} warning${t.warnings === 1 ? '' : 's'}`;
  return [t.errors ? errors : '', t.warnings ? warnings : ''].filter(Boolean).join(', ');
}
