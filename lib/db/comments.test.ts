import { beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MAX_LENGTH } from '@/lib/comments/types';
import type { Db } from './connect';
import { createDocument } from './documents';
import { InvalidDataError, NotFoundError } from './errors';
import { getMap, getOrCreateMap, replaceMapContents } from './maps';
import { submitMap } from './courses';
import { loadAnnotatedMap } from './annotatedMap';
import { addComment, deleteComment, getComment, listComments } from './comments';
import { NON_BMP_SURFACES, fixtureDocument, testBackends, useTestDb } from './test-support';

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — spans on token boundaries (UTF-16).
const claim = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
const evidence = { id: 'u2', label: 'evidence', start: 22, end: 31, note: '' };
const support = { id: 'r1', type: 'support' as const, from: ['u2'], to: 'u1', note: '' };

describe.each(testBackends())('comments on $name', (backend) => {
  const handle = useTestDb(backend);
  let db: Db;
  let mapId: string; // aki's map: u1, u2, r1
  let otherMapId: string; // mio's map: u9 only

  beforeAll(async () => {
    db = handle.db;
    for (const [id, role] of [['sensei', 'instructor'], ['aki', 'student'], ['mio', 'student']] as const) {
      await db.kysely
        .insertInto('users')
        .values({ id, name: id, display_name: id.toUpperCase(), role, password_hash: null, created_at: new Date().toISOString() })
        .execute();
    }
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    mapId = (await getOrCreateMap(db, docId, 'aki')).id;
    await replaceMapContents(db, mapId, 1, { units: [claim, evidence], relations: [support], mainClaimId: 'u1' });
    otherMapId = (await getOrCreateMap(db, docId, 'mio')).id;
    await replaceMapContents(db, otherMapId, 1, { units: [{ ...claim, id: 'u9' }], relations: [], mainClaimId: null });
  });

  it('adds comments on a unit, a relation and the map, and lists them oldest first with their authors', async () => {
    const onUnit = await addComment(db, { mapId, authorId: 'sensei', targetKind: 'unit', targetId: 'u1', body: '  根拠が弱い 𠮷\n ' });
    expect(onUnit).toMatchObject({
      targetKind: 'unit',
      targetId: 'u1',
      body: '根拠が弱い 𠮷',
      author: { id: 'sensei', name: 'sensei', displayName: 'SENSEI', role: 'instructor' },
      byOwner: false,
    });
    const onRelation = await addComment(db, { mapId, authorId: 'sensei', targetKind: 'relation', targetId: 'r1', body: '本当に支持？' });
    const reply = await addComment(db, { mapId, authorId: 'aki', targetKind: 'unit', targetId: 'u1', body: '直します' });
    const general = await addComment(db, { mapId, authorId: 'sensei', targetKind: 'map', body: '全体としてよい' });
    expect(reply.byOwner).toBe(true);
    expect(general.targetId).toBeNull();

    const listed = await listComments(db, mapId);
    expect(listed).toHaveLength(4);
    expect(listed).toEqual(expect.arrayContaining([onUnit, onRelation, reply, general]));
    expect(await listComments(db, otherMapId)).toEqual([]);
    expect(await getComment(db, onUnit.id)).toEqual({ ...onUnit, mapId });
    expect(await getComment(db, 'nope')).toBeNull();
  });

  it('orders by creation time, then by id', async () => {
    const row = (id: string, createdAt: string) => ({ id, map_id: otherMapId, target_kind: 'map' as const, target_id: null, author_id: 'sensei', body: id, created_at: createdAt });
    await db.kysely
      .insertInto('comments')
      .values([row('c-b', '2020-01-01T00:00:00.000Z'), row('c-z', '2019-12-31T23:59:59.999Z'), row('c-a', '2020-01-01T00:00:00.000Z')])
      .execute();
    expect((await listComments(db, otherMapId)).map((c) => c.id)).toEqual(['c-z', 'c-a', 'c-b']);
    await db.kysely.deleteFrom('comments').where('id', 'in', ['c-a', 'c-b', 'c-z']).execute();
  });

  it('does not bump the map version, and works on a submitted map', async () => {
    const before = (await getMap(db, mapId))!;
    await addComment(db, { mapId, authorId: 'sensei', targetKind: 'unit', targetId: 'u2', body: 'before submission' });
    expect((await getMap(db, mapId))!.version).toBe(before.version);

    const { version } = await submitMap(db, mapId);
    const after = await addComment(db, { mapId, authorId: 'sensei', targetKind: 'unit', targetId: 'u2', body: '提出後のフィードバック' });
    const map = (await getMap(db, mapId))!;
    expect(map.version).toBe(version);
    expect(map.submittedAt).not.toBeNull();
    expect((await listComments(db, mapId)).map((c) => c.id)).toContain(after.id);
  });

  it.each([
    ['a unit of another map', { targetKind: 'unit' as const, targetId: 'u9' }, /no unit "u9"/],
    ['a missing relation', { targetKind: 'relation' as const, targetId: 'r404' }, /no relation "r404"/],
    ['a unit id given as a relation', { targetKind: 'relation' as const, targetId: 'u1' }, /no relation "u1"/],
    ['a unit without its id', { targetKind: 'unit' as const, targetId: null }, /needs its id/],
    ['the map with a target id', { targetKind: 'map' as const, targetId: 'u1' }, /no target id/],
  ])('refuses a comment on %s and writes nothing', async (_name, target, message) => {
    const count = (await listComments(db, mapId)).length;
    const attempt = addComment(db, { mapId, authorId: 'sensei', body: 'x', ...target });
    await expect(attempt).rejects.toThrow(InvalidDataError);
    await expect(attempt).rejects.toThrow(message);
    expect(await listComments(db, mapId)).toHaveLength(count);
  });

  it('takes 1 to 4000 characters after trimming', async () => {
    const target = { mapId, authorId: 'sensei', targetKind: 'map' as const };
    await expect(addComment(db, { ...target, body: ' \n\t ' })).rejects.toThrow(InvalidDataError);
    await expect(addComment(db, { ...target, body: 'あ'.repeat(COMMENT_MAX_LENGTH + 1) })).rejects.toThrow(/longer than 4000/);
    expect((await addComment(db, { ...target, body: ` ${'あ'.repeat(COMMENT_MAX_LENGTH)} ` })).body).toHaveLength(COMMENT_MAX_LENGTH);
  });

  it('refuses an unknown map or author with NotFoundError', async () => {
    await expect(addComment(db, { mapId: 'no-map', authorId: 'sensei', targetKind: 'map', body: 'x' })).rejects.toThrow(NotFoundError);
    await expect(addComment(db, { mapId, authorId: 'ghost', targetKind: 'map', body: 'x' })).rejects.toThrow(/user "ghost" not found/);
  });

  it('keeps a comment when its unit is deleted, and the export still carries it', async () => {
    const ownId = otherMapId;
    const c = await addComment(db, { mapId: ownId, authorId: 'sensei', targetKind: 'unit', targetId: 'u9', body: '消される単位' });
    const map = (await getMap(db, ownId))!;
    await replaceMapContents(db, ownId, map.version, { units: [], relations: [], mainClaimId: null });
    expect((await listComments(db, ownId)).map((x) => x.id)).toEqual([c.id]);
    const exported = await loadAnnotatedMap(db, (await getMap(db, ownId))!);
    expect(exported.comments).toEqual([{ id: c.id, targetKind: 'unit', targetId: 'u9', author: 'sensei', body: '消される単位', createdAt: c.createdAt }]);
  });

  it('lets only the author delete a comment', async () => {
    const c = await addComment(db, { mapId, authorId: 'sensei', targetKind: 'unit', targetId: 'u1', body: '消す予定' });
    await expect(deleteComment(db, c.id, 'aki')).rejects.toThrow(NotFoundError);
    expect(await getComment(db, c.id)).not.toBeNull();
    await deleteComment(db, c.id, 'sensei');
    expect(await getComment(db, c.id)).toBeNull();
    await expect(deleteComment(db, c.id, 'sensei')).rejects.toThrow(/comment ".*" not found/);
  });
});
