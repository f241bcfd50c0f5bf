/**
 * What dist/cli/dialogpack.cjs exports: the command line and the build worker, in one bundle so that
 * the main thread and every worker thread load the same file with the same V8 code cache
 * (src/load/load-bundle.ts).
 */
import { main } from './cli/main.js';
import type { BundleExports } from './load/load-bundle.js';

export { main };

/** Imported on demand: a static import would run the build stages' module code on every start, `--version` included. */
export async function buildWorker(): Promise<void> {
  (await import('./pipeline/build-worker.js')).buildWorker();
}

// The loader names these exports without importing this file (it runs first); this keeps the two alike.
void ({ main, buildWorker } satisfies BundleExports);
