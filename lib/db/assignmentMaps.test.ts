import { beforeAll, describe, expect, it } from 'vitest';
import { addUnitOp, type Operation } from '@/lib/argument';
import { createDocument } from './documents';
import { NotFoundError } from './errors';
import { getMap, getOrCreateMap } from './maps';
import { applyOperations } from './operations';
import { createAssignment, createCourse, joinCourse, submitMap } from './courses';
import { loadAssignmentMaps } from './assignmentMaps';
import { NON_BMP_SURFACES, countingDb, fixtureDocument, insertUsers, testBackends, useTestDb } from './test-support';

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — spans on token boundaries (UTF-16).
const claim = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };
const evidence = { id: 'u2', label: 'evidence', start: 22, end: 31, note: 'なぜなら' };
const early = { id: 'u0', label: 'evidence', start: 0, end: 4, note: '' };
const support: Operation = { op: 'addRelation', relation: { id: 'r1', type: 'support', from: ['u2'], to: 'u1', note: '' } };

describe.each(testBackends())('assignment maps on $name', (backend) => {
  const t = useTestDb(backend);
  let users: Record<string, string>;
  let doc: string;
  let otherDoc: string;

  beforeAll(async () => {
    users = {
      ...(await insertUsers(t.db, ['sensei', 'other'], 'instructor')),
      ...(await insertUsers(t.db, ['ren', 'aki', 'mio', 'outsider'])),
    };
    doc = await createDocument(t.db, fixtureDocument(NON_BMP_SURFACES));
    otherDoc = await createDocument(t.db, fixtureDocument(NON_BMP_SURFACES));
  });

  it('lists every enrolled student by name with their map of the document, and the reference', async () => {
    const db = t.db;
    const course = await createCourse(db, users.sensei, '論証入門');
    for (const s of ['ren', 'aki', 'mio']) await joinCourse(db, users[s], course.joinCode);
    await joinCourse(db, users.other, course.joinCode); // as student: other is a student here
    const ref = await getOrCreateMap(db, doc, users.sensei);
    await applyOperations(db, ref.id, ref.version, [addUnitOp(claim), addUnitOp(evidence), support]);
    const a = await createAssignment(db, course.id, { documentId: doc, title: '第1回', referenceMapId: ref.id });

    const aki = await getOrCreateMap(db, doc, users.aki);
    await applyOperations(db, aki.id, aki.version, [addUnitOp(evidence), addUnitOp(claim), addUnitOp(early), support]);
    await submitMap(db, aki.id);
    const ren = await getOrCreateMap(db, doc, users.ren); // started, empty
    await getOrCreateMap(db, otherDoc, users.mio); // mio's map of ANOTHER document: not hers here
    await getOrCreateMap(db, doc, users.outsider); // not in the course

    const loaded = await loadAssignmentMaps(db, a.id);
    expect(loaded.assignment).toMatchObject({ id: a.id, documentId: doc, referenceMapId: ref.id });
    expect(loaded.students.map((s) => s.name)).toEqual(['aki', 'mio', 'other', 'ren']);
    const stored = (await getMap(db, aki.id))!;
    expect(loaded.students[0]).toEqual({
      userId: users.aki,
      name: 'aki',
      displayName: 'AKI',
      map: {
        id: aki.id,
        units: stored.units, // sorted (start, end, id), as getMap
        relations: stored.relations,
        mainClaimId: null,
        labelSchemeId: stored.labelSchemeId,
        submittedAt: stored.submittedAt,
        updatedAt: stored.updatedAt,
      },
    });
    expect(loaded.students[0].map!.units.map((u) => u.id)).toEqual(['u0', 'u1', 'u2']);
    expect(loaded.students[0].map!.submittedAt).toEqual(expect.any(String));
    expect(loaded.students[1].map).toBeNull(); // mio: only a map of another document
    expect(loaded.students[2].map).toBeNull();
    expect(loaded.students[3].map).toMatchObject({ id: ren.id, units: [], relations: [], submittedAt: null });

    const storedRef = (await getMap(db, ref.id))!;
    expect(loaded.reference).toEqual({
      id: ref.id,
      userId: users.sensei,
      name: 'sensei',
      displayName: 'SENSEI',
      units: storedRef.units,
      relations: storedRef.relations,
      mainClaimId: null,
      labelSchemeId: storedRef.labelSchemeId,
      submittedAt: null,
      updatedAt: storedRef.updatedAt,
    });
    expect(loaded.reference!.units[1].note).toBe('なぜなら');
  });

  it('has no reference when none is set, and NotFoundError for an unknown assignment', async () => {
    const course = await createCourse(t.db, users.sensei, 'no reference');
    await joinCourse(t.db, users.aki, course.joinCode);
    const a = await createAssignment(t.db, course.id, { documentId: otherDoc, title: 'x' });
    const loaded = await loadAssignmentMaps(t.db, a.id);
    expect(loaded.reference).toBeNull();
    expect(loaded.students).toEqual([{ userId: users.aki, name: 'aki', displayName: 'AKI', map: null }]);
    await expect(loadAssignmentMaps(t.db, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('runs the same number of queries for a class of 2 and a class of 60', async () => {
    const run = async (size: number) => {
      const names = Array.from({ length: size }, (_, i) => `c${size}-${String(i).padStart(3, '0')}`);
      const ids = await insertUsers(t.db, names);
      const course = await createCourse(t.db, users.sensei, `class of ${size}`);
      await t.db.kysely
        .insertInto('enrolments')
        .values(names.map((n) => ({ course_id: course.id, user_id: ids[n], role: 'student' as const, joined_at: new Date().toISOString() })))
        .execute();
      const ref = await getOrCreateMap(t.db, doc, users.sensei);
      const a = await createAssignment(t.db, course.id, { documentId: doc, title: 'size', referenceMapId: ref.id });
      for (const n of names) {
        const m = await getOrCreateMap(t.db, doc, ids[n]);
        await applyOperations(t.db, m.id, m.version, [addUnitOp(claim)]);
      }
      const counted = countingDb(t.db);
      const loaded = await loadAssignmentMaps(counted.db, a.id);
      expect(loaded.students).toHaveLength(size);
      expect(loaded.students.every((s) => s.map?.units.length === 1)).toBe(true);
      expect(loaded.reference?.units.length).toBeGreaterThan(0);
      return counted.count;
    };
    const small = await run(2);
    const large = await run(60);
    expect(large).toBe(small);
    expect(small).toBeGreaterThanOrEqual(4); // the counter sees the statements (assignment, students, reference, units, relations)
    expect(small).toBeLessThanOrEqual(6);
  });
});
