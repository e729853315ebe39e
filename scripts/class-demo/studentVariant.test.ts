import { describe, expect, it } from 'vitest';
import type { ArgumentMap } from '@/lib/argument/types';
import { applyChecked } from '@/lib/argument/check';
import { seededRandom } from '@/lib/seededRandom';
import { operationsToBuild, studentVariant } from './studentVariant';
import { textUnits } from '@/lib/argument/types';

const text = 'AAAA BBBB CCCC\nDDDD EEEE';
const reference: ArgumentMap = {
  units: [
    { id: 'a', label: 'claim', start: 0, end: 4, note: 'n' },
    { id: 'b', label: 'evidence', start: 5, end: 9, note: '' },
    { id: 'c', label: 'evidence', start: 10, end: 14, note: '' },
    { id: 'd', label: 'counterargument', start: 15, end: 19, note: '' },
    { id: 'e', label: 'rebuttal', start: 20, end: 24, note: '' },
  ],
  relations: [
    { id: 'r1', type: 'support', from: ['b'], to: 'a', note: '' },
    { id: 'r2', type: 'support', from: ['c'], to: 'a', note: '' },
    { id: 'r3', type: 'attack', from: ['d'], to: 'a', note: '' },
    { id: 'r4', type: 'attack', from: ['e'], to: 'd', note: '' },
  ],
  mainClaimId: 'a',
};
const labels = ['claim', 'evidence', 'counterargument', 'rebuttal'];
const never = { miss: 0, relabel: 0, merge: 0 };

describe('studentVariant', () => {
  it('with no mistakes is the reference without notes', () => {
    const v = studentVariant(reference, text, labels, seededRandom(1), never);
    expect(textUnits(v.units).map((u) => [u.id, u.label, u.start, u.end, u.note])).toEqual(textUnits(reference.units).map((u) => [u.id, u.label, u.start, u.end, '']));
    expect(v.relations.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(v.mainClaimId).toBe('a');
  });

  it('missing every unit leaves an empty map with no dangling relation or main claim', () => {
    const v = studentVariant(reference, text, labels, seededRandom(1), { ...never, miss: 1 });
    expect(v).toEqual({ units: [], relations: [], mainClaimId: null });
  });

  it('merges neighbours within a paragraph only, and redirects their relations', () => {
    const v = studentVariant(reference, text, labels, seededRandom(1), { ...never, merge: 1 });
    // a+b and c alone (d starts after a line break), d+e.
    expect(textUnits(v.units).map((u) => [u.id, u.start, u.end])).toEqual([
      ['a', 0, 9],
      ['c', 10, 14],
      ['d', 15, 24],
    ]);
    // r1 (b→a) became a self-relation and is gone; r4 (e→d) likewise.
    expect(v.relations.map((r) => [r.id, r.from[0], r.to])).toEqual([
      ['r2', 'c', 'a'],
      ['r3', 'd', 'a'],
    ]);
  });

  it('is repeatable for a seed and differs between seeds', () => {
    const opts = { miss: 0.4, relabel: 0.4, merge: 0.2 };
    const one = studentVariant(reference, text, labels, seededRandom(7), opts);
    expect(studentVariant(reference, text, labels, seededRandom(7), opts)).toEqual(one);
    const others = [1, 2, 3, 4, 5].map((s) => JSON.stringify(studentVariant(reference, text, labels, seededRandom(s), opts)));
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('always yields a map that the operations rebuild and the server checks accept', () => {
    const boundaries = [...new Set(textUnits(reference.units).flatMap((u) => [u.start, u.end]))].sort((a, b) => a - b);
    const ctx = { textLength: text.length, boundaries, labels };
    for (let seed = 0; seed < 200; seed++) {
      const v = studentVariant(reference, text, labels, seededRandom(seed), { miss: 0.3, relabel: 0.3, merge: 0.5 });
      const built = applyChecked({ units: [], relations: [], mainClaimId: null }, operationsToBuild(v), ctx);
      expect(built).toEqual({ ok: true, map: v });
    }
  });
});
