import { describe, expect, it } from 'vitest';
import { addUnitOp, apply, removeUnitOp, updateUnitOp, type Operation } from './operations';
import { emptyHistory, rebaseHistory, record, redo, undo, type History, type Step } from './history';
import { emptyMap, type ArgumentMap } from './types';

const ctx = { textLength: 10, boundaries: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], labels: ['claim'] };
const u = (id: string, start: number, end: number) => ({ id, label: 'claim', start, end, note: '' });
function ok(step: Step) {
  if (!step.ok) throw new Error(`step refused: ${step.reason}`);
  return step;
}

describe('history', () => {
  it('undoes and redoes whole user actions in order', () => {
    let map: ArgumentMap = emptyMap;
    let history = emptyHistory;
    const step = (ops: Operation[]) => {
      for (const op of ops) map = apply(map, op);
      history = record(history, ops);
    };
    step([addUnitOp(u('a', 0, 3))]);
    step([addUnitOp(u('b', 3, 4)), { op: 'addRelation', relation: { id: 'r', type: 'attack', from: ['b'], to: 'a', note: '' } }]);
    step([updateUnitOp(map, 'a', { note: 'thesis' })]);
    const full = map;

    const u1 = ok(undo(history, map, ctx));
    expect(u1.map.units.find((x) => x.id === 'a')!.note).toBe('');
    const u2 = ok(undo(u1.history, u1.map, ctx));
    expect(u2.map.units.map((x) => x.id)).toEqual(['a']);
    expect(u2.map.relations).toEqual([]);
    const r1 = ok(redo(u2.history, u2.map, ctx));
    const r2 = ok(redo(r1.history, r1.map, ctx));
    expect(r2.map).toEqual(full);
    expect(redo(r2.history, r2.map, ctx)).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('a new action clears redo', () => {
    const h = record(record(emptyHistory, [addUnitOp(u('a', 0, 1))]), [addUnitOp(u('b', 1, 2))]);
    const map = { ...emptyMap, units: [u('a', 0, 1), u('b', 1, 2)] };
    const after = ok(undo(h, map, ctx));
    expect(record(after.history, [removeUnitOp(after.map, 'a')]).undone).toEqual([]);
  });

  it('refuses a step that no longer fits instead of throwing, and takes it off the history', () => {
    // The user added unit a; another tab then related something to it, so removing a (the undo)
    // would have to take a relation the undo entry does not know.
    const mine = [addUnitOp(u('a', 0, 2))];
    const history = record(emptyHistory, mine);
    const theirs = apply(apply(apply(emptyMap, mine[0]), addUnitOp(u('b', 3, 4))), {
      op: 'addRelation',
      relation: { id: 'r', type: 'support', from: ['b'], to: 'a', note: '' },
    });
    const step = undo(history, theirs, ctx);
    expect(step).toEqual({ ok: false, reason: 'conflict', history: emptyHistory });
  });

  it('rebases onto a map changed by others: keeps what still fits, counts what is dropped', () => {
    const a = u('a', 0, 2);
    let map = apply(emptyMap, addUnitOp(a));
    let history: History = record(emptyHistory, [addUnitOp(a)]);
    const noteOp = updateUnitOp(map, 'a', { note: 'mine' });
    map = apply(map, noteOp);
    history = record(history, [noteOp]);
    const labelOp = updateUnitOp(map, 'a', { start: 1 });
    map = apply(map, labelOp);
    history = record(history, [labelOp]);

    // Another tab changed the note (a field the newest entry does not touch): that entry still
    // undoes; the note entry beneath it no longer fits, nor does removing the unit (that would
    // throw away their note).
    const remote = apply(map, updateUnitOp(map, 'a', { note: 'theirs' }));
    const rebased = rebaseHistory(history, remote, ctx);
    expect(rebased.dropped).toBe(2);
    expect(rebased.history.done).toEqual([[labelOp]]);
    expect(rebaseHistory(history, map, ctx)).toEqual({ history, dropped: 0 });
  });
});
