import { describe, expect, it } from 'vitest';
import { addUnitOp, apply, updateUnitOp, type Operation } from './operations';
import { applyChecked } from './check';
import { acknowledge, enqueue, hasUnsaved, initialSync, maxBatchOperations, rebase, receive, restore, reuseUnchanged, startBatch, travel, type SyncState } from './sync';
import { emptyMap } from './types';

const ctx = { textLength: 10, boundaries: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], labels: ['claim'] };
const u = (id: string, start: number, end: number) => ({ id, label: 'claim', start, end, note: '' });
/// `s` with `operations` queued, which must apply.
function queue(s: SyncState, operations: Operation[]) {
  const result = enqueue(s, operations, ctx);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}
/// The map a state shows, checked against working it out afresh from the state's operations.
function shown(s: SyncState) {
  const all = applyChecked(s.confirmed.map, [...(s.inFlight?.operations ?? []), ...s.pending], ctx);
  expect(all.ok && all.map).toEqual(s.local);
  return s.local;
}

describe('sync', () => {
  it('sends pending operations as one batch and confirms them on acknowledgement', () => {
    let s = queue(initialSync(1, emptyMap), [addUnitOp(u('a', 0, 2))]);
    const started = startBatch(s, 'b1')!;
    expect(started.batch).toEqual({ batchId: 'b1', baseVersion: 1, operations: [addUnitOp(u('a', 0, 2))] });
    s = queue(started.state, [addUnitOp(u('b', 2, 3))]);
    expect(startBatch(s, 'b2')).toBeNull(); // one batch at a time
    expect(shown(s).units.map((x) => x.id)).toEqual(['a', 'b']);
    s = acknowledge(s, 2, ctx)!;
    expect(s.confirmed.version).toBe(2);
    expect(s.confirmed.map.units.map((x) => x.id)).toEqual(['a']);
    expect(s.pending).toHaveLength(1);
    const next = startBatch(s, 'b2')!;
    expect(next.batch.baseVersion).toBe(2);
    expect(hasUnsaved(acknowledge(next.state, 3, ctx)!)).toBe(false);
  });

  it('keeps the local map as operations arrive and are confirmed, without replaying them', () => {
    let s = queue(initialSync(1, emptyMap), [addUnitOp(u('a', 0, 2))]);
    const a = s.local.units[0];
    s = queue(s, [addUnitOp(u('b', 2, 3))]);
    s = startBatch(s, 'b1')!.state;
    s = acknowledge(s, 2, ctx)!;
    // The same object: views keyed on identity (the essay's boxes, the list) redo nothing for it.
    expect(shown(s).units[0]).toBe(a);
  });

  it('refuses operations that do not fit the map as it is now, and changes nothing', () => {
    // Made against a view a render behind: the unit was already added meanwhile.
    const s = queue(initialSync(1, emptyMap), [addUnitOp(u('a', 0, 2))]);
    const again = enqueue(s, [addUnitOp(u('a', 0, 2))], ctx);
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/already exists/) });
    const sent = acknowledge(startBatch(s, 'b1')!.state, 2, ctx)!;
    expect(shown(sent).units.map((x) => x.id)).toEqual(['a']);
  });

  it('rebases unconfirmed operations onto a newer server map', () => {
    let s = queue(initialSync(1, emptyMap), [addUnitOp(u('mine', 0, 2))]);
    s = startBatch(s, 'b1')!.state;
    const server = { version: 4, map: apply(emptyMap, addUnitOp(u('theirs', 5, 6))) };
    const result = rebase(s, server, ctx);
    expect(result.notice).toEqual({ kind: 'merged', droppedHistory: 0 });
    expect(result.state.confirmed).toEqual(server);
    expect(result.state.inFlight).toBeNull();
    expect(shown(result.state).units.map((x) => x.id)).toEqual(['mine', 'theirs']);
    expect(startBatch(result.state, 'b2')!.batch.baseVersion).toBe(4);
  });

  it('reports operations that conflict with the newer map instead of forcing them', () => {
    const base = apply(emptyMap, addUnitOp(u('a', 0, 2)));
    let s = queue(initialSync(2, base), [updateUnitOp(base, 'a', { note: 'mine' })]);
    const server = { version: 3, map: apply(base, updateUnitOp(base, 'a', { note: 'theirs' })) };
    const result = rebase(s, server, ctx);
    expect(result.notice).toMatchObject({ kind: 'conflict', dropped: [updateUnitOp(base, 'a', { note: 'mine' })] });
    expect(hasUnsaved(result.state)).toBe(false);
    expect(shown(result.state).units[0].note).toBe('theirs');
  });

  it('restores a batch whose acknowledgement was lost without applying it twice', () => {
    const op = addUnitOp(u('a', 0, 2));
    // The server applied the batch (version 2) but the page was reloaded before the answer.
    const server = apply(emptyMap, op);
    const restored = restore(initialSync(2, server), { mapId: 'm', inFlight: { batchId: 'b1', baseVersion: 1, operations: [op] }, pending: [addUnitOp(u('b', 3, 4))] }, ctx);
    let s = restored.state;
    expect(restored.notice).toBeNull();
    expect(s.inFlight?.batchId).toBe('b1'); // sent again: the server knows it by its id
    expect(s.local.units.map((x) => x.id)).toEqual(['a', 'b']);
    // The re-sent batch is answered as a duplicate with the current map.
    s = receive(s, { kind: 'acknowledged', version: 2, map: server }, ctx).state;
    expect(s.confirmed).toEqual({ version: 2, map: server });
    expect(shown(s).units.map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('reports restored changes that no longer fit the map the server has now', () => {
    const base = apply(emptyMap, addUnitOp(u('a', 0, 2)));
    const mine = updateUnitOp(base, 'a', { note: 'mine' });
    const server = apply(base, updateUnitOp(base, 'a', { note: 'theirs' }));
    const { state, notice } = restore(initialSync(3, server), { mapId: 'm', inFlight: null, pending: [mine] }, ctx);
    expect(notice).toEqual({ kind: 'conflict', dropped: [mine], droppedHistory: 0 });
    expect(hasUnsaved(state)).toBe(false);
    expect(shown(state)).toEqual(server);
  });
});

describe('undo and redo in the sync state', () => {
  it('undo after another tab\'s change merged is refused, not thrown, and the history is rebased', () => {
    // This tab added unit a and saved it; another tab related a unit b to it.
    let s = queue(initialSync(1, emptyMap), [addUnitOp(u('a', 0, 2))]);
    s = acknowledge(startBatch(s, 'b1')!.state, 2, ctx)!;
    s = queue(s, [addUnitOp(u('c', 5, 6))]);
    s = startBatch(s, 'b2')!.state;
    const theirs = apply(apply(s.confirmed.map, addUnitOp(u('b', 3, 4))), {
      op: 'addRelation',
      relation: { id: 'r', type: 'support', from: ['b'], to: 'a', note: '' },
    });
    const merged = receive(s, { kind: 'stale', version: 3, map: theirs }, ctx);
    // Undoing "add a" would now remove b's relation too: that entry is dropped, and said so.
    expect(merged.notice).toEqual({ kind: 'merged', droppedHistory: 1 });
    s = merged.state;
    expect(s.history.done).toEqual([[addUnitOp(u('c', 5, 6))]]);
    const undone = travel(s, 'undo', ctx);
    expect(undone.ok).toBe(true);
    expect(shown(undone.state).units.map((x) => x.id)).toEqual(['a', 'b']);
    expect(travel(undone.state, 'undo', ctx)).toMatchObject({ ok: false, reason: 'empty' });
    const redone = travel(undone.state, 'redo', ctx);
    expect(redone.ok && shown(redone.state).units.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('a step that stopped fitting is refused and taken off, and the one beneath still works', () => {
    let s = queue(initialSync(1, emptyMap), [addUnitOp(u('a', 0, 2))]);
    s = queue(s, [updateUnitOp(s.local, 'a', { note: 'x' })]);
    // Not rebased (as if the history were made stale another way): travel still answers.
    const history = { done: [...s.history.done, [updateUnitOp(s.local, 'a', { note: 'not there' })]], undone: [] };
    const refused = travel({ ...s, history }, 'undo', ctx);
    expect(refused).toMatchObject({ ok: false, reason: 'conflict' });
    expect(refused.state.history).toEqual(s.history);
    expect(refused.state.local).toBe(s.local);
    expect(travel(refused.state, 'undo', ctx).ok).toBe(true);
  });
});

describe('refused batches', () => {
  it('takes out the refused batch and keeps the rest of the queue that still fits', () => {
    let s = queue(initialSync(1, emptyMap), [addUnitOp(u('a', 0, 2))]);
    s = startBatch(s, 'b1')!.state;
    s = queue(s, [addUnitOp(u('b', 3, 4))]);
    s = queue(s, [{ op: 'addRelation', relation: { id: 'r', type: 'support', from: ['b'], to: 'a', note: '' } }]);
    const { state, notice } = receive(s, { kind: 'refused', status: 413, index: null }, ctx);
    expect(notice).toMatchObject({ kind: 'refused', status: 413, refused: [addUnitOp(u('a', 0, 2))] });
    expect(notice?.kind === 'refused' && notice.dropped.map((o) => o.op)).toEqual(['addRelation']);
    expect(state.inFlight).toBeNull();
    expect(state.pending).toEqual([addUnitOp(u('b', 3, 4))]);
    expect(shown(state).units.map((x) => x.id)).toEqual(['b']);
    // The history no longer offers to undo what was never saved.
    expect(state.history.done).toEqual([[addUnitOp(u('b', 3, 4))]]);
  });

  it('takes out only the operation the server named', () => {
    let s = queue(initialSync(1, emptyMap), [addUnitOp(u('a', 0, 2)), addUnitOp(u('b', 3, 4))]);
    s = startBatch(s, 'b1')!.state;
    const { state, notice } = receive(s, { kind: 'refused', status: 422, index: 1 }, ctx);
    expect(notice).toEqual({ kind: 'refused', status: 422, refused: [addUnitOp(u('b', 3, 4))], dropped: [], droppedHistory: 1 });
    expect(state.pending).toEqual([addUnitOp(u('a', 0, 2))]);
    expect(shown(state).units.map((x) => x.id)).toEqual(['a']);
  });

  it('sends a long queue in batches the server accepts', () => {
    const note = (i: number): Operation => ({ op: 'updateUnit', id: 'a', before: { note: i ? String(i - 1) : '' }, after: { note: String(i) } });
    const ops = [addUnitOp(u('a', 0, 2)), ...Array.from({ length: maxBatchOperations + 9 }, (_, i) => note(i))];
    const s = queue(initialSync(1, emptyMap), ops);
    const first = startBatch(s, 'b1')!;
    expect(first.batch.operations).toEqual(ops.slice(0, maxBatchOperations));
    expect(first.state.pending).toEqual(ops.slice(maxBatchOperations));
  });
});

describe('reuseUnchanged', () => {
  const u = (id: string, start: number, note = '') => ({ id, label: 'claim', start, end: start + 1, note });
  const r = (id: string, from: string, to: string) => ({ id, type: 'support' as const, from: [from], to, note: '' });
  const before = { units: [u('a', 0), u('b', 2)], relations: [r('x', 'b', 'a')], mainClaimId: 'a' };

  it('keeps the previous map when a rebuilt one has the same contents', () => {
    const rebuilt = { units: [u('a', 0), u('b', 2)], relations: [r('x', 'b', 'a')], mainClaimId: 'a' };
    expect(reuseUnchanged(before, rebuilt)).toBe(before);
    expect(reuseUnchanged(null, rebuilt)).toBe(rebuilt);
  });

  it('keeps whichever arrays did not change, and takes what did', () => {
    const noted = { units: [u('a', 0), u('b', 2, 'why')], relations: [r('x', 'b', 'a')], mainClaimId: 'a' };
    const m = reuseUnchanged(before, noted);
    expect(m.units).toBe(noted.units);
    expect(m.relations).toBe(before.relations);
    const unmarked = reuseUnchanged(before, { ...before, units: [...before.units], mainClaimId: null });
    expect(unmarked).not.toBe(before);
    expect(unmarked.units).toBe(before.units);
    expect(unmarked.mainClaimId).toBeNull();
    const moreRelations = reuseUnchanged(before, { ...before, relations: [r('x', 'b', 'a'), r('y', 'a', 'b')] });
    expect(moreRelations.relations).toHaveLength(2);
    expect(moreRelations.units).toBe(before.units);
  });
});
