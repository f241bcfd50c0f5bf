import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TopicResult } from './build-topic.js';
import type { WorkerTask } from './build-worker.js';

/**
 * Builds topics on worker threads: each worker parses the fonts once and keeps them for
 * all its topics. Results come back as they finish, through `onResult`, in any order.
 *
 * A topic never stops another: an exception while building it, in the worker's code or a dependency's,
 * comes back as that topic's error; a worker that dies (an uncaught error, running out of memory, or
 * exiting without a word) fails the topic it had and is replaced for the topics still waiting.
 */
export async function buildInPool(
  tasks: Omit<WorkerTask, 'id'>[],
  workers: number,
  templatesDir: string | undefined,
  onResult: (index: number, result: TopicResult) => Promise<void>,
  options: { entry?: URL } = {},
): Promise<void> {
  const pool = startPool(Math.min(workers, tasks.length), templatesDir, options);
  try {
    await pool.run(tasks, onResult);
  } finally {
    await pool.close();
  }
}

export interface BuildPool {
  /** Builds the tasks on the pool's workers; resolves once every result has been handed on. */
  run(tasks: Omit<WorkerTask, 'id'>[], onResult: (index: number, result: TopicResult) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the workers at once, before there is work for them: a worker takes about as long to load the
 * bundle, fonts and templates as the main thread takes to find the topics and read the old manifest,
 * so a cold build that starts them first has them ready when the topics are.
 */
export function startPool(size: number, templatesDir: string | undefined, options: { entry?: URL } = {}): BuildPool {
  // Workers boot through the same loader as the CLI, so they share its bundle and code cache.
  const entry = options.entry ?? new URL('./load-bundle.cjs', import.meta.url);
  const live = new Set<Worker>();
  /** Workers started and not yet given work, and why any of them stopped before it got some. */
  const waiting: Worker[] = [];
  const spawn = () => {
    const worker = new Worker(entry, { workerData: { role: 'build-worker', templatesDir } });
    live.add(worker);
    worker.on('exit', () => {
      live.delete(worker);
      const at = waiting.indexOf(worker);
      if (at >= 0) waiting.splice(at, 1);
    });
    // Until run() listens, an error only ends the worker ('exit' follows), and run() starts another.
    worker.on('error', () => {});
    return worker;
  };
  for (let i = 0; i < size; i++) waiting.push(spawn());

  return {
    run(tasks, onResult) {
      const queue = tasks.map((task, id) => ({ ...task, id }));
      let delivered = 0;
      return new Promise<void>((resolve, reject) => {
        if (!tasks.length) return resolve();
        const deliver = (id: number, result: TopicResult) =>
          onResult(id, result).then(() => {
            if (++delivered === tasks.length) resolve();
          }, reject);
        const serve = (worker: Worker) => {
          let current: (typeof queue)[number] | undefined;
          let failure: Error | undefined;
          const next = () => {
            current = queue.shift();
            if (current) worker.postMessage(current);
          };
          worker.on('message', (message: { id: number; result?: TopicResult; error?: string }) => {
            if (!current || message.id !== current.id) return;
            const task = current;
            current = undefined;
            // Bytes arrive as plain Uint8Arrays after cloning; nothing else needs restoring.
            const result = message.error !== undefined ? crashedTopic(task.dir, new Error(message.error)) : message.result!;
            deliver(task.id, result).then(next, reject);
          });
          worker.on('error', (error) => {
            failure = error;
          });
          worker.on('exit', (code) => {
            if (!current) return;
            const task = current;
            current = undefined;
            const why = failure ?? new Error(`the build thread stopped (exit code ${code}) without finishing it`);
            void deliver(task.id, crashedTopic(task.dir, why));
            if (queue.length) serve(spawn());
          });
          next();
        };
        const ready = waiting.splice(0);
        // One worker at least, and more only while there are topics for them.
        while (ready.length < Math.min(Math.max(size, 1), queue.length)) ready.push(spawn());
        for (const worker of ready.slice(0, queue.length)) serve(worker);
      });
    },
    async close() {
      await Promise.all([...live].map((w) => w.terminate()));
    },
  };
}

/**
 * A topic whose build threw: its error, placed at its topic.yaml. Content makes it happen (a file
 * that trips a dependency), so it counts as a content error of that topic, and the other topics build.
 */
export function crashedTopic(dir: string, error: Error): TopicResult {
  // A worker sends the stack, whose first line is `Error: message`.
  const first = ((error.message || String(error)).split('\n').find((line) => line.trim()) ?? 'unknown error').replace(/^\s*\w*Error: /, '');
  return {
    dir,
    outputs: [],
    diagnostics: [
      {
        file: path.join(dir, 'topic.yaml'),
        severity: 'error',
        rule: 'build-crashed',
        message: {
          da: `dialogpack stoppede med en fejl, mens emnet blev bygget, og lavede ingen af dets PDF-filer: ${first.trim()}`,
          en: `dialogpack stopped with an error while building this topic, and built none of its PDFs: ${first.trim()}`,
        },
        hint: {
          da: 'noget i emnet (et billede, en usædvanlig fil) får dialogpack til at fejle; de andre emner blev bygget. Meld det gerne, med filerne, hvis du kan',
          en: 'something in this topic (an image, an unusual file) trips dialogpack; the other topics were built. Please report it, with the files if you can',
        },
      },
    ],
  };
}
