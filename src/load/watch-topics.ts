/**
 * load: the paths a user named (topic folders or content roots) → "these topic folders changed", for
 * `dialogpack watch`; and, given a templates folder, "the templates changed".
 * Input: paths and callbacks. Output: a watcher that reports changed topic folders, debounced, and
 * problems as diagnostics. A watched folder that goes away (renamed, moved, deleted) is reported as
 * gone, never as changed, and looked for until it is back; then it counts as changed. The lookout also
 * keeps the process alive: without it, a watch whose only folder vanished would have nothing left to
 * wait for, and Node would end it.
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
  /** A watched folder (as given) is gone; it is looked for until it is back. */
  onGone?: (dir: string) => void;
  /** A folder reported gone is back; a change of it follows. */
  onBack?: (dir: string) => void;
}

export interface TopicWatcher {
  close(): void;
}

/** Editors save a file as several events (temp file, rename, chmod); one rebuild should follow. */
const defaultDebounceMs = 120;
/** How often a folder that is gone is looked for. */
const lookoutMs = 500;

/** Swap and backup files of editors (vim's `4913` probe among them): a save, but not the saved file. */
const scratchName = /(^|\/)(\.[^/]*|node_modules|4913|[^/]*~|[^/]*\.sw[a-px])(\/|$)/;

export async function watchTopics(
  paths: readonly string[],
  callbacks: WatchCallbacks,
  options: { templatesDir?: string; debounceMs?: number } = {},
): Promise<TopicWatcher> {
  const debounceMs = options.debounceMs ?? defaultDebounceMs;
  const watchers: FSWatcher[] = [];
  /** The watcher of each watched folder, and what the folder is. */
  const byDir = new Map<string, FSWatcher>();
  const kinds = new Map<string, 'topic' | 'topic-file' | 'root'>();
  /** Watched folders that are gone, looked for every `lookoutMs`. */
  const gone = new Set<string>();
  let lookout: NodeJS.Timeout | undefined;
  const pending = new Set<string>();
  const suspects = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = async () => {
    timer = undefined;
    const candidates = [...suspects];
    suspects.clear();
    // Any event may have been a watched folder itself going: gone, then, and not built.
    for (const dir of [...byDir.keys()]) {
      if (gone.has(dir) || (await isDirectory(dir))) continue;
      pending.delete(dir);
      goneAway(dir);
    }
    // A folder in a content root counts only while it holds topic.yaml, so an output folder or a
    // half-copied topic in the root never triggers a build.
    for (const dir of candidates) if (await isFile(path.join(dir, 'topic.yaml'))) pending.add(dir);
    if (closed || !pending.size) return;
    const dirs = [...pending].sort();
    pending.clear();
    callbacks.onChange(dirs);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };
  const changed = (dir: string, sure: boolean) => {
    (sure ? pending : suspects).add(dir);
    schedule();
  };

  const watchDir = (dir: string, kind: 'topic' | 'topic-file' | 'root'): boolean => {
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { recursive: true });
    } catch (error) {
      callbacks.onProblem(problem(dir, error));
      return false;
    }
    watcher.on('change', (_event, filename) => {
      const name = filename === null ? null : String(filename).split(path.sep).join('/');
      if (name !== null && scratchName.test(name)) return;
      if (kind !== 'root') return changed(dir, true);
      const first = name?.split('/')[0];
      if (first) changed(path.join(dir, first), false);
      else schedule();
    });
    watcher.on('error', (error) => {
      // The folder went while being watched: gone, not a failure.
      void isDirectory(dir).then((there) => (there ? callbacks.onProblem(problem(dir, error)) : goneAway(dir)));
    });
    watchers.push(watcher);
    byDir.set(dir, watcher);
    kinds.set(dir, kind);
    return true;
  };
  const goneAway = (dir: string) => {
    if (closed || gone.has(dir)) return;
    const watcher = byDir.get(dir);
    if (!watcher) return;
    watcher.close();
    gone.add(dir);
    callbacks.onGone?.(dir);
    lookout ??= setInterval(() => void lookOut(), lookoutMs);
  };
  const lookOut = async () => {
    for (const dir of [...gone]) {
      if (closed || !(await isDirectory(dir))) continue;
      gone.delete(dir);
      if (!watchDir(dir, kinds.get(dir)!)) continue;
      callbacks.onBack?.(dir);
      // What it holds now may differ from what was built: the topic, or every topic of the root.
      changed(dir, true);
    }
    if (!gone.size && lookout) {
      clearInterval(lookout);
      lookout = undefined;
    }
  };

  for (const given of paths) {
    const kind = await classify(given);
    if (kind === undefined) continue;
    watchDir(kind === 'topic-file' ? path.dirname(given) : given, kind);
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
      if (lookout) clearInterval(lookout);
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

function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then((s) => s.isDirectory(), () => false);
}

function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

function problem(dir: string, error: unknown): Diagnostic {
  return { file: dir, severity: 'error', rule: 'watch-failed', message: `cannot watch ${dir} for changes: ${(error as Error).message}` };
}
