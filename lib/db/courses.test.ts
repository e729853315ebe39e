import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addUnitOp, type Operation } from '@/lib/argument';
import type { Db } from './connect';
import { createDocument } from './documents';
import { InvalidDataError, MapLockedError, NotFoundError } from './errors';
import { importMap } from './imports';
import { getMap, getOrCreateMap } from './maps';
import { applyOperations } from './operations';
import {
  JOIN_CODE_ALPHABET,
  assignmentsReviewing,
  courseDashboard,
  courseRole,
  createAssignment,
  createCourse,
  getAssignment,
  joinCourse,
  listAssignments,
  listCoursesOf,
  newJoinCode,
  submitMap,
  teachesStudentOnDocument,
  unlockMap,
} from './courses';
import { NON_BMP_SURFACES, fixtureDocument, testBackends, insertUsers, useTestDb } from './test-support';

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — spans on token boundaries (UTF-16).
const claim = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
const evidence = { id: 'u2', label: 'evidence', start: 22, end: 31, note: '' };
const evidence2 = { id: 'u3', label: 'evidence', start: 0, end: 4, note: '' };
const support: Operation = { op: 'addRelation', relation: { id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: '' } };

describe.each(testBackends())('courses on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;
  let docId: string;
  const users: Record<string, string> = {};

  beforeAll(async () => {
    db = t.db;
    Object.assign(users, await insertUsers(db, ['sensei', 'other'], 'instructor'), await insertUsers(db, ['aki', 'mio', 'ren', 'kai']));
    docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
  });

  it('makes join codes of 8 unambiguous characters, unique across courses', async () => {
    for (let i = 0; i < 500; i++) {
      const code = newJoinCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) codes.add((await createCourse(db, users.other, `c${i}`)).joinCode);
    expect(codes.size).toBe(20);
  });

  it('retries a join code that collides', async () => {
    const first = await createCourse(db, users.sensei, 'first', () => 'AAAAAAAA');
    const seq = ['AAAAAAAA', 'AAAAAAAA', 'BBBBBBBB'];
    const second = await createCourse(db, users.sensei, 'second', () => seq.shift()!);
    expect(first.joinCode).toBe('AAAAAAAA');
    expect(second.joinCode).toBe('BBBBBBBB');
  });

  it('enrols by code, idempotently; unknown codes are NotFound; the owner is instructor', async () => {
    const course = await createCourse(db, users.sensei, '論証入門');
    expect(await courseRole(db, course.id, users.sensei)).toBe('instructor');
    expect(await courseRole(db, course.id, users.aki)).toBeNull();
    const joined = await joinCourse(db, users.aki, course.joinCode.toLowerCase());
    expect(joined).toMatchObject({ id: course.id, role: 'student' });
    await joinCourse(db, users.aki, course.joinCode);
    expect((await listCoursesOf(db, users.aki)).filter((c) => c.id === course.id)).toHaveLength(1);
    // the owner typing the code stays instructor
    expect((await joinCourse(db, users.sensei, course.joinCode)).role).toBe('instructor');
    expect((await listCoursesOf(db, users.sensei)).find((c) => c.id === course.id)?.role).toBe('instructor');
    await expect(joinCourse(db, users.aki, 'ZZZZZZZZ')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates and lists assignments; refuses unknown documents and foreign reference maps', async () => {
    const course = await createCourse(db, users.sensei, 'assignments');
    const ref = await getOrCreateMap(db, docId, users.sensei);
    const a = await createAssignment(db, course.id, { documentId: docId, title: '第1回', dueAt: '2030-01-01T00:00:00.000Z', referenceMapId: ref.id });
    expect(a).toMatchObject({ courseId: course.id, documentId: docId, labelSchemeId: 'default', referenceMapId: ref.id, dueAt: '2030-01-01T00:00:00.000Z' });
    expect(await listAssignments(db, course.id)).toEqual([a]);
    expect(await getAssignment(db, a.id)).toEqual(a);
    await expect(createAssignment(db, course.id, { documentId: 'nope', title: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    const studentMap = await getOrCreateMap(db, docId, users.aki);
    await expect(createAssignment(db, course.id, { documentId: docId, title: 'x', referenceMapId: studentMap.id })).rejects.toBeInstanceOf(InvalidDataError);
  });

  it('lists assignments oldest first, and those of one millisecond by title', async () => {
    const course = await createCourse(db, users.sensei, 'same millisecond');
    const create = (title: string) => createAssignment(db, course.id, { documentId: docId, title });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00.000Z'));
      for (const title of ['第3回', '第1回', '第2回']) await create(title);
      vi.setSystemTime(new Date('2029-12-31T00:00:00.000Z'));
      await create('第9回');
    } finally {
      vi.useRealTimers();
    }
    expect((await listAssignments(db, course.id)).map((a) => a.title)).toEqual(['第9回', '第1回', '第2回', '第3回']);
  });

  it('counts each student’s units per label (implicit ones too) and relations (undercutters too) for the dashboard', async () => {
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, users.sensei, 'dashboard');
    for (const s of ['aki', 'mio', 'ren', 'kai']) await joinCourse(db, users[s], course.joinCode);
    const a = await createAssignment(db, course.id, { documentId: doc, title: 'dash' });
    const kaiMap = await getOrCreateMap(db, doc, users.kai); // opened the text, wrote nothing
    const akiMap = await getOrCreateMap(db, doc, users.aki);
    await applyOperations(db, akiMap.id, 1, [addUnitOp(claim), addUnitOp(evidence), addUnitOp(evidence2), support]);
    const mioMap = await getOrCreateMap(db, doc, users.mio);
    // An unstated premise supporting the claim, and that inference undercut (issue 17).
    await applyOperations(db, mioMap.id, 1, [
      addUnitOp(claim),
      addUnitOp({ id: 'i1', label: 'evidence', implicit: true, text: '安い店は人気がある', note: '' }),
      addUnitOp({ ...evidence2, label: 'counterargument' }),
      { op: 'addRelation', relation: { id: 'r1', type: 'support', from: ['i1'], to: 'u1', note: '' } },
      { op: 'addRelation', relation: { id: 'r2', type: 'attack', from: ['u3'], to: 'r1', note: '' } },
    ]);
    await submitMap(db, mioMap.id);
    // the instructor's own map is not a student's row
    await getOrCreateMap(db, doc, users.sensei);

    const rows = await courseDashboard(db, a.id);
    expect(rows.map((r) => r.name)).toEqual(['aki', 'kai', 'mio', 'ren']);
    const [aki, kai, mio, ren] = rows;
    expect(kai).toMatchObject({ mapId: kaiMap.id, relations: 0, lastEdit: null, submittedAt: null });
    expect(aki).toEqual({
      userId: users.aki,
      name: 'aki',
      displayName: 'AKI',
      mapId: akiMap.id,
      units: { claim: 1, evidence: 2, counterargument: 0, rebuttal: 0 },
      relations: 1,
      lastEdit: (await getMap(db, akiMap.id))!.updatedAt,
      submittedAt: null,
    });
    expect(typeof aki.relations).toBe('number');
    // An implicit unit counts under its label, an undercutter as a relation.
    expect(mio).toMatchObject({ units: { claim: 1, evidence: 1, counterargument: 1, rebuttal: 0 }, relations: 2, submittedAt: expect.any(String) });
    expect(ren).toMatchObject({ mapId: null, units: { claim: 0, evidence: 0, counterargument: 0, rebuttal: 0 }, relations: 0, lastEdit: null, submittedAt: null });
    await expect(courseDashboard(db, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('tells who teaches a student on a document', async () => {
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, users.sensei, 'visibility');
    await joinCourse(db, users.ren, course.joinCode);
    expect(await teachesStudentOnDocument(db, users.sensei, users.ren, doc)).toBe(false); // no assignment yet
    await createAssignment(db, course.id, { documentId: doc, title: 'v' });
    expect(await teachesStudentOnDocument(db, users.sensei, users.ren, doc)).toBe(true);
    expect(await teachesStudentOnDocument(db, null, users.ren, doc)).toBe(true); // any instructor (admins)
    expect(await teachesStudentOnDocument(db, users.other, users.ren, doc)).toBe(false);
    expect(await teachesStudentOnDocument(db, users.aki, users.ren, doc)).toBe(false);
    expect(await teachesStudentOnDocument(db, users.ren, users.sensei, doc)).toBe(false);
  });

  it('lists the assignments through which an instructor reviews a student’s map of a document', async () => {
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const otherDoc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, users.sensei, 'review links');
    const elsewhere = await createCourse(db, users.other, 'elsewhere');
    await joinCourse(db, users.mio, course.joinCode);
    await joinCourse(db, users.mio, elsewhere.joinCode);
    expect(await assignmentsReviewing(db, users.sensei, users.mio, doc)).toEqual([]);
    const first = await createAssignment(db, course.id, { documentId: doc, title: 'first' });
    const second = await createAssignment(db, course.id, { documentId: doc, title: 'second' });
    await createAssignment(db, course.id, { documentId: otherDoc, title: 'another text' });
    const theirs = await createAssignment(db, elsewhere.id, { documentId: doc, title: 'another course' });

    expect((await assignmentsReviewing(db, users.sensei, users.mio, doc)).map((a) => a.title).sort()).toEqual(['first', 'second']);
    expect((await assignmentsReviewing(db, users.sensei, users.mio, doc)).map((a) => a.id).sort()).toEqual([first.id, second.id].sort());
    expect((await assignmentsReviewing(db, users.other, users.mio, doc)).map((a) => a.id)).toEqual([theirs.id]);
    expect((await assignmentsReviewing(db, null, users.mio, doc)).map((a) => a.id).sort()).toEqual([first.id, second.id, theirs.id].sort());
    expect(await assignmentsReviewing(db, users.sensei, users.ren, doc)).toEqual([]); // not a student of the course
    expect(await assignmentsReviewing(db, users.mio, users.sensei, doc)).toEqual([]); // roles reversed
  });

  it('locks a submitted map: operations and imports are refused and nothing is written; unlock reopens it', async () => {
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const map = await getOrCreateMap(db, doc, users.aki);
    await applyOperations(db, map.id, 1, [addUnitOp(claim)]);
    const { submittedAt, version } = await submitMap(db, map.id);
    expect(version).toBe(3);
    expect((await submitMap(db, map.id)).submittedAt).toBe(submittedAt); // again: unchanged
    const before = await getMap(db, map.id);
    expect(before!.submittedAt).toBe(submittedAt);

    await expect(applyOperations(db, map.id, before!.version, [addUnitOp(evidence)], 'locked-batch-1')).rejects.toBeInstanceOf(MapLockedError);
    await expect(applyOperations(db, map.id, 1, [addUnitOp(evidence)])).rejects.toBeInstanceOf(MapLockedError); // even with a stale base
    await expect(importMap(db, { documentId: doc, userId: users.aki, map: { units: [evidence], relations: [], mainClaimId: null } })).rejects.toBeInstanceOf(MapLockedError);
    expect(await getMap(db, map.id)).toEqual(before);
    expect(await db.kysely.selectFrom('applied_batches').select('batch_id').where('map_id', '=', map.id).execute()).toEqual([]);

    const unlocked = await unlockMap(db, map.id);
    expect(unlocked.version).toBe(before!.version + 1);
    expect((await getMap(db, map.id))!.submittedAt).toBeNull();
    expect((await applyOperations(db, map.id, unlocked.version, [addUnitOp(evidence)])).version).toBe(unlocked.version + 1);
    await expect(submitMap(db, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
