/**
 * A worker thread of a parallel build: it keeps its own fonts and templates for every topic it is
 * given, builds one topic per message and sends the result back. It never writes files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildOptions } from './build-options.js';
import { buildTopic } from './build-topic.js';
import { sharedResources } from './shared-resources.js';

export interface WorkerTask {
  id: number;
  dir: string;
  options: Omit<BuildOptions, 'paths' | 'outDir'>;
  previousHash?: string;
}

/** Serves build tasks on this worker thread's port until the pool terminates it. */
export function buildWorker(): void {
  const port = parentPort!;
  const { templatesDir } = workerData as { templatesDir?: string };
  port.on('message', async (task: WorkerTask) => {
    try {
      const { shared } = await sharedResources(templatesDir);
      const result = await buildTopic(task.dir, task.options, shared, true, task.previousHash);
      port.postMessage({ id: task.id, result });
    } catch (error) {
      port.postMessage({ id: task.id, error: (error as Error).stack ?? String(error) });
    }
  });
}
