import { describe, expect, it } from 'vitest';
import { submissionSummary } from './submission';

const labels = ['claim', 'evidence', 'counterargument', 'rebuttal'];
const u = (id: string, label = 'claim') => ({ id, label, start: 0, end: 1, note: '' });
const rel = (id: string, from: string, to: string) => ({ id, type: 'support' as const, from: [from], to, note: '' });

describe('submissionSummary', () => {
  it('counts units, relations and the units connected to nothing', () => {
    expect(submissionSummary({ units: [], relations: [], mainClaimId: null }, labels)).toEqual({ units: 0, relations: 0, unconnected: 0 });
    expect(submissionSummary({ units: [u('a'), u('b', 'evidence'), u('c')], relations: [rel('r', 'b', 'a')], mainClaimId: null }, labels)).toEqual({ units: 3, relations: 1, unconnected: 1 });
  });

  it('counts a linked pair with no path to the main claim as unconnected too', () => {
    const map = { units: [u('t'), u('e', 'evidence'), u('x'), u('y', 'evidence')], relations: [rel('r1', 'e', 't'), rel('r2', 'y', 'x')], mainClaimId: 't' };
    expect(submissionSummary(map, labels)).toEqual({ units: 4, relations: 2, unconnected: 2 });
  });
});
