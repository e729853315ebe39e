import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './connect';
import { createDocument } from './documents';
import { InvalidDataError, NotFoundError, StaleVersionError } from './errors';
import { findMap, findUser, importMap, listMapsOfDocument, mapLabelSchemeId } from './imports';
import { listComments } from './comments';
import { getMap } from './maps';
import { ensureLocalUser } from './users';
import { NON_BMP_SURFACES, fixtureDocument, testBackends, useTestDb } from './test-support';
import type { ArgumentMap } from '@/lib/argument/types';

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' (UTF-16 offsets on token boundaries)
const MAP: ArgumentMap = {
  units: [
    { id: 'u3', label: 'claim', start: 8, end: 13, note: '入れ子' },
    { id: 'u1', label: 'claim', start: 8, end: 22, note: '' },
    { id: 'u2', label: 'evidence', start: 22, end: 31, note: 'tab\tand\nnewline' },
  ],
  relations: [{ id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: '' }],
  mainClaimId: 'u1',
};

describe.each(testBackends())('importing whole maps on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;
  let userId: string;

  beforeAll(async () => {
    db = t.db;
    userId = (await ensureLocalUser(db)).id;
    await db.kysely.insertInto('users').values({ id: 'u-hanako', name: 'hanako', display_name: '花子', role: 'student', password_hash: null, created_at: new Date().toISOString() }).execute();
  });

  it('creates the map on first import and replaces it on the next, one version each', async () => {
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    expect(await findMap(db, docId, userId)).toBeNull();
    const first = await importMap(db, { documentId: docId, userId, map: MAP });
    expect(first.version).toBe(2);
    const stored = await getMap(db, first.mapId);
    expect({ units: stored!.units, relations: stored!.relations, mainClaimId: stored!.mainClaimId }).toEqual(MAP);

    const second = await importMap(db, { documentId: docId, userId, map: { units: [MAP.units[0]], relations: [], mainClaimId: null }, expectedVersion: 2 });
    expect(second).toEqual({ mapId: first.mapId, version: 3 });
    expect((await findMap(db, docId, userId))!.units.map((u) => u.id)).toEqual(['u3']);
  });

  it('refuses a label outside the scheme or a span outside the text and writes nothing, not even a new map', async () => {
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const badLabel = { ...MAP, units: MAP.units.map((u) => (u.id === 'u2' ? { ...u, label: 'opinion' } : u)) };
    await expect(importMap(db, { documentId: docId, userId, map: badLabel })).rejects.toBeInstanceOf(InvalidDataError);
    const badSpan = { ...MAP, units: MAP.units.map((u) => (u.id === 'u2' ? { ...u, end: 999 } : u)) };
    await expect(importMap(db, { documentId: docId, userId, map: badSpan })).rejects.toThrow(/not a span of the document/);
    expect(await findMap(db, docId, userId)).toBeNull();

    await importMap(db, { documentId: docId, userId, map: MAP });
    const before = await findMap(db, docId, userId);
    await expect(importMap(db, { documentId: docId, userId, map: badLabel })).rejects.toThrow(/label "opinion"/);
    // A relation to a missing unit fails inside the transaction: rolled back, version included.
    const dangling = { ...MAP, relations: [{ id: 'r9', type: 'attack' as const, from: ['u1'], to: 'nope', note: '' }] };
    await expect(importMap(db, { documentId: docId, userId, map: dangling })).rejects.toThrow();
    expect(await findMap(db, docId, userId)).toEqual(before);
  });

  it('imports the file’s comments with the map: authors by user name (else the importer, named in the body), ids kept, not added twice', async () => {
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const comments = [
      { id: 'c-import-1', targetKind: 'unit' as const, targetId: 'u2', author: 'hanako', body: '良い根拠', createdAt: '2026-11-20T09:00:00.000Z' },
      { id: 'c-import-2', targetKind: 'map' as const, targetId: null, author: '外部の先生', body: '全体として', createdAt: '2026-11-21T09:00:00.000Z' },
    ];
    const first = await importMap(db, { documentId: docId, userId, map: MAP, comments });
    const stored = await listComments(db, first.mapId);
    expect(stored.map((c) => [c.id, c.targetKind, c.targetId, c.author.id, c.body, c.createdAt])).toEqual([
      ['c-import-1', 'unit', 'u2', 'u-hanako', '良い根拠', '2026-11-20T09:00:00.000Z'],
      ['c-import-2', 'map', null, userId, '外部の先生: 全体として', '2026-11-21T09:00:00.000Z'],
    ]);
    await importMap(db, { documentId: docId, userId, map: MAP, comments, expectedVersion: first.version });
    expect(await listComments(db, first.mapId)).toHaveLength(2);
    // Another map importing the same file gets the comments under new ids.
    const other = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const second = await importMap(db, { documentId: other, userId, map: MAP, comments });
    expect((await listComments(db, second.mapId)).map((c) => c.id)).not.toContain('c-import-1');
    expect(await listComments(db, second.mapId)).toHaveLength(2);
  });

  it('imports a file with thousands of comments (more rows than one statement may bind)', async () => {
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const comments = Array.from({ length: 5_000 }, (_, i) => ({ id: `c-many-${i}`, targetKind: 'map' as const, targetId: null, author: 'hanako', body: `${i}`, createdAt: '2026-11-20T09:00:00.000Z' }));
    const { mapId } = await importMap(db, { documentId: docId, userId, map: MAP, comments });
    expect(await listComments(db, mapId)).toHaveLength(5_000);
  });

  it('refuses a map changed since the import was checked (StaleVersionError), changing nothing', async () => {
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    await importMap(db, { documentId: docId, userId, map: MAP });
    const before = await findMap(db, docId, userId);
    await expect(importMap(db, { documentId: docId, userId, map: MAP, expectedVersion: 1 })).rejects.toBeInstanceOf(StaleVersionError);
    expect(await findMap(db, docId, userId)).toEqual(before);
  });

  it('finds users by id or name, lists a document’s maps by user name, and names missing things', async () => {
    const docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    expect((await findUser(db, 'hanako'))!.id).toBe('u-hanako');
    expect((await findUser(db, 'u-hanako'))!.name).toBe('hanako');
    expect(await findUser(db, 'nobody')).toBeNull();
    await importMap(db, { documentId: docId, userId: 'u-hanako', map: MAP });
    await importMap(db, { documentId: docId, userId, map: MAP });
    expect((await listMapsOfDocument(db, docId)).map((m) => [m.userName, m.version])).toEqual([
      ['hanako', 2],
      ['local', 2],
    ]);
    expect(await mapLabelSchemeId(db, docId, userId)).toBe('default');
    await expect(importMap(db, { documentId: 'no-doc', userId, map: MAP })).rejects.toBeInstanceOf(NotFoundError);
    await expect(importMap(db, { documentId: docId, userId: 'no-user', map: MAP })).rejects.toBeInstanceOf(NotFoundError);
  });
});
