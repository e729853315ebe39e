// Curating the reference map through the real handlers on SQLite and (when available)
// PostgreSQL: POST /api/assignments/:id/reference builds it from the class's majority (who may,
// the figures on the fixture text, refusals, undo through the map operations route), and a
// student's unit or relation taken into it one click at a time (takeIntoReference's operations
// through POST /api/maps/:id/operations, as the compare view sends them).
import { beforeAll, describe, expect, it } from 'vitest';
import { takeIntoReference } from '@/lib/agreement/curation';
import { teacherMatch } from '@/lib/agreement/teacher';
import { addUnitOp, invertAll, type Operation } from '@/lib/argument';
import { addInstructor, applyOperations, createAssignment, createCourse, createDocument, getAssignment, getDocument, getMap, getOrCreateMap, joinCourse, setCourseArchived, type Db } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { params, request, signUpAll, useApiDb } from '@/app/api/_test/support';
import { POST as postOperations } from '@/app/api/maps/[mapId]/operations/route';
import { GET as getMapRoute } from '@/app/api/maps/[mapId]/route';
import { POST } from './route';
import { textUnits } from '@/lib/argument/types';

const build = (id: string, cookie: string | undefined, body: unknown = { from: 'majority' }) => POST(request('POST', `/api/assignments/${id}/reference`, { cookie, body }), params({ id }));
const saveOps = (mapId: string, cookie: string, baseVersion: number, operations: Operation[]) =>
  postOperations(request('POST', `/api/maps/${mapId}/operations`, { cookie, body: { batchId: `batch-${Math.random().toString(36).slice(2)}`, baseVersion, operations } }), params({ mapId }));

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — every token a content word (名詞) but '\n'.
// 8–22: 𠮷野家 で 𩸽 を 食べ た 😀 。 (8 words); 22–31: 理由 は 安い から だ 。 (6 words).
const u = (id: string, label: string, start: number, end: number) => ({ id, label, start, end, note: '' });
const support = (id: string, from: string, to: string): Operation => ({ op: 'addRelation', relation: { id, type: 'support', from: [from], to, note: '' } });

const ROLES = ['admin', 'instructor', 'coInstructor', 'otherInstructor', 'studentA', 'studentB', 'studentC', 'loner'] as const;

describe.each(testBackends())('curating the reference map on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let cookie: Record<(typeof ROLES)[number], string>;
  let id: Record<(typeof ROLES)[number], string>;
  let doc: string;
  let assignment: string;
  let lonely: string;
  let courseId: string;

  beforeAll(async () => {
    db = t.db;
    ({ id, cookie } = await signUpAll(db, ROLES, { instructors: ['instructor', 'coInstructor', 'otherInstructor'] }));
    doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, id.instructor, '論証入門');
    courseId = course.id;
    await addInstructor(db, course.id, 'coinstructor');
    for (const s of ['studentA', 'studentB', 'studentC'] as const) await joinCourse(db, id[s], course.joinCode);
    assignment = (await createAssignment(db, course.id, { documentId: doc, title: '第1回' })).id;
    const small = await createCourse(db, id.instructor, '少人数');
    await joinCourse(db, id.loner, small.joinCode);
    lonely = (await createAssignment(db, small.id, { documentId: doc, title: '一人' })).id;

    // A: claim 8–22, evidence 22–31, evidence → claim. B: the same claim, evidence 22–29 (5 of 6
    // words: found), the same relation. C: claim 12–22 (7 of 8 words: found), evidence 22–31.
    const a = await getOrCreateMap(db, doc, id.studentA);
    await applyOperations(db, a.id, a.version, [addUnitOp(u('a1', 'claim', 8, 22)), addUnitOp(u('a2', 'evidence', 22, 31)), support('ar', 'a2', 'a1')]);
    const b = await getOrCreateMap(db, doc, id.studentB);
    await applyOperations(db, b.id, b.version, [addUnitOp(u('b1', 'claim', 8, 22)), addUnitOp(u('b2', 'evidence', 22, 29)), support('br', 'b2', 'b1')]);
    const c = await getOrCreateMap(db, doc, id.studentC);
    await applyOperations(db, c.id, c.version, [addUnitOp(u('c1', 'claim', 12, 22)), addUnitOp(u('c2', 'evidence', 22, 31))]);
    const l = await getOrCreateMap(db, doc, id.loner);
    await applyOperations(db, l.id, l.version, [addUnitOp(u('l1', 'claim', 8, 22))]);
  });

  it.each([
    ['studentA', 403],
    ['otherInstructor', 404],
    ['anonymous', 401],
  ] as const)('%s → %i, nothing written', async (role, status) => {
    const res = await build(assignment, role === 'anonymous' ? undefined : cookie[role]);
    expect(res.status).toBe(status);
    expect((await getAssignment(db, assignment))!.referenceMapId).toBeNull();
  });

  it('refuses a bad body and a class of one, clearly', async () => {
    const bad = await build(assignment, cookie.instructor, { from: 'minority' });
    expect(bad.status).toBe(422);
    const one = await build(lonely, cookie.instructor);
    expect(one.status).toBe(422);
    expect(await one.json()).toMatchObject({ reason: 'tooFewMaps', maps: 1 });
    expect((await getAssignment(db, lonely))!.referenceMapId).toBeNull();
  });

  it('builds the reference from the majority, sets it, and is undone by the inverse operations', async () => {
    const res = await build(assignment, cookie.instructor);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    // claim 8–22: 3 votes (C's 12–22 finds it); evidence 22–31: 3 (B's 22–29 finds it: 2·5 ≥ 6);
    // the support: A and B, 2 of 3. Main claims: none set, so none.
    expect(body).toMatchObject({ voters: 3, units: 2, relations: 1 });
    expect((await getAssignment(db, assignment))!.referenceMapId).toBe(body.mapId);
    const ref = (await getMap(db, body.mapId))!;
    expect(ref.userId).toBe(id.instructor);
    expect(textUnits(ref.units).map((x) => [x.label, x.start, x.end])).toEqual([['claim', 8, 22], ['evidence', 22, 31]]);
    expect(ref.relations.map((r) => [r.type, ref.units.find((x) => x.id === r.from[0])!.label, ref.units.find((x) => x.id === r.to)!.label])).toEqual([['support', 'evidence', 'claim']]);

    // Again: the reference now has units — refused unless replace.
    const again = await build(assignment, cookie.instructor);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ reason: 'referenceNotEmpty', units: 2 });
    const replaced = await build(assignment, cookie.instructor, { from: 'majority', replace: true });
    const second = await replaced.json();
    expect(replaced.status).toBe(200);
    expect((await getMap(db, body.mapId))!.units).toHaveLength(2);

    // Undo the replacement through the normal save route: back to the first build's units.
    const undo = await saveOps(body.mapId, cookie.instructor, second.version, invertAll(second.operations));
    expect(undo.status).toBe(200);
    expect((await getMap(db, body.mapId))!.units.map((x) => x.id)).toEqual(ref.units.map((x) => x.id));

    // A co-instructor of the course rebuilds the instructor's reference with the same rights; an
    // instructor of another course does not see the assignment.
    const co = await build(assignment, cookie.coInstructor, { from: 'majority', replace: true });
    expect(co.status, await co.clone().text()).toBe(200);
    expect((await co.json()).mapId).toBe(body.mapId);
    expect(textUnits((await getMap(db, body.mapId))!.units).map((x) => [x.start, x.end])).toEqual(textUnits(ref.units).map((x) => [x.start, x.end]));
    expect((await build(assignment, cookie.otherInstructor, { from: 'majority', replace: true })).status).toBe(404);
  });

  it('takes a student’s unit into the reference with one save, refused when it is already there', async () => {
    const refId = (await getAssignment(db, assignment))!.referenceMapId!;
    const ref = (await getMap(db, refId))!;
    const student = (await getMap(db, (await getOrCreateMap(db, doc, id.studentB)).id))!;
    const tokens = (await getDocument(db, doc))!.tokens;
    let n = 0;
    const fresh = (kind: 'u' | 'r') => `${kind}-taken-${++n}`;
    // B's evidence 22–29 is not in the reference (its 22–31 has other boundaries): taken.
    const taken = takeIntoReference(ref, student, { kind: 'unit', id: 'b2' }, teacherMatch(ref, student, tokens).units.pairs, fresh);
    expect(taken.ok).toBe(true);
    if (!taken.ok) return;
    const res = await saveOps(refId, cookie.instructor, ref.version, taken.operations);
    expect(res.status).toBe(200);
    const after = (await getMap(db, refId))!;
    expect(textUnits(after.units).map((x) => [x.id, x.start, x.end])).toContainEqual(['u-taken-1', 22, 29]);
    // B's claim 8–22 is in the reference already.
    expect(takeIntoReference(after, student, { kind: 'unit', id: 'b1' }, teacherMatch(after, student, tokens).units.pairs, fresh)).toEqual({ ok: false, reason: 'alreadyInReference' });
    // A stale base version is the save route's 409.
    expect((await saveOps(refId, cookie.instructor, ref.version, taken.operations)).status).toBe(409);
  });

  it('co-instructors curate the reference as its owner does; others do not see it; an archived course refuses', async () => {
    const refId = (await getAssignment(db, assignment))!.referenceMapId!;
    const ref = (await getMap(db, refId))!;
    expect(ref.userId).toBe(id.instructor);
    const read = (who: 'coInstructor' | 'otherInstructor' | 'studentA') => getMapRoute(request('GET', `/api/maps/${refId}`, { cookie: cookie[who] }), params({ mapId: refId }));
    expect((await read('coInstructor')).status).toBe(200);
    expect((await read('otherInstructor')).status).toBe(404);
    expect((await read('studentA')).status).toBe(404);

    const student = (await getMap(db, (await getOrCreateMap(db, doc, id.studentC)).id))!;
    const taken = takeIntoReference(ref, student, { kind: 'unit', id: 'c1' }, [], (kind) => `${kind}-co-${kind}`);
    expect(taken.ok).toBe(true);
    if (!taken.ok) return;
    for (const who of ['otherInstructor', 'studentA'] as const) {
      expect((await saveOps(refId, cookie[who], ref.version, taken.operations)).status).toBe(404);
    }
    expect((await getMap(db, refId))!.version).toBe(ref.version);
    const saved = await saveOps(refId, cookie.coInstructor, ref.version, taken.operations);
    expect(saved.status, await saved.clone().text()).toBe(200);
    const { version } = await saved.json();
    expect((await getMap(db, refId))!.units.map((x) => x.id)).toContain('u-co-u');

    // Archived: the course's reference is read-only for its co-instructors (the owner's map stays theirs).
    await setCourseArchived(db, courseId, true);
    const refused = await saveOps(refId, cookie.coInstructor, version, invertAll(taken.operations));
    expect(refused.status).toBe(423);
    expect(await refused.json()).toMatchObject({ code: 'course.archived', params: { title: '論証入門' } });
    const rebuilt = await build(assignment, cookie.coInstructor, { from: 'majority', replace: true });
    expect([rebuilt.status, (await rebuilt.json()).code]).toEqual([423, 'course.archived']);
    await setCourseArchived(db, courseId, false);
    expect((await saveOps(refId, cookie.coInstructor, version, invertAll(taken.operations))).status).toBe(200);
  });
});
