import { Worker } from 'node:worker_threads';
import type { TopicResult } from './build-topic.js';
import type { WorkerTask } from './build-worker.js';

/**
 * Builds topics on worker threads: each worker parses the fonts once and keeps them for
 * all its topics. Results come back as they finish, through `onResult`, in any order.
 */
export async function buildInPool(
  tasks: Omit<WorkerTask, 'id'>[],
  workers: number,
  templatesDir: string | undefined,
  onResult: (index: number, result: TopicResult) => Promise<void>,
): Promise<void> {
  const queue = tasks.map((task, id) => ({ ...task, id }));
  // Workers boot through the same loader as the CLI, so they share its bundle and code cache.
  const entry = new URL('./load-bundle.cjs', import.meta.url);
  const pool = Array.from({ length: Math.min(workers, queue.length) }, () => new Worker(entry, { workerData: { role: 'build-worker', templatesDir } }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const task = queue.shift();
              if (!task) return resolve();
              worker.postMessage(task);
            };
            worker.on('message', (message: { id: number; result?: TopicResult; error?: string }) => {
              if (message.error !== undefined) return reject(new Error(`worker failed on ${tasks[message.id].dir}: ${message.error}`));
              // Bytes arrive as plain Uint8Arrays after cloning; nothing else needs restoring.
              onResult(message.id, message.result!).then(next, reject);
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
