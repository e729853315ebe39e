// A model test of saving: a user, another tab writing to the server, and a network that
// acknowledges, loses answers, is overloaded (503), refuses (413 as an HTML page, 422 naming an
// operation), and a page that reloads from its stored queue, with undo and redo in between.
// After every step the map shown is the queue applied to the confirmed map and the history
// fits it; nothing throws; in the end everything the user did is on the server or was reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChecked } from './check';
import { classifyAnswer } from './delivery';
import { rebaseHistory } from './history';
import { addUnitOp, removeUnitOp, setMainClaimOp, updateUnitOp, type Operation } from './operations';
import { adopt, hasUnsaved, initialSync, receive, restore, startBatch, enqueue, travel, unconfirmed, type Answer, type Batch, type SyncNotice, type SyncState, type StoredSync } from './sync';
import { emptyMap, type ArgumentMap } from './types';

const ctx = { textLength: 10, boundaries: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], labels: ['claim', 'evidence'] };

/// One change someone might make to `map`, or null when it makes no sense there.
function change(map: ArgumentMap, kind: number, a: number, b: number, newId: () => string): Operation | null {
  const units = map.units;
  const pick = (n: number) => units[n % units.length];
  switch (kind % 5) {
    case 0: {
      const start = a % 9;
      const end = start + 1 + (b % (9 - start));
      return addUnitOp({ id: newId(), label: ctx.labels[b % 2], start, end, note: '' });
    }
    case 1:
      return units.length ? removeUnitOp(map, pick(a).id) : null;
    case 2:
      return units.length ? updateUnitOp(map, pick(a).id, b % 2 ? { note: `n${b % 3}` } : { label: ctx.labels[b % 2] }) : null;
    case 3:
      return units.length ? { op: 'addRelation', relation: { id: newId(), type: (a + b) % 2 ? 'attack' : 'support', from: [pick(a).id], to: pick(b).id, note: '' } } : null;
    default:
      return setMainClaimOp(map, units.length && a % 3 ? pick(b).id : null);
  }
}

/// The server: applies a batch once (by its id), at the version it was made against.
class Server {
  version = 0;
  map: ArgumentMap = emptyMap;
  applied = new Map<string, Operation[]>();

  post(batch: Batch): { status: number; body: unknown } {
    if (this.applied.has(batch.batchId)) return { status: 200, body: { version: this.version, map: this.map, duplicate: true } };
    if (batch.baseVersion !== this.version) return { status: 409, body: { error: 'stale', version: this.version, map: this.map } };
    const result = applyChecked(this.map, batch.operations, ctx);
    if (!result.ok) return { status: 422, body: { error: 'refused', index: result.index, reason: result.error } };
    this.map = result.map;
    this.version++;
    this.applied.set(batch.batchId, batch.operations);
    return { status: 200, body: { version: this.version } };
  }

  write(operation: Operation | null) {
    const result = operation && applyChecked(this.map, [operation], ctx);
    if (!result?.ok) return;
    this.map = result.map;
    this.version++;
  }
}

type Action =
  | { t: 'edit'; who: 'me' | 'them'; kind: number; a: number; b: number }
  | { t: 'send'; outcome: 'ack' | 'lost' | 'busy' | 'tooLarge' | 'refuseOne'; pick: number }
  | { t: 'reload' }
  /// The tab regains focus with nothing unsent: it picks up the server's map.
  | { t: 'focus' }
  | { t: 'undo' }
  | { t: 'redo' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('edit' as const), who: fc.constantFrom('me' as const, 'them' as const), kind: fc.nat(), a: fc.nat(), b: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('send' as const), outcome: fc.constantFrom('ack' as const, 'ack' as const, 'lost' as const, 'busy' as const, 'tooLarge' as const, 'refuseOne' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('reload' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('focus' as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('undo' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('redo' as const) }) },
);

const key = (operation: Operation) => JSON.stringify(operation);

function run(actions: Action[]) {
  const server = new Server();
  let s: SyncState = initialSync(0, emptyMap);
  let stored: string | null = null; // what localStorage holds
  let ids = 0;
  const newId = () => `x${ids++}`;
  const queued = new Set<string>();
  const reported = new Set<string>();

  const tell = (notice: SyncNotice | null) => {
    if (notice?.kind === 'conflict') notice.dropped.forEach((o) => reported.add(key(o)));
    if (notice?.kind === 'refused') [...notice.refused, ...notice.dropped].forEach((o) => reported.add(key(o)));
  };
  const update = (next: SyncState) => {
    for (const o of next.pending) queued.add(key(o));
    s = next;
    stored = hasUnsaved(s) ? JSON.stringify({ mapId: 'm', inFlight: s.inFlight, pending: s.pending } satisfies StoredSync) : null;
    check();
  };
  const answer = (a: Answer) => {
    const result = receive(s, a, ctx);
    update(result.state);
    tell(result.notice);
    if (result.fetchMap) {
      const adopted = adopt(s, { version: server.version, map: server.map }, ctx);
      update(adopted.state);
      tell(adopted.notice);
    }
  };
  const send = (outcome: Extract<Action, { t: 'send' }>['outcome'], pick: number) => {
    if (!s.inFlight) {
      const started = startBatch(s, newId());
      if (!started) return;
      update(started.state);
    }
    const batch = s.inFlight!;
    if (outcome === 'ack' || outcome === 'lost') {
      const res = server.post(batch);
      if (outcome === 'ack') answer(classifyAnswer(res.status, JSON.stringify(res.body), null, 0));
      else answer({ kind: 'retry', why: 'offline', retryAfterMs: null });
    } else if (outcome === 'busy') answer(classifyAnswer(503, '{"error":"busy"}', '2', 0));
    else if (outcome === 'tooLarge') answer(classifyAnswer(413, '<html><body><h1>413 Request Entity Too Large</h1></body></html>', null, 0));
    else answer(classifyAnswer(422, JSON.stringify({ error: 'no', index: pick % batch.operations.length, reason: 'no' }), null, 0));
  };

  function focus() {
    if (hasUnsaved(s)) return;
    const adopted = adopt(s, { version: server.version, map: server.map }, ctx);
    update(adopted.state);
    tell(adopted.notice);
  }

  /// The invariants: the map shown is the queue applied to the confirmed map (after a reload,
  /// without an in-flight batch that no longer fits it: applied already, or to be refused), and
  /// the whole history can be undone and redone on it.
  function check() {
    const all = applyChecked(s.confirmed.map, unconfirmed(s), ctx);
    if (all.ok) expect(s.local).toEqual(all.map);
    else {
      expect(s.inFlight).not.toBeNull();
      const pendingOnly = applyChecked(s.confirmed.map, s.pending, ctx);
      expect(pendingOnly.ok && pendingOnly.map).toEqual(s.local);
    }
    expect(rebaseHistory(s.history, s.local, ctx).dropped).toBe(0);
  }

  for (const a of actions) {
    if (a.t === 'edit') {
      if (a.who === 'them') server.write(change(server.map, a.kind, a.a, a.b, newId));
      else {
        const operation = change(s.local, a.kind, a.a, a.b, newId);
        const result = operation && enqueue(s, [operation], ctx);
        if (result?.ok) update(result.state);
      }
    } else if (a.t === 'send') send(a.outcome, a.pick);
    else if (a.t === 'reload') {
      const restored = restore(initialSync(server.version, server.map), stored && (JSON.parse(stored) as StoredSync), ctx);
      update(restored.state);
      tell(restored.notice);
    } else if (a.t === 'focus') focus();
    else {
      const step = travel(s, a.t, ctx);
      // The history always fits the map shown, so a step is refused only when there is none.
      if (!step.ok) expect(step.reason).toBe('empty');
      update(step.state);
    }
  }

  // The network comes back: everything is sent and answered.
  for (let i = 0; i < 100 && hasUnsaved(s); i++) send('ack', 0);
  expect(hasUnsaved(s)).toBe(false);
  focus();
  expect(s.confirmed).toEqual({ version: server.version, map: server.map });
  expect(s.local).toEqual(server.map);
  // Never a silent drop: each change queued is on the server, or the user was told.
  const saved = new Set([...server.applied.values()].flat().map(key));
  for (const k of queued) expect(saved.has(k) || reported.has(k), k).toBe(true);
}

describe('saving, as a model', () => {
  it('shows the queue on the confirmed map, never throws, and loses nothing silently', () => {
    fc.assert(fc.property(fc.array(action, { maxLength: 60 }), run), { numRuns: 300 });
  });
});
