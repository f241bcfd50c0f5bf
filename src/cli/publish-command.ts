import { inLanguage } from '../diagnostics/diagnostic.js';
import { exitCodeFor } from './exit-codes.js';
import { formatSummary, sortDiagnostics } from './format-report.js';
import { lockOwner } from './lock-owner.js';
import { printReport, type CliIo, type GlobalFlags } from './print-report.js';
import { terminalText } from './terminal-text.js';

export interface RawPublishOptions {
  out: string;
  /** Bring each topic's web page from its shard (`build --site`) and link it from index.html. */
  site?: boolean;
}

/**
 * `dialogpack publish <shards...> --out <dir>`: the output folders of `build --shard i/n` jobs merged into
 * one, with one manifest and one download page. Any problem with a shard leaves the folder untouched.
 */
export async function runPublishCommand(shards: string[], raw: RawPublishOptions, flags: GlobalFlags, io: CliIo): Promise<number> {
  const { runPublish } = await import('../pipeline/run-publish.js');
  const report = await runPublish(shards, raw.out, { lockOwner: lockOwner(), site: !!raw.site });
  const count = report.topics.length;
  if (flags.json) {
    const language = flags.language ?? 'da';
    const sorted = sortDiagnostics(report.diagnostics.map((d) => inLanguage(d, language)));
    const summary = {
      diagnostics: sorted,
      summary: formatSummary(sorted, count, language),
      topics: report.topics,
      removed: report.removed.map((p) => `${raw.out}/${p}`),
    };
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return exitCodeFor(report.diagnostics);
  }
  printReport(report.diagnostics, count, flags, io);
  const da = flags.language !== 'en';
  for (const file of report.removed) io.stderr.write(`${da ? 'fjernede' : 'removed'} ${terminalText(`${raw.out}/${file}`)}\n`);
  if (count && da) io.stderr.write(`udgav ${count} ${count === 1 ? 'emne' : 'emner'} fra ${shards.length} ${shards.length === 1 ? 'del' : 'dele'} i ${terminalText(raw.out)}/\n`);
  else if (count) io.stderr.write(`published ${count} ${count === 1 ? 'topic' : 'topics'} from ${shards.length} ${shards.length === 1 ? 'shard' : 'shards'} into ${terminalText(raw.out)}/\n`);
  return exitCodeFor(report.diagnostics);
}
