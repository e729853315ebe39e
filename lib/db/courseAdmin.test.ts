// Course administration and notifications on SQLite and PostgreSQL: archiving freezes a course
// (its students' maps too),
// join codes regenerate and switch off, members leave, co-instructors join, roster accounts are
// made all or none, and notify tells the right people.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './connect';
import { createDocument } from './documents';
import { getOrCreateMap } from './maps';
import { addComment } from './comments';
import { NotFoundError } from './errors';
import { findCredentials } from './accounts';
import { CourseArchivedError, courseRole, createAssignment, createCourse, findCourseByJoinCode, joinCourse, listMembers, updateAssignment } from './courses';
import { archivedCourseOfMap, assertOpenForEdits } from './editLock';
import { addInstructor, createRosterAccounts, MemberChangeError, NamesTakenError, regenerateJoinCode, reissueOneTimePassword, removeMember, setCourseArchived, setJoinEnabled } from './courseAdmin';
import { listNotifications, markNotificationsRead, notify, unreadCount } from './notifications';
import { studentOverview } from './studentHome';
import { NON_BMP_SURFACES, fixtureDocument, insertUsers, testBackends, useTestDb } from './test-support';

describe.each(testBackends())('course administration on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;
  let docId: string;
  const users: Record<string, string> = {};

  beforeAll(async () => {
    db = t.db;
    Object.assign(users, await insertUsers(db, ['sensei', 'fukuda'], 'instructor'), await insertUsers(db, ['aki', 'mio', 'ren']));
    docId = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
  });

  it('regenerates a join code (the old one stops working) and switches joining off and on', async () => {
    const course = await createCourse(db, users.sensei, '演習A');
    const fresh = await regenerateJoinCode(db, course.id, () => 'ZZZZ2222');
    expect(fresh.joinCode).toBe('ZZZZ2222');
    expect(await findCourseByJoinCode(db, course.joinCode)).toBeNull();
    await setJoinEnabled(db, course.id, false);
    await expect(joinCourse(db, users.aki, 'ZZZZ2222')).rejects.toBeInstanceOf(NotFoundError);
    await setJoinEnabled(db, course.id, true);
    expect((await joinCourse(db, users.aki, 'zzzz-2222')).role).toBe('student');
    const off = await setJoinEnabled(db, course.id, false);
    expect(off.joinEnabled).toBe(false);
    expect((await regenerateJoinCode(db, course.id)).joinEnabled).toBe(true);
  });

  it('an archived course refuses changes, joining and roster accounts, and reopens', async () => {
    const course = await createCourse(db, users.sensei, '演習B');
    const assignment = await createAssignment(db, course.id, { documentId: docId, title: '第1回' });
    const archived = await setCourseArchived(db, course.id, true);
    expect(archived.archivedAt).not.toBeNull();
    expect((await setCourseArchived(db, course.id, true)).archivedAt).toBe(archived.archivedAt);
    await expect(createAssignment(db, course.id, { documentId: docId, title: '第2回' })).rejects.toBeInstanceOf(CourseArchivedError);
    await expect(updateAssignment(db, assignment.id, { dueAt: null })).rejects.toBeInstanceOf(CourseArchivedError);
    await expect(joinCourse(db, users.mio, course.joinCode)).rejects.toBeInstanceOf(CourseArchivedError);
    await expect(regenerateJoinCode(db, course.id)).rejects.toBeInstanceOf(CourseArchivedError);
    await expect(removeMember(db, course.id, users.sensei)).rejects.toBeInstanceOf(CourseArchivedError);
    await expect(createRosterAccounts(db, course.id, [{ name: 'late-1', displayName: '遅', passwordHash: 'x' }])).rejects.toBeInstanceOf(CourseArchivedError);
    expect(await findCredentials(db, 'late-1')).toBeNull();
    expect((await setCourseArchived(db, course.id, false)).archivedAt).toBeNull();
    expect((await createAssignment(db, course.id, { documentId: docId, title: '第2回' })).title).toBe('第2回');
  });

  it('an archived course’s students’ maps take no edits, unless another course still active holds them', async () => {
    const text = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
    const course = await createCourse(db, users.sensei, '演習AA');
    await joinCourse(db, users.ren, course.joinCode);
    const map = await getOrCreateMap(db, text, users.ren);
    const own = await getOrCreateMap(db, text, users.sensei);
    expect(await archivedCourseOfMap(db.kysely, map.id)).toBeNull(); // no assignment on the text yet
    await createAssignment(db, course.id, { documentId: text, title: '課題' });
    await assertOpenForEdits(db, map.id);
    await setCourseArchived(db, course.id, true);
    expect(await archivedCourseOfMap(db.kysely, map.id)).toEqual({ id: course.id, title: '演習AA' });
    await expect(assertOpenForEdits(db, map.id)).rejects.toMatchObject({ courseId: course.id, title: '演習AA' });
    await assertOpenForEdits(db, own.id); // the instructor's own map is no student's
    // Another course, still active, with an assignment on the same text: open there.
    const other = await createCourse(db, users.fukuda, '演習AB');
    await joinCourse(db, users.ren, other.joinCode);
    await createAssignment(db, other.id, { documentId: text, title: '同じ文章' });
    expect(await archivedCourseOfMap(db.kysely, map.id)).toBeNull();
    await setCourseArchived(db, other.id, true);
    expect(await archivedCourseOfMap(db.kysely, map.id)).not.toBeNull();
    await setCourseArchived(db, course.id, false);
    await assertOpenForEdits(db, map.id);
  });

  it('reissues a one-time password only to a student of the course, ending their sessions', async () => {
    const course = await createCourse(db, users.sensei, '演習AC');
    await joinCourse(db, users.aki, course.joinCode);
    await db.kysely.insertInto('sessions').values({ id: 'aki-session', user_id: users.aki, created_at: '2026-01-01T00:00:00.000Z', expires_at: '2099-01-01T00:00:00.000Z', last_seen_at: '2026-01-01T00:00:00.000Z' }).execute();
    await expect(reissueOneTimePassword(db, course.id, users.mio, 'h')).rejects.toMatchObject({ code: 'course.notMember' });
    await expect(reissueOneTimePassword(db, course.id, users.sensei, 'h')).rejects.toMatchObject({ code: 'course.notStudentAccount' });
    await addInstructor(db, course.id, 'fukuda');
    await expect(reissueOneTimePassword(db, course.id, users.fukuda, 'h')).rejects.toMatchObject({ code: 'course.notStudentAccount' });
    expect(await reissueOneTimePassword(db, course.id, users.aki, '$ronten-otp$v=1$salt$hash')).toEqual({ userId: users.aki, name: 'aki', displayName: 'AKI' });
    const found = await findCredentials(db, 'aki');
    expect(found).toMatchObject({ passwordHash: '$ronten-otp$v=1$salt$hash', user: { mustChangePassword: true } });
    expect(await db.kysely.selectFrom('sessions').select('id').where('user_id', '=', users.aki).execute()).toEqual([]);
    await setCourseArchived(db, course.id, true);
    await expect(reissueOneTimePassword(db, course.id, users.aki, 'h')).rejects.toBeInstanceOf(CourseArchivedError);
  });

  it('removes members but never the owner; a co-instructor has the instructor role', async () => {
    const course = await createCourse(db, users.sensei, '演習C');
    await joinCourse(db, users.ren, course.joinCode);
    await removeMember(db, course.id, users.ren);
    expect(await courseRole(db, course.id, users.ren)).toBeNull();
    await expect(removeMember(db, course.id, users.ren)).rejects.toMatchObject({ code: 'course.notMember' });
    await expect(removeMember(db, course.id, users.sensei)).rejects.toMatchObject({ code: 'course.removeOwner' });
    await expect(addInstructor(db, course.id, 'aki')).rejects.toBeInstanceOf(MemberChangeError);
    await expect(addInstructor(db, course.id, 'nobody')).rejects.toBeInstanceOf(NotFoundError);
    await joinCourse(db, users.fukuda, course.joinCode);
    expect(await courseRole(db, course.id, users.fukuda)).toBe('student');
    expect((await addInstructor(db, course.id, 'FUKUDA')).userId).toBe(users.fukuda);
    expect(await courseRole(db, course.id, users.fukuda)).toBe('instructor');
    await removeMember(db, course.id, users.fukuda);
    expect(await courseRole(db, course.id, users.fukuda)).toBeNull();
  });

  it('makes roster accounts all or none, enrolled, on their one-time password', async () => {
    const course = await createCourse(db, users.sensei, '演習D');
    const many = Array.from({ length: 450 }, (_, i) => ({ name: `r-${String(i).padStart(4, '0')}`, displayName: `学生${i}`, passwordHash: `$ronten-otp$v=1$x$${i}` }));
    const ids = await createRosterAccounts(db, course.id, many);
    expect(ids).toHaveLength(450);
    expect((await listMembers(db, course.id)).filter((m) => m.role === 'student')).toHaveLength(450);
    const found = await findCredentials(db, 'r-0007');
    expect(found?.user.mustChangePassword).toBe(true);
    expect(found?.user.displayName).toBe('学生7');
    // One taken name: nothing of the second roster is written.
    const second = [{ name: 'fresh-1', displayName: 'a', passwordHash: 'x' }, { name: 'r-0003', displayName: 'b', passwordHash: 'x' }];
    await expect(createRosterAccounts(db, course.id, second)).rejects.toEqual(new NamesTakenError(['r-0003']));
    expect(await findCredentials(db, 'fresh-1')).toBeNull();
  });

  it('notifies the owner of a comment, the instructors of a reply and a submission, and never the actor', async () => {
    const course = await createCourse(db, users.sensei, '演習E');
    await addInstructor(db, course.id, 'fukuda');
    await joinCourse(db, users.mio, course.joinCode);
    const assignment = await createAssignment(db, course.id, { documentId: docId, title: '通知の課題' });
    const map = await getOrCreateMap(db, docId, users.mio);
    const before = { mio: await unreadCount(db, users.mio), sensei: await unreadCount(db, users.sensei), fukuda: await unreadCount(db, users.fukuda) };

    const remark = await addComment(db, { mapId: map.id, authorId: users.sensei, targetKind: 'map', body: '根拠は？' });
    expect(await notify(db, { kind: 'comment', mapId: map.id, commentId: remark.id, actorId: users.sensei })).toEqual([users.mio]);
    const reply = await addComment(db, { mapId: map.id, authorId: users.mio, targetKind: 'map', body: '第2段落です' });
    expect((await notify(db, { kind: 'comment', mapId: map.id, commentId: reply.id, actorId: users.mio })).sort()).toEqual([users.sensei, users.fukuda].sort());
    expect((await notify(db, { kind: 'submitted', assignmentId: assignment.id, mapId: map.id, actorId: users.mio })).sort()).toEqual([users.sensei, users.fukuda].sort());
    expect(await notify(db, { kind: 'returned', assignmentId: assignment.id, mapId: map.id, actorId: users.fukuda })).toEqual([users.mio]);

    expect(await unreadCount(db, users.mio)).toBe(before.mio + 2);
    expect(await unreadCount(db, users.sensei)).toBe(before.sensei + 2);
    const mine = await listNotifications(db, users.mio);
    expect(mine.slice(0, 2).map((n) => n.kind)).toEqual(expect.arrayContaining(['comment', 'returned']));
    const comment = mine.find((n) => n.kind === 'comment')!;
    expect(comment).toMatchObject({ actor: { name: 'sensei' }, commentBody: '根拠は？', assignmentTitle: '通知の課題', documentId: docId, readAt: null });

    const overview = await studentOverview(db, users.mio);
    const row = overview.find((c) => c.id === course.id)!.assignments[0];
    expect(row).toMatchObject({ title: '通知の課題', mapId: map.id, submittedAt: null, unread: before.mio + 2 });

    // Marking read: only one's own; then all.
    expect(await markNotificationsRead(db, users.sensei, [comment.id])).toBe(before.sensei + 2);
    expect(await markNotificationsRead(db, users.mio, [comment.id])).toBe(before.mio + 1);
    expect(await markNotificationsRead(db, users.mio, 'all')).toBe(0);
    await expect(notify(db, { kind: 'submitted', assignmentId: 'nope', mapId: map.id, actorId: users.mio })).rejects.toBeInstanceOf(NotFoundError);
  });
});
