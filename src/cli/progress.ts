import type { TopicReport } from '../pipeline/run-build.js';
import type { CliIo } from './print-report.js';
import { terminalText } from './terminal-text.js';

/**
 * Build progress on stderr: a live counter on a terminal, one plain line per topic when stderr is not
 * a terminal or under CI=true (logs keep every line, and no carriage returns).
 */
export function createProgress(io: CliIo, env: NodeJS.ProcessEnv): { topicDone: (result: TopicReport, done: number, total: number) => void; finish: () => void } {
  const live = (io.stderr as NodeJS.WriteStream).isTTY === true && env.CI !== 'true' && env.CI !== '1';
  let shown = false;
  return {
    topicDone(result, done, total) {
      // One topic needs no counter: the report that follows says it all.
      if (total < 2) return;
      const name = terminalText(result.slug ?? result.dir);
      const state = result.diagnostics.some((d) => d.severity === 'error')
        ? 'failed'
        : result.unchanged
          ? 'unchanged'
          : `${result.outputs.length} PDF${result.outputs.length === 1 ? '' : 's'}`;
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
