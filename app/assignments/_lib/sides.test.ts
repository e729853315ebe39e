// Which maps the assignment compare page may show, on SQLite and (when available) PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { addUnitOp } from '@/lib/argument';
import { applyOperations, createAssignment, createCourse, createDocument, getOrCreateMap, getUser, joinCourse, type Assignment, type User } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument, testBackends, useTestDb } from '@/lib/db/test-support';
import { assignmentSideMap } from './sides';

const claim = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };

describe.each(testBackends())('assignmentSideMap on $name', (backend) => {
  const t = useTestDb(backend);
  const u = {} as Record<'admin' | 'sensei' | 'other' | 'aki' | 'mio' | 'kai', User>;
  const maps = {} as Record<'ref' | 'aki' | 'mio' | 'kai' | 'akiOtherDoc' | 'senseiOwn', string>;
  let withRef: Assignment;
  let withoutRef: Assignment;

  beforeAll(async () => {
    const db = t.db;
    const now = new Date().toISOString();
    for (const [name, role] of [['admin', 'admin'], ['sensei', 'instructor'], ['other', 'instructor'], ['aki', 'student'], ['mio', 'student'], ['kai', 'student']] as const) {
      await db.kysely.insertInto('users').values({ id: `id-${name}`, name, display_name: name === 'aki' ? '秋' : '', role, password_hash: null, created_at: now }).execute();
      u[name] = (await getUser(db, `id-${name}`))!;
    }
    const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const doc2 = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, u.sensei.id, 'A');
    const otherCourse = await createCourse(db, u.other.id, 'B');
    await joinCourse(db, u.aki.id, course.joinCode);
    await joinCourse(db, u.mio.id, course.joinCode);
    await joinCourse(db, u.kai.id, otherCourse.joinCode);

    const ref = await getOrCreateMap(db, doc, u.sensei.id);
    await applyOperations(db, ref.id, ref.version, [addUnitOp(claim)]);
    maps.ref = ref.id;
    maps.senseiOwn = (await getOrCreateMap(db, doc2, u.sensei.id)).id;
    withRef = await createAssignment(db, course.id, { documentId: doc, title: 'with', referenceMapId: ref.id });
    withoutRef = await createAssignment(db, course.id, { documentId: doc, title: 'without' });
    await createAssignment(db, course.id, { documentId: doc2, title: 'second document' }); // so aki's doc2 map is readable
    await createAssignment(db, otherCourse.id, { documentId: doc, title: 'other course' });
    maps.aki = (await getOrCreateMap(db, doc, u.aki.id)).id;
    maps.mio = (await getOrCreateMap(db, doc, u.mio.id)).id;
    maps.kai = (await getOrCreateMap(db, doc, u.kai.id)).id;
    maps.akiOtherDoc = (await getOrCreateMap(db, doc2, u.aki.id)).id;
  });

  it('gives the reference map by "reference" or by its id, with its owner’s name', async () => {
    for (const key of ['reference', maps.ref]) {
      const side = await assignmentSideMap(t.db, u.sensei, withRef, key);
      expect(side).toMatchObject({ mapId: maps.ref, name: 'sensei', isReference: true });
      expect(side!.map.units).toEqual([claim]);
    }
    expect(await assignmentSideMap(t.db, u.admin, withRef, 'reference')).toMatchObject({ mapId: maps.ref });
    expect(await assignmentSideMap(t.db, u.sensei, withoutRef, 'reference')).toBeNull();
  });

  it('gives a student’s map of the document to the course’s instructor and to an admin', async () => {
    expect(await assignmentSideMap(t.db, u.sensei, withRef, maps.aki)).toMatchObject({ mapId: maps.aki, name: '秋', isReference: false, map: { units: [], relations: [] } });
    expect(await assignmentSideMap(t.db, u.admin, withoutRef, maps.mio)).toMatchObject({ mapId: maps.mio, name: 'mio' });
  });

  it.each([
    ['a student of another course (not readable to this instructor)', 'sensei', 'kai'],
    ['a student of another course (readable to an admin, but not in this course)', 'admin', 'kai'],
    ['a student’s map of another document', 'sensei', 'akiOtherDoc'],
    ['the instructor’s own map that is not the reference', 'sensei', 'senseiOwn'],
    ['a student’s map, to another course’s instructor', 'other', 'aki'],
  ] as const)('refuses %s', async (_what, viewer, map) => {
    expect(await assignmentSideMap(t.db, u[viewer], withRef, maps[map])).toBeNull();
  });

  it.each([[undefined], [''], [['a', 'b']], ['nope']])('refuses the key %j', async (key) => {
    expect(await assignmentSideMap(t.db, u.sensei, withRef, key as string | string[] | undefined)).toBeNull();
  });
});
