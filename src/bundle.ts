/**
 * What dist/cli/dialogpack.cjs exports: the command line and the build worker, in one bundle so that
 * the main thread and every worker thread load the same file with the same V8 code cache
 * (src/load/load-bundle.ts).
 */
export { main } from './cli/main.js';

/** Imported on demand: a static import would run the build stages' module code on every start, `--version` included. */
export async function buildWorker(): Promise<void> {
  (await import('./pipeline/build-worker.js')).buildWorker();
}
