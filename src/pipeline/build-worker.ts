/**
 * A worker thread of a build: it keeps its own fonts and templates for every topic it is given, builds
 * one topic per message and sends the result back, or the error that stopped it (the pool makes that
 * the topic's diagnostic). It never writes files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildOptions } from './build-options.js';
import { buildTopic } from './build-topic.js';
import { sharedResources } from './shared-resources.js';

export interface WorkerTask {
  id: number;
  dir: string;
  options: Omit<BuildOptions, 'paths' | 'outDir'>;
  /** Render the PDFs (build), or stop after layout (check). */
  render: boolean;
}

/** Serves build tasks on this worker thread's port until the pool terminates it. */
export function buildWorker(): void {
  const port = parentPort!;
  const { templatesDir } = workerData as { templatesDir?: string };
  // Loaded before the first task comes: the pool starts workers early, while the main thread is still
  // finding the topics, so fonts, templates and the stages are ready when it has work. A failure here
  // is reported with the first task.
  const prepared = sharedResources(templatesDir);
  prepared.catch(() => {});
  void Promise.all([import('../compose/compose-document.js'), import('../layout/layout-document.js'), import('../render/render-pdf.js')]).catch(() => {});
  port.on('message', async (task: WorkerTask) => {
    try {
      const { shared } = await prepared;
      const result = await buildTopic(task.dir, task.options, shared, task.render);
      port.postMessage({ id: task.id, result });
    } catch (error) {
      port.postMessage({ id: task.id, error: (error as Error).stack ?? String(error) });
    }
  });
}
