/**
 * load: the paths a user named (topic folders or content roots) → "these topic folders changed", for
 * `dialogpack watch`; and, given a templates folder, "the templates changed".
 * Input: paths and callbacks. Output: a watcher that reports changed topic folders, debounced, and
 * problems as diagnostics.
 * Never: read the files' contents (a rebuild loads them through the pipeline) or decide what a change means.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface WatchCallbacks {
  /** Topic folders, named as under the given paths, whose files changed. */
  onChange: (topicDirs: string[]) => void;
  /** A file in the templates folder changed: every topic's documents depend on it. */
  onTemplatesChange?: () => void;
  onProblem: (diagnostic: Diagnostic) => void;
}

export interface TopicWatcher {
  close(): void;
}

/** Editors save a file as several events (temp file, rename, chmod); one rebuild should follow. */
const defaultDebounceMs = 120;

/** Swap and backup files of editors (vim's `4913` probe among them): a save, but not the saved file. */
const scratchName = /(^|\/)(\.[^/]*|node_modules|4913|[^/]*~|[^/]*\.sw[a-px])(\/|$)/;

export async function watchTopics(
  paths: readonly string[],
  callbacks: WatchCallbacks,
  options: { templatesDir?: string; debounceMs?: number } = {},
): Promise<TopicWatcher> {
  const debounceMs = options.debounceMs ?? defaultDebounceMs;
  const watchers: FSWatcher[] = [];
  const pending = new Set<string>();
  const suspects = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = async () => {
    timer = undefined;
    const candidates = [...suspects];
    suspects.clear();
    // A folder in a content root counts only while it holds topic.yaml, so an output folder or a
    // half-copied topic in the root never triggers a build.
    for (const dir of candidates) if (await isFile(path.join(dir, 'topic.yaml'))) pending.add(dir);
    if (closed || !pending.size) return;
    const dirs = [...pending].sort();
    pending.clear();
    callbacks.onChange(dirs);
  };
  const changed = (dir: string, sure: boolean) => {
    (sure ? pending : suspects).add(dir);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };

  for (const given of paths) {
    const kind = await classify(given);
    if (kind === undefined) continue;
    const dir = kind === 'topic-file' ? path.dirname(given) : given;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { recursive: true });
    } catch (error) {
      callbacks.onProblem(problem(dir, error));
      continue;
    }
    watcher.on('change', (_event, filename) => {
      const name = filename === null ? null : String(filename).split(path.sep).join('/');
      if (name !== null && scratchName.test(name)) return;
      if (kind !== 'root') return changed(dir, true);
      const first = name?.split('/')[0];
      if (first) changed(path.join(dir, first), false);
    });
    watcher.on('error', (error) => callbacks.onProblem(problem(dir, error)));
    watchers.push(watcher);
  }

  let templatesTimer: NodeJS.Timeout | undefined;
  if (options.templatesDir && callbacks.onTemplatesChange) {
    const onTemplatesChange = callbacks.onTemplatesChange;
    try {
      const watcher = watch(options.templatesDir, { recursive: true });
      watcher.on('change', (_event, filename) => {
        if (filename !== null && scratchName.test(String(filename).split(path.sep).join('/'))) return;
        if (templatesTimer) clearTimeout(templatesTimer);
        templatesTimer = setTimeout(() => {
          templatesTimer = undefined;
          if (!closed) onTemplatesChange();
        }, debounceMs);
      });
      watcher.on('error', (error) => callbacks.onProblem(problem(options.templatesDir!, error)));
      watchers.push(watcher);
    } catch (error) {
      callbacks.onProblem(problem(options.templatesDir, error));
    }
  }

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      if (templatesTimer) clearTimeout(templatesTimer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

async function classify(given: string): Promise<'topic' | 'topic-file' | 'root' | undefined> {
  const info = await stat(given).catch(() => undefined);
  if (!info) return undefined;
  if (info.isFile()) return path.basename(given) === 'topic.yaml' ? 'topic-file' : undefined;
  return (await isFile(path.join(given, 'topic.yaml'))) ? 'topic' : 'root';
}

function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

function problem(dir: string, error: unknown): Diagnostic {
  return { file: dir, severity: 'error', rule: 'watch-failed', message: `cannot watch ${dir} for changes: ${(error as Error).message}` };
}
