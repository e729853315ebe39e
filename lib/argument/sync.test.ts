import { describe, expect, it } from 'vitest';
import { addUnitOp, apply, updateUnitOp, type Operation } from './operations';
import { acknowledge, enqueue, hasUnsaved, initialSync, localMap, rebase, restore, reuseUnchanged, startBatch, type SyncState } from './sync';
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
  expect(s.local).toEqual(localMap(s, ctx));
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
    s = acknowledge(s, 2, undefined, ctx);
    expect(s.confirmed.version).toBe(2);
    expect(s.confirmed.map.units.map((x) => x.id)).toEqual(['a']);
    expect(s.pending).toHaveLength(1);
    const next = startBatch(s, 'b2')!;
    expect(next.batch.baseVersion).toBe(2);
    expect(hasUnsaved(acknowledge(next.state, 3, undefined, ctx))).toBe(false);
  });

  it('keeps the local map as operations arrive and are confirmed, without replaying them', () => {
    let s = queue(initialSync(1, emptyMap), [addUnitOp(u('a', 0, 2))]);
    const a = s.local.units[0];
    s = queue(s, [addUnitOp(u('b', 2, 3))]);
    s = startBatch(s, 'b1')!.state;
    s = acknowledge(s, 2, undefined, ctx);
    // The same object: views keyed on identity (the essay's boxes, the list) redo nothing for it.
    expect(shown(s).units[0]).toBe(a);
  });

  it('refuses operations that do not fit the map as it is now, and changes nothing', () => {
    // Made against a view a render behind: the unit was already added meanwhile.
    const s = queue(initialSync(1, emptyMap), [addUnitOp(u('a', 0, 2))]);
    const again = enqueue(s, [addUnitOp(u('a', 0, 2))], ctx);
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/already exists/) });
    const sent = acknowledge(startBatch(s, 'b1')!.state, 2, undefined, ctx);
    expect(shown(sent).units.map((x) => x.id)).toEqual(['a']);
  });

  it('rebases unconfirmed operations onto a newer server map', () => {
    let s = queue(initialSync(1, emptyMap), [addUnitOp(u('mine', 0, 2))]);
    s = startBatch(s, 'b1')!.state;
    const server = { version: 4, map: apply(emptyMap, addUnitOp(u('theirs', 5, 6))) };
    const result = rebase(s, server, ctx);
    expect(result.ok).toBe(true);
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
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/has changed/) });
    expect(hasUnsaved(result.state)).toBe(false);
    expect(shown(result.state).units[0].note).toBe('theirs');
  });

  it('restores a batch whose acknowledgement was lost without applying it twice', () => {
    const op = addUnitOp(u('a', 0, 2));
    // The server applied the batch (version 2) but the page was reloaded before the answer.
    const server = apply(emptyMap, op);
    let s = restore(initialSync(2, server), { mapId: 'm', inFlight: { batchId: 'b1', baseVersion: 1, operations: [op] }, pending: [addUnitOp(u('b', 3, 4))] }, ctx);
    expect(shown(s).units.map((x) => x.id)).toEqual(['a', 'b']);
    // The re-sent batch is answered as a duplicate with the current map.
    s = acknowledge(s, 2, server, ctx);
    expect(s.confirmed).toEqual({ version: 2, map: server });
    expect(shown(s).units.map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('reuseUnchanged', () => {
  const u = (id: string, start: number, note = '') => ({ id, label: 'claim', start, end: start + 1, note });
  const r = (id: string, from: string, to: string) => ({ id, type: 'support' as const, from, to, note: '' });
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
