/**
 * load: the paths a user named (topic folders or content roots) → "these topic folders changed", for
 * `dialogpack watch`; and, given a templates folder, "the templates changed".
 * Input: paths and callbacks. Output: a watcher that reports changed topic folders, debounced, and
 * problems as diagnostics. A watched folder that goes away (renamed, moved, deleted) is reported as
 * gone, never as changed, and looked for until it is back; then it counts as changed. The lookout also
 * keeps the process alive: without it, a watch whose only folder vanished would have nothing left to
 * wait for, and Node would end it.
 *
 * Each folder of a watched tree gets a watcher of its own, never one recursive watcher: on Linux, Node
 * 20's recursive watcher follows each file, and a file replaced by a "safe save" (write a temporary
 * file, rename it over the original, as many editors and `sed -i` do) or deleted and made again is a
 * new file it never follows, so every later save went unseen. A folder's own watcher reports whatever
 * lands under a name in it. With `poll`, the trees are listed and their files' sizes and times compared
 * every `pollMs` instead: the only way to see changes another machine makes on a network drive (SMB,
 * NFS), of which the file system sends no events.
 * Never: read the files' contents (a rebuild loads them through the pipeline) or decide what a change means.
 */
import { watch } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
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

/** How often `poll` compares the watched files: quick enough for a live preview, light on a network drive. */
export const pollIntervalMs = 1000;
/** A watched tree with more folders than this is not a topic; watching it would exhaust the system's watchers. */
const maxWatchedFolders = 2000;

interface Closable {
  close(): void;
}

/**
 * Editors save a file as several events (temp file, rename, chmod); one rebuild should follow. On Linux
 * the events of one save (a write, an append, vim's temp-and-rename) arrive within 0.1 ms of each other,
 * so 40 ms waits out a save with room to spare and leaves the rest of the 300 ms a save may take to
 * reach the PDF (issue #20) to the build. A writer slower than that (a copy onto a network drive) may
 * start a build early; the events after it queue another, which sees the whole file.
 */
const defaultDebounceMs = 40;
/** How often a folder that is gone is looked for. */
const lookoutMs = 500;

/** Swap and backup files of editors (vim's `4913` probe among them): a save, but not the saved file. */
const scratchName = /(^|\/)(\.[^/]*|node_modules|4913|[^/]*~|[^/]*\.sw[a-px])(\/|$)/;

export async function watchTopics(
  paths: readonly string[],
  callbacks: WatchCallbacks,
  options: { templatesDir?: string; debounceMs?: number; poll?: boolean; pollMs?: number } = {},
): Promise<TopicWatcher> {
  const debounceMs = options.debounceMs ?? defaultDebounceMs;
  const watchTree = (dir: string, onEvent: (name: string | null) => void, onError: (error: Error) => void) =>
    options.poll ? pollTree(dir, options.pollMs ?? pollIntervalMs, onEvent) : followTree(dir, onEvent, onError);
  const watchers: Closable[] = [];
  /** The watcher of each watched folder, and what the folder is. */
  const byDir = new Map<string, Closable>();
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
    let watcher: Closable;
    try {
      watcher = watchTree(
        dir,
        (name) => {
          if (name !== null && scratchName.test(name)) return;
          if (kind !== 'root') return changed(dir, true);
          const first = name?.split('/')[0];
          if (first) changed(path.join(dir, first), false);
          else schedule();
        },
        (error) => {
          // The folder went while being watched: gone, not a failure.
          void isDirectory(dir).then((there) => (there ? callbacks.onProblem(problem(dir, error)) : goneAway(dir)));
        },
      );
    } catch (error) {
      callbacks.onProblem(problem(dir, error));
      return false;
    }
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
      const watcher = watchTree(
        options.templatesDir,
        (name) => {
          if (name !== null && scratchName.test(name)) return;
          if (templatesTimer) clearTimeout(templatesTimer);
          templatesTimer = setTimeout(() => {
            templatesTimer = undefined;
            if (!closed) onTemplatesChange();
          }, debounceMs);
        },
        (error) => callbacks.onProblem(problem(options.templatesDir!, error)),
      );
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

/**
 * Watches `root` and every folder below it, each with a watcher of its own, and reports each event's
 * name relative to `root` (forward slashes; null when the system does not say). A folder made, renamed
 * or removed under it changes which folders are watched; the tree is listed again after such an event.
 * Throws when `root` itself cannot be watched.
 */
function followTree(root: string, onEvent: (name: string | null) => void, onError: (error: Error) => void): Closable {
  const folders = new Map<string, { watcher: ReturnType<typeof watch>; ino: number }>();
  let closed = false;
  let relisting = false;
  let again = false;
  const follow = (dir: string, ino: number) => {
    const watcher = watch(dir);
    watcher.on('change', (event, filename) => {
      const name = filename === null ? null : path.relative(root, path.join(dir, String(filename))).split(path.sep).join('/');
      // The root's own watcher names the root itself when it is renamed or removed; that is the root changing.
      onEvent(name === '' || name?.startsWith('..') ? null : name);
      if (event === 'rename') void relist();
    });
    watcher.on('error', (error) => {
      if (dir === root) onError(error);
      else void relist();
    });
    folders.set(dir, { watcher, ino });
  };
  const relist = async () => {
    if (relisting) {
      again = true;
      return;
    }
    relisting = true;
    try {
      do {
        again = false;
        const now = await listFolders(root);
        if (closed) return;
        for (const [dir, entry] of [...folders]) {
          if (dir === root || now.get(dir) === entry.ino) continue;
          entry.watcher.close();
          folders.delete(dir);
        }
        for (const [dir, ino] of now) {
          if (folders.has(dir) || closed) continue;
          try {
            follow(dir, ino);
          } catch {
            // Gone again already, or not readable: the next event lists the tree again.
          }
        }
      } while (again && !closed);
    } finally {
      relisting = false;
    }
  };
  follow(root, 0);
  void relist();
  return {
    close() {
      closed = true;
      for (const { watcher } of folders.values()) watcher.close();
      folders.clear();
    },
  };
}

/**
 * Compares `root`'s files (size, modification and change time, file number) every `intervalMs` and
 * reports each file added, changed or removed, relative to `root`; reports null while `root` is gone.
 */
function pollTree(root: string, intervalMs: number, onEvent: (name: string | null) => void): Closable {
  let previous: Map<string, string> | undefined;
  let busy = false;
  const look = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = await listFiles(root);
      if (!now) {
        onEvent(null);
        previous = undefined;
        return;
      }
      if (previous) {
        for (const [name, signature] of now) if (previous.get(name) !== signature) onEvent(name);
        for (const name of previous.keys()) if (!now.has(name)) onEvent(name);
      }
      previous = now;
    } finally {
      busy = false;
    }
  };
  void look();
  const timer = setInterval(() => void look(), intervalMs);
  return { close: () => clearInterval(timer) };
}

/** Every folder under `root` (not `root` itself) by its file number; symbolic links are not followed. */
async function listFolders(root: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const queue = [root];
  while (queue.length && found.size < maxWatchedFolders) {
    const dir = queue.shift()!;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isDirectory() || scratchName.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const info = await stat(full).catch(() => undefined);
      if (!info) continue;
      found.set(full, info.ino);
      queue.push(full);
    }
  }
  return found;
}

/** Each file under `root` with what tells a change, by its name relative to `root`; undefined when `root` is not a folder. */
async function listFiles(root: string): Promise<Map<string, string> | undefined> {
  if (!(await isDirectory(root))) return undefined;
  const found = new Map<string, string>();
  const queue = [root];
  let folders = 0;
  while (queue.length && folders++ < maxWatchedFolders) {
    const dir = queue.shift()!;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const name = path.relative(root, full).split(path.sep).join('/');
      if (scratchName.test(name)) continue;
      if (entry.isDirectory()) queue.push(full);
      else if (entry.isFile()) {
        const info = await stat(full).catch(() => undefined);
        if (info) found.set(name, `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`);
      }
    }
  }
  return found;
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
  const detail = (error as Error).message;
  return { file: dir, severity: 'error', rule: 'watch-failed', message: { da: `kan ikke holde øje med ændringer i ${dir}: ${detail}`, en: `cannot watch ${dir} for changes: ${detail}` } };
}
