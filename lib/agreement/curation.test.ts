// takeIntoReference and majorityMap, hand-computed on one-character tokens (every token a
// content word): the operations they produce apply to the reference, and refusals are named.
import { describe, expect, it } from 'vitest';
import { applyAll, invertAll } from '@/lib/argument/operations';
import type { ArgumentMap, ArgumentUnit, Relation } from '@/lib/argument/types';
import { takeIntoReference } from './curation';
import { majorityMap } from './majority';
import { teacherMatch } from './teacher';

const unit = (id: string, start: number, end: number, label = 'claim'): ArgumentUnit => ({ id, label, start, end, note: '' });
const rel = (id: string, from: string, to: string, type: Relation['type'] = 'support'): Relation => ({ id, type, from: [from], to, note: '' });
const map = (units: ArgumentUnit[], relations: Relation[] = [], mainClaimId: string | null = null): ArgumentMap => ({ units, relations, mainClaimId });
const tokens = Array.from({ length: 40 }, (_, i) => ({ start: i, end: i + 1 }));
const ids = () => {
  let n = 0;
  return (kind: 'u' | 'r') => `${kind}-new${++n}`;
};

describe('takeIntoReference', () => {
  const reference = map([unit('c', 0, 12)], [], 'c');
  const student = map([unit('a', 8, 12), unit('b', 12, 20, 'evidence'), unit('d', 0, 12)], [rel('s1', 'b', 'a'), rel('s2', 'b', 'd', 'attack')]);

  it('takes a unit as one addUnit with a fresh id, undoable by its inverse', () => {
    const r = takeIntoReference(reference, student, { kind: 'unit', id: 'b' }, teacherMatch(reference, student, tokens).units.pairs, ids());
    expect(r).toEqual({ ok: true, addedUnits: 1, addedRelations: 0, operations: [{ op: 'addUnit', unit: unit('u-new1', 12, 20, 'evidence'), relations: [], mainClaim: false }] });
    if (!r.ok) return;
    const after = applyAll(reference, r.operations);
    expect(after.units.map((u) => u.id)).toEqual(['c', 'u-new1']);
    expect(applyAll(after, invertAll(r.operations))).toEqual(reference);
  });

  it('refuses a unit the reference already has (same span and label)', () => {
    expect(takeIntoReference(reference, student, { kind: 'unit', id: 'd' }, teacherMatch(reference, student, tokens).units.pairs, ids())).toEqual({ ok: false, reason: 'alreadyInReference' });
  });

  it('takes a relation onto the reference unit its end found, taking the other end too', () => {
    // a (8–12) finds c (0–12): 4 of 12 words, holds c's head (word 11), Dice 8/16 = ½. (With d,
    // the exact 0–12, in the same map, c would pair with d one-to-one and a would be copied.)
    const mine = map([unit('a', 8, 12), unit('b', 12, 20, 'evidence')], [rel('s1', 'b', 'a')]);
    expect(takeIntoReference(reference, student, { kind: 'relation', id: 's1' }, teacherMatch(reference, student, tokens).units.pairs, ids())).toMatchObject({ ok: true, addedUnits: 2 });
    const r = takeIntoReference(reference, mine, { kind: 'relation', id: 's1' }, teacherMatch(reference, mine, tokens).units.pairs, ids());
    expect(r).toMatchObject({ ok: true, addedUnits: 1, addedRelations: 1 });
    if (!r.ok) return;
    const after = applyAll(reference, r.operations);
    expect(after.relations).toEqual([rel('r-new2', 'u-new1', 'c')]);
    expect(applyAll(after, invertAll(r.operations))).toEqual(reference);
    // Taken once, the same relation again is refused.
    expect(takeIntoReference(after, mine, { kind: 'relation', id: 's1' }, teacherMatch(after, mine, tokens).units.pairs, ids())).toEqual({ ok: false, reason: 'alreadyInReference' });
  });

  it('refuses a relation whose ends land on one reference unit, and unknown ids', () => {
    // Two student units with c's span and label: one pairs with c, the other is "the same" as c.
    const twins = map([unit('x', 0, 12), unit('y', 0, 12)], [rel('t', 'y', 'x')]);
    expect(takeIntoReference(reference, twins, { kind: 'relation', id: 't' }, teacherMatch(reference, twins, tokens).units.pairs, ids())).toEqual({ ok: false, reason: 'selfRelation' });
    expect(takeIntoReference(reference, student, { kind: 'relation', id: 'nope' }, teacherMatch(reference, student, tokens).units.pairs, ids())).toEqual({ ok: false, reason: 'unknownItem' });
    expect(takeIntoReference(reference, student, { kind: 'unit', id: 'nope' }, teacherMatch(reference, student, tokens).units.pairs, ids())).toEqual({ ok: false, reason: 'unknownItem' });
  });
});

describe('takeIntoReference: undercutters', () => {
  // Reference: the claim c (0–12) supported by e (12–20). The student marked the same spans,
  // drew the same support (s1) and undercut it with x (20–30): s2 attacks s1.
  const undercut = (id: string, from: string, to: string): Relation => ({ id, type: 'attack', from: [from], to, note: '' });
  const student = map([unit('c2', 0, 12), unit('e2', 12, 20, 'evidence'), unit('x2', 20, 30, 'counterargument')], [rel('s1', 'e2', 'c2'), undercut('s2', 'x2', 's1')]);

  it('takes an undercutter onto the reference’s copy of the inference it attacks', () => {
    const reference = map([unit('c', 0, 12), unit('e', 12, 20, 'evidence')], [rel('R', 'e', 'c')], 'c');
    const r = takeIntoReference(reference, student, { kind: 'relation', id: 's2' }, teacherMatch(reference, student, tokens).units.pairs, ids());
    expect(r).toMatchObject({ ok: true, addedUnits: 1, addedRelations: 1 });
    if (!r.ok) return;
    const after = applyAll(reference, r.operations);
    expect(after.relations).toContainEqual(undercut('r-new2', 'u-new1', 'R'));
    expect(applyAll(after, invertAll(r.operations))).toEqual(reference);
  });

  it('refuses an undercutter whose inference the reference lacks (take the inference first)', () => {
    const reference = map([unit('c', 0, 12), unit('e', 12, 20, 'evidence')], [], 'c');
    expect(takeIntoReference(reference, student, { kind: 'relation', id: 's2' }, teacherMatch(reference, student, tokens).units.pairs, ids())).toEqual({ ok: false, reason: 'targetNotInReference' });
  });
});

describe('majorityMap', () => {
  // Five students. The claim 0–12: three marked it exactly, one 4–12 (found: 8 of 12 words),
  // one did not. Evidence 12–20: two students (not a majority of 5). A rebuttal 30–40 marked by
  // three as a rebuttal, one as a claim (a different label does not vote).
  const students = [
    map([unit('a1', 0, 12), unit('a2', 12, 20, 'evidence'), unit('a3', 30, 40, 'rebuttal')], [rel('ar', 'a3', 'a1', 'attack')], 'a1'),
    map([unit('b1', 0, 12), unit('b2', 12, 20, 'evidence'), unit('b3', 30, 40, 'rebuttal')], [rel('br', 'b3', 'b1', 'attack'), rel('bs', 'b2', 'b1')], 'b1'),
    map([unit('c1', 0, 12), unit('c3', 31, 40, 'rebuttal')], [rel('cr', 'c3', 'c1', 'attack')], 'c1'),
    map([unit('d1', 4, 12), unit('d3', 30, 40)], [rel('dr', 'd3', 'd1', 'attack')], 'd3'),
    map([unit('e3', 20, 24, 'evidence')]),
  ];

  it('takes the units, relations and main claim most students marked', () => {
    const m = majorityMap(students, tokens);
    expect(m.voters).toBe(5);
    // claim 0–12: votes a, b, c (exact) and d (4–12 finds it) = 4; rebuttal 30–40: a, b and c
    // (31–40 finds it) = 3 — the 31–40 proposal also has 3 votes but fewer exact markers.
    expect(m.map.units).toEqual([unit('m1', 0, 12), unit('m2', 30, 40, 'rebuttal')]);
    expect(m.votes).toMatchObject({ m1: 4, m2: 3 });
    // The attack m2 → m1: a, b, c, and d — its 30–40 is labelled a claim, but labels do not
    // decide pairing (teacher.ts), so it pairs with m2: 4 of 5.
    expect(m.map.relations).toEqual([rel('r1', 'm2', 'm1', 'attack')]);
    expect(m.votes.r1).toBe(4);
    // Main claims: a, b, c → m1 (3 of 5); d's main claim d3 pairs with m2.
    expect(m.map.mainClaimId).toBe('m1');
  });

  it('votes a linked argument as one premise set; implicit premises drop out, undercutters do not vote', () => {
    // Three students mark the claim 0–12 and the reasons 12–20 and 20–30 alike. a and b link the
    // two reasons into one argument (b adds an unstated premise, which pairs with nothing and
    // drops out, leaving the same set); c gives them as two separate reasons. Majority (2·votes
    // > 3): the linked set {m2, m3} → m1 has 2 votes and is taken; c's edges have 1 vote each.
    const imp = (id: string): ArgumentUnit => ({ id, label: 'evidence', implicit: true, text: '前提', note: '' });
    const reasons = (p: string) => [unit(`${p}1`, 0, 12), unit(`${p}2`, 12, 20, 'evidence'), unit(`${p}3`, 20, 30, 'evidence')];
    const linked = (id: string, from: string[], to: string): Relation => ({ id, type: 'support', from, to, note: '' });
    const m = majorityMap(
      [
        map(reasons('a'), [linked('ax', ['a2', 'a3'], 'a1')]),
        map([...reasons('b'), imp('bi')], [linked('bx', ['b3', 'bi', 'b2'], 'b1'), { id: 'bu', type: 'attack', from: ['b2'], to: 'bx', note: '' }]),
        map(reasons('c'), [rel('c2x', 'c2', 'c1'), rel('c3x', 'c3', 'c1')]),
      ],
      tokens,
    );
    expect(m.map.units.map((u) => u.id)).toEqual(['m1', 'm2', 'm3']);
    expect(m.map.relations).toEqual([linked('r1', ['m2', 'm3'], 'm1')]);
    expect(m.votes.r1).toBe(2);
  });

  it('takes nothing without a majority; an empty class gives an empty map', () => {
    expect(majorityMap(students.slice(3), tokens).map.units).toEqual([]);
    expect(majorityMap([], tokens)).toEqual({ map: { units: [], relations: [], mainClaimId: null }, voters: 0, votes: {} });
  });
});
