import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addPremiseOp, addUnitOp, invert, removeRelationOp, removeUnitOp, setMainClaimOp, updateRelationOp, updateUnitOp, type ArgumentMap, type Operation } from '@/lib/argument';
import type { Db } from './connect';
import { setCourseArchived } from './courseAdmin';
import { CourseArchivedError, createAssignment, createCourse, joinCourse, submitMap } from './courses';
import { createDocument } from './documents';
import { BatchReusedError, MapLockedError, NotFoundError, OperationRejectedError, SessionEndedError, StaleVersionError } from './errors';
import { deleteSession, insertSession } from './sessions';
import { setLatePolicy } from './grading';
import { getMap, getOrCreateMap, replaceMapContents } from './maps';
import { applyOperations, documentContext, mapOwner } from './operations';
import { ensureLocalUser } from './users';
import { NON_BMP_SURFACES, countTurns, countingDb, fixtureDocument, insertUsers, statementLog, testBackends, useTestDb, freshFixtureMap } from './test-support';
import { TURN_SLICE_MS } from './turns';

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — spans on token boundaries (UTF-16).
const claim = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
const evidence = { id: 'u2', label: 'evidence', start: 22, end: 31, note: '理由' };
const support: Operation = { op: 'addRelation', relation: { id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: '' } };

describe.each(testBackends())('applyOperations on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;
  let userId: string;

  beforeAll(async () => {
    db = t.db;
    userId = (await ensureLocalUser(db)).id;
  });

  const freshMap = () => freshFixtureMap(db, userId);

  it('applies operations, bumps the version and stores exactly the resulting map', async () => {
    const m = await freshMap();
    const result = await applyOperations(db, m.id, 1, [addUnitOp(claim), addUnitOp(evidence), support, { op: 'setMainClaim', before: null, after: 'u1' }]);
    expect(result.version).toBe(2);
    const stored = await getMap(db, m.id);
    expect(stored).toMatchObject({ version: 2, mainClaimId: 'u1', units: [claim, evidence], relations: [support.relation] });
    expect({ units: stored!.units, relations: stored!.relations, mainClaimId: stored!.mainClaimId }).toEqual(result.map);

    // Edits, then removal with its relation and main-claim status, then undo of the removal.
    const after2 = await applyOperations(db, m.id, 2, [updateUnitOp(result.map, 'u2', { label: 'rebuttal', note: '' })]);
    const removal = removeUnitOp(after2.map, 'u1');
    const after3 = await applyOperations(db, m.id, 3, [removal]);
    expect(after3.map).toEqual({ units: [{ ...evidence, label: 'rebuttal', note: '' }], relations: [], mainClaimId: null });
    const after4 = await applyOperations(db, m.id, 4, [invert(removal)]);
    expect(after4.map).toEqual(after2.map);
    expect((await getMap(db, m.id))!.version).toBe(5);
  });

  // In process (SQLite) only the slices let the loop turn; on PostgreSQL it also turns while
  // each statement is on its way, which would hide their absence.
  it.runIf(backend.name === 'sqlite')('lets other work run while it checks a long batch (between its operations, once they took a time slice)', async () => {
    const m = await freshMap();
    const batch = Array.from({ length: 30 }, (_, i) => addUnitOp({ ...claim, id: `a${String(i).padStart(2, '0')}` }));
    // Every reading of the clock a time slice after the last: every operation looks slow.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += TURN_SLICE_MS));
    const loop = countTurns();
    try {
      const result = await applyOperations(db, m.id, 1, batch);
      expect(result.map.units.map((u) => u.id)).toEqual(batch.map((_, i) => `a${String(i).padStart(2, '0')}`));
    } finally {
      vi.restoreAllMocks();
    }
    expect(loop.stop()).toBeGreaterThanOrEqual(batch.length - 1);
    expect((await getMap(db, m.id))!.units).toHaveLength(30);
  });

  it('writes a batch that names its session only while the session lives, on either way of writing, and refuses it as ended before anything else', async () => {
    const m = await freshMap();
    const now = new Date();
    const session = `s-${m.id}`;
    await insertSession(db, { id: session, userId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3600_000).toISOString(), lastSeenAt: now.toISOString() });
    const added = await applyOperations(db, m.id, 1, [addUnitOp(claim), addUnitOp(evidence), addUnitOp({ ...claim, id: 'u3' }), support], 'with-session-1', now, session);
    // A change of premises (the transaction's way on PostgreSQL too), then an edit (one statement).
    const linked = await applyOperations(db, m.id, 2, [addPremiseOp(added.map, 'r1', 'u3')], 'with-session-2', now, session);
    const edited = await applyOperations(db, m.id, 3, [updateUnitOp(linked.map, 'u1', { note: 'a' })], 'with-session-3', now, session);
    expect(edited.version).toBe(4);
    expect(edited.map.relations[0].from).toEqual(['u2', 'u3']);
    await deleteSession(db, session); // signed out, perhaps on another app instance
    const stored = await getMap(db, m.id);
    const edit = [updateUnitOp(edited.map, 'u1', { note: 'b' })];
    const relink = [{ op: 'removePremise', id: 'r1', unit: 'u3', position: 1 } as Operation];
    // On the current version either way, and on a stale one: ended first.
    for (const [version, ops] of [[4, edit], [4, relink], [1, edit]] as const) {
      await expect(applyOperations(db, m.id, version, ops, `ended-${version}-${ops[0].op}`, now, session)).rejects.toBeInstanceOf(SessionEndedError);
    }
    expect(await getMap(db, m.id)).toEqual(stored);
    // The same batch without a session to check goes through.
    expect((await applyOperations(db, m.id, 4, edit)).version).toBe(5);
  });

  it('refuses a stale version and changes nothing', async () => {
    const m = await freshMap();
    await applyOperations(db, m.id, 1, [addUnitOp(claim)]);
    await expect(applyOperations(db, m.id, 1, [addUnitOp(evidence)])).rejects.toBeInstanceOf(StaleVersionError);
    expect(await getMap(db, m.id)).toMatchObject({ version: 2, units: [claim] });
  });

  it.each([
    ['off token boundaries', addUnitOp({ ...claim, start: 9 }), /start 9 is not on a token boundary/],
    ['out of range', addUnitOp({ ...claim, end: 999 }), /outside the text/],
    ['an unknown label', addUnitOp({ ...claim, label: 'opinion' }), /unknown label/],
    ['a relation to a missing unit', { op: 'addRelation', relation: { id: 'r', type: 'attack', from: ['u1'], to: 'nope', note: '' } } as Operation, /missing unit or relation nope/],
    ['a self-relation', { op: 'addRelation', relation: { id: 'r', type: 'attack', from: ['u1'], to: 'u1', note: '' } } as Operation, /itself/],
  ])('refuses %s atomically, naming the operation', async (_name, bad, message) => {
    const m = await freshMap();
    const attempt = applyOperations(db, m.id, 1, [addUnitOp(claim), bad]);
    await expect(attempt).rejects.toBeInstanceOf(OperationRejectedError);
    await expect(attempt).rejects.toMatchObject({ index: 1, reason: expect.stringMatching(message) });
    expect(await getMap(db, m.id)).toMatchObject({ version: 1, units: [], relations: [] });
  });

  it('serializes concurrent writers on the same base version: one wins, the other is stale', async () => {
    const m = await freshMap();
    const results = await Promise.allSettled([
      applyOperations(db, m.id, 1, [addUnitOp(claim)]),
      applyOperations(db, m.id, 1, [addUnitOp(evidence)]),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(StaleVersionError);
    expect((await getMap(db, m.id))!.units).toHaveLength(1);
  });

  it('applies a batch once: a re-sent batch is answered as done with the current map', async () => {
    const m = await freshMap();
    const first = await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'batch-1');
    expect(first).toMatchObject({ version: 2, duplicate: false });
    await applyOperations(db, m.id, 2, [addUnitOp(evidence)], 'batch-2');
    const again = await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'batch-1');
    expect(again).toMatchObject({ version: 2, duplicate: true });
    expect(again.map.units).toEqual([claim, evidence]);
    expect((await getMap(db, m.id))!.version).toBe(3);
  });

  it('refuses a batch id sent again with other operations, and writes nothing', async () => {
    const m = await freshMap();
    await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'batch-1');
    await expect(applyOperations(db, m.id, 1, [addUnitOp(evidence)], 'batch-1')).rejects.toBeInstanceOf(BatchReusedError);
    await expect(applyOperations(db, m.id, 2, [addUnitOp(evidence)], 'batch-1')).rejects.toBeInstanceOf(BatchReusedError);
    // The same operations with their keys in another order are the same batch.
    const reordered = { mainClaim: false, relations: [], unit: { note: '', end: claim.end, start: claim.start, label: claim.label, id: claim.id }, op: 'addUnit' } as Operation;
    expect(await applyOperations(db, m.id, 1, [reordered], 'batch-1')).toMatchObject({ version: 2, duplicate: true });
    expect(await getMap(db, m.id)).toMatchObject({ version: 2, units: [claim] });
  });

  it('takes a batch applied before batch hashes existed (no hash) as done', async () => {
    const m = await freshMap();
    await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'old-batch');
    await db.kysely.updateTable('applied_batches').set({ content_hash: null }).where('batch_id', '=', 'old-batch').execute();
    expect(await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'old-batch')).toMatchObject({ version: 2, duplicate: true });
  });

  it('answers concurrent sends of one batch with one write and the rest as duplicates', async () => {
    const m = await freshMap();
    const results = await Promise.all(Array.from({ length: 4 }, () => applyOperations(db, m.id, 1, [addUnitOp(claim), addUnitOp(evidence)], 'batch-twice')));
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true, true, true]);
    expect(results.every((r) => r.version === 2)).toBe(true);
    expect(await getMap(db, m.id)).toMatchObject({ version: 2, units: [claim, evidence] });
  });

  it('answers concurrent sends of one batch on a version it last wrote with one write and the rest as duplicates', async () => {
    const m = await freshMap();
    await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'cached-1'); // remembered at v2
    const results = await Promise.all(Array.from({ length: 4 }, () => applyOperations(db, m.id, 2, [addUnitOp(evidence), support], 'cached-twice')));
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true, true, true]);
    expect(results.every((r) => r.version === 3)).toBe(true);
    expect(await getMap(db, m.id)).toMatchObject({ version: 3, units: [claim, evidence], relations: [support.relation] });
  });

  it('answers a batch re-sent on a map that already holds it (rebased after a reload) as done', async () => {
    const m = await freshMap();
    await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'batch-1');
    expect(await applyOperations(db, m.id, 2, [addUnitOp(claim)], 'batch-1')).toMatchObject({ version: 2, duplicate: true });
    expect(await getMap(db, m.id)).toMatchObject({ version: 2, units: [claim] });
  });

  // The statements a write sends (statementLog: each one's first word). On the version this
  // process last wrote, PostgreSQL gets the bump and the rows as one statement (a WITH of
  // data-modifying CTEs: mapWrite.ts), SQLite a transaction of one statement per table.
  const oneStatementOr = (inTransaction: string[]) => (backend.name === 'postgres' ? ['with'] : inTransaction);

  it('saves a batch of three new units on a map it last wrote in one statement on PostgreSQL; on SQLite BEGIN, the version bump, one INSERT per table, COMMIT', async () => {
    const m = await freshMap();
    await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'count-1'); // the map as written at v2 is remembered
    const third = { id: 'u3', label: 'claim', start: 0, end: 4, note: '' };
    const fourth = { id: 'u4', label: 'evidence', start: 12, end: 16, note: '' };
    const logged = await statementLog(db);
    try {
      const result = await applyOperations(logged.db, m.id, 2, [addUnitOp(evidence), addUnitOp(third), addUnitOp(fourth)], 'count-2');
      expect(result).toMatchObject({ version: 3, duplicate: false });
      expect(logged.statements).toEqual(oneStatementOr(['begin', 'update', 'insert', 'insert', 'commit']));
    } finally {
      await logged.close();
    }
    expect(await getMap(db, m.id)).toMatchObject({ version: 3, units: [third, claim, fourth, evidence] });
    expect(await db.kysely.selectFrom('applied_batches').select(['batch_id', 'version']).where('map_id', '=', m.id).orderBy('version').execute()).toEqual([
      { batch_id: 'count-1', version: 2 },
      { batch_id: 'count-2', version: 3 },
    ]);
  });

  it('stores exactly the computed map for every kind of change on a version it last wrote (one statement on PostgreSQL but for a change of premises)', async () => {
    const m = await freshMap();
    const third = { id: 'u3', label: 'claim', start: 0, end: 4, note: '' };
    const fourth = { id: 'u4', label: 'evidence', start: 12, end: 16, note: '' };
    const undercut: Operation = { op: 'addRelation', relation: { id: 'r2', type: 'attack', from: ['u3'], to: 'r1', note: '' } };
    let { map, version } = await applyOperations(db, m.id, 1, [addUnitOp(claim), addUnitOp(evidence)]);
    let removal: Operation | undefined;
    const steps: Array<[string, (map: ArgumentMap) => Operation[], 'one statement' | 'transaction']> = [
      ['units, relations (one of them undercutting) and the main claim', (at) => [addUnitOp(third), addUnitOp(fourth), support, undercut, setMainClaimOp(at, 'u1')], 'one statement'],
      ['a unit edited', (at) => [updateUnitOp(at, 'u2', { label: 'rebuttal', note: '根拠' })], 'one statement'],
      ['a relation edited', (at) => [updateRelationOp(at, 'r1', { note: 'なぜなら' })], 'one statement'],
      ['a premise added', (at) => [addPremiseOp(at, 'r1', 'u4')], 'transaction'],
      ['a unit removed with its relations and main-claim status', (at) => [(removal = removeUnitOp(at, 'u1'))], 'one statement'],
      ['the removal undone', () => [invert(removal!)], 'one statement'],
      ['a relation removed', (at) => [removeRelationOp(at, 'r2')], 'one statement'],
    ];
    const logged = await statementLog(db);
    try {
      for (const [name, ops, how] of steps) {
        logged.texts.length = 0;
        const result = await applyOperations(logged.db, m.id, version, ops(map), `kinds-${version}`);
        expect(result, name).toMatchObject({ version: version + 1, duplicate: false });
        if (how === 'one statement') expect(logged.statements, name).toEqual(oneStatementOr(['begin', ...logged.statements.slice(1, -1), 'commit']));
        else expect(logged.statements[0], name).toBe('begin');
        const stored = (await getMap(db, m.id))!;
        expect({ version: stored.version, units: stored.units, relations: stored.relations, mainClaimId: stored.mainClaimId }, name).toEqual({ version: version + 1, ...result.map });
        ({ map, version } = result);
      }
    } finally {
      await logged.close();
    }
    expect(map.relations.map((r) => r.id)).toEqual(['r1']); // the steps did what they say
    expect(map.relations[0]).toMatchObject({ from: ['u2', 'u4'], note: 'なぜなら' });
    expect(map.mainClaimId).toBe('u1');
  });

  it('refuses a batch on a version it last wrote when the map was submitted, closed by its deadline or its course archived since, and writes nothing', async () => {
    const users = { ...(await insertUsers(db, ['ops-sensei'], 'instructor')), ...(await insertUsers(db, ['ops-aki'])) };
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, users['ops-sensei'], '論証入門');
    await joinCourse(db, users['ops-aki'], course.joinCode);
    const assignment = await createAssignment(db, course.id, { documentId: doc, title: '第1回', dueAt: '2030-04-01T00:00:00.000Z' });
    await setLatePolicy(db, assignment.id, 'lock');
    const open = new Date('2030-03-31T00:00:00.000Z');
    const closed = new Date('2030-04-02T00:00:00.000Z');
    const m = await getOrCreateMap(db, doc, users['ops-aki']);
    await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'refused-0', open); // remembered at v2
    const before = await getMap(db, m.id);
    const attempt = (batchId: string, now: Date) => applyOperations(db, m.id, 2, [addUnitOp(evidence)], batchId, now);

    await expect(attempt('refused-1', closed)).rejects.toMatchObject({ status: 423, code: 'grading.closed', params: { due: '2030-04-01T00:00:00.000Z' } });
    await setCourseArchived(db, course.id, true);
    await expect(attempt('refused-2', open)).rejects.toBeInstanceOf(CourseArchivedError);
    await setCourseArchived(db, course.id, false);
    const submitted = await submitMap(db, m.id); // v3: the batch on v2 is refused as submitted first
    await expect(attempt('refused-3', open)).rejects.toBeInstanceOf(MapLockedError);
    expect(await getMap(db, m.id)).toEqual({ ...before, version: submitted.version, submittedAt: submitted.submittedAt, updatedAt: expect.any(String) });
    expect(await db.kysely.selectFrom('applied_batches').select('batch_id').where('map_id', '=', m.id).execute()).toEqual([{ batch_id: 'refused-0' }]);
  });

  it('forgets a refused batch, so it can be retried', async () => {
    const m = await freshMap();
    await expect(applyOperations(db, m.id, 1, [addUnitOp({ ...claim, label: 'x' })], 'b')).rejects.toBeInstanceOf(OperationRejectedError);
    expect(await applyOperations(db, m.id, 1, [addUnitOp(claim)], 'b')).toMatchObject({ version: 2, duplicate: false });
  });

  it('reports a missing map', async () => {
    await expect(applyOperations(db, 'no-such-map', 1, [setMainClaimOp({ units: [], relations: [], mainClaimId: null }, null)])).rejects.toBeInstanceOf(NotFoundError);
  });

  // The write path keeps each map's contents at the version it last wrote (writeCache). Another
  // app instance on the same database has its own memory: a fresh copy of the modules stands in
  // for it here.
  async function otherInstance(): Promise<typeof import('./operations')> {
    vi.resetModules();
    try {
      return await import('./operations');
    } finally {
      vi.resetModules();
    }
  }

  it('checks a batch against what another instance wrote, not against its own memory', async () => {
    const m = await freshMap();
    await applyOperations(db, m.id, 1, [addUnitOp(claim), addUnitOp(evidence)]); // remembered at v2
    const other = await otherInstance();
    const removed = await other.applyOperations(db, m.id, 2, [removeUnitOp((await getMap(db, m.id))!, 'u1')]); // v3, without u1

    // Remembered v2 still had u1: a relation to it must be refused at v3, and nothing written.
    const attempt = applyOperations(db, m.id, 3, [support]);
    await expect(attempt).rejects.toMatchObject({ index: 0, reason: expect.stringMatching(/missing unit or relation u1/) });
    // A batch on the version this instance remembers is stale, though the memory says it fits.
    await expect(applyOperations(db, m.id, 2, [support])).rejects.toBeInstanceOf(StaleVersionError);
    expect(await getMap(db, m.id)).toMatchObject({ version: 3, units: removed.map.units, relations: [] });

    // And the other way round: this instance writes, the other's memory (v3) is behind.
    await applyOperations(db, m.id, 3, [addUnitOp(claim)]);
    await expect(other.applyOperations(db, m.id, 4, [support])).resolves.toMatchObject({ version: 5 });
    expect(await getMap(db, m.id)).toMatchObject({ version: 5, units: [claim, evidence], relations: [support.relation] });
  });

  it('sees a whole-map replacement (an import) made between two batches', async () => {
    const m = await freshMap();
    await applyOperations(db, m.id, 1, [addUnitOp(claim)]);
    await (await otherInstance()).applyOperations(db, m.id, 2, [addUnitOp(evidence)]); // v3 elsewhere
    await replaceMapContents(db, m.id, 3, { units: [evidence], relations: [], mainClaimId: null }); // v4 here
    await expect(applyOperations(db, m.id, 4, [support])).rejects.toBeInstanceOf(OperationRejectedError);
    await expect(applyOperations(db, m.id, 4, [addUnitOp(claim), support])).resolves.toMatchObject({ version: 5 });
    expect(await getMap(db, m.id)).toMatchObject({ units: [claim, evidence], relations: [support.relation] });
  });

  it('keeps its memory right after a refused batch', async () => {
    const m = await freshMap();
    await applyOperations(db, m.id, 1, [addUnitOp(claim)]);
    await expect(applyOperations(db, m.id, 2, [addUnitOp(evidence), addUnitOp({ ...claim, id: 'u9', label: 'x' })])).rejects.toBeInstanceOf(OperationRejectedError);
    // Had the refused batch's first operation leaked into memory, u2 would be a duplicate id here.
    await expect(applyOperations(db, m.id, 2, [addUnitOp(evidence), support])).resolves.toMatchObject({ version: 3 });
    expect(await getMap(db, m.id)).toMatchObject({ units: [claim, evidence], relations: [support.relation] });
  });

  // A miss (a map this process has not written at the batch's base: a class's first saves, any
  // save after a restart) reads the map without a transaction, then writes as on a hit.
  it('saves a batch on a map this process never wrote with reads (not of the contents of a map never written) and then the same write as a remembered map: one statement on PostgreSQL', async () => {
    const fresh = await freshMap();
    const elsewhere = await freshMap();
    await (await otherInstance()).applyOperations(db, elsewhere.id, 1, [addUnitOp(claim)]); // v2, unknown here
    const logged = await statementLog(db);
    try {
      for (const [m, base] of [[fresh, 1], [elsewhere, 2]] as const) {
        logged.texts.length = 0;
        await expect(applyOperations(logged.db, m.id, base, [addUnitOp(evidence)], `miss-${base}`)).resolves.toMatchObject({ version: base + 1, duplicate: false });
        const write = logged.statements.findIndex((s) => s !== 'select');
        expect(logged.statements.slice(write)).toEqual(oneStatementOr(['begin', 'update', 'insert', 'insert', 'commit']));
        // A map at version 1 was never written to: its (no) units and relations are not read.
        const contentReads = logged.texts.slice(0, write).filter((q) => /from "(units|relations|relation_premises)"/.test(q));
        expect(contentReads).toHaveLength(base === 1 ? 0 : 3);
      }
    } finally {
      await logged.close();
    }
    expect(await getMap(db, fresh.id)).toMatchObject({ version: 2, units: [evidence] });
    expect(await getMap(db, elsewhere.id)).toMatchObject({ version: 3, units: [claim, evidence] });
  });

  it('refuses a batch as stale when another write lands between its read of the map and its write, and writes nothing', async () => {
    const m = await freshMap();
    const other = await otherInstance();
    await other.applyOperations(db, m.id, 1, [addUnitOp(claim)]); // v2, unknown here
    await mapOwner(db, m.id); // remembered: the map's row is the write's first read
    const third = { id: 'u3', label: 'claim', start: 0, end: 4, note: '' };
    const second = await statementLog(db); // another connection (SQLite's first one is held while a result is transformed)
    try {
      let reads = 0;
      const pausing = db.kysely.withPlugin({
        transformQuery: (args) => args.node,
        // After the map's row was read at v2, and before its contents are: another write (v3).
        transformResult: async (args) => {
          if (++reads === 1) await other.applyOperations(second.db, m.id, 2, [addUnitOp(third)]);
          return args.result;
        },
      });
      await expect(applyOperations({ ...db, kysely: pausing }, m.id, 2, [addUnitOp(evidence)], 'raced')).rejects.toBeInstanceOf(StaleVersionError);
    } finally {
      await second.close();
    }
    expect(await getMap(db, m.id)).toMatchObject({ version: 3, units: [third, claim] });
  });

  it('reads a document’s tokens once for a class’s first batches arriving together', async () => {
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    await documentContext(db, doc, 'default'); // another document: the scheme's labels are known now
    const other = await createDocument(db, fixtureDocument([...NON_BMP_SURFACES, '。']));
    const counting = countingDb(db);
    const contexts = await Promise.all(Array.from({ length: 8 }, () => documentContext(counting.db, other, 'default')));
    expect(counting.count).toBe(1);
    expect(new Set(contexts.map((c) => c.boundaries)).size).toBe(1);
  });
});
