// Storage of the deeper model (migration 016, lib/argument/types): premise lists, undercutters,
// implicit units, schemes and answers — written through both write paths and read back equal to
// the core's map; and a database of the first model's shape migrates with its maps unchanged.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addImplicitUnitOp,
  addPremiseOp,
  addRelationOp,
  addUnitOp,
  answerCriticalQuestionOp,
  applyAll,
  emptyMap,
  invertAll,
  removePremiseOp,
  removeRelationOp,
  removeUnitOp,
  setSchemeOp,
  updateUnitOp,
  type Operation,
} from '@/lib/argument';
import type { Db } from './connect';
import { OperationRejectedError } from './errors';
import { getMap, replaceMapContents } from './maps';
import { applyOperations } from './operations';
import { ensureLocalUser } from './users';
import * as m016 from './migrations/016_deeper_model';
import { freshFixtureMap, testBackends, useTestDb } from './test-support';

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — spans on token boundaries (UTF-16).
const claim = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
const evidence = { id: 'u2', label: 'evidence', start: 22, end: 31, note: '理由' };
const nested = { id: 'u3', label: 'evidence', start: 8, end: 13, note: '' };
const building: Operation[] = [
  addUnitOp(claim),
  addUnitOp(evidence),
  addUnitOp(nested),
  addImplicitUnitOp('i1', 'evidence', '安い店は人気がある'),
  addRelationOp({ id: 'r1', type: 'support', from: ['u2', 'i1'], to: 'u1', note: '二つ合わせて' }),
  addRelationOp({ id: 'r2', type: 'attack', from: ['u3'], to: 'r1', note: '安いから人気とは限らない' }),
  { op: 'setMainClaim', before: null, after: 'u1' },
];

describe.each(testBackends())('the deeper model stored on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;
  let userId: string;

  beforeAll(async () => {
    db = t.db;
    userId = (await ensureLocalUser(db)).id;
  });

  const freshMap = () => freshFixtureMap(db, userId);
  const contents = async (mapId: string) => {
    const m = (await getMap(db, mapId))!;
    return { units: m.units, relations: m.relations, mainClaimId: m.mainClaimId };
  };

  it('stores linked premises, an undercutter, an implicit unit, a scheme and its answers through operations, and each undo', async () => {
    const m = await freshMap();
    let version = 1;
    let map = emptyMap;
    const ops: Operation[] = [];
    const step = async (op: (current: typeof map) => Operation) => {
      const next = op(map);
      const result = await applyOperations(db, m.id, version, [next]);
      version = result.version;
      map = result.map;
      ops.push(next);
      expect(await contents(m.id)).toEqual(map);
    };
    for (const op of building) await step(() => op);
    expect(map.units.map((u) => u.id)).toEqual(['u3', 'u1', 'u2', 'i1']);
    await step((cur) => setSchemeOp(cur, 'r1', 'causeToEffect'));
    await step((cur) => answerCriticalQuestionOp(cur, 'r1', 'interference', '値上げすれば客は減る'));
    await step((cur) => answerCriticalQuestionOp(cur, 'r1', 'strength', '強い'));
    await step((cur) => addPremiseOp(cur, 'r1', 'u3', 0));
    await step((cur) => removePremiseOp(cur, 'r1', 'u2'));
    await step((cur) => updateUnitOp(cur, 'i1', { text: '安い店には客が集まる' }));
    await step((cur) => removeRelationOp(cur, 'r1'));
    await step((cur) => removeUnitOp(cur, 'u1'));
    // Undo everything, one operation at a time: the store follows back to the empty map.
    for (const op of invertAll(ops)) {
      const result = await applyOperations(db, m.id, version, [op]);
      version = result.version;
      map = result.map;
      expect(await contents(m.id)).toEqual(map);
    }
    expect(map).toEqual(emptyMap);
  });

  it('stores the same map through replaceMapContents (an import)', async () => {
    const m = await freshMap();
    const map = applyAll(emptyMap, [...building, setSchemeOp(applyAll(emptyMap, building), 'r1', 'example')]);
    const withAnswer = applyAll(map, [answerCriticalQuestionOp(map, 'r1', 'typical', 'はい')]);
    await replaceMapContents(db, m.id, 1, { units: [...withAnswer.units], relations: [...withAnswer.relations], mainClaimId: withAnswer.mainClaimId });
    expect(await contents(m.id)).toEqual(withAnswer);
  });

  it('refuses bad input atomically: a premise that is the target, an unknown scheme', async () => {
    const m = await freshMap();
    for (const bad of [
      addRelationOp({ id: 'x', type: 'support', from: ['u2', 'u1'], to: 'u1', note: '' }),
      { op: 'setScheme', id: 'r1', before: { scheme: null, answers: [] }, after: { scheme: 'astrology', answers: [] } } as Operation,
    ]) {
      const attempt = applyOperations(db, m.id, 1, [...building, bad]);
      await expect(attempt).rejects.toBeInstanceOf(OperationRejectedError);
    }
    expect(await contents(m.id)).toEqual(emptyMap);
  });

  it('migrates a database of the first model with every map unchanged', async () => {
    const m = await freshMap();
    const first = applyAll(emptyMap, [addUnitOp(claim), addUnitOp(evidence), addUnitOp(nested), addRelationOp({ id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: 'なぜなら' }), addRelationOp({ id: 'r2', type: 'attack', from: ['u3'], to: 'u2', note: '' }), { op: 'setMainClaim', before: null, after: 'u1' }]);
    // Back to the old shape (016's down), the map written there as the old code wrote it.
    await m016.down(db.kysely);
    const now = new Date().toISOString();
    for (const u of first.units) {
      if (u.implicit) continue;
      await sql`insert into units (map_id, id, label, start_offset, end_offset, note, created_at) values (${m.id}, ${u.id}, ${u.label}, ${u.start}, ${u.end}, ${u.note}, ${now})`.execute(db.kysely);
    }
    for (const r of first.relations) {
      await sql`insert into relations (map_id, id, type, from_unit, to_unit, note, created_at) values (${m.id}, ${r.id}, ${r.type}, ${r.from[0]}, ${r.to}, ${r.note}, ${now})`.execute(db.kysely);
    }
    // With its version bump: every write of contents has bumped it, from the first commit on.
    await sql`update argument_maps set main_claim_id = ${'u1'}, version = 2 where id = ${m.id}`.execute(db.kysely);
    await m016.up(db.kysely);
    expect(await contents(m.id)).toEqual(first);
    // And the migrated map takes the new shapes.
    const result = await applyOperations(db, m.id, 2, [addPremiseOp(first, 'r1', 'u3')]);
    expect(await contents(m.id)).toEqual(result.map);
  });
});
