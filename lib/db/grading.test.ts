import { beforeAll, describe, expect, it } from 'vitest';
import { addUnitOp } from '@/lib/argument';
import { toCriteria } from '@/lib/grading/rubric';
import type { Db } from './connect';
import { createDocument } from './documents';
import { listComments } from './comments';
import { createAssignment, createCourse, joinCourse, type Assignment } from './courses';
import { applyOperations } from './operations';
import { getMap, getOrCreateMap } from './maps';
import { studentOverview } from './studentHome';
import { GradingRefusal } from './errors';
import { assertOpenForEdits } from './editLock';
import {
  currentRubric,
  getGrade,
  getLatePolicy,
  listExtensions,
  returnForRevision,
  returnedGradesOfMap,
  rubricVersions,
  saveGrade,
  saveRubric,
  setExtension,
  setLatePolicy,
  studentDue,
  submitAssignment,
} from './grading';
import { NON_BMP_SURFACES, fixtureDocument, insertUsers, testBackends, useTestDb } from './test-support';

const criteria = toCriteria([
  { title: '主張を見つけた', suggest: 'thesis', levels: [{ title: 'いいえ', points: 0 }, { title: 'はい', points: 2 }] },
  { title: '根拠', levels: [{ title: 'なし', points: 0 }, { title: '一部', points: 2 }, { title: 'すべて', points: 4 }] },
]);

async function refusal(p: Promise<unknown>): Promise<GradingRefusal> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GradingRefusal);
  return e as GradingRefusal;
}

describe.each(testBackends())('grading on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;
  let users: Record<string, string>;
  let assignment: Assignment;
  let locked: Assignment;

  beforeAll(async () => {
    db = t.db;
    users = { ...(await insertUsers(db, ['sensei'], 'instructor')), ...(await insertUsers(db, ['aki', 'mio', 'ren'])) };
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, users.sensei, '論証入門');
    for (const s of ['aki', 'mio', 'ren']) await joinCourse(db, users[s], course.joinCode);
    assignment = await createAssignment(db, course.id, { documentId: doc, title: '第1回', dueAt: '2030-04-01T00:00:00.000Z' });
    const doc2 = await createDocument(db, fixtureDocument(['主張', '。']));
    locked = await createAssignment(db, course.id, { documentId: doc2, title: '第2回', dueAt: '2030-04-01T00:00:00.000Z' });
  });

  it('versions the rubric and refuses a change from an outdated version', async () => {
    expect(await currentRubric(db, assignment.id)).toBeNull();
    const v1 = await saveRubric(db, assignment.id, users.sensei, null, criteria.slice(0, 1));
    expect(v1.version).toBe(1);
    expect((await refusal(saveRubric(db, assignment.id, users.sensei, null, criteria))).code).toBe('grading.rubricStale');
    const v2 = await saveRubric(db, assignment.id, users.sensei, 1, criteria);
    expect(v2.version).toBe(2);
    expect((await currentRubric(db, assignment.id))?.criteria).toEqual(criteria);
    expect([...(await rubricVersions(db, assignment.id)).keys()]).toEqual([1, 2]);
  });

  it('keeps the late policy (accept by default) and per-student extensions', async () => {
    expect(await getLatePolicy(db, locked.id)).toBe('accept');
    await setLatePolicy(db, locked.id, 'lock');
    await setLatePolicy(db, locked.id, 'lock');
    expect(await getLatePolicy(db, locked.id)).toBe('lock');
    await setExtension(db, locked.id, users.mio, '2030-04-03T00:00:00.000Z');
    await setExtension(db, locked.id, users.ren, '2030-04-05T00:00:00.000Z');
    await setExtension(db, locked.id, users.ren, null);
    expect(Object.fromEntries(await listExtensions(db, locked.id))).toEqual({ [users.mio]: '2030-04-03T00:00:00.000Z' });
    expect(await studentDue(db, locked, users.mio)).toBe('2030-04-03T00:00:00.000Z');
    expect(await studentDue(db, locked, users.aki)).toBe('2030-04-01T00:00:00.000Z');
  });

  it('takes late work under accept (marked late) and refuses it under lock unless extended', async () => {
    const late = await submitAssignment(db, assignment, users.aki, new Date('2030-04-01T02:00:00.000Z'));
    expect(late).toMatchObject({ lateByMs: 2 * 3_600_000, already: false });
    expect((await submitAssignment(db, assignment, users.aki, new Date('2030-05-01T00:00:00.000Z'))).submittedAt).toBe(late.submittedAt);
    const before = await getOrCreateMap(db, locked.documentId, users.aki);
    const closed = await refusal(submitAssignment(db, locked, users.aki, new Date('2030-04-01T00:00:01.000Z')));
    expect(closed).toMatchObject({ status: 423, code: 'grading.closed', params: { due: '2030-04-01T00:00:00.000Z' } });
    expect((await getMap(db, before.id))?.submittedAt).toBeNull();
    expect(await submitAssignment(db, locked, users.mio, new Date('2030-04-02T00:00:00.000Z'))).toMatchObject({ lateByMs: null });
  });

  it('grades only a submitted map, with the newest rubric, within its ranges; a refusal writes nothing', async () => {
    const map = await getOrCreateMap(db, assignment.documentId, users.ren);
    await applyOperations(db, map.id, map.version, [addUnitOp({ id: 'u1', label: 'claim', start: 8, end: 22, note: '' })]);
    expect((await refusal(saveGrade(db, assignment, users.ren, users.sensei, { rubricVersion: 2, scores: { c1: 2 }, comment: '', return: true }))).code).toBe('grading.notSubmitted');
    const grade = (rubricVersion: number, scores: Record<string, number>, ret: boolean) => saveGrade(db, assignment, users.aki, users.sensei, { rubricVersion, scores, comment: ' よくできました ', return: ret });
    expect(await refusal(grade(1, { c1: 2 }, false))).toMatchObject({ status: 409, code: 'grading.rubricChanged', params: { current: 2 } });
    expect(await refusal(grade(2, { c1: 3 }, false))).toMatchObject({ status: 422, code: 'grading.scoreOutOfRange' });
    expect(await refusal(grade(2, { c1: 2 }, true))).toMatchObject({ status: 422, code: 'grading.incomplete' });
    expect(await getGrade(db, assignment.id, users.aki)).toBeNull();

    const draft = await grade(2, { c1: 2 }, false);
    expect(draft).toMatchObject({ max: 6, grade: { total: 2, returnedAt: null, comment: 'よくできました', rubricVersion: 2 } });
    const akiMap = (await getOrCreateMap(db, assignment.documentId, users.aki)).id;
    expect(await returnedGradesOfMap(db, akiMap)).toEqual([]);
    const returned = await grade(2, { c1: 2, c2: 2.5 }, true);
    expect(returned.grade.returnedAt).not.toBeNull();
    expect(await refusal(grade(2, { c1: 0 }, false))).toMatchObject({ status: 409, code: 'grading.alreadyReturned' });
    const seen = await returnedGradesOfMap(db, akiMap);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ assignmentTitle: '第1回', grade: { total: 4.5 }, rubric: { version: 2 } });
    // The student's home says it is returned, with the score out of that rubric's maximum.
    const home = (await studentOverview(db, users.aki)).flatMap((c) => c.assignments).find((x) => x.id === assignment.id);
    expect(home?.returned).toMatchObject({ total: 4.5, max: 6 });
  });

  it('keeps a returned grade on the rubric version it used when the rubric changes', async () => {
    await saveRubric(db, assignment.id, users.sensei, 2, criteria.slice(1));
    const kept = await getGrade(db, assignment.id, users.aki);
    expect(kept).toMatchObject({ rubricVersion: 2, total: 4.5 });
    const seen = await returnedGradesOfMap(db, kept!.mapId);
    expect(seen[0].rubric.criteria).toEqual(criteria);
  });

  it('returns a submitted map for revision with a message, in one step; an unsubmitted one is refused', async () => {
    const mapId = (await getGrade(db, assignment.id, users.aki))!.mapId;
    expect((await refusal(returnForRevision(db, assignment, users.aki, users.sensei, '  '))).code).toBe('grading.messageEmpty');
    const { version } = await returnForRevision(db, assignment, users.aki, users.sensei, '根拠をもう一つ探してください');
    const map = await getMap(db, mapId);
    expect(map).toMatchObject({ submittedAt: null, version });
    expect((await listComments(db, mapId)).map((c) => [c.targetKind, c.body])).toContainEqual(['map', '根拠をもう一つ探してください']);
    const comments = (await listComments(db, mapId)).length;
    expect((await refusal(returnForRevision(db, assignment, users.aki, users.sensei, 'again'))).code).toBe('grading.notSubmitted');
    expect(await listComments(db, mapId)).toHaveLength(comments);
  });
});

describe.each(testBackends())('closing edits at the due time on $name', (backend) => {
  const t = useTestDb(backend);

  it('refuses a write to a map whose assignment is locked and past its owner’s due time, and nothing else', async () => {
    const db = t.db;
    const users = { ...(await insertUsers(db, ['sensei'], 'instructor')), ...(await insertUsers(db, ['aki', 'mio'])) };
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, users.sensei, '論証入門');
    for (const s of ['aki', 'mio']) await joinCourse(db, users[s], course.joinCode);
    const a = await createAssignment(db, course.id, { documentId: doc, title: '第1回', dueAt: '2030-04-01T00:00:00.000Z' });
    const aki = await getOrCreateMap(db, doc, users.aki);
    const mio = await getOrCreateMap(db, doc, users.mio);
    const teacher = await getOrCreateMap(db, doc, users.sensei);
    const after = new Date('2030-04-02T00:00:00.000Z');
    await assertOpenForEdits(db, aki.id, after); // accept: still open
    await setLatePolicy(db, a.id, 'lock');
    await assertOpenForEdits(db, aki.id, new Date('2030-03-31T00:00:00.000Z')); // before the due time
    expect((await refusal(assertOpenForEdits(db, aki.id, after))).code).toBe('grading.closed');
    await setExtension(db, a.id, users.mio, '2030-04-05T00:00:00.000Z');
    await assertOpenForEdits(db, mio.id, after);
    await assertOpenForEdits(db, teacher.id, after); // not a student's map

    // The autosave checks the same in its version bump: refused then, nothing written.
    const unit = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
    await expect(applyOperations(db, aki.id, 1, [addUnitOp(unit)], 'closed-1', after)).rejects.toMatchObject({ status: 423, code: 'grading.closed', params: { due: '2030-04-01T00:00:00.000Z' } });
    expect(await getMap(db, aki.id)).toMatchObject({ version: 1, units: [] });
    await expect(applyOperations(db, aki.id, 1, [addUnitOp(unit)], 'open-1', new Date('2030-03-31T00:00:00.000Z'))).resolves.toMatchObject({ version: 2 });
    await expect(applyOperations(db, mio.id, 1, [addUnitOp(unit)], 'open-2', after)).resolves.toMatchObject({ version: 2 });
    // A batch saved before the lock, sent again after it, is answered as saved.
    await expect(applyOperations(db, aki.id, 1, [addUnitOp(unit)], 'open-1', after)).resolves.toMatchObject({ version: 2, duplicate: true });
  });
});
