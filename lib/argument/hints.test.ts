import { describe, expect, it } from 'vitest';
import { hintId, labelCounts, labelRoles, structureHints, type StructureHint } from './hints';
import type { ArgumentMap, ArgumentUnit, Relation, RelationType } from './types';

// Units as `id:label`, in text order; relations as `from>to` (support) or `from!to` (attack).
function mapOf(units: string[], relations: string[] = [], mainClaimId: string | null = null): ArgumentMap {
  const us: ArgumentUnit[] = units.map((spec, i) => {
    const [id, label] = spec.split(':');
    return { id, label, start: i * 10, end: i * 10 + 5, note: '' };
  });
  const rs: Relation[] = relations.map((spec, i) => {
    const m = /^(.+?)([>!])(.+)$/.exec(spec)!;
    const type: RelationType = m[2] === '>' ? 'support' : 'attack';
    return { id: `r${String(i).padStart(4, '0')}`, type, from: [m[1]], to: m[3], note: '' };
  });
  return { units: us, relations: rs, mainClaimId };
}

const brief = (hints: StructureHint[]) => hints.map((h) => `${h.kind} ${h.unitIds.join(',')}`);

describe('structureHints', () => {
  it.each<[string, ArgumentMap, string[]]>([
    ['empty map', mapOf([]), []],
    [
      'a well-formed map has no hints',
      mapOf(['t:claim', 'c:claim', 'e:evidence', 'x:counterargument', 'b:rebuttal'], ['c>t', 'e>c', 'x!c', 'b!x'], 't'),
      [],
    ],
    ['a lone claim is unsupported', mapOf(['t:claim']), ['unsupportedClaim t']],
    [
      'attack is not support',
      mapOf(['t:claim', 'x:counterargument'], ['x!t'], 't'),
      ['unsupportedClaim t'],
    ],
    [
      'evidence that only attacks is idle',
      mapOf(['t:claim', 'e:evidence', 'f:evidence'], ['f>t', 'e!t'], 't'),
      ['idleEvidence e'],
    ],
    [
      'evidence supporting evidence in a circle: a cycle, nothing idle',
      mapOf(['t:claim', 'e:evidence', 'f:evidence'], ['f>t', 'e>f', 'f>e']),
      ['supportCycle e,f'],
    ],
    [
      'without a main claim nothing is disconnected',
      mapOf(['a:claim', 'b:evidence', 'c:claim', 'd:evidence'], ['b>a', 'd>c']),
      [],
    ],
    [
      'a disconnected pair gets one hint per unit, in unit order',
      mapOf(['d:evidence', 't:claim', 'e:evidence', 'c:claim'], ['e>t', 'd>c'], 't'),
      ['disconnected d', 'disconnected c'],
    ],
    [
      'connection ignores direction and type',
      mapOf(['t:claim', 'c:claim', 'e:evidence', 'x:counterargument', 'y:rebuttal'], ['c>t', 'e>c', 't!x', 'y!x'], 't'),
      [],
    ],
    [
      'a unit with no relations is disconnected from the main claim',
      mapOf(['t:claim', 'e:evidence', 'n:rebuttal'], ['e>t'], 't'),
      ['disconnected n'],
    ],
    [
      'a 3-cycle of supports is one hint',
      mapOf(['a:claim', 'b:claim', 'c:claim'], ['a>b', 'b>c', 'c>a']),
      ['supportCycle a,b,c'],
    ],
    [
      'a 2-cycle',
      mapOf(['a:claim', 'b:evidence', 't:claim'], ['a>b', 'b>a', 'a>t'], 't'),
      ['supportCycle a,b'],
    ],
    [
      'attacks do not make a cycle',
      mapOf(['a:claim', 'b:claim'], ['a>b', 'b!a']),
      ['unsupportedClaim a'],
    ],
    [
      'two separate cycles, ordered by first unit; a tail into a cycle is not part of it',
      mapOf(['z:claim', 'p:claim', 'q:claim', 'a:claim', 'b:claim', 'w:evidence'], ['a>b', 'b>a', 'p>q', 'q>p', 'w>p', 'z>a']),
      ['unsupportedClaim z', 'supportCycle p,q', 'supportCycle a,b'],
    ],
    [
      'kinds are ordered unsupported, idle, disconnected, cycle',
      mapOf(['e:evidence', 'a:claim', 'b:claim', 't:claim', 'k:claim'], ['a>b', 'b>a'], 't'),
      [
        'unsupportedClaim t',
        'unsupportedClaim k',
        'idleEvidence e',
        'disconnected e',
        'disconnected a',
        'disconnected b',
        'disconnected k',
        'supportCycle a,b',
      ],
    ],
    [
      'other labels are never unsupported or idle',
      mapOf(['t:claim', 'x:counterargument', 'r:rebuttal', 'o:other'], ['x!t', 'r!x', 'o!t', 'x>t'], 't'),
      [],
    ],
  ])('%s', (_, map, expected) => {
    expect(brief(structureHints(map))).toEqual(expected);
  });

  it('ids are the kind and the sorted unit ids, independent of order in the map', () => {
    const a = structureHints(mapOf(['c:claim', 'a:claim', 'b:claim'], ['a>b', 'b>c', 'c>a']));
    const b = structureHints(mapOf(['b:claim', 'c:claim', 'a:claim'], ['c>a', 'a>b', 'b>c']));
    expect(a.map((h) => h.id)).toEqual(['supportCycle:a,b,c']);
    expect(b.map((h) => h.id)).toEqual(['supportCycle:a,b,c']);
    expect(a[0].unitIds).toEqual(['c', 'a', 'b']); // map order
  });

  it('ids are unambiguous even when unit ids contain the separators', () => {
    expect(hintId('supportCycle', ['a,b', 'c'])).not.toBe(hintId('supportCycle', ['a', 'b,c']));
    expect(hintId('disconnected', ['u:1'])).toBe('disconnected:u%3A1');
  });

  it('ids are stable across recomputation', () => {
    const map = mapOf(['t:claim', 'e:evidence', 'x:claim'], ['x>e'], 't');
    expect(structureHints(map)).toEqual(structureHints({ ...map, units: [...map.units] }));
  });

  it('ignores relations to missing units and a main claim that names no unit', () => {
    const map = mapOf(['a:claim', 'e:evidence'], ['e>a', 'e>ghost', 'ghost>a']);
    expect(brief(structureHints({ ...map, mainClaimId: 'ghost' }))).toEqual([]);
  });

  it('handles a self-support (impossible in the model) as a cycle', () => {
    expect(brief(structureHints(mapOf(['a:claim', 't:claim'], ['a>a', 'a>t'])))).toEqual(['supportCycle a']);
  });

  it('handles long chains and big cycles without recursion', () => {
    const n = 50_000;
    const units = Array.from({ length: n }, (_, i) => `u${i}:claim`);
    const chain = Array.from({ length: n - 1 }, (_, i) => `u${i + 1}>u${i}`);
    expect(brief(structureHints(mapOf(units, chain, 'u0')))).toEqual([`unsupportedClaim u${n - 1}`]); // the chain's far end
    const cycle = structureHints(mapOf(units, [...chain, `u0>u${n - 1}`], 'u0'));
    expect(cycle).toHaveLength(1);
    expect(cycle[0].kind).toBe('supportCycle');
    expect(cycle[0].unitIds).toHaveLength(n);
  });
});

describe('labelCounts', () => {
  it('counts every label, with the default labels always present', () => {
    expect(labelCounts(mapOf([]))).toEqual({ claim: 0, evidence: 0, counterargument: 0, rebuttal: 0 });
    expect(labelCounts(mapOf(['a:claim', 'b:claim', 'c:rebuttal', 'd:custom', 'e:__proto__']))).toEqual({
      claim: 2,
      evidence: 0,
      counterargument: 0,
      rebuttal: 1,
      custom: 1,
      ['__proto__']: 1,
    });
  });
});

describe('structure hints in another label scheme', () => {
  it('take the scheme’s first label as the claim and its second as the evidence', () => {
    const map = {
      units: [
        { id: 't', label: 'thesis', start: 0, end: 1, note: '' },
        { id: 'd', label: 'data', start: 1, end: 2, note: '' },
        { id: 'c', label: 'claim', start: 2, end: 3, note: '' },
      ],
      relations: [],
      mainClaimId: null,
    };
    const kinds = (roles?: ReturnType<typeof labelRoles>) => structureHints(map, roles).map((h) => h.id);
    expect(kinds(labelRoles(['thesis', 'data']))).toEqual(['unsupportedClaim:t', 'idleEvidence:d']);
    expect(kinds()).toEqual(['unsupportedClaim:c']);
    expect(labelRoles(['only'])).toEqual({ claim: 'only', evidence: undefined });
  });
});

describe('structure hints on the deeper model (linked arguments, undercutters, implicit units, schemes)', () => {
  const text = (id: string, label: string, i: number): ArgumentUnit => ({ id, label, start: i * 10, end: i * 10 + 5, note: '' });
  const implicit = (id: string, label: string): ArgumentUnit => ({ id, label, implicit: true, text: '補った前提', note: '' });
  const units = [text('t', 'claim', 0), text('a', 'evidence', 1), text('b', 'evidence', 2), text('x', 'counterargument', 3), implicit('i', 'evidence'), implicit('j', 'evidence')];

  it('an undercut inference still supports its claim; its linked premises are not idle', () => {
    const map: ArgumentMap = {
      units,
      relations: [
        { id: 'R1', type: 'support', from: ['a', 'b', 'i'], to: 't', note: '' },
        { id: 'R2', type: 'attack', from: ['x'], to: 'R1', note: '' },
      ],
      mainClaimId: 't',
    };
    // t is supported (R1 undercut by R2 still counts); a, b and i support; j is named by nothing.
    expect(brief(structureHints(map))).toEqual(['idleImplicit j', 'disconnected j']);
  });

  it('a one-premise support undercut along a chain still supports, and its open questions are hinted', () => {
    const map: ArgumentMap = {
      units: [text('t', 'claim', 0), text('c', 'claim', 1), text('a', 'evidence', 2), text('x', 'counterargument', 3), text('y', 'rebuttal', 4), implicit('k', 'rebuttal')],
      relations: [
        { id: 'R1', type: 'support', from: ['c'], to: 't', note: '' },
        { id: 'R2', type: 'support', from: ['a'], to: 'c', scheme: 'sign', note: '' },
        { id: 'R3', type: 'attack', from: ['x'], to: 'R2', note: '' },
        { id: 'R4', type: 'attack', from: ['y'], to: 'R3', note: '' },
        // An implicit unit named only as an undercutter's attacker is connected: no idleImplicit.
        { id: 'R5', type: 'attack', from: ['k'], to: 'R4', note: '' },
      ],
      mainClaimId: 't',
    };
    // c is supported and a supports although R2 is undercut; the chain reaches the main claim.
    expect(structureHints(map)).toEqual([{ id: 'openCriticalQuestion:R2', kind: 'openCriticalQuestion', unitIds: ['c', 'a'], relationId: 'R2' }]);
  });

  it('an implicit premise never connected is pointed out, whatever its label', () => {
    const map: ArgumentMap = { units: [text('t', 'claim', 0), implicit('k', 'rebuttal')], relations: [], mainClaimId: null };
    expect(brief(structureHints(map))).toEqual(['unsupportedClaim t', 'idleImplicit k']);
  });

  it('an inference with an open critical question, until every question is answered', () => {
    const withAnswers = (answers: Relation['criticalQuestions']): ArgumentMap => ({
      units: units.slice(0, 2),
      relations: [{ id: 'R', type: 'support', from: ['a'], to: 't', scheme: 'sign', ...(answers ? { criticalQuestions: answers } : {}), note: '' }],
      mainClaimId: 't',
    });
    // 'sign' asks two questions (correlation, alternatives).
    const none = structureHints(withAnswers(undefined));
    expect(none).toEqual([{ id: 'openCriticalQuestion:R', kind: 'openCriticalQuestion', unitIds: ['t', 'a'], relationId: 'R' }]);
    expect(structureHints(withAnswers([{ id: 'correlation', answer: '強い' }])).map((h) => h.kind)).toEqual(['openCriticalQuestion']);
    expect(structureHints(withAnswers([{ id: 'correlation', answer: '強い' }, { id: 'alternatives', answer: 'ない' }]))).toEqual([]);
    // A relation without a scheme asks nothing.
    expect(structureHints({ ...withAnswers(undefined), relations: [{ id: 'R', type: 'support', from: ['a'], to: 't', note: '' }] })).toEqual([]);
  });
});
