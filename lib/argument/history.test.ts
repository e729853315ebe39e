import { describe, expect, it } from 'vitest';
import { addUnitOp, apply, removeUnitOp, updateUnitOp } from './operations';
import { emptyHistory, record, redo, undo } from './history';
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
