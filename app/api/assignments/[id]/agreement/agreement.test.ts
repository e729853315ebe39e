// GET /api/assignments/:id/agreement through the real handler on SQLite and (when available)
// PostgreSQL: who may see it, the figures (hand-computed on the fixture text), the CSV download,
// an assignment without a reference map. (Solo mode: classroom.test.ts, with every classroom route.)
import { beforeAll, describe, expect, it } from 'vitest';
import { addUnitOp, type Operation } from '@/lib/argument';
import {
  applyOperations,
  createAssignment,
  createCourse,
  createDocument,
  getOrCreateMap,
  joinCourse,
  submitMap,
  type Db,
} from '@/lib/db';
import { CLASS_AGREEMENT_COLUMNS } from '@/lib/agreement/classAgreement';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { params, request, signUpAll, useApiDb } from '@/app/api/_test/support';
import { GET } from './route';

const get = (id: string, cookie?: string, query = '') => GET(request('GET', `/api/assignments/${id}/agreement${query}`, { cookie }), params({ id }));

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — 18 tokens, 17 of them words (not '\n').
const claim = { id: 'c', label: 'claim', start: 8, end: 22, note: '' }; // 8 tokens
const evidence = { id: 'e', label: 'evidence', start: 22, end: 31, note: '' }; // 6 tokens
const support: Operation = { op: 'addRelation', relation: { id: 'r', type: 'support', from: ['e'], to: 'c', note: '' } };

const ROLES = ['admin', 'instructor', 'otherInstructor', 'studentA', 'studentB', 'outsider'] as const;
type Role = (typeof ROLES)[number];

describe.each(testBackends())('GET /api/assignments/:id/agreement on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let cookie: Record<Role, string>;
  let id: Record<Role, string>;
  let withReference: string;
  let withoutReference: string;

  beforeAll(async () => {
    db = t.db;
    ({ id, cookie } = await signUpAll(db, ROLES, { instructors: ['instructor', 'otherInstructor'], displayName: (role) => (role === 'studentA' ? '山田, "A"' : undefined) }));
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, id.instructor, '論証入門');
    await createCourse(db, id.otherInstructor, '別の授業');
    for (const s of ['studentA', 'studentB'] as const) await joinCourse(db, id[s], course.joinCode);

    const ref = await getOrCreateMap(db, doc, id.instructor);
    await applyOperations(db, ref.id, ref.version, [addUnitOp(claim), addUnitOp(evidence), support]);
    withReference = (await createAssignment(db, course.id, { documentId: doc, title: '第1回: 主張/根拠', referenceMapId: ref.id })).id;
    withoutReference = (await createAssignment(db, course.id, { documentId: doc, title: 'no reference' })).id;

    const a = await getOrCreateMap(db, doc, id.studentA); // the reference, exactly
    await applyOperations(db, a.id, a.version, [addUnitOp(claim), addUnitOp(evidence), support]);
    await submitMap(db, a.id);
    const b = await getOrCreateMap(db, doc, id.studentB); // the claim only
    await applyOperations(db, b.id, b.version, [addUnitOp(claim)]);
  });

  it.each([
    ['admin', 200],
    ['instructor', 200],
    ['otherInstructor', 404],
    ['studentA', 403],
    ['studentB', 403],
    ['outsider', 404],
    ['anonymous', 401],
  ] as const)('%s → %i', async (role, status) => {
    const res = await get(withReference, role === 'anonymous' ? undefined : cookie[role]);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(status);
    if (status !== 200) expect(body.error).toEqual(expect.any(String));
    const csv = await get(withReference, role === 'anonymous' ? undefined : cookie[role], '?format=csv');
    expect(csv.status).toBe(status);
  });

  it('404 for an unknown assignment, 400 for an unknown format', async () => {
    expect((await get('nope', cookie.instructor)).status).toBe(404);
    const bad = await get(withReference, cookie.instructor, '?format=xlsx');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/xlsx.*json, csv/);
  });

  it('scores each student against the reference and computes class alpha over the words', async () => {
    const res = await get(withReference, cookie.instructor);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.note).toBeUndefined();
    expect(body.reference).toMatchObject({ userId: id.instructor, name: 'instructor', units: 2, relations: 1 });
    expect(body.students.map((s: { name: string }) => s.name)).toEqual(['studenta', 'studentb']);
    const [a, b] = body.students;
    expect(a).toMatchObject({ displayName: '山田, "A"', units: 2, relations: 1, submittedAt: expect.any(String) });
    expect(a.vsReference).toMatchObject({ unitsExact: { f1: 1 }, unitsOverlap: { f1: 1 }, labelAccuracy: 1, relationsTyped: { f1: 1 } });
    expect(b).toMatchObject({ units: 1, relations: 0, submittedAt: null });
    expect(b.vsReference.unitsOverlap).toMatchObject({ precision: 1, recall: 0.5, matched: 1, missing: 1, extra: 0 });
    expect(b.vsReference.unitsOverlap.f1).toBeCloseTo(2 / 3, 12);
    expect(b.vsReference.relationsTyped).toMatchObject({ recall: 0, f1: 0 });
    expect(body.means.unitsOverlap.f1).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(body.means.students).toBe(2);
    // Two coders (the reference is not one) over 17 words. claim: both mark the same 8 words → 1.
    // evidence: 6 words E/·, 11 words ·/·: o_E· = o_·E = 6, o_·· = 22, n = 34 →
    //   α = 1 − 33·(34 − 22) / (34² − 6² − 28²) = 1 − 396/336 = −5/28.
    expect(body.alpha).toMatchObject({ tokens: 17, annotators: 2, coders: 'students' });
    expect(body.alpha.byLabel.claim).toBeCloseTo(1, 12);
    expect(body.alpha.byLabel.evidence).toBeCloseTo(-5 / 28, 12);
    expect(body.alpha.byLabel.rebuttal).toBeNull();
    expect(body.labels).toEqual(['claim', 'evidence', 'counterargument', 'rebuttal']);
  });

  it('sends the table as a CSV download named after the assignment', async () => {
    const res = await get(withReference, cookie.admin, '?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const name = encodeURIComponent('第1回-主張-根拠-agreement.csv');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    expect(lines[0]).toBe(CLASS_AGREEMENT_COLUMNS.join(','));
    expect(lines[1]).toMatch(/^student,studenta,"山田, ""A""",/);
    expect(lines[2]).toMatch(/^student,studentb,studentb,/);
    // Figures to two decimals: studentB found 1 of 2 units, F1 = 2/3 → 0.67, never 0.6666666666666666.
    expect(lines[2].split(',')[CLASS_AGREEMENT_COLUMNS.indexOf('unit_exact_f1')]).toBe('0.67');
    const figures = lines.flatMap((l) => l.split(',')).filter((c) => /^-?\d+\.\d+$/.test(c));
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) expect(f).toMatch(/^-?\d+\.\d{1,2}$/);
    expect(lines[3]).toMatch(/^mean,/);
    expect(lines.filter((l) => l.startsWith('alpha,')).map((l) => l.split(',')[21])).toEqual(['claim', 'evidence', 'counterargument', 'rebuttal', '(all)']);
  });

  it('without a reference map: no per-student scores, says so, and still computes alpha', async () => {
    const body = await (await get(withoutReference, cookie.instructor)).json();
    expect(body.reference).toBeNull();
    expect(body.note).toMatch(/no reference map/);
    expect(body.means).toBeNull();
    expect(body.students.map((s: { vsReference: unknown }) => s.vsReference)).toEqual([null, null]);
    expect(body.students.map((s: { units: number }) => s.units)).toEqual([2, 1]);
    expect(body.alpha.byLabel.evidence).toBeCloseTo(-5 / 28, 12);
    const csv = await (await get(withoutReference, cookie.instructor, '?format=csv')).text();
    expect(csv.split('\r\n').some((l) => l.startsWith('mean,'))).toBe(false);
  });
});
