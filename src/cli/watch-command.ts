import { inLanguage, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { TopicWatcher } from '../load/watch-topics.js';
import type { BuildOptions } from '../pipeline/build-options.js';
import type { BuildReport, RunOptions } from '../pipeline/run-build.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { formatDiagnostic } from './format-report.js';
import { printReport, type CliIo, type GlobalFlags } from './print-report.js';
import { terminalText } from './terminal-text.js';

export interface WatchSession {
  /** Compare the files every second instead of waiting for the file system's events (network drives). */
  poll?: boolean;
  /** A build of these topic folders starts. */
  onBuilding?: (dirs: string[]) => void;
  /** A build ended, with what it built and every diagnostic; or failed inside (`error`). */
  onBuilt?: (result: BuildReport | undefined, error?: Error) => void | Promise<void>;
  /** The first build is done and watching has begun. */
  onWatching?: () => void;
}

/**
 * `dialogpack watch [paths...]`: builds everything once, then rebuilds each topic folder whose files change,
 * and every topic when a file in the `--templates` folder changes, one build at a time so reports never
 * interleave. Content errors are reported and watching goes on; only
 * paths that name no topic at all end it. SIGINT and SIGTERM stop it after the build in flight, so no
 * output is left half-written, and it exits 0. `dialogpack preview` runs the same loop, told of each build
 * through `session`.
 */
export async function runWatchCommand(
  options: BuildOptions,
  flags: GlobalFlags,
  io: CliIo,
  signals: NodeJS.EventEmitter,
  runOptions: Pick<RunOptions, 'lockOwner' | 'outLabel'> = {},
  session: WatchSession = {},
): Promise<number> {
  const { runBuild } = await import('../pipeline/run-build.js');
  const { watchTopics } = await import('../load/watch-topics.js');
  const language = flags.language ?? 'da';
  const da = language === 'da';

  const build = async (paths: string[], reloadTemplates = false) => {
    session.onBuilding?.(paths);
    let result: BuildReport;
    try {
      result = await runBuild({ ...options, paths }, { ...runOptions, write: true, reloadTemplates });
    } catch (error) {
      await session.onBuilt?.(undefined, error as Error);
      throw error;
    }
    const all = [...result.diagnostics, ...result.topics.flatMap((t) => t.diagnostics)];
    printReport(all, result.topics.length, flags, io, { outDir: options.outDir, topics: result.topics, removed: result.removed });
    await session.onBuilt?.(result);
    return result;
  };

  const pending = new Set<string>();
  let templatesChanged = false;
  let running: Promise<void> | undefined;
  let stopping = false;
  const rebuild = async (dirs: string[], reload: boolean) => {
    const started = performance.now();
    io.stderr.write(`${da ? 'ændret' : 'changed'}: ${terminalText([...(reload ? [options.templatesDir!] : []), ...dirs].join(', '))}\n`);
    try {
      await build(dirs, reload);
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      io.stderr.write(da ? `byggede ${terminalText(dirs.join(', '))} igen på ${seconds.replace('.', ',')} s\n` : `rebuilt ${terminalText(dirs.join(', '))} in ${seconds} s\n`);
    } catch (error) {
      // One bad rebuild must not end the session: the editor fixes the file and saves again.
      const where = terminalText(dirs.join(', '));
      const what = terminalText((error as Error).message);
      io.stderr.write(da ? `dialogpack: intern fejl, da ${where} blev bygget igen: ${what}\n` : `dialogpack: internal error while rebuilding ${where}: ${what}\n`);
      if (flags.debug) io.stderr.write(`${String((error as Error).stack).split('\n').map(terminalText).join('\n')}\n`);
    }
  };
  const kick = () => {
    if (running || stopping || (!pending.size && !templatesChanged)) return;
    const reload = templatesChanged;
    // Every topic is built with the templates: after a change there, all of them are rebuilt.
    const dirs = reload ? [...options.paths] : [...pending].sort();
    pending.clear();
    templatesChanged = false;
    running = rebuild(dirs, reload).finally(() => {
      running = undefined;
      kick();
    });
  };

  // Signals are caught before anything else, so Ctrl-C during the first build also stops cleanly.
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => {
    stop = () => {
      stopping = true;
      resolve();
    };
  });
  signals.on('SIGINT', stop);
  signals.on('SIGTERM', stop);
  let watcher: TopicWatcher | undefined;
  try {
    // Watching starts before the first build, so a save during that build is not lost.
    watcher = await watchTopics(options.paths, {
      onChange: (dirs) => {
        dirs.forEach((d) => pending.add(d));
        kick();
      },
      onTemplatesChange: () => {
        templatesChanged = true;
        kick();
      },
      onProblem: (d: Diagnostic) => io.stderr.write(`${formatDiagnostic(inLanguage(d, language), language)}\n`),
      onGone: (dir) =>
        io.stderr.write(
          da
            ? `${terminalText(dir)}: mappen er væk (omdøbt, flyttet eller slettet); dialogpack holder stadig øje, og emnet bygges igen, når mappen er tilbage\n`
            : `${terminalText(dir)}: the folder is gone (renamed, moved or deleted); still watching, and it is built again when it is back\n`,
        ),
      onBack: (dir) => io.stderr.write(da ? `${terminalText(dir)}: mappen er tilbage\n` : `${terminalText(dir)}: the folder is back\n`),
    }, { templatesDir: options.templatesDir, poll: session.poll });
    // Counted as a build in flight, so saves meanwhile queue behind it instead of writing the same files.
    const firstBuild = build(options.paths);
    running = firstBuild.then(() => undefined, () => undefined);
    const first = await firstBuild;
    running = undefined;
    const fatal = exitCodeFor(first.diagnostics);
    if (fatal !== exitCodes.ok || !first.topics.length) return fatal === exitCodes.ok ? exitCodes.usage : fatal;
    if (!stopping) {
      const count = first.topics.length;
      const where = terminalText(options.paths.join(', '));
      io.stderr.write(
        da
          ? `holder øje med ændringer i ${count} ${count === 1 ? 'emne' : 'emner'} i ${where}${session.poll ? ' og sammenligner filerne hvert sekund' : ''}; tryk Ctrl-C for at stoppe\n`
          : `watching ${count} topic${count === 1 ? '' : 's'} in ${where} for changes${session.poll ? ', comparing the files every second' : ''}; press Ctrl-C to stop\n`,
      );
      session.onWatching?.();
    }
    kick();
    await stopped;
    await running;
  } finally {
    // Also after a failed first build: an open watcher would keep the process alive.
    watcher?.close();
    signals.off('SIGINT', stop);
    signals.off('SIGTERM', stop);
  }
  io.stderr.write(da ? 'holder ikke længere øje med ændringer\n' : 'stopped watching\n');
  return exitCodes.ok;
}
