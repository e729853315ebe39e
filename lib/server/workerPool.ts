// Runs CPU-heavy work (argon2id, map imports, class exports: the table in ./tasks.ts) on worker
// threads, so that one request's hashing or parsing never stops the event loop every other
// request is waiting on. SERVER AND CLI ONLY.
//
// Invariants:
// - At most `size` tasks run at once (default: one less than the cores, at least 1, at most 4;
//   RONTEN_WORKER_THREADS overrides). More wait in a FIFO queue, so the pool never takes the
//   event loop's core. (Sign-ins are further held to a share of one core, and refused beyond a
//   depth, by the credential queue in app/_shared/overload.ts.)
// - Workers start on first use and stay; an idle one is unref'd (it never keeps a CLI or a test
//   run alive), a busy one ref'd (the process waits for the answer);
//   a worker that dies fails its task and is replaced on the next one.
// - The worker is the plain ESM file ./worker.mjs, found from process.cwd() (like kuromoji's
//   dictionary) so that the Next production build, vitest and the tsx CLI all run the same file;
//   it loads ./tasks.ts through tsx, a runtime dependency.
// - Inputs and outputs cross by structured clone: plain data only. A task's error comes back
//   as an Error with the same message (and name).
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

export const WORKER_THREADS_ENV = 'RONTEN_WORKER_THREADS';

interface Job {
  task: TaskName;
  input: unknown;
  transfer: Transferable[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export interface WorkerPool {
  /// `transfer`: buffers inside `input` handed to the worker instead of copied (the caller must
  /// not use them afterwards), e.g. a request body.
  run<K extends TaskName>(task: K, input: TaskInput<K>, transfer?: Transferable[]): Promise<TaskOutput<K>>;
  /// Tasks running now, waiting, and the most that ever ran at once (for tests and the bench).
  stats(): { running: number; queued: number; maxRunning: number; size: number };
  close(): Promise<void>;
}

export function defaultPoolSize(): number {
  const fromEnv = Number(process.env[WORKER_THREADS_ENV]);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export function createWorkerPool(size = defaultPoolSize()): WorkerPool {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib/server/worker.mjs');
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let maxRunning = 0;

  const running = () => slots.filter((s) => s.job).length;

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(/*turbopackIgnore: true*/ file, { execArgv: [] }), job: null };
    slot.worker.on('message', (msg: { output?: unknown; error?: { name: string; message: string } }) => {
      const job = slot.job;
      slot.job = null;
      slot.worker.unref();
      if (job) {
        if (msg.error) job.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
        else job.resolve(msg.output);
      }
      next();
    });
    const fail = (error: Error) => {
      slots.splice(slots.indexOf(slot), 1);
      slot.job?.reject(error);
      slot.job = null;
      next();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`worker thread exited with code ${code}`));
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    slot.worker.unref();
    slots.push(slot);
    return slot;
  }

  function next() {
    while (queue.length > 0) {
      const slot = slots.find((s) => !s.job) ?? (slots.length < size ? spawn() : null);
      if (!slot) return;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // a task in flight keeps the process alive; an idle worker does not
      maxRunning = Math.max(maxRunning, running());
      slot.worker.postMessage({ task: job.task, input: job.input }, job.transfer as never);
    }
  }

  return {
    run(task, input, transfer = []) {
      return new Promise((resolve, reject) => {
        queue.push({ task, input, transfer, resolve: resolve as (v: unknown) => void, reject });
        next();
      });
    },
    stats: () => ({ running: running(), queued: queue.length, maxRunning, size }),
    async close() {
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

// One pool per process, on globalThis for the same reason as kuromoji's dictionary: Next may
// evaluate a server module more than once, and each copy must not start its own threads.
const POOL_KEY = Symbol.for('ronten.lib.server.workerPool');

/// Runs `task` on the process's shared pool.
export function runTask<K extends TaskName>(task: K, input: TaskInput<K>, transfer?: Transferable[]): Promise<TaskOutput<K>> {
  return sharedPool().run(task, input, transfer);
}

/// The process's shared pool (started on first use).
export function sharedPool(): WorkerPool {
  const g = globalThis as typeof globalThis & { [POOL_KEY]?: WorkerPool };
  return (g[POOL_KEY] ??= createWorkerPool());
}
