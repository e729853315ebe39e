// Schedules the map view's layouts (./layout's `layoutGraph`) so that computing one never
// freezes the page: each runs in a Web Worker (./layout.worker), one at a time, and the newest
// input wins. Pure (no React, no DOM): the worker is handed in as a port, so tests drive it with
// a fake one.
//
// Invariants:
// - At most one job is running in the worker and at most one is pending; a newer request
//   replaces the pending one (no backlog of layouts nobody will see).
// - A layout is delivered only if it answers a request newer than the one the last delivered
//   layout answered: a layout never replaces a newer one. An older job's result that arrives
//   while a newer one waits is still delivered (it is newer than what is drawn).
// - A request for what was last delivered (an undo back to the drawn structure) computes
//   nothing and makes the running job's result stale.
// - Small inputs (`inPlace`), and every input where there is no worker (jsdom, old browsers) or
//   the worker failed, are laid out at once on the calling thread: same function, same result.
// - Results are the same wherever they are computed: the worker runs `runLayoutJob` too, and
//   its `GraphLayout` (Maps of plain objects) survives structured clone.
import { layoutGraph, type GraphLayout, type LayoutInput } from './layout';

/// What the scheduler posts to the worker.
export interface LayoutJob {
  id: number;
  input: LayoutInput;
}

/// What the worker answers: the layout, or the message of what `layoutGraph` threw.
export type LayoutReply = { id: number; layout: GraphLayout } | { id: number; error: string };

/// The worker as the scheduler sees it (a `Worker` fits).
export interface LayoutWorkerPort {
  postMessage(job: LayoutJob): void;
  terminate(): void;
}

export interface LayoutSchedulerOptions {
  /// Starts the worker (at the first job that needs one); null where there is none. `receive`
  /// gets its replies; `broken` is called if it fails to load or dies.
  spawn: (receive: (reply: LayoutReply) => void, broken: () => void) => LayoutWorkerPort | null;
  /// Whether an input is small enough to lay out in place (a round trip would show).
  inPlace: (input: LayoutInput) => boolean;
  /// A layout to draw: the one for `key`.
  deliver: (key: string, layout: GraphLayout) => void;
  /// `layoutGraph` threw.
  fail: (error: Error) => void;
}

/// One layout, as the worker and the in-place path both compute it.
export function runLayoutJob(job: LayoutJob): LayoutReply {
  try {
    return { id: job.id, layout: layoutGraph(job.input) };
  } catch (e) {
    return { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
}

interface Request {
  /// Order of the request (a later request has a larger one).
  seq: number;
  key: string;
  input: LayoutInput;
}

export class LayoutScheduler {
  private seq = 0;
  /// The request the last delivered layout answered (0: none).
  private deliveredSeq = 0;
  private deliveredKey: string | null;
  private running: (Request & { id: number }) | null = null;
  private pending: Request | null = null;
  private nextId = 1;
  /// undefined: not started yet; null: none (or it failed).
  private worker: LayoutWorkerPort | null | undefined = undefined;
  private disposed = false;

  /// `drawnKey`: the key of a layout the caller already draws (none asked for it again).
  constructor(
    private readonly options: LayoutSchedulerOptions,
    drawnKey: string | null = null,
  ) {
    this.deliveredKey = drawnKey;
  }

  /// Asks for the layout of `input` (whose `layoutInputKey` is `key`).
  request(key: string, input: LayoutInput): void {
    if (this.disposed) return;
    const seq = ++this.seq;
    if (key === this.deliveredKey) {
      // Already drawn: whatever was asked since is superseded.
      this.pending = null;
      this.deliveredSeq = seq;
      return;
    }
    if (this.running?.key === key) {
      // The running job answers this request.
      this.running.seq = seq;
      this.pending = null;
      return;
    }
    const request = { seq, key, input };
    if (this.options.inPlace(input) || this.startWorker() === null) {
      this.pending = null;
      this.settle(request, runLayoutJob({ id: 0, input }));
      return;
    }
    this.pending = request;
    if (!this.running) this.startPending();
  }

  /// Whether a job is running or waiting.
  get busy(): boolean {
    return this.running !== null || this.pending !== null;
  }

  /// Stops the worker; nothing is delivered after this.
  dispose(): void {
    this.disposed = true;
    this.running = null;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private startWorker(): LayoutWorkerPort | null {
    if (this.worker === undefined) {
      this.worker = this.options.spawn(
        (reply) => this.receive(reply),
        () => this.broken(),
      );
    }
    return this.worker;
  }

  private startPending(): void {
    const request = this.pending!;
    this.pending = null;
    this.running = { ...request, id: this.nextId++ };
    this.worker!.postMessage({ id: this.running.id, input: request.input });
  }

  private receive(reply: LayoutReply): void {
    const job = this.running;
    if (this.disposed || !job || reply.id !== job.id) return;
    this.running = null;
    this.settle(job, reply);
    if (this.pending && !this.disposed) this.startPending();
  }

  /// The worker could not load or died: its job, and all later ones, are laid out in place.
  private broken(): void {
    if (this.disposed) return;
    this.worker?.terminate();
    this.worker = null;
    // Only the newest is worth computing: it supersedes the running one.
    const newest = this.pending ?? this.running;
    this.running = null;
    this.pending = null;
    if (newest) this.settle(newest, runLayoutJob({ id: 0, input: newest.input }));
  }

  private settle(request: Request, reply: LayoutReply): void {
    if (request.seq <= this.deliveredSeq) return; // a newer request was answered already
    if ('error' in reply) {
      this.options.fail(new Error(reply.error));
      return;
    }
    this.deliveredSeq = request.seq;
    this.deliveredKey = request.key;
    this.options.deliver(request.key, reply.layout);
  }
}
