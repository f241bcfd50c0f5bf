import type { Language } from '../diagnostics/diagnostic.js';
import type { TopicReport } from '../pipeline/run-build.js';
import type { CliIo } from './print-report.js';
import { terminalText } from './terminal-text.js';

/**
 * Build progress on stderr: a live counter on a terminal, one plain line per topic when stderr is not
 * a terminal or under CI=true (logs keep every line, and no carriage returns).
 */
export function createProgress(
  io: CliIo,
  env: NodeJS.ProcessEnv,
  language: Language,
): { topicDone: (result: TopicReport, done: number, total: number) => void; finish: () => void } {
  const live = (io.stderr as NodeJS.WriteStream).isTTY === true && env.CI !== 'true' && env.CI !== '1';
  let shown = false;
  return {
    topicDone(result, done, total) {
      // One topic needs no counter: the report that follows says it all.
      if (total < 2) return;
      const name = terminalText(result.slug ?? result.dir);
      const state = stateWords(result, language);
      if (live) {
        io.stderr.write(`\r\x1b[2K[${done}/${total}] ${name}: ${state}`);
        shown = true;
      } else io.stderr.write(`[${done}/${total}] ${name}: ${state}\n`);
    },
    finish() {
      if (shown) io.stderr.write('\n');
    },
  };
}

function stateWords(result: TopicReport, language: Language): string {
  const count = result.outputs.length;
  if (result.diagnostics.some((d) => d.severity === 'error')) return language === 'da' ? 'har fejl' : 'failed';
  if (result.unchanged) return language === 'da' ? 'uændret' : 'unchanged';
  return language === 'da' ? `${count} ${count === 1 ? 'PDF-fil' : 'PDF-filer'}` : `${count} PDF${count === 1 ? '' : 's'}`;
}
