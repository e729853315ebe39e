import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from './connect';
import { createDocument } from './documents';
import { InvalidDataError, NotFoundError, StaleVersionError, constraintViolation } from './errors';
import { getMap, getOrCreateMap, getOrCreateMapRow, replaceMapContents, type MapContents } from './maps';
import { TURN_SLICE_MS } from './turns';
import { ensureLocalUser } from './users';
import { packContents, PACKED_CHUNK } from './packedContents';
import { compareUnits } from '@/lib/argument/types';
import { NON_BMP_SURFACES, countTurns, fixtureDocument, statementLog, testBackends, useTestDb, freshFixtureMap } from './test-support';

// Spans of NON_BMP_SURFACES on token boundaries (UTF-16 offsets):
// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。'
const CONTENTS: MapContents = {
  units: [
    { id: 'u2', label: 'evidence', start: 22, end: 31, note: '理由' },
    { id: 'u1', label: 'claim', start: 8, end: 22 },
    { id: 'u3', label: 'claim', start: 8, end: 13, note: '入れ子' },
  ],
  relations: [{ id: 'r1', type: 'support', from: ['u2'], to: 'u1' }],
  mainClaimId: 'u1',
};

describe.each(testBackends())('argument maps on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;
  let userId: string;
  let docId: string;

  beforeAll(async () => {
    db = t.db;
    userId = (await ensureLocalUser(db)).id;
    docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
  });

  const freshMap = () => freshFixtureMap(db, userId);

  it('fixture spans are what the test means', () => {
    const text = NON_BMP_SURFACES.join('');
    expect(text.slice(8, 22)).toBe('𠮷野家で𩸽を食べた😀。');
    expect(text.slice(22, 31)).toBe('理由は安いからだ。');
    expect(text.slice(8, 13)).toBe('𠮷野家で');
  });

  it('creates one empty map per (document, user), also under concurrent calls', async () => {
    const maps = await Promise.all(Array.from({ length: 8 }, () => getOrCreateMap(db, docId, userId)));
    for (const m of maps) expect(m.id).toBe(maps[0].id);
    expect(maps[0]).toMatchObject({
      documentId: docId,
      userId,
      labelSchemeId: 'default',
      version: 1,
      mainClaimId: null,
      submittedAt: null,
      units: [],
      relations: [],
    });
    const rows = await db.kysely.selectFrom('argument_maps').select('id').where('document_id', '=', docId).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a second map row for the same (document, user) at the database level', async () => {
    const m = await getOrCreateMap(db, docId, userId);
    const now = new Date().toISOString();
    const err = await db.kysely
      .insertInto('argument_maps')
      .values({ ...rowOf(m), id: 'another-id', created_at: now, updated_at: now })
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(constraintViolation(err)).toBe('unique');
  });

  it('throws NotFoundError for a missing document or user', async () => {
    await expect(getOrCreateMap(db, 'no-doc', userId)).rejects.toMatchObject({ name: 'NotFoundError', entity: 'document' });
    await expect(getOrCreateMap(db, docId, 'no-user')).rejects.toMatchObject({ name: 'NotFoundError', entity: 'user' });
    expect(await getMap(db, 'no-map')).toBeNull();
  });

  it('replaces contents, bumps the version and reads units sorted by (start, end)', async () => {
    const map = await freshMap();
    expect(await replaceMapContents(db, map.id, 1, CONTENTS)).toBe(2);
    const got = await getMap(db, map.id);
    expect(got).toMatchObject({ id: map.id, version: 2, mainClaimId: 'u1' });
    expect(got!.units).toEqual([
      { id: 'u3', label: 'claim', start: 8, end: 13, note: '入れ子' },
      { id: 'u1', label: 'claim', start: 8, end: 22, note: '' },
      { id: 'u2', label: 'evidence', start: 22, end: 31, note: '理由' },
    ]);
    expect(got!.relations).toEqual([{ id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: '' }]);
    expect(got!.updatedAt >= map.updatedAt).toBe(true);

    // Replacing with fewer units removes the rest; relations to removed units must go too.
    expect(
      await replaceMapContents(db, map.id, 2, { units: [CONTENTS.units[1]], relations: [], mainClaimId: null }),
    ).toBe(3);
    const after = await getMap(db, map.id);
    expect(after).toMatchObject({ version: 3, mainClaimId: null, relations: [] });
    expect(after!.units.map((u) => u.id)).toEqual(['u1']);
  });

  afterEach(() => vi.restoreAllMocks());
  /// A clock on which every reading is a time slice after the last: every statement of a
  /// chunked store then looks slow, and the store must let the loop turn after each.
  const slowStatements = () => {
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += TURN_SLICE_MS));
  };

  it('lets other work run while it stores a big map (between its insert statements, once they took a time slice)', async () => {
    const map = await freshMap();
    const units = Array.from({ length: 2_000 }, (_, i) => ({ id: `u${i}`, label: 'claim', start: 8, end: 13 }));
    slowStatements();
    const loop = countTurns();
    await replaceMapContents(db, map.id, 1, { units, relations: [], mainClaimId: null });
    // At most 50 units stored between two turns (a statement stays about a millisecond).
    expect(loop.stop()).toBeGreaterThanOrEqual(2_000 / 50 - 1);
    expect((await getMap(db, map.id))!.units).toHaveLength(2_000);
  });

  it('reads a big map a page at a time, with turns between pages, in the core’s order', async () => {
    const map = await freshMap();
    // Ids against the text order, implicit units among them, relations against id order.
    const units = [
      ...Array.from({ length: 2_500 }, (_, i) => ({ id: `t${String(2_500 - i).padStart(4, '0')}`, label: 'claim', start: 8 + (i % 3), end: 13 + (i % 3) })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `a-implicit${i}`, label: 'claim', implicit: true as const, text: `前提${i}` })),
    ];
    const relations = Array.from({ length: 1_200 }, (_, i) => ({ id: `r${String(1_200 - i).padStart(4, '0')}`, type: 'support' as const, from: [units[i + 1].id, units[i + 2].id], to: units[0].id }));
    await replaceMapContents(db, map.id, 1, { units, relations, mainClaimId: null });
    slowStatements();
    const loop = countTurns();
    const read = (await getMap(db, map.id))!;
    // On SQLite 3 pages of units, 2 of relations, 3 of premises, a turn after each but the last
    // of each; the tables are read side by side, so their turns may coincide. One statement a
    // table (as before) gave no turn at all there. (PostgreSQL reads 5,000 rows a page; its
    // statements are I/O, and the loop turns during each.)
    expect(loop.stop()).toBeGreaterThanOrEqual(2);
    vi.restoreAllMocks();
    expect(read.units.map((u) => u.id)).toEqual([...read.units].sort(compareUnits).map((u) => u.id));
    expect(read.units.slice(-3).map((u) => u.id)).toEqual(['a-implicit0', 'a-implicit1', 'a-implicit2']);
    expect(read.units).toHaveLength(2_503);
    expect(read.relations.map((r) => r.id)).toEqual(relations.map((r) => r.id).sort());
    expect(read.relations.find((r) => r.id === 'r1200')!.from).toEqual([units[1].id, units[2].id]);
  });

  // On SQLite, where a statement is a function call: PostgreSQL's statements are I/O, and the
  // loop turns during each of them anyway.
  it.runIf(backend.name === 'sqlite')('stores chunk after chunk without a turn while they take less than a time slice', async () => {
    const map = await freshMap();
    const units = Array.from({ length: 2_000 }, (_, i) => ({ id: `u${i}`, label: 'claim', start: 8, end: 13 }));
    // A still clock: no time passes, so no chunk asks for a turn (each turn waits for everything
    // else queued, which stretched a big import's transaction to seconds under load).
    vi.spyOn(performance, 'now').mockReturnValue(0);
    const loop = countTurns();
    await replaceMapContents(db, map.id, 1, { units, relations: [], mainClaimId: null });
    // What turns there are, the page reads of the old rows' ids gave: far fewer than a turn a chunk.
    expect(loop.stop()).toBeLessThan(2_000 / 50 / 2);
    expect((await getMap(db, map.id))!.units).toHaveLength(2_000);
  });

  it('lets other work run while it replaces a big map: between its reads, deletes and inserts; creation times survive', async () => {
    const map = await freshMap();
    const units = Array.from({ length: 2_000 }, (_, i) => ({ id: `u${i}`, label: 'claim', start: 8, end: 13 }));
    const relations = units.slice(1, 1_001).map((u, i) => ({ id: `r${i}`, type: 'support' as const, from: [u.id], to: 'u0' }));
    await replaceMapContents(db, map.id, 1, { units, relations, mainClaimId: null });
    const born = async () => new Map((await db.kysely.selectFrom('units').select(['id', 'created_at']).where('map_id', '=', map.id).execute()).map((r) => [r.id, r.created_at]));
    const before = await born();
    // The same units and half of them again under new ids; the relations go.
    const next = [...units, ...units.slice(0, 1_000).map((u) => ({ ...u, id: `n${u.id}` }))];
    slowStatements();
    const loop = countTurns();
    await replaceMapContents(db, map.id, 2, { units: next, relations: [], mainClaimId: null });
    const turns = loop.stop();
    // Pages of 1,000 ids read (3), 1,000 relations and 2,000 units deleted 200 a statement (15),
    // 3,000 units inserted 50 a statement (60): a turn between two of each.
    expect(turns).toBeGreaterThanOrEqual(1 + 1 + 4 + 9 + 59);
    const after = await born();
    expect(after.size).toBe(3_000);
    for (const [id, createdAt] of before) expect(after.get(id)).toBe(createdAt);
    expect((await getMap(db, map.id))!.relations).toEqual([]);
  });

  it('skips the model check of packed contents (checked by their packer), not the constraints', async () => {
    const map = await freshMap();
    const duplicate = { ...CONTENTS, relations: [...CONTENTS.relations, { id: 'r9', type: 'support' as const, from: ['u2'], to: 'u1' }] };
    await expect(replaceMapContents(db, map.id, 1, duplicate)).rejects.toBeInstanceOf(InvalidDataError);
    const dangling = { ...CONTENTS, relations: [{ id: 'r2', type: 'attack' as const, from: ['u3'], to: 'ghost' }] };
    const err = await replaceMapContents(db, map.id, 1, packContents(dangling)).catch((e) => e);
    expect(constraintViolation(err)).not.toBeNull();
    await expect(replaceMapContents(db, map.id, 1, packContents({ ...CONTENTS, mainClaimId: 'nope' }))).rejects.toBeInstanceOf(InvalidDataError);
    expect((await getMap(db, map.id))!.version).toBe(1);
    expect(await replaceMapContents(db, map.id, 1, packContents(CONTENTS))).toBe(2);
  });

  it('stores packed contents as it stores the same contents unpacked: chunks of units, undercuts after their targets, creation times kept', async () => {
    // More units and relations than a packed chunk holds; relations listed before the relations
    // they attack (an undercut's row needs its target's).
    const units = Array.from({ length: PACKED_CHUNK + 5 }, (_, i) => ({ id: `u${i}`, label: 'claim', start: 8, end: 13, note: '' }));
    const supports = units.slice(1, PACKED_CHUNK + 3).map((u, i) => ({ id: `s${i}`, type: 'support' as const, from: [u.id], to: 'u0', note: '' }));
    const undercuts = supports.slice(0, 3).map((r, i) => ({ id: `a${i}`, type: 'attack' as const, from: [units[PACKED_CHUNK + 3 + (i % 2)].id], to: r.id, note: '' }));
    const contents = { units, relations: [...undercuts, ...supports], mainClaimId: 'u0' };
    const plain = await freshMap();
    const packed = await freshMap();
    await replaceMapContents(db, plain.id, 1, contents);
    const packedContents = packContents(contents);
    expect(packedContents.units).toHaveLength(2);
    await replaceMapContents(db, packed.id, 1, packedContents);
    const [a, b] = [(await getMap(db, plain.id))!, (await getMap(db, packed.id))!];
    expect(b.units).toEqual(a.units);
    expect(b.relations).toEqual(a.relations);
    expect(b.mainClaimId).toBe('u0');
    expect(b.relations.filter((r) => r.to.startsWith('s'))).toHaveLength(3);
    // Replaced again, packed: the units that stay keep their creation times.
    const born = async () => new Map((await db.kysely.selectFrom('units').select(['id', 'created_at']).where('map_id', '=', packed.id).execute()).map((r) => [r.id, r.created_at]));
    const before = await born();
    await new Promise((r) => setTimeout(r, 5));
    await replaceMapContents(db, packed.id, 2, packContents({ units: [...units, { id: 'new', label: 'claim', start: 8, end: 13, note: '' }], relations: [], mainClaimId: null }));
    const after = await born();
    for (const u of units) expect(after.get(u.id)).toBe(before.get(u.id));
    expect(after.get('new')! > before.get('u0')!).toBe(true);
  });

  it('getOrCreateMapRow gives the id and version getOrCreateMap would, without the contents', async () => {
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const created = await getOrCreateMapRow(db, doc, userId);
    expect(created).toEqual({ id: expect.any(String), version: 1 });
    await replaceMapContents(db, created.id, 1, CONTENTS);
    expect(await getOrCreateMapRow(db, doc, userId)).toEqual({ id: created.id, version: 2 });
    expect(await getOrCreateMap(db, doc, userId)).toMatchObject({ id: created.id, version: 2 });
    await expect(getOrCreateMapRow(db, 'no-doc', userId)).rejects.toMatchObject({ name: 'NotFoundError', entity: 'document' });
  });

  it('refuses a stale version with StaleVersionError and changes nothing', async () => {
    const map = await freshMap();
    await replaceMapContents(db, map.id, 1, CONTENTS);
    const before = await getMap(db, map.id);
    const err = await replaceMapContents(db, map.id, 1, { units: [], relations: [], mainClaimId: null }).catch((e) => e);
    expect(err).toBeInstanceOf(StaleVersionError);
    expect(err).toMatchObject({ mapId: map.id, expectedVersion: 1, currentVersion: 2 });
    expect(await getMap(db, map.id)).toEqual(before);
  });

  it('lets exactly one of two concurrent writers from the same version win', async () => {
    const map = await freshMap();
    const results = await Promise.allSettled([
      replaceMapContents(db, map.id, 1, CONTENTS),
      replaceMapContents(db, map.id, 1, { units: [CONTENTS.units[0]], relations: [], mainClaimId: null }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleVersionError);
    expect((await getMap(db, map.id))!.version).toBe(2);
  });

  it.each([
    ['a relation to a missing unit', { ...CONTENTS, relations: [...CONTENTS.relations, { id: 'r2', type: 'attack' as const, from: ['u3'], to: 'ghost' }] }],
    ['a duplicate unit id', { ...CONTENTS, units: [...CONTENTS.units, { id: 'u1', label: 'claim', start: 0, end: 3 }] }],
    ['an empty span', { ...CONTENTS, units: [...CONTENTS.units, { id: 'u9', label: 'claim', start: 5, end: 5 }] }],
  ])('rolls back entirely on a failing insert mid-way (%s)', async (_name, bad) => {
    const map = await freshMap();
    const previous: MapContents = {
      units: [{ id: 'p1', label: 'claim', start: 0, end: 3, note: 'before' }],
      relations: [],
      mainClaimId: 'p1',
    };
    await replaceMapContents(db, map.id, 1, previous);
    const before = await getMap(db, map.id);

    const err = await replaceMapContents(db, map.id, 2, bad).catch((e) => e);
    expect(constraintViolation(err)).not.toBeNull();
    expect(await getMap(db, map.id)).toEqual(before);
    expect(before!.version).toBe(2);
    // The version was not consumed: a correct write from version 2 still succeeds.
    expect(await replaceMapContents(db, map.id, 2, CONTENTS)).toBe(3);
  });

  it.each([
    ['a duplicate edge (same type, premise set and target)', { ...CONTENTS, relations: [...CONTENTS.relations, { id: 'r9', type: 'support' as const, from: ['u2'], to: 'u1' }] }, /already exists/],
    ['a self-loop', { ...CONTENTS, relations: [{ id: 'r1', type: 'attack' as const, from: ['u1'], to: 'u1' }] }, /itself/],
    ['backing', { ...CONTENTS, relations: [...CONTENTS.relations, { id: 'r2', type: 'support' as const, from: ['u3'], to: 'r1' }] }, /only an attack/],
    ['an unknown scheme', { ...CONTENTS, relations: [{ ...CONTENTS.relations[0], scheme: 'astrology' }] }, /unknown argumentation scheme/],
  ])('refuses what rows cannot check (%s) before writing', async (_name, bad, message) => {
    const map = await freshMap();
    const err = await replaceMapContents(db, map.id, 1, bad).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidDataError);
    expect(err.message).toMatch(message);
    expect((await getMap(db, map.id))!.version).toBe(1);
  });

  it('refuses a main claim that is not one of the units, before writing', async () => {
    const map = await freshMap();
    await expect(
      replaceMapContents(db, map.id, 1, { ...CONTENTS, mainClaimId: 'nope' }),
    ).rejects.toBeInstanceOf(InvalidDataError);
    expect((await getMap(db, map.id))!.version).toBe(1);
  });

  it('throws NotFoundError when replacing the contents of a missing map', async () => {
    await expect(replaceMapContents(db, 'no-map', 1, CONTENTS)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('allows the same unit ids in different maps (ids are per map)', async () => {
    const a = await freshMap();
    const b = await freshMap();
    await replaceMapContents(db, a.id, 1, CONTENTS);
    await replaceMapContents(db, b.id, 1, CONTENTS);
    expect((await getMap(db, a.id))!.units).toEqual((await getMap(db, b.id))!.units);
  });

  it('handles more units than one INSERT chunk: 50 rows a statement on SQLite, 1,000 as one JSON parameter on PostgreSQL; deletes 200 ids or 1,000 a statement', async () => {
    const map = await freshMap();
    const units = Array.from({ length: 1203 }, (_, i) => ({ id: `u${i}`, label: i % 2 ? 'claim' : 'evidence', start: i % 30, end: (i % 30) + 1, note: i % 3 ? '' : `メモ${i}` }));
    const relations = units.slice(1).map((u, i) => ({ id: `r${i}`, type: i % 2 ? ('support' as const) : ('attack' as const), from: [u.id], to: 'u0', note: '' }));
    const logged = await statementLog(db);
    const postgres = backend.name === 'postgres';
    const statements = (rows: number[], perStatement: number) => rows.reduce((n, r) => n + Math.ceil(r / perStatement), 0);
    try {
      await replaceMapContents(logged.db, map.id, 1, { units, relations, mainClaimId: 'u0' });
      // Units, relations, premises: 1,203 + 1,202 + 1,202 rows.
      expect(logged.statements.filter((s) => s === 'insert')).toHaveLength(statements([1203, 1202, 1202], postgres ? 1000 : 50));
      // Replaced again: the old relations and units deleted by id, 200 a statement on SQLite, 1,000 on PostgreSQL.
      logged.texts.length = 0;
      await replaceMapContents(logged.db, map.id, 2, { units, relations, mainClaimId: 'u0' });
      expect(logged.statements.filter((s) => s === 'delete')).toHaveLength(statements([1202, 1203], postgres ? 1000 : 200));
    } finally {
      await logged.close();
    }
    const got = (await getMap(db, map.id))!;
    expect(got.units).toHaveLength(1203);
    expect(got.units.find((u) => u.id === 'u3')).toEqual({ id: 'u3', label: 'claim', start: 3, end: 4, note: 'メモ3' });
    expect(got.relations).toHaveLength(1202);
    expect(got.relations.find((r) => r.id === 'r0')).toMatchObject({ type: 'attack', from: ['u1'], to: 'u0' });
  });

  it('cascades: deleting a map removes its units, relations and comments', async () => {
    const map = await freshMap();
    await replaceMapContents(db, map.id, 1, CONTENTS);
    await db.kysely
      .insertInto('comments')
      .values({ id: `c-${map.id}`, map_id: map.id, target_kind: 'unit', target_id: 'u1', author_id: userId, body: '良い', created_at: '' })
      .execute();
    await db.kysely.deleteFrom('argument_maps').where('id', '=', map.id).execute();
    for (const table of ['units', 'relations', 'comments'] as const) {
      const rows = await db.kysely.selectFrom(table).select('map_id').where('map_id', '=', map.id).execute();
      expect(rows, table).toEqual([]);
    }
  });

  it('refuses a comment by a missing author or with a map-target id', async () => {
    const map = await freshMap();
    const base = { map_id: map.id, author_id: userId, body: 'x', created_at: '' };
    const badAuthor = await db.kysely
      .insertInto('comments')
      .values({ ...base, id: `c1-${map.id}`, target_kind: 'map', target_id: null, author_id: 'ghost' })
      .execute()
      .catch((e) => e);
    expect(constraintViolation(badAuthor)).toBe('foreign_key');
    const badTarget = await db.kysely
      .insertInto('comments')
      .values({ ...base, id: `c2-${map.id}`, target_kind: 'map', target_id: 'u1' })
      .execute()
      .catch((e) => e);
    expect(constraintViolation(badTarget)).toBe('check');
  });
});

function rowOf(m: { id: string; documentId: string; userId: string; labelSchemeId: string }) {
  return {
    id: m.id,
    document_id: m.documentId,
    user_id: m.userId,
    label_scheme_id: m.labelSchemeId,
    version: 1,
    main_claim_id: null,
    submitted_at: null,
  };
}
