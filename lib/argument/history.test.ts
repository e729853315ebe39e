import { describe, expect, it } from 'vitest';
import { addUnitOp, apply, removeUnitOp, updateUnitOp } from './operations';
import { emptyHistory, record, redo, undo } from './history';
import { rebase } from './sync';
import { emptyMap, type ArgumentMap } from './types';

const u = (id: string, start: number, end: number) => ({ id, label: 'claim', start, end, note: '' });

describe('history', () => {
  it('undoes and redoes whole user actions in order', () => {
    let map: ArgumentMap = emptyMap;
    let history = emptyHistory;
    const step = (ops: ReturnType<typeof addUnitOp>[]) => {
      for (const op of ops) map = apply(map, op);
      history = record(history, ops);
    };
    step([addUnitOp(u('a', 0, 3))]);
    step([addUnitOp(u('b', 3, 4)), { op: 'addRelation', relation: { id: 'r', type: 'attack', from: 'b', to: 'a', note: '' } }]);
    step([updateUnitOp(map, 'a', { note: 'thesis' })]);
    const full = map;

    const u1 = undo(history, map)!;
    expect(u1.map.units.find((x) => x.id === 'a')!.note).toBe('');
    const u2 = undo(u1.history, u1.map)!;
    expect(u2.map.units.map((x) => x.id)).toEqual(['a']);
    expect(u2.map.relations).toEqual([]);
    const r1 = redo(u2.history, u2.map)!;
    const r2 = redo(r1.history, r1.map)!;
    expect(r2.map).toEqual(full);
    expect(redo(r2.history, r2.map)).toBeNull();
    const u3 = undo(undo(u2.history, u2.map)!.history, emptyMap);
    expect(u3).toBeNull();
  });

  it('a new action clears redo', () => {
    const h = record(record(emptyHistory, [addUnitOp(u('a', 0, 1))]), [addUnitOp(u('b', 1, 2))]);
    const map = { ...emptyMap, units: [u('a', 0, 1), u('b', 1, 2)] };
    const after = undo(h, map)!;
    expect(record(after.history, [removeUnitOp(after.map, 'a')]).undone).toEqual([]);
  });
});

describe('rebase', () => {
  const ctx = { textLength: 10, boundaries: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], labels: ['claim'] };

  it('replays pending operations on a newer server map', () => {
    const server = { version: 7, map: apply(emptyMap, addUnitOp(u('theirs', 5, 6))) };
    const result = rebase({ mapId: 'm', baseVersion: 5, operations: [addUnitOp(u('mine', 0, 2))] }, server, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.map.units.map((x) => x.id)).toEqual(['mine', 'theirs']);
    expect(result.pending.baseVersion).toBe(7);
  });

  it('reports pending operations that conflict instead of overwriting', () => {
    const base = apply(emptyMap, addUnitOp(u('a', 0, 2)));
    const mine = updateUnitOp(base, 'a', { note: 'mine' });
    const server = { version: 3, map: apply(base, updateUnitOp(base, 'a', { note: 'theirs' })) };
    const result = rebase({ mapId: 'm', baseVersion: 2, operations: [mine] }, server, ctx);
    expect(result).toMatchObject({ ok: false, dropped: [mine], error: expect.stringMatching(/has changed/) });
    expect(result.map.units[0].note).toBe('theirs');
  });
});
