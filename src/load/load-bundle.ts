/**
 * load, of the program itself: dist/cli/dialogpack.cjs, the whole CLI in one CommonJS file, with the
 * V8 code cache that `npm run build` trained on the bundled topics (scripts/bundle.mjs). A cold run
 * then deserialises bytecode instead of parsing and compiling 1.5 MB of JavaScript function by
 * function (docs/performance.md). The same file is the entry of each build worker thread.
 * Input: the bundle and its cache beside this file. Output: the bundle's exports.
 * Never: write the cache, or fail for want of it: a missing or stale cache only means V8 compiles as usual.
 */
import { readFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { isMainThread, workerData } from 'node:worker_threads';

export const bundleFile = fileURLToPath(new URL('./dialogpack.cjs', import.meta.url));
export const codeCacheFile = `${bundleFile}.v8cache`;

/** What the bundle exports (src/bundle.ts, which checks that it does): the loader runs before it, so it names them itself. */
export interface BundleExports {
  main(argv: string[]): Promise<number>;
  buildWorker(): Promise<void>;
}

export interface LoadedBundle {
  exports: BundleExports;
  /** The compiled bundle, for scripts/bundle.mjs to take the code cache from after a training run. */
  script: Script;
  /** Whether V8 took the code cache (false when there was none, or it was made by another Node or V8 flags). */
  cacheAccepted: boolean;
}

export function loadBundle(options: { cache?: boolean } = {}): LoadedBundle {
  const source = readFileSync(bundleFile, 'utf8');
  let cachedData: Buffer | undefined;
  if (options.cache !== false) {
    try {
      cachedData = readFileSync(codeCacheFile);
    } catch {
      // No cache (a build without training): compile as usual.
    }
  }
  const script = new Script(wrap(source), { filename: bundleFile, cachedData });
  const module = { exports: {} as BundleExports };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, fileURLToPath(new URL('.', import.meta.url)));
  return { exports: module.exports, script, cacheAccepted: !!cachedData && !script.cachedDataRejected };
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === 'build-worker') void loadBundle().exports.buildWorker();
