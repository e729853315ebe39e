// Label schemes of one's own, the scheme a new map takes (that of the newest assignment on the
// document in the user's courses), and changing an assignment's due date and reference map —
// on SQLite and (when available) PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { addUnitOp } from '@/lib/argument';
import { createAssignment, createCourse, getAssignment, joinCourse, textSchemes, updateAssignment } from './courses';
import { createDocument } from './documents';
import { InvalidDataError, NotFoundError } from './errors';
import { importMap, listMapsOfUser, mapLabelSchemeId } from './imports';
import { createLabelScheme, getLabelScheme, listLabelSchemes, SchemeNameTakenError, schemeForUserDocument } from './label-schemes';
import { getMap, getOrCreateMap } from './maps';
import { applyOperations } from './operations';
import { NON_BMP_SURFACES, fixtureDocument, insertUsers, testBackends, useTestDb } from './test-support';

const toulmin = [
  { id: 'claim', ja: '主張', en: 'claim' },
  { id: 'data', ja: 'データ', en: 'data' },
  { id: 'warrant', ja: '論拠', en: 'warrant' },
  { id: 'backing', ja: '裏付け', en: 'backing' },
  { id: 'qualifier', ja: '限定', en: 'qualifier' },
  { id: 'rebuttal_2', ja: '反駁', en: 'rebuttal' },
];

describe.each(testBackends())('label schemes and assignment settings on $name', (backend) => {
  const t = useTestDb(backend);
  let u: Record<string, string>;
  let doc: string;

  beforeAll(async () => {
    u = {
      ...(await insertUsers(t.db, ['sensei', 'other'], 'instructor')),
      ...(await insertUsers(t.db, ['boss'], 'admin')),
      ...(await insertUsers(t.db, ['aki', 'mio', 'ren', 'early'], 'student')),
    };
    doc = await createDocument(t.db, fixtureDocument(NON_BMP_SURFACES));
  });

  it('stores an instructor’s scheme, lists the default and one’s own only, refuses a taken name', async () => {
    const db = t.db;
    const mine = await createLabelScheme(db, u.sensei, { name: ' トゥールミン ', labels: toulmin });
    expect(mine).toMatchObject({ name: 'トゥールミン', ownerId: u.sensei, labels: toulmin });
    expect(await getLabelScheme(db, mine.id)).toEqual({ id: mine.id, name: 'トゥールミン', labels: toulmin });
    await createLabelScheme(db, u.other, { name: 'other’s', labels: [{ id: 'x', ja: 'エックス', en: 'x' }] });
    expect((await listLabelSchemes(db, u.sensei)).map((s) => s.name)).toEqual(['主張・根拠・反論・再反論', 'トゥールミン']);
    expect((await listLabelSchemes(db, u.sensei))[0]).toMatchObject({ id: 'default', ownerId: null });
    await expect(createLabelScheme(db, u.other, { name: 'トゥールミン', labels: toulmin })).rejects.toBeInstanceOf(SchemeNameTakenError);
  });

  it.each([
    ['no labels', []],
    ['nine labels', Array.from({ length: 9 }, (_, i) => ({ id: `l${i}`, ja: 'ラ', en: 'l' }))],
    ['a duplicate id', [{ id: 'a', ja: 'あ', en: 'a' }, { id: 'a', ja: 'い', en: 'i' }]],
    ['an id that is not a slug', [{ id: 'Claim', ja: '主張', en: 'claim' }]],
    ['an empty name', [{ id: 'a', ja: ' ', en: 'a' }]],
  ])('refuses a scheme with %s and stores nothing', async (_what, labels) => {
    const before = (await t.db.kysely.selectFrom('label_schemes').select('id').execute()).length;
    await expect(createLabelScheme(t.db, u.sensei, { name: `bad ${_what}`, labels })).rejects.toBeInstanceOf(InvalidDataError);
    expect((await t.db.kysely.selectFrom('label_schemes').select('id').execute()).length).toBe(before);
  });

  it('gives a new map the scheme of the assignment on the document in the user’s courses; a second scheme on that text is refused', async () => {
    const db = t.db;
    const scheme = await createLabelScheme(db, u.sensei, { name: 'newest wins', labels: toulmin.slice(0, 3) });
    const doc2 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, u.sensei, 'schemes');
    for (const s of ['aki', 'mio', 'early']) await joinCourse(db, u[s], course.joinCode);

    // early opened the text before the assignment; mio wrote in it before
    const earlyMap = await getOrCreateMap(db, doc2, u.early);
    expect(earlyMap.labelSchemeId).toBe('default');
    const mioMap = await getOrCreateMap(db, doc2, u.mio);
    await applyOperations(db, mioMap.id, mioMap.version, [addUnitOp({ id: 'u1', label: 'claim', start: 0, end: 4, note: '' })]);
    await createAssignment(db, course.id, { documentId: doc2, title: 'custom', labelSchemeId: scheme.id });
    // one map per student and text: another assignment on it must use the same labels
    await expect(createAssignment(db, course.id, { documentId: doc2, title: 'default second' })).rejects.toThrow(/already has an assignment/);
    const other = await createCourse(db, u.sensei, 'elsewhere');
    await expect(createAssignment(db, other.id, { documentId: doc2, title: 'default elsewhere' })).rejects.toBeInstanceOf(InvalidDataError);
    expect((await createAssignment(db, other.id, { documentId: doc2, title: 'same labels', labelSchemeId: scheme.id })).labelSchemeId).toBe(scheme.id);
    // two new assignments on one text at once, in different schemes: exactly one is made
    const doc6 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const race = await Promise.allSettled([
      createAssignment(db, course.id, { documentId: doc6, title: 'race default' }),
      createAssignment(db, other.id, { documentId: doc6, title: 'race custom', labelSchemeId: scheme.id }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await textSchemes(db)).has(doc6)).toBe(true);
    // what the course page holds a new assignment on each text to
    const held = await textSchemes(db);
    expect(held.get(doc2)).toBe(scheme.id);
    expect(held.has(doc)).toBe(false);

    expect(await schemeForUserDocument(db, u.aki, doc2)).toBe(scheme.id);
    expect(await schemeForUserDocument(db, u.sensei, doc2)).toBe(scheme.id); // instructors too: their reference
    expect(await schemeForUserDocument(db, u.ren, doc2)).toBe('default'); // not in the course
    expect(await schemeForUserDocument(db, u.aki, doc)).toBe('default'); // no assignment on that text

    expect((await getOrCreateMap(db, doc2, u.aki)).labelSchemeId).toBe(scheme.id);
    expect((await getOrCreateMap(db, doc2, u.ren)).labelSchemeId).toBe('default');
    // never written: follows the assignment; written: keeps its labels
    expect(await mapLabelSchemeId(db, doc2, u.early)).toBe(scheme.id);
    expect((await getOrCreateMap(db, doc2, u.early)).labelSchemeId).toBe(scheme.id);
    expect(await mapLabelSchemeId(db, doc2, u.mio)).toBe('default');
    expect((await getOrCreateMap(db, doc2, u.mio)).labelSchemeId).toBe('default');
    // an explicit scheme (the submit route passes the assignment's) still wins on creation
    expect((await getOrCreateMap(db, doc, u.aki, scheme.id)).labelSchemeId).toBe(scheme.id);
  });

  it('imports a first map into the scheme the map will have, refusing labels outside it', async () => {
    const db = t.db;
    const scheme = await createLabelScheme(db, u.sensei, { name: 'for import', labels: toulmin.slice(1, 3) });
    const doc3 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, u.sensei, 'imports');
    await joinCourse(db, u.aki, course.joinCode);
    await createAssignment(db, course.id, { documentId: doc3, title: 'import', labelSchemeId: scheme.id });
    const map = { units: [{ id: 'u1', label: 'claim', start: 0, end: 4, note: '' }], relations: [], mainClaimId: null };
    await expect(importMap(db, { documentId: doc3, userId: u.aki, map })).rejects.toBeInstanceOf(InvalidDataError);
    const ok = await importMap(db, { documentId: doc3, userId: u.aki, map: { ...map, units: [{ ...map.units[0], label: 'warrant' }] } });
    expect((await getMap(db, ok.mapId))!.labelSchemeId).toBe(scheme.id);
  });

  it('changes the due date and the reference map, checking the reference as on creation', async () => {
    const db = t.db;
    const scheme = await createLabelScheme(db, u.sensei, { name: 'for references', labels: toulmin.slice(0, 2) });
    const doc4 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, u.sensei, 'references');
    await joinCourse(db, u.aki, course.joinCode);
    await joinCourse(db, u.other, course.joinCode); // an instructor who is a student here
    const plain = await createAssignment(db, course.id, { documentId: doc4, title: 'plain', dueAt: '2030-01-01T00:00:00.000Z' });

    const senseiMap = await getOrCreateMap(db, doc4, u.sensei);
    const akiMap = await getOrCreateMap(db, doc4, u.aki);
    const otherMap = await getOrCreateMap(db, doc4, u.other);
    const bossMap = await getOrCreateMap(db, doc4, u.boss);
    const elsewhere = await getOrCreateMap(db, doc, u.sensei);

    expect(await updateAssignment(db, plain.id, { dueAt: '2030-02-01T03:00:00.000Z' })).toMatchObject({ dueAt: '2030-02-01T03:00:00.000Z', referenceMapId: null });
    expect(await updateAssignment(db, plain.id, { referenceMapId: senseiMap.id })).toMatchObject({ dueAt: '2030-02-01T03:00:00.000Z', referenceMapId: senseiMap.id });
    expect(await updateAssignment(db, plain.id, { referenceMapId: bossMap.id })).toMatchObject({ referenceMapId: bossMap.id }); // admins teach every course
    for (const bad of [akiMap.id, otherMap.id, elsewhere.id, 'no-such-map']) {
      await expect(updateAssignment(db, plain.id, { referenceMapId: bad })).rejects.toBeInstanceOf(InvalidDataError);
    }
    expect((await getAssignment(db, plain.id))!.referenceMapId).toBe(bossMap.id); // nothing written
    expect(await updateAssignment(db, plain.id, { dueAt: null, referenceMapId: null })).toMatchObject({ dueAt: null, referenceMapId: null });
    await expect(updateAssignment(db, 'no-such-assignment', { dueAt: null })).rejects.toBeInstanceOf(NotFoundError);

    // a reference in other labels than the assignment's is refused, with the way out in the message
    // (on another text: one text's assignments all share a scheme)
    const doc5 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const senseiMap5 = await getOrCreateMap(db, doc5, u.sensei);
    const bossMap5 = await getOrCreateMap(db, doc5, u.boss);
    await applyOperations(db, senseiMap5.id, 1, [addUnitOp({ id: 'u1', label: 'claim', start: 0, end: 4, note: '' })]); // written in 'default'
    const custom = await createAssignment(db, course.id, { documentId: doc5, title: 'custom', labelSchemeId: scheme.id });
    await expect(updateAssignment(db, custom.id, { referenceMapId: senseiMap5.id })).rejects.toThrow(/label scheme.*set the assignment first/);
    await expect(createAssignment(db, course.id, { documentId: doc5, title: 'x', labelSchemeId: scheme.id, referenceMapId: senseiMap5.id })).rejects.toBeInstanceOf(InvalidDataError);
    // the reference picker lists one's own maps only, newest edit first, with unit counts
    const mine = await listMapsOfUser(db, u.sensei);
    expect(mine[0]).toMatchObject({ mapId: senseiMap5.id, documentId: doc5, labelSchemeId: 'default', units: 1, version: 2 });
    expect(mine.map((m) => m.mapId)).toContain(elsewhere.id);
    expect(mine.map((m) => m.mapId)).toContain(senseiMap.id);
    expect(mine.map((m) => m.mapId)).not.toContain(akiMap.id);
    // boss's map was never written: opening the text now gives it the assignment's labels
    expect((await getOrCreateMap(db, doc5, u.boss, scheme.id)).labelSchemeId).toBe(scheme.id);
    expect(await updateAssignment(db, custom.id, { referenceMapId: bossMap5.id })).toMatchObject({ referenceMapId: bossMap5.id });
  });
});
