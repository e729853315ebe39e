import { describe, expect, it } from 'vitest';
import { apply, emptyMap, invert, textUnits, type ArgumentMap } from '@/lib/argument';
import { acceptOperation, openSuggestions, suggestionKey } from './accept';
import type { Suggestion } from './suggest';

// A claim, evidence for it, and a conclusion gathering the evidence (as suggest.ts makes them).
const suggestions: Suggestion[] = [
  { start: 0, end: 10, label: 'claim', cue: 'と考える', role: 'stance' },
  { start: 10, end: 20, label: 'evidence', cue: '例えば', role: 'example', relation: { type: 'support', to: 0 } },
  { start: 20, end: 30, label: 'counterargument', cue: '確かに', role: 'concession' },
  { start: 30, end: 40, label: 'rebuttal', cue: 'しかし', role: 'contrast', relation: { type: 'attack', to: 2 } },
];
const labels = ['claim', 'evidence', 'counterargument', 'rebuttal'];
const ids = () => {
  let n = 0;
  return (kind: 'unit' | 'relation') => `${kind[0]}${++n}`;
};

describe('accepting suggestions', () => {
  it('adds the unit with its relation to the unit standing for its target, in one undoable operation', () => {
    const id = ids();
    let map: ArgumentMap = apply(emptyMap, acceptOperation(suggestions, 0, emptyMap, labels, id)!);
    const before = map;
    const op = acceptOperation(suggestions, 1, map, labels, id)!;
    map = apply(map, op);
    expect(textUnits(map.units).map((u) => [u.label, u.start, u.end])).toEqual([
      ['claim', 0, 10],
      ['evidence', 10, 20],
    ]);
    expect(map.relations.map((r) => [r.type, r.from[0], r.to])).toEqual([['support', 'u2', 'u1']]);
    expect(apply(map, invert(op))).toEqual(before);
  });

  it('relates to a unit the student drew, and gathers the units of suggestions pointing at it', () => {
    const id = ids();
    // The student marked the concession themselves, a little wider, then accepted the rebuttal:
    // its target (20–30) is covered by "mine" (10 of 10 characters), so it attacks that unit.
    let map: ArgumentMap = apply(emptyMap, { op: 'addUnit', unit: { id: 'mine', label: 'counterargument', start: 19, end: 31, note: '' }, relations: [], mainClaim: false });
    map = apply(map, acceptOperation(suggestions, 3, map, labels, id)!);
    expect(map.relations.map((r) => [r.type, r.from[0], r.to])).toEqual([['attack', 'u1', 'mine']]);
    // Evidence accepted before its claim has nothing to support yet; the claim gathers it.
    map = apply(map, acceptOperation(suggestions, 1, map, labels, id)!);
    expect(map.relations).toHaveLength(1);
    map = apply(map, acceptOperation(suggestions, 0, map, labels, id)!);
    expect(map.relations.map((r) => [r.type, r.from[0], r.to])).toContainEqual(['support', 'u3', 'u4']);
  });

  it('offers only suggestions no unit covers half of, and not dismissed ones', () => {
    const map: ArgumentMap = apply(emptyMap, { op: 'addUnit', unit: { id: 'x', label: 'claim', start: 4, end: 12, note: '' }, relations: [], mainClaim: false });
    // x covers 6 of suggestion 0's 10 characters (settled) and 2 of suggestion 1's (still open).
    expect(openSuggestions(suggestions, map, new Set())).toEqual([1, 2, 3]);
    expect(openSuggestions(suggestions, map, new Set([suggestionKey(suggestions[2])]))).toEqual([1, 3]);
  });

  it('takes the label in the same place of another scheme, and offers nothing the scheme lacks', () => {
    const op = acceptOperation(suggestions, 1, emptyMap, ['thesis', 'grounds'], ids());
    expect(op?.op === 'addUnit' && op.unit.label).toBe('grounds');
    expect(acceptOperation(suggestions, 2, emptyMap, ['thesis', 'grounds'], ids())).toBeUndefined();
  });
});
