// Test support for the security tests (imported by *.test.ts only): a small classroom — an
// admin, an instructor and a student, a document, a course with an assignment, the student's
// map with one unit and a comment — so that every API route has real ids to be attacked with,
// and a dump of every table to show that a refused request changed nothing.
import { sql } from 'kysely';
import { addUnitOp } from '@/lib/argument';
import { addComment, applyOperations, createAssignment, createCourse, createDocument, getOrCreateMap, joinCourse, type Db } from '@/lib/db';
import { NON_BMP_SURFACES, fixtureDocument } from '@/lib/db/test-support';
import { signUpAll } from './support';

export const ACCOUNTS = ['admin', 'teacher', 'student'] as const;
export type Account = (typeof ACCOUNTS)[number];

export interface World {
  cookie: Record<Account, string>;
  id: Record<Account, string>;
  doc: string;
  course: string;
  joinCode: string;
  assignment: string;
  map: string;
  comment: string;
}

// '𠮷野家の𩸽\n𠮷野家で𩸽を食べた😀。理由は安いからだ。' — a span on token boundaries (UTF-16).
export const CLAIM = { id: 'u1', label: 'claim', start: 8, end: 22, note: '' };

export async function buildWorld(db: Db): Promise<World> {
  const { id, cookie } = await signUpAll(db, ACCOUNTS, { instructors: ['teacher'] });
  const doc = await createDocument(db, fixtureDocument(NON_BMP_SURFACES));
  const course = await createCourse(db, id.teacher, '論証入門');
  await joinCourse(db, id.student, course.joinCode);
  const assignment = await createAssignment(db, course.id, { documentId: doc, title: '第1回' });
  const map = await getOrCreateMap(db, doc, id.student);
  await applyOperations(db, map.id, map.version, [addUnitOp(CLAIM)]);
  const comment = await addComment(db, { mapId: map.id, authorId: id.teacher, targetKind: 'map', body: 'よく書けています' });
  return { cookie, id, doc, course: course.id, joinCode: course.joinCode, assignment: assignment.id, map: map.id, comment: comment.id };
}

/// Tables a refused request may still write, by design: a failed sign-in is counted
/// (login_attempts), and a session's last use is refreshed on any request it makes.
const WRITTEN_BY_REFUSALS = new Set(['login_attempts', 'sessions']);

/// Every row of every table (but the two above and the migrator's), in a stable order: equal
/// dumps mean nothing was written.
export async function dumpTables(db: Db): Promise<string> {
  const tables = await tableNames(db);
  if (db.dialect === 'postgres') {
    // One round trip (the fuzz dumps after every request).
    const columns = tables.map((t) => `(SELECT coalesce(json_agg(x::text ORDER BY x::text), '[]') FROM "${t}" x) AS "${t}"`);
    const { rows } = await sql.raw(`SELECT ${columns.join(', ')}`).execute(db.kysely);
    return JSON.stringify(rows[0]);
  }
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await db.kysely.selectFrom(table as never).selectAll().execute();
    dump[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(dump);
}

const tablesOf = new WeakMap<Db, Promise<string[]>>();
function tableNames(db: Db): Promise<string[]> {
  let names = tablesOf.get(db);
  if (!names) {
    names = db.kysely.introspection.getTables().then((ts) => ts.map((t) => t.name).filter((name) => !name.startsWith('kysely_') && !WRITTEN_BY_REFUSALS.has(name)).sort());
    tablesOf.set(db, names);
  }
  return names;
}
