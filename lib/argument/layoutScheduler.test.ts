// The layout scheduler with a fake worker: the newest input wins, at most one job runs and one
// waits, a layout never replaces a newer one, small inputs and worker-less browsers lay out in
// place, a broken worker falls back, and what the worker answers survives structured clone.
import { describe, expect, it } from 'vitest';
import { syntheticLayoutInput } from '@/bench/layout';
import { layoutGraph, layoutInputKey, type GraphLayout, type LayoutInput } from './layout';
import { LayoutScheduler, runLayoutJob, type LayoutJob, type LayoutReply } from './layoutScheduler';

/// A map of `n` units in a chain (u1 supports u0, u2 supports u1, …).
function chain(n: number): LayoutInput {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `u${i}`, width: 120, height: 40 }));
  const edges = nodes.slice(1).map((u, i) => ({ id: `r${i}`, from: [u.id], to: `u${i}` }));
  return { nodes, edges, mainClaimId: 'u0' };
}

const small = 10; // inputs of fewer nodes are laid out in place here

/// A scheduler over a fake worker that answers only when told to (`answer`), with what the real
/// worker would answer (or `error`).
function setup({ worker = true } = {}) {
  const posted: LayoutJob[] = [];
  const delivered: Array<{ key: string; layout: GraphLayout }> = [];
  const failures: string[] = [];
  let receive: ((reply: LayoutReply) => void) | null = null;
  let broken: (() => void) | null = null;
  let terminated = 0;
  let spawned = 0;
  const answered = new Set<number>();
  const scheduler = new LayoutScheduler({
    spawn: (onReply, onBroken) => {
      spawned++;
      if (!worker) return null;
      receive = onReply;
      broken = onBroken;
      return { postMessage: (job) => posted.push(structuredClone(job)), terminate: () => void terminated++ };
    },
    inPlace: (input) => input.nodes.length < small,
    deliver: (key, layout) => delivered.push({ key, layout }),
    fail: (error) => failures.push(error.message),
  });
  const request = (input: LayoutInput) => scheduler.request(layoutInputKey(input), input);
  /// Jobs posted and not answered yet: never more than one.
  const outstanding = () => posted.filter((j) => !answered.has(j.id));
  const answer = (error?: string) => {
    const [job] = outstanding();
    expect(job, 'a job is running').toBeDefined();
    answered.add(job.id);
    // Through structured clone, as a reply from a real worker arrives.
    receive!(structuredClone(error ? { id: job.id, error } : runLayoutJob(job)));
  };
  const keys = () => delivered.map((d) => d.key);
  return { scheduler, request, posted, outstanding, answer, delivered, keys, failures, breakWorker: () => broken!(), counts: () => ({ spawned, terminated }) };
}

const [a, b, c] = [chain(20), chain(21), chain(22)];
const key = layoutInputKey;

describe('LayoutScheduler', () => {
  it('lays a large map out in the worker and delivers the layout when it answers', () => {
    const s = setup();
    s.request(a);
    expect(s.posted.map((j) => j.input)).toEqual([a]);
    expect(s.delivered).toEqual([]);
    expect(s.scheduler.busy).toBe(true);
    s.answer();
    expect(s.keys()).toEqual([key(a)]);
    expect(s.delivered[0].layout).toEqual(layoutGraph(a));
    expect(s.scheduler.busy).toBe(false);
  });

  it('runs one job at a time and keeps only the newest waiting: the latest input wins', () => {
    const s = setup();
    s.request(a);
    s.request(b); // waits
    s.request(c); // replaces b
    expect(s.outstanding().map((j) => j.input)).toEqual([a]);
    s.answer();
    // a is newer than what is drawn (nothing): drawn at once; then c, never b.
    expect(s.keys()).toEqual([key(a)]);
    expect(s.outstanding().map((j) => j.input)).toEqual([c]);
    s.answer();
    expect(s.keys()).toEqual([key(a), key(c)]);
    expect(s.posted.map((j) => j.input)).toEqual([a, c]);
  });

  it('drops a running job’s layout once a newer request is answered in place', () => {
    const s = setup();
    s.request(a);
    const tiny = chain(3);
    s.request(tiny); // laid out in place, at once
    expect(s.keys()).toEqual([key(tiny)]);
    s.answer(); // a's layout is older than what is drawn
    expect(s.keys()).toEqual([key(tiny)]);
    expect(s.outstanding()).toEqual([]);
  });

  it('asks for nothing when the structure goes back to what is drawn, and drops what was running', () => {
    const s = setup();
    s.request(a);
    s.answer();
    s.request(b);
    s.request(a); // an undo: a is drawn
    s.answer(); // b's layout would be stale
    expect(s.keys()).toEqual([key(a)]);
    expect(s.posted.map((j) => j.input)).toEqual([a, b]);
  });

  it('lets the running job answer a request for its own input again', () => {
    const s = setup();
    s.request(a);
    s.request(b);
    s.request(a); // b is no longer wanted
    s.answer();
    expect(s.keys()).toEqual([key(a)]);
    expect(s.outstanding()).toEqual([]);
    expect(s.posted).toHaveLength(1);
  });

  it('does not ask again for a layout the caller already draws', () => {
    const posted: LayoutJob[] = [];
    const scheduler = new LayoutScheduler(
      { spawn: () => ({ postMessage: (j) => posted.push(j), terminate: () => {} }), inPlace: () => false, deliver: () => expect.unreachable(), fail: () => expect.unreachable() },
      key(a),
    );
    scheduler.request(key(a), a);
    expect(posted).toEqual([]);
  });

  it('lays small maps out in place without starting a worker', () => {
    const s = setup();
    const tiny = chain(small - 1);
    s.request(tiny);
    expect(s.keys()).toEqual([key(tiny)]);
    expect(s.delivered[0].layout).toEqual(layoutGraph(tiny));
    expect(s.counts().spawned).toBe(0);
  });

  it('lays everything out in place where there is no worker', () => {
    const s = setup({ worker: false });
    s.request(a);
    s.request(b);
    expect(s.keys()).toEqual([key(a), key(b)]);
    expect(s.delivered[1].layout).toEqual(layoutGraph(b));
    expect(s.counts().spawned).toBe(1); // asked once, not at every layout
  });

  it('falls back to laying out in place, the newest input only, when the worker breaks', () => {
    const s = setup();
    s.request(a);
    s.request(b);
    s.breakWorker();
    expect(s.keys()).toEqual([key(b)]);
    expect(s.counts().terminated).toBe(1);
    s.request(c);
    expect(s.keys()).toEqual([key(b), key(c)]);
    expect(s.posted).toHaveLength(1);
  });

  it('reports what the layout threw, and carries on with the next request', () => {
    const s = setup();
    s.request(a);
    s.request(b);
    s.answer('layout: layer assignment violates edge 1 → 2');
    expect(s.failures).toEqual(['layout: layer assignment violates edge 1 → 2']);
    expect(s.delivered).toEqual([]);
    s.answer();
    expect(s.keys()).toEqual([key(b)]);
  });

  it('delivers nothing after it is disposed, and stops the worker', () => {
    const s = setup();
    s.request(a);
    s.request(b);
    s.scheduler.dispose();
    s.answer();
    s.request(c);
    expect(s.delivered).toEqual([]);
    expect(s.posted).toHaveLength(1);
    expect(s.counts().terminated).toBe(1);
  });
});

describe('runLayoutJob', () => {
  it('answers with the layout in place, unchanged by structured clone (a worker’s reply)', () => {
    const input = syntheticLayoutInput(60, 80, 3, { deep: true });
    const reply = structuredClone(runLayoutJob({ id: 7, input: structuredClone(input) }));
    expect(reply).toEqual({ id: 7, layout: layoutGraph(input) });
    if (!('layout' in reply)) throw new Error('no layout');
    expect(reply.layout.nodes).toBeInstanceOf(Map);
    expect(reply.layout.edges.size).toBeGreaterThan(0);
  });

  it('answers with the message of what the layout threw', () => {
    const broken = { nodes: null, edges: [], mainClaimId: null } as unknown as LayoutInput;
    const reply = runLayoutJob({ id: 1, input: broken });
    expect(reply).toEqual({ id: 1, error: expect.any(String) });
  });
});
