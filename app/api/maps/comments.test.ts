// Feedback comments through the real route handlers, in classroom mode, on SQLite and (when
// available) PostgreSQL: who may list, add and delete, what a bad request gets, and that a
// submitted map still takes feedback without changing its version.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAssignment,
  createCourse,
  createDocument,
  ensureLocalUser,
  getMap,
  getOrCreateMap,
  joinCourse,
  listComments,
  replaceMapContents,
  submitMap,
  type Db,
} from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends } from '@/lib/db/test-support';
import { params, request, signUpAll, useApiDb } from '../_test/support';
import { GET as listRoute, POST as addRoute } from './[mapId]/comments/route';
import { DELETE as deleteRoute } from './[mapId]/comments/[commentId]/route';

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — UTF-16 spans on token boundaries.
const claim = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
const evidence = { id: 'u2', label: 'evidence', start: 22, end: 31, note: '' };
const support = { id: 'r1', type: 'support' as const, from: ['u2'], to: 'u1', note: '' };

const PEOPLE = ['admin', 'instructor', 'otherInstructor', 'studentA', 'studentB'] as const;
type Person = (typeof PEOPLE)[number];

describe.each(testBackends())('comments API on $name', (backend) => {
  const t = useApiDb(backend, 'classroom');
  let db: Db;
  let docId: string;
  let mapA: string;
  let cookie: Record<Person, string>;

  const list = (mapId: string, who?: Person) => listRoute(request('GET', `/api/maps/${mapId}/comments`, { cookie: who && cookie[who] }), params({ mapId }));
  const add = (mapId: string, body: unknown, who?: Person, origin?: string | null) =>
    addRoute(request('POST', `/api/maps/${mapId}/comments`, { body, cookie: who && cookie[who], origin }), params({ mapId }));
  const remove = (mapId: string, commentId: string, who?: Person) =>
    deleteRoute(request('DELETE', `/api/maps/${mapId}/comments/${commentId}`, { cookie: who && cookie[who] }), params({ mapId, commentId }));
  const onUnit = (body: string, unit = 'u1') => ({ targetKind: 'unit', targetId: unit, body });

  beforeAll(async () => {
    db = t.db;
    const accounts = await signUpAll(db, PEOPLE, { instructors: ['instructor', 'otherInstructor'], displayName: (who) => `${who} さん` }); // the first becomes admin
    const ids = accounts.id;
    cookie = accounts.cookie;
    docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, ids.instructor, '論証入門');
    await createAssignment(db, course.id, { documentId: docId, title: '課題1' });
    await joinCourse(db, ids.studentA, course.joinCode);
    await joinCourse(db, ids.studentB, course.joinCode);
    await createCourse(db, ids.otherInstructor, '別の授業');
    mapA = (await getOrCreateMap(db, docId, ids.studentA)).id;
    await replaceMapContents(db, mapA, 1, { units: [claim, evidence], relations: [support], mainClaimId: 'u1' });
  });

  it('an instructor comments on a student’s unit and the student lists it', async () => {
    const res = await add(mapA, onUnit('  根拠が主張を支えていません。𠮷\n'), 'instructor');
    expect(res.status, await res.clone().text()).toBe(201);
    const { comment } = await res.json();
    expect(comment).toMatchObject({
      targetKind: 'unit',
      targetId: 'u1',
      body: '根拠が主張を支えていません。𠮷',
      author: { name: 'instructor', displayName: 'instructor さん', role: 'instructor' },
      byOwner: false,
    });
    const listed = await list(mapA, 'studentA');
    expect(listed.status).toBe(200);
    expect((await listed.json()).comments).toContainEqual(comment);
  });

  it('the student answers on the relation and the map; the admin reads along', async () => {
    const onRelation = await add(mapA, { targetKind: 'relation', targetId: 'r1', body: 'ここは支持のつもりです' }, 'studentA');
    expect(onRelation.status).toBe(201);
    expect((await onRelation.json()).comment).toMatchObject({ targetKind: 'relation', targetId: 'r1', byOwner: true });
    const onMap = await add(mapA, { targetKind: 'map', body: '全体への質問' }, 'studentA');
    expect((await onMap.json()).comment).toMatchObject({ targetKind: 'map', targetId: null });
    const seen = await (await list(mapA, 'admin')).json();
    expect(seen.comments.map((c: { body: string }) => c.body)).toEqual(expect.arrayContaining(['ここは支持のつもりです', '全体への質問']));
  });

  it.each(['studentB', 'otherInstructor'] as const)('%s neither lists nor adds (404), and nothing is written', async (who) => {
    const before = await listComments(db, mapA);
    const listed = await list(mapA, who);
    expect(listed.status).toBe(404);
    expect((await listed.json()).error).toMatch(/not found/);
    expect((await add(mapA, onUnit('のぞき見'), who)).status).toBe(404);
    expect(await listComments(db, mapA)).toEqual(before);
  });

  it('answers 404 for an unknown map', async () => {
    expect((await list('no-such-map', 'instructor')).status).toBe(404);
    expect((await add('no-such-map', onUnit('x'), 'instructor')).status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await list(mapA)).status).toBe(401);
    expect((await add(mapA, onUnit('x'))).status).toBe(401);
  });

  it('refuses a cross-site or origin-less POST (403) and writes nothing', async () => {
    const before = await listComments(db, mapA);
    const cross = await add(mapA, onUnit('x'), 'instructor', 'http://evil.example');
    expect(cross.status).toBe(403);
    expect((await cross.json()).error).toMatch(/cross-site/);
    expect((await add(mapA, onUnit('x'), 'instructor', null)).status).toBe(403);
    expect(await listComments(db, mapA)).toEqual(before);
  });

  it.each([
    ['an empty body', onUnit('  \n '), /body is empty/],
    ['an over-long body', onUnit('あ'.repeat(4001)), /longer than 4000/],
    ['an unknown target kind', { targetKind: 'document', targetId: 'u1', body: 'x' }, /targetKind must be one of unit, relation, map/],
    ['a unit comment without targetId', { targetKind: 'unit', body: 'x' }, /targetId/],
    ['an unknown field', { ...onUnit('x'), extra: 1 }, /extra/],
  ])('refuses %s with 422 and a message naming the problem', async (_name, body, message) => {
    const res = await add(mapA, body, 'instructor');
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(message);
  });

  it('refuses a body that is not JSON (400)', async () => {
    const res = await add(mapA, '{not json', 'instructor');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/not valid JSON/);
  });

  it('refuses a comment on a unit or relation the map does not have (422)', async () => {
    const res = await add(mapA, onUnit('x', 'u404'), 'instructor');
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/no unit "u404"/), field: 'targetId' });
    const rel = await add(mapA, { targetKind: 'relation', targetId: 'u1', body: 'x' }, 'instructor');
    expect(rel.status).toBe(422);
  });

  it('takes feedback on a submitted map without changing its version', async () => {
    const { version } = await submitMap(db, mapA);
    const res = await add(mapA, onUnit('提出後のコメント', 'u2'), 'instructor');
    expect(res.status).toBe(201);
    const map = (await getMap(db, mapA))!;
    expect(map.version).toBe(version);
    expect(map.submittedAt).not.toBeNull();
    expect((await (await list(mapA, 'studentA')).json()).comments.map((c: { body: string }) => c.body)).toContain('提出後のコメント');
  });

  it('lets only the author delete a comment', async () => {
    const { comment } = await (await add(mapA, onUnit('取り消すコメント'), 'instructor')).json();
    const byStudent = await remove(mapA, comment.id, 'studentA');
    expect(byStudent.status).toBe(403);
    expect((await byStudent.json()).error).toMatch(/only its author/);
    expect((await remove(mapA, comment.id, 'studentB')).status).toBe(404);
    expect((await remove('no-such-map', comment.id, 'instructor')).status).toBe(404);
    expect((await remove(mapA, comment.id)).status).toBe(401);
    expect((await listComments(db, mapA)).map((c) => c.id)).toContain(comment.id);

    const cross = await deleteRoute(
      request('DELETE', `/api/maps/${mapA}/comments/${comment.id}`, { cookie: cookie.instructor, origin: 'http://evil.example' }),
      params({ mapId: mapA, commentId: comment.id }),
    );
    expect(cross.status).toBe(403);

    const ok = await remove(mapA, comment.id, 'instructor');
    expect(ok.status).toBe(200);
    expect((await listComments(db, mapA)).map((c) => c.id)).not.toContain(comment.id);
    expect((await remove(mapA, comment.id, 'instructor')).status).toBe(404);
  });

  it('works in solo mode: the local user comments on their own map', async () => {
    process.env.RONTEN_MODE = 'solo';
    try {
      const local = await ensureLocalUser(db);
      const mapId = (await getOrCreateMap(db, docId, local.id)).id;
      const res = await add(mapId, { targetKind: 'map', body: '自分用のメモ' }, undefined, null);
      expect(res.status).toBe(201);
      expect((await (await list(mapId)).json()).comments).toEqual([expect.objectContaining({ body: '自分用のメモ', byOwner: true })]);
      expect((await list(mapA)).status).toBe(404); // someone else's map is still out of reach
    } finally {
      process.env.RONTEN_MODE = 'classroom';
    }
  });
});
