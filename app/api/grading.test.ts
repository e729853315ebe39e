// The grading routes through the real handlers, on SQLite and (when available) PostgreSQL:
// rubric versions, late policy and extensions, submitting late or after the lock, scoring with
// suggestions, refusals with reason codes that write nothing, returning, return for revision,
// the student's view of a returned grade, and the gradebooks (JSON and CSV). Plus who may call
// each route.
import { beforeAll, describe, expect, it } from 'vitest';
import { addUnitOp } from '@/lib/argument';
import { applyOperations, createAssignment, createCourse, createDocument, getAssignment, getMap, getOrCreateMap, joinCourse, listComments, type Db } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { onGradingEvent, type GradingEvent } from '@/lib/grading/events';
import { params, request, signUpAll, useApiDb } from './_test/support';
import { dumpTables } from './_test/world';
import { GET as rubricGet, POST as rubricPost } from './assignments/[id]/rubric/route';
import { POST as latePolicyPost } from './assignments/[id]/late-policy/route';
import { POST as extensionsPost } from './assignments/[id]/extensions/route';
import { POST as submitPost } from './assignments/[id]/submit/route';
import { POST as revisePost } from './assignments/[id]/revise/route';
import { GET as gradesGet } from './assignments/[id]/grades/route';
import { GET as gradeGet, POST as gradePost } from './assignments/[id]/grades/[userId]/route';
import { GET as courseGradesGet } from './courses/[id]/grades/route';
import { POST as operationsPost } from './maps/[mapId]/operations/route';

const ACCOUNTS = ['admin', 'sensei', 'aki', 'mio', 'ren', 'outsider'] as const;
type Who = (typeof ACCOUNTS)[number];

const rubric = {
  baseVersion: null,
  criteria: [
    { title: '論旨を見つけた', suggest: 'thesis', levels: [{ title: 'いいえ', points: 0 }, { title: 'はい', points: 2 }] },
    { title: '根拠', suggest: 'evidence', levels: [{ title: 'なし', points: 0 }, { title: '一部', points: 1 }, { title: 'すべて', points: 3 }] },
  ],
};

describe.each(testBackends())('grading API on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let cookie: Record<Who, string>;
  let id: Record<Who, string>;
  let course: string;
  let asg: string; // due in the past, late work accepted
  let locked: string; // due in the past, lock policy
  const events: GradingEvent[] = [];

  const call = {
    rubric: (who: Who, body: unknown, a = asg) => rubricPost(request('POST', `/api/assignments/${a}/rubric`, { body, cookie: cookie[who] }), params({ id: a })),
    submit: (who: Who, a = asg) => submitPost(request('POST', `/api/assignments/${a}/submit`, { cookie: cookie[who] }), params({ id: a })),
    grade: (who: Who, student: Who, body: unknown) => gradePost(request('POST', `/api/assignments/${asg}/grades/${id[student]}`, { body, cookie: cookie[who] }), params({ id: asg, userId: id[student] })),
    panel: (who: Who, student: Who) => gradeGet(request('GET', `/api/assignments/${asg}/grades/${id[student]}`, { cookie: cookie[who] }), params({ id: asg, userId: id[student] })),
    revise: (who: Who, student: Who, message: string) => revisePost(request('POST', `/api/assignments/${asg}/revise`, { body: { userId: id[student], message }, cookie: cookie[who] }), params({ id: asg })),
    book: (who: Who, format = 'json') => gradesGet(request('GET', `/api/assignments/${asg}/grades?format=${format}`, { cookie: cookie[who] }), params({ id: asg })),
  };

  beforeAll(async () => {
    db = t.db;
    ({ id, cookie } = await signUpAll(db, ACCOUNTS, { instructors: ['sensei'] }));
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const doc2 = await createDocument(db, fixtureDocument(['主張', '。']));
    const c = await createCourse(db, id.sensei, '論証入門');
    course = c.id;
    for (const s of ['aki', 'mio', 'ren'] as const) await joinCourse(db, id[s], c.joinCode);
    // The reference: one claim, as the instructor's own map.
    const ref = await getOrCreateMap(db, doc, id.sensei);
    await applyOperations(db, ref.id, ref.version, [addUnitOp({ id: 'r1', label: 'claim', start: 8, end: 22, note: '' })]);
    asg = (await createAssignment(db, course, { documentId: doc, title: '第1回', dueAt: '2020-04-01T00:00:00.000Z', referenceMapId: ref.id })).id;
    locked = (await createAssignment(db, course, { documentId: doc2, title: '第2回', dueAt: '2020-04-01T00:00:00.000Z' })).id;
    const aki = await getOrCreateMap(db, doc, id.aki);
    await applyOperations(db, aki.id, aki.version, [addUnitOp({ id: 'u1', label: 'claim', start: 8, end: 22, note: '' })]);
    onGradingEvent((e) => void events.push(e));
  });

  it('lets only the course’s instructors change the rubric; members read it', async () => {
    expect((await call.rubric('aki', rubric)).status).toBe(403);
    expect((await call.rubric('outsider', rubric)).status).toBe(404);
    const res = await call.rubric('sensei', rubric);
    expect(res.status).toBe(200);
    expect((await res.json()).rubric).toMatchObject({ version: 1, criteria: [{ id: 'c1' }, { id: 'c2' }] });
    const read = await rubricGet(request('GET', `/api/assignments/${asg}/rubric`, { cookie: cookie.aki }), params({ id: asg }));
    expect(await read.json()).toMatchObject({ rubric: { version: 1 }, latePolicy: 'accept' });
  });

  it('refuses a stale rubric change with a reason code and a bad rubric with 422, writing nothing', async () => {
    const before = await dumpTables(db);
    const stale = await call.rubric('sensei', rubric);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ code: 'grading.rubricStale', params: { current: 1 } });
    expect((await call.rubric('sensei', { ...rubric, baseVersion: 1, criteria: [{ title: 'x', levels: [{ title: 'a', points: 5 }] }] })).status).toBe(422);
    expect(await dumpTables(db)).toBe(before);
  });

  it('takes late work marked late, and refuses work after the lock unless the student has an extension', async () => {
    const late = await call.submit('aki');
    expect(late.status).toBe(200);
    expect((await late.json()).lateByMs).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ kind: 'submitted', userId: id.aki });

    const policy = await latePolicyPost(request('POST', `/api/assignments/${locked}/late-policy`, { body: { latePolicy: 'lock' }, cookie: cookie.sensei }), params({ id: locked }));
    expect(policy.status).toBe(200);
    const before = await dumpTables(db);
    const closed = await call.submit('mio', locked);
    expect(closed.status).toBe(423);
    expect(await closed.json()).toMatchObject({ code: 'grading.closed', params: { due: '2020-04-01T00:00:00.000Z' } });
    expect(await dumpTables(db)).toBe(before);

    const extend = (who: Who, body: unknown) => extensionsPost(request('POST', `/api/assignments/${locked}/extensions`, { body, cookie: cookie[who] }), params({ id: locked }));
    expect((await extend('aki', { userId: id.mio, dueAt: '2099-01-01T00:00:00+09:00' })).status).toBe(403);
    expect((await extend('sensei', { userId: id.outsider, dueAt: '2099-01-01T00:00:00+09:00' })).status).toBe(404);
    expect((await extend('sensei', { userId: id.mio, dueAt: 'tomorrow' })).status).toBe(422);
    expect(await (await extend('sensei', { userId: id.mio, dueAt: '2099-01-01T00:00:00+09:00' })).json()).toEqual({ userId: id.mio, dueAt: '2098-12-31T15:00:00.000Z' });
    const onTime = await call.submit('mio', locked);
    expect(onTime.status).toBe(200);
    expect((await onTime.json()).lateByMs).toBeNull();
  });

  it('refuses edits to a map of a locked assignment past the student’s due time, writing nothing', async () => {
    const assignment = await getAssignment(db, locked);
    const map = await getOrCreateMap(db, assignment!.documentId, id.ren);
    const before = await dumpTables(db);
    const body = { batchId: 'closed-batch-0001', baseVersion: map.version, operations: [{ op: 'addUnit', unit: { id: 'x1', label: 'claim', start: 0, end: 2, note: '' }, relations: [], mainClaim: false }] };
    const res = await operationsPost(request('POST', `/api/maps/${map.id}/operations`, { body, cookie: cookie.ren }), params({ mapId: map.id }));
    expect(res.status).toBe(423);
    expect((await res.json()).code).toBe('grading.closed');
    expect(await dumpTables(db)).toBe(before);
  });

  it('offers suggestions from the reference and never saves them by itself', async () => {
    const res = await call.panel('sensei', 'aki');
    expect(res.status).toBe(200);
    const panel = await res.json();
    expect(panel).toMatchObject({ rubric: { version: 1 }, grade: null, max: 5 });
    expect(panel.lateByMs).toBeGreaterThan(0);
    expect(panel.suggestions).toEqual([
      { criterionId: 'c1', basis: 'thesis', found: 1, total: 1, points: 2, level: 1 },
      // the reference has no evidence: nothing to miss
      { criterionId: 'c2', basis: 'evidence', found: 0, total: 0, points: 3, level: 2 },
    ]);
    expect((await call.book('sensei').then((r) => r.json())).rows.find((r: { name: string }) => r.name === 'aki')).toMatchObject({ gradeState: 'none' });
  });

  it('refuses bad scores, a stale rubric version and grading an unsubmitted map with reason codes, writing nothing', async () => {
    const before = await dumpTables(db);
    const cases: Array<[Who, unknown, number, string | undefined]> = [
      ['aki', { scores: { c1: 2 }, rubricVersion: 1 }, 403, undefined],
      ['sensei', { scores: { c1: 3 }, rubricVersion: 1 }, 422, 'grading.scoreOutOfRange'],
      ['sensei', { scores: { c1: -1 }, rubricVersion: 1 }, 422, 'grading.scoreOutOfRange'],
      ['sensei', { scores: { c7: 1 }, rubricVersion: 1 }, 422, 'grading.unknownCriterion'],
      ['sensei', { scores: { c1: 2 }, rubricVersion: 1, return: true }, 422, 'grading.incomplete'],
      ['sensei', { scores: { c1: 2 }, rubricVersion: 7 }, 409, 'grading.rubricChanged'],
      ['sensei', { scores: { c1: 2 } }, 422, undefined],
    ];
    for (const [who, body, status, code] of cases) {
      const res = await call.grade(who, 'aki', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (code) expect((await res.json()).code).toBe(code);
    }
    const unsubmitted = await call.grade('sensei', 'ren', { scores: { c1: 2, c2: 3 }, rubricVersion: 1, return: true });
    expect(unsubmitted.status).toBe(409);
    expect((await unsubmitted.json()).code).toBe('grading.notSubmitted');
    expect((await call.revise('sensei', 'ren', '直してください')).status).toBe(409);
    expect((await call.grade('sensei', 'outsider', { scores: { c1: 2 }, rubricVersion: 1 })).status).toBe(404);
    expect(await dumpTables(db)).toBe(before);
  });

  it('returns a grade: the student then sees score, rubric and comment; a draft stays hidden', async () => {
    const own = () => gradeGet(request('GET', `/api/assignments/${asg}/grades/${id.aki}`, { cookie: cookie.aki }), params({ id: asg, userId: id.aki }));
    expect((await call.grade('sensei', 'aki', { scores: { c1: 2 }, rubricVersion: 1, comment: '下書き' })).status).toBe(200);
    expect(await (await own()).json()).toEqual({ grades: [] });
    const returned = await call.grade('sensei', 'aki', { scores: { c1: 2, c2: 1 }, rubricVersion: 1, comment: 'よく読めています', return: true });
    expect(returned.status).toBe(200);
    expect(events.at(-1)).toMatchObject({ kind: 'returned', userId: id.aki, total: 3, max: 5 });
    const seen = (await (await own()).json()).grades;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ grade: { total: 3, comment: 'よく読めています', scores: { c1: 2, c2: 1 } }, rubric: { version: 1 }, assignmentTitle: '第1回' });
    // another student's grades are not theirs to read
    expect((await gradeGet(request('GET', `/api/assignments/${asg}/grades/${id.aki}`, { cookie: cookie.mio }), params({ id: asg, userId: id.aki }))).status).toBe(403);
  });

  it('keeps a returned grade on its rubric version when the rubric changes', async () => {
    expect((await call.rubric('sensei', { ...rubric, baseVersion: 1, criteria: rubric.criteria.slice(0, 1) })).status).toBe(200);
    const book = await (await call.book('sensei')).json();
    expect(book.rubricVersion).toBe(2);
    expect(book.rows.find((r: { name: string }) => r.name === 'aki')).toMatchObject({ rubricVersion: 1, total: 3, max: 5, points: { c1: null } });
  });

  it('writes the gradebook: JSON and CSV with late flags and two-decimal agreement', async () => {
    const json = await (await call.book('sensei')).json();
    expect(json.rows.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([
      ['aki', 'returned'],
      ['mio', 'notStarted'],
      ['ren', 'notStarted'],
    ]);
    expect(json.rows[0].agreementUnitsF1).toBe(1);
    const csv = await call.book('sensei', 'csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.split('\r\n')[0]).toBe('\ufeffname,display_name,status,due,submitted_at,late,late_by_hours,grade,rubric_version,論旨を見つけた (/2),total,max,agreement_units_f1,agreement_relations_f1');
    expect(text).toMatch(/\r\naki,aki,returned,2020-04-01T00:00:00.000Z,[^,]+,true,\d+(\.\d\d?)?,returned,1,,3,5,1,1\r\n/);
    expect((await call.book('sensei', 'xlsx')).status).toBe(400);
    expect((await call.book('aki')).status).toBe(403);
    expect((await call.book('outsider')).status).toBe(404);
  });

  it('offers the course’s gradebook across its assignments to its instructors', async () => {
    const get = (who: Who, format = 'json') => courseGradesGet(request('GET', `/api/courses/${course}/grades?format=${format}`, { cookie: cookie[who] }), params({ id: course }));
    const book = await (await get('sensei')).json();
    expect(book.assignments.map((a: { title: string }) => a.title)).toEqual(['第1回', '第2回']);
    expect(book.rows.find((r: { name: string }) => r.name === 'aki')).toMatchObject({ total: 3, max: 5 });
    expect((await (await get('admin', 'csv')).text()).split('\r\n')[0]).toContain('第2回: status');
    expect((await get('aki')).status).toBe(403);
    expect((await get('outsider')).status).toBe(404);
  });

  it('returns a map for revision: unlocked, with the message as a comment, and marked in progress after', async () => {
    expect((await call.revise('aki', 'aki', '自分で')).status).toBe(403);
    expect((await call.revise('sensei', 'aki', '   ')).status).toBe(422);
    const res = await call.revise('sensei', 'aki', '根拠をもう一つ');
    expect(res.status).toBe(200);
    const { mapId } = await res.json();
    expect((await getMap(db, mapId))?.submittedAt).toBeNull();
    expect((await listComments(db, mapId)).map((c) => c.body)).toContain('根拠をもう一つ');
    expect(events.at(-1)).toMatchObject({ kind: 'revisionRequested', userId: id.aki, message: '根拠をもう一つ' });
    const book = await (await call.book('sensei')).json();
    expect(book.rows.find((r: { name: string }) => r.name === 'aki')).toMatchObject({ status: 'inProgress', gradeState: 'returned' });
  });
});
