// A queue that bounds how much of the machine one kind of work may take: at most `concurrency`
// jobs at once, at most `maxWaiting` waiting (more are refused at once with QueueFullError,
// before any of their work is done), and — while `contended()` says other work is waiting for
// the CPU — after each job its slot rests for a time proportional to the job's, so the jobs take
// at most `share` of a slot's time, and at least long enough that job and rest last
// `minCycleMs`: a bound on the rate of jobs, for work that also costs CPU the job's wall time
// does not show (its request's handling and garbage on the server's own threads, its database
// round trips). The sign-in and sign-up routes run through one
// (app/api/auth/_lib/auth-route.ts): a flood of sign-ins (argon2id, 20–60 ms of CPU each) then
// queues behind itself and leaves the cores to the class's saves, instead of starving them.
//
// Invariants: jobs start in arrival order; a refused job never ran; a job's failure frees its
// slot like a success (and rests the same); the clock and the wait are injectable for tests.

export class QueueFullError extends Error {
  constructor(
    readonly waiting: number,
    /// Whole seconds after which a slot is likely free (at least 1).
    readonly retryAfterSeconds: number,
  ) {
    super(`the server is busy (${waiting} requests of this kind waiting): try again in ${retryAfterSeconds} s`);
    this.name = 'QueueFullError';
  }
}

export interface DutyQueueOptions {
  concurrency: number;
  maxWaiting: number;
  /// The most of a slot's time the jobs may take while contended (0 < share ≤ 1).
  share: number;
  /// While contended, the least time from one job's start in a slot to the next's (default 0).
  minCycleMs?: number;
  /// Whether other work wants the CPU now (checked when a job ends); no rest when it does not.
  contended?: () => boolean;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
}

export interface DutyQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
  stats(): { running: number; waiting: number; maxRunning: number };
}

export function createDutyQueue(options: DutyQueueOptions): DutyQueue {
  const { concurrency, maxWaiting, share, minCycleMs = 0 } = options;
  const now = options.now ?? (() => performance.now());
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const contended = options.contended ?? (() => true);
  const waiting: Array<() => void> = [];
  let running = 0;
  let maxRunning = 0;
  /// A recent job's length plus its rest: what a place in the queue costs, for Retry-After.
  let lastCycleMs = 0;

  function start() {
    while (running < concurrency && waiting.length > 0) {
      running++;
      maxRunning = Math.max(maxRunning, running);
      waiting.shift()!();
    }
  }

  async function finish(startedAt: number) {
    const took = now() - startedAt;
    const rest = contended() ? Math.max(took * (1 / share - 1), minCycleMs - took) : 0;
    lastCycleMs = took + rest;
    if (rest > 0) await wait(rest);
    running--;
    start();
  }

  return {
    async run(job) {
      if (running >= concurrency && waiting.length >= maxWaiting) {
        const seconds = Math.max(1, Math.ceil(((waiting.length / concurrency) * lastCycleMs) / 1000));
        throw new QueueFullError(waiting.length, seconds);
      }
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        start();
      });
      const startedAt = now();
      try {
        return await job();
      } finally {
        void finish(startedAt);
      }
    },
    stats: () => ({ running, waiting: waiting.length, maxRunning }),
  };
}
