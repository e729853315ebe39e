import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addImplicitUnitOp,
  addPremiseOp,
  addRelationOp,
  addUnitOp,
  answerCriticalQuestionOp,
  removePremiseOp,
  setSchemeOp,
  apply,
  applyAll,
  invert,
  invertAll,
  mapProblems,
  OperationError,
  removeRelationOp,
  removeUnitOp,
  setMainClaimOp,
  updateRelationOp,
  updateUnitOp,
  upgradeOperation,
  type Operation,
} from './operations';
import { checkOperation, applyChecked, type DocumentContext } from './check';
import { compareUnits, emptyMap, isImplicit, type ArgumentMap, type ArgumentUnit, type Relation } from './types';
import { schemeById, schemes } from './schemes';

const labels = ['claim', 'evidence', 'counterargument', 'rebuttal'];
const unit = (id: string, start: number, end: number, label = 'claim'): ArgumentUnit => ({ id, label, start, end, note: '' });
const implicit = (id: string, text: string, label = 'claim'): ArgumentUnit => ({ id, label, implicit: true, text, note: '' });
const rel = (id: string, from: string | string[], to: string, type: 'support' | 'attack' = 'support'): Relation => ({ id, type, from: typeof from === 'string' ? [from] : from, to, note: '' });

/// Builds one valid operation for `map` from random numbers (or null when none fits).
function operationFor(map: ArgumentMap, [kind, a, b, c]: number[], serial: number): Operation | null {
  const u = map.units;
  const rs = map.relations;
  const pick = <T,>(xs: readonly T[], n: number) => xs[n % xs.length];
  const fits = (op: Operation) => {
    try {
      apply(map, op);
      return op;
    } catch (e) {
      if (e instanceof OperationError) return null;
      throw e;
    }
  };
  switch (kind % 15) {
    case 0:
    case 1: {
      const start = a % 40;
      return addUnitOp(unit(`u${serial}`, start, start + 1 + (b % 10), pick(labels, c)));
    }
    case 2:
      return u.length ? removeUnitOp(map, pick(u, a).id) : null;
    case 3: {
      if (!u.length) return null;
      const target = pick(u, a);
      if (isImplicit(target)) return updateUnitOp(map, target.id, pick([{ text: `text ${b}` }, { label: pick(labels, b) }, { note: `note ${b}` }], c));
      const fields = [{ label: pick(labels, b) }, { note: `note ${b}` }, { start: Math.max(0, target.end - 1 - (b % 3)) }, { end: target.start + 1 + (c % 5) }];
      return updateUnitOp(map, target.id, pick(fields, c));
    }
    case 4:
    case 5: {
      // One to three premises; the target a unit, or (for an attack) a relation.
      if (u.length < 2) return null;
      const from = [...new Set([pick(u, a).id, ...(b % 3 ? [pick(u, a + b).id] : []), ...(b % 5 === 0 ? [pick(u, a + 2 * b + 1).id] : [])])];
      const type = c % 2 ? 'support' : 'attack';
      // An attack targets a relation (an undercutter) half the time there is one.
      const to = type === 'attack' && rs.length && b % 2 === 0 ? pick(rs, a + c).id : pick(u, c).id;
      return fits(addRelationOp(rel(`r${serial}`, from, to, type)));
    }
    case 6:
      return rs.length ? removeRelationOp(map, pick(rs, a).id) : null;
    case 7: {
      if (!rs.length) return null;
      const r = pick(rs, a);
      const type = r.type === 'support' ? 'attack' : 'support';
      return (b % 2 ? fits(updateRelationOp(map, r.id, { type })) : null) ?? updateRelationOp(map, r.id, { note: `why ${c}` });
    }
    case 8:
      return setMainClaimOp(map, u.length && a % 3 ? pick(u, b).id : null);
    case 9:
      return addImplicitUnitOp(`i${serial}`, pick(labels, a), `unstated ${b}`);
    case 10:
      return rs.length && u.length ? fits(addPremiseOp(map, pick(rs, a).id, pick(u, b).id, c % (pick(rs, a).from.length + 1))) : null;
    case 11: {
      const r = rs.length ? pick(rs, a) : null;
      return r && r.from.length > 1 ? fits(removePremiseOp(map, r.id, pick(r.from, b))) : null;
    }
    case 12: {
      const r = rs.length ? pick(rs, a) : null;
      return r ? fits(setSchemeOp(map, r.id, b % 8 === 0 ? null : pick(schemes, c).id)) : null;
    }
    case 13: {
      const r = rs.find((x) => x.scheme !== undefined && x.id >= pick(rs, a).id) ?? rs.find((x) => x.scheme !== undefined);
      // No scheme named yet: name one on a support, so that answers come up.
      const support = rs.find((x) => x.type === 'support');
      if (!r) return support ? setSchemeOp(map, support.id, pick(schemes, c).id) : null;
      const question = pick(schemeById(r.scheme!)!.criticalQuestions, b).id;
      return answerCriticalQuestionOp(map, r.id, question, c % 3 === 0 && r.criticalQuestions?.some((q) => q.id === question) ? null : `answer ${c}`);
    }
    default:
      return u.length ? fits(setMainClaimOp(map, pick(u, a).id)) : null;
  }
}

// At least a few steps, so that relations (which need two units) and what builds on them
// (undercutters, premises, schemes and answers) come up often.
const intents = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 8, maxLength: 40 });

function run(intentList: number[][]) {
  let map: ArgumentMap = emptyMap;
  const ops: Operation[] = [];
  const maps = [map];
  intentList.forEach((intent, i) => {
    const op = operationFor(map, intent, i);
    if (!op) return;
    map = apply(map, op);
    ops.push(op);
    maps.push(map);
  });
  return { ops, maps, map };
}

describe('operations', () => {
  it('applying any sequence and then its inverse restores the map', () => {
    fc.assert(
      fc.property(intents, (list) => {
        const { ops, map } = run(list);
        expect(applyAll(map, invertAll(ops))).toEqual(emptyMap);
      }),
      { numRuns: 300 },
    );
  });

  it('each operation is undone by its inverse, and redone by itself', () => {
    fc.assert(
      fc.property(intents, (list) => {
        const { ops, maps } = run(list);
        ops.forEach((op, i) => {
          expect(apply(maps[i + 1], invert(op))).toEqual(maps[i]);
          expect(apply(apply(maps[i + 1], invert(op)), op)).toEqual(maps[i + 1]);
          expect(invert(invert(op))).toEqual(op);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the random sequences reach the deeper model: linked premises, undercutters, implicit units, answered schemes', () => {
    const seen = { linked: 0, undercut: 0, implicit: 0, answered: 0, premiseOps: 0 };
    fc.assert(
      fc.property(intents, (list) => {
        const { ops, maps } = run(list);
        for (const m of maps) {
          if (m.relations.some((r) => r.from.length > 1)) seen.linked++;
          if (m.relations.some((r) => m.relations.some((x) => x.id === r.to))) seen.undercut++;
          if (m.units.some(isImplicit)) seen.implicit++;
          if (m.relations.some((r) => r.criticalQuestions?.length)) seen.answered++;
        }
        seen.premiseOps += ops.filter((o) => o.op === 'addPremise' || o.op === 'removePremise').length;
      }),
      { numRuns: 200, seed: 17 },
    );
    for (const [shape, n] of Object.entries(seen)) expect(n, shape).toBeGreaterThan(0);
  });

  it('operations survive a JSON round trip', () => {
    fc.assert(
      fc.property(intents, (list) => {
        const { ops, map } = run(list);
        const wire = JSON.parse(JSON.stringify(ops)) as Operation[];
        expect(applyAll(emptyMap, wire)).toEqual(map);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps units sorted by position', () => {
    const map = applyAll(emptyMap, [addUnitOp(unit('b', 5, 9)), addUnitOp(unit('a', 0, 3)), addUnitOp(unit('c', 0, 2))]);
    expect(map.units.map((u) => u.id)).toEqual(['c', 'a', 'b']);
    // Moving an edge moves the unit to its new place.
    expect(apply(map, updateUnitOp(map, 'c', { start: 6, end: 12 })).units.map((u) => u.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps units in text order through any sequence of operations', () => {
    fc.assert(
      fc.property(intents, (list) => {
        const { map } = run(list);
        expect(map.units).toEqual([...map.units].sort(compareUnits));
      }),
      { numRuns: 200 },
    );
  });

  it('removing a unit takes its relations and main-claim status with it, and undo restores them', () => {
    let map = applyAll(emptyMap, [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('b', 4, 6, 'evidence')), { op: 'addRelation', relation: rel('r', 'b', 'a') }]);
    map = apply(map, setMainClaimOp(map, 'a'));
    const removal = removeUnitOp(map, 'a');
    const after = apply(map, removal);
    expect(after).toEqual({ units: [unit('b', 4, 6, 'evidence')], relations: [], mainClaimId: null });
    expect(apply(after, invert(removal))).toEqual(map);
  });

  it.each([
    ['a duplicate unit id', [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('a', 4, 5))], /already exists/],
    ['a self-relation', [addUnitOp(unit('a', 0, 3)), { op: 'addRelation', relation: rel('r', 'a', 'a') }], /itself/],
    ['a relation to a missing unit', [addUnitOp(unit('a', 0, 3)), { op: 'addRelation', relation: rel('r', 'a', 'zz') }], /missing unit or relation zz/],
    [
      'a duplicate relation',
      [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('b', 3, 4)), { op: 'addRelation', relation: rel('r1', 'a', 'b') }, { op: 'addRelation', relation: rel('r2', 'a', 'b') }],
      /already exists/,
    ],
    ['a stale update', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { label: 'evidence' }, after: { label: 'rebuttal' } }], /has changed/],
    ['an empty span', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { end: 3 }, after: { end: 0 } }], /empty/],
    ['a stale main claim', [addUnitOp(unit('a', 0, 3)), { op: 'setMainClaim', before: 'a', after: null }], /main claim/],
    // A `before` that leaves out a changed field would overwrite it blind.
    ['a blind update (before: {})', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: {}, after: { label: 'rebuttal' } }], /exactly the fields after changes \(label\)/],
    ['an update whose before lacks a changed field', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { label: 'claim' }, after: { label: 'rebuttal', note: 'x' } }], /exactly the fields/],
    ['an update whose before names another field', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { note: '' }, after: { label: 'rebuttal' } }], /exactly the fields/],
    ['an update that changes nothing', [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: {}, after: {} }], /changes nothing/],
    [
      'a blind relation update',
      [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('b', 3, 4)), { op: 'addRelation', relation: rel('r1', 'a', 'b') }, { op: 'updateRelation', id: 'r1', before: {}, after: { type: 'attack' } }],
      /exactly the fields after changes \(type\)/,
    ],
  ] as Array<[string, Operation[], RegExp]>)('refuses %s', (_name, ops, message) => {
    expect(() => applyAll(emptyMap, ops)).toThrow(OperationError);
    expect(() => applyAll(emptyMap, ops)).toThrow(message);
  });
});

describe('checkOperation', () => {
  // "ロシアの外交" tokens ロシア|の|外交 → boundaries 0, 3, 4, 6
  const ctx: DocumentContext = { textLength: 6, boundaries: [0, 3, 4, 6], labels };

  it.each([
    [unit('a', 0, 3), null],
    [unit('a', 0, 7), /outside the text/],
    [unit('a', 1, 3), /start 1 is not on a token boundary/],
    [unit('a', 0, 5), /end 5 is not on a token boundary/],
    [unit('a', 3, 3), /empty/],
    [unit('a', 0, 3, 'opinion'), /unknown label "opinion"/],
  ])('addUnit %j', (u, expected) => {
    const error = checkOperation(emptyMap, addUnitOp(u), ctx);
    if (expected === null) expect(error).toBeNull();
    else expect(error).toMatch(expected);
  });

  it('reports the index of the first bad operation and applies nothing', () => {
    const result = applyChecked(emptyMap, [addUnitOp(unit('a', 0, 3)), { op: 'updateUnit', id: 'a', before: { end: 3 }, after: { end: 5 } }], ctx);
    expect(result).toEqual({ ok: false, index: 1, error: 'unit a: end 5 is not on a token boundary' });
    expect(result.ok === false && 'refusal' in result).toBe(false);
  });

  it('names the refusals a user can run into by hand, so the UI can say them in its language', () => {
    const two = applyChecked(emptyMap, [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('b', 4, 6))], ctx);
    if (!two.ok) throw new Error(two.error);
    const support = { id: 'r1', type: 'support' as const, from: ['a'], to: 'b', note: '' };
    const self = applyChecked(two.map, [{ op: 'addRelation', relation: { ...support, to: 'a' } }], ctx);
    expect(self).toMatchObject({ ok: false, refusal: 'selfRelation', error: 'a unit cannot support or attack itself' });
    const twice = applyChecked(two.map, [{ op: 'addRelation', relation: support }, { op: 'addRelation', relation: { ...support, id: 'r2' } }], ctx);
    expect(twice).toMatchObject({ ok: false, index: 1, refusal: 'duplicateRelation' });
    // Retyping into a relation that exists is the same refusal.
    const attack = { ...support, id: 'r2', type: 'attack' as const };
    const both = applyChecked(two.map, [{ op: 'addRelation', relation: support }, { op: 'addRelation', relation: attack }], ctx);
    if (!both.ok) throw new Error(both.error);
    const retyped = applyChecked(both.map, [{ op: 'updateRelation', id: 'r2', before: { type: 'attack' }, after: { type: 'support' } }], ctx);
    expect(retyped).toMatchObject({ ok: false, refusal: 'duplicateRelation' });
  });
});

describe('the deeper model: linked premises, undercutters, implicit units, schemes', () => {
  const base = applyAll(emptyMap, [addUnitOp(unit('a', 0, 3)), addUnitOp(unit('b', 4, 6, 'evidence')), addUnitOp(unit('c', 7, 9, 'evidence')), addUnitOp(unit('d', 10, 12, 'counterargument'))]);
  const linked = apply(base, addRelationOp(rel('r1', ['b', 'c'], 'a')));
  const undercut = apply(linked, addRelationOp(rel('r2', 'd', 'r1', 'attack')));

  it('keeps implicit units after the units of the text, by id', () => {
    const map = applyAll(base, [addImplicitUnitOp('z', 'evidence', ' unstated '), addImplicitUnitOp('i', 'claim', 'also unstated')]);
    expect(map.units.map((u) => u.id)).toEqual(['a', 'b', 'c', 'd', 'i', 'z']);
    expect(map.units[5]).toEqual({ id: 'z', label: 'evidence', implicit: true, text: 'unstated', note: '' });
    const edited = apply(map, updateUnitOp(map, 'z', { text: 'stated at last' }));
    expect(edited.units.find((u) => u.id === 'z')).toMatchObject({ text: 'stated at last' });
  });

  it('removing one premise of a linked argument keeps the argument with the others; undo restores the premise in its place', () => {
    const removal = removeUnitOp(undercut, 'b');
    const after = apply(undercut, removal);
    expect(after.relations).toEqual([rel('r1', ['c'], 'a'), rel('r2', 'd', 'r1', 'attack')]);
    expect(apply(after, invert(removal))).toEqual(undercut);
  });

  it('removing the target takes the argument and its undercutter; undo restores both', () => {
    const removal = removeUnitOp(undercut, 'a');
    expect(removal).toMatchObject({ relations: [{ id: 'r1' }, { id: 'r2' }] });
    const after = apply(undercut, removal);
    expect(after.relations).toEqual([]);
    expect(apply(after, invert(removal))).toEqual(undercut);
  });

  it('removing a relation takes its undercutters with it; undo restores them', () => {
    const removal = removeRelationOp(undercut, 'r1');
    expect(removal).toEqual({ op: 'removeRelation', relation: rel('r1', ['b', 'c'], 'a'), undercutters: [rel('r2', 'd', 'r1', 'attack')] });
    const after = apply(undercut, removal);
    expect(after.relations).toEqual([]);
    expect(apply(after, invert(removal))).toEqual(undercut);
    // A removal that leaves the undercutter out is stale, not a silent cascade.
    expect(() => apply(undercut, { op: 'removeRelation', relation: rel('r1', ['b', 'c'], 'a') })).toThrow(/have changed/);
  });

  it('a premise whose removal would repeat another argument takes the argument with it', () => {
    const map = apply(linked, addRelationOp(rel('r3', 'c', 'a')));
    const removal = removeUnitOp(map, 'b');
    const after = apply(map, removal);
    expect(after.relations).toEqual([rel('r3', 'c', 'a')]);
    expect(apply(after, invert(removal))).toEqual(map);
  });

  it('adds and removes premises in place', () => {
    const added = apply(linked, addPremiseOp(linked, 'r1', 'd', 1));
    expect(added.relations[0].from).toEqual(['b', 'd', 'c']);
    const removed = apply(added, removePremiseOp(added, 'r1', 'b'));
    expect(removed.relations[0].from).toEqual(['d', 'c']);
    expect(apply(removed, invert(removePremiseOp(added, 'r1', 'b')))).toEqual(added);
  });

  it('names a scheme, answers its critical questions, and clearing the scheme takes the answers (undo brings them back)', () => {
    let map = apply(linked, setSchemeOp(linked, 'r1', 'expertOpinion'));
    map = apply(map, answerCriticalQuestionOp(map, 'r1', 'field', '国際政治の専門家'));
    map = apply(map, answerCriticalQuestionOp(map, 'r1', 'expertise', '大学教授'));
    expect(map.relations[0]).toEqual({ ...rel('r1', ['b', 'c'], 'a'), scheme: 'expertOpinion', criticalQuestions: [{ id: 'expertise', answer: '大学教授' }, { id: 'field', answer: '国際政治の専門家' }] });
    const clear = setSchemeOp(map, 'r1', null);
    const cleared = apply(map, clear);
    expect(cleared).toEqual(linked);
    expect(apply(cleared, invert(clear))).toEqual(map);
  });

  it.each([
    ['premises that include the target', addRelationOp(rel('x', ['b', 'a'], 'a')), 'premiseIsTarget'],
    ['a repeated premise', addRelationOp(rel('x', ['b', 'b'], 'a')), 'repeatedPremise'],
    ['no premise', addRelationOp(rel('x', [], 'a')), 'noPremises'],
    ['a relation as a premise', addRelationOp(rel('x', ['r1'], 'a')), 'premiseNotUnit'],
    ['the same linked argument again, premises reordered', addRelationOp(rel('x', ['c', 'b'], 'a')), 'duplicateRelation'],
    ['a relation targeting itself', addRelationOp(rel('x', 'b', 'x', 'attack')), 'selfTarget'],
    ['a support of a relation (backing)', addRelationOp(rel('x', 'd', 'r1')), 'backingNotAllowed'],
    ['an id a unit has', addRelationOp(rel('a', 'b', 'c')), 'duplicateId'],
    ['an implicit unit with empty text', addImplicitUnitOp('i', 'claim', '   '), 'emptyImplicitText'],
    ['a text of its own for a unit of the text', { op: 'updateUnit', id: 'b', before: { text: 'x' }, after: { text: 'y' } } as Operation, 'wrongUnitKind'],
    ['an unknown scheme', { op: 'setScheme', id: 'r1', before: { scheme: null, answers: [] }, after: { scheme: 'astrology', answers: [] } } as Operation, 'unknownScheme'],
    ['a question the scheme does not ask', answerCriticalQuestionOp(linked, 'r1', 'field', 'x'), 'unknownCriticalQuestion'],
    ['a premise added twice', addPremiseOp(linked, 'r1', 'b'), 'repeatedPremise'],
    ['the target as a premise', addPremiseOp(linked, 'r1', 'a'), 'premiseIsTarget'],
  ] as Array<[string, Operation, string]>)('refuses %s with a code', (_name, op, code) => {
    let error: unknown;
    try {
      apply(linked, op);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OperationError);
    expect((error as OperationError).code).toBe(code);
  });

  it('refuses a scheme on an attack and the last premise with their codes', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof OperationError ? e.code : 'not an OperationError';
      }
      return 'no error';
    };
    const attack = apply(base, addRelationOp(rel('x', 'd', 'a', 'attack')));
    expect(codeOf(() => apply(attack, setSchemeOp(attack, 'x', 'sign')))).toBe('schemeOnAttack');
    expect(codeOf(() => apply(attack, { op: 'removePremise', id: 'x', unit: 'd', position: 0 }))).toBe('lastPremise');
    // Retyping a support with a scheme into an attack is refused likewise.
    const named = apply(linked, setSchemeOp(linked, 'r1', 'sign'));
    expect(codeOf(() => apply(named, updateRelationOp(named, 'r1', { type: 'attack' })))).toBe('schemeOnAttack');
  });

  it('finds every problem of an imported map at once, cycles of undercutters included', () => {
    const bad: ArgumentMap = {
      units: [unit('a', 0, 3), implicit('i', '')],
      relations: [rel('r1', 'a', 'r2', 'attack'), rel('r2', 'a', 'r1', 'attack'), rel('r3', ['a', 'a'], 'i'), { ...rel('r4', 'a', 'i'), scheme: 'nope' }],
      mainClaimId: 'zz',
    };
    expect(mapProblems(bad).map((p) => [p.id, p.error.code])).toEqual([
      ['i', 'emptyImplicitText'],
      ['r1', 'undercutterCycle'],
      ['r2', 'undercutterCycle'],
      ['r3', 'repeatedPremise'],
      ['r4', 'unknownScheme'],
      ['zz', 'missingUnit'],
    ]);
    expect(mapProblems(undercut)).toEqual([]);
  });

  it('reads an operation queued before premises were lists', () => {
    const old = { op: 'addRelation', relation: { id: 'r', type: 'support', from: ['b'], to: 'a', note: '' } } as unknown as Operation;
    expect(upgradeOperation(old)).toEqual(addRelationOp(rel('r', 'b', 'a')));
  });
});

describe('the scheme catalogue', () => {
  it('has at least ten schemes, each named and asking its questions in both languages, ids unique', () => {
    expect(schemes.length).toBeGreaterThanOrEqual(10);
    expect(new Set(schemes.map((s) => s.id)).size).toBe(schemes.length);
    for (const s of schemes) {
      expect(s.name.ja && s.name.en && s.aifName).toBeTruthy();
      expect(s.criticalQuestions.length).toBeGreaterThanOrEqual(2);
      expect(new Set(s.criticalQuestions.map((q) => q.id)).size).toBe(s.criticalQuestions.length);
      for (const q of s.criticalQuestions) expect(q.ja.length > 0 && q.en.length > 0).toBe(true);
    }
  });
});
