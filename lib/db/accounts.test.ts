// Listing accounts and changing roles without ever leaving the server with no admin — also when
// two admins demote each other at the same moment — on SQLite and (when available) PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { changeAccountRole, insertAccount, listAccounts } from './accounts';
import type { Db } from './connect';
import { ensureLocalUser, getUser } from './users';
import { testBackends, useTestDb } from './test-support';

describe.each(testBackends())('accounts and roles on $name', (backend) => {
  const t = useTestDb(backend);
  let db: Db;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    db = t.db;
    await ensureLocalUser(db);
    for (const [i, name] of ['ada', 'ben', 'cy', 'dee'].entries()) {
      const user = await insertAccount(db, { name, displayName: name.toUpperCase(), passwordHash: 'x' }, new Date(Date.UTC(2030, 0, 1 + i)));
      id[name] = user!.id;
    }
  });

  it('lists the accounts oldest first, without the local user', async () => {
    const accounts = await listAccounts(db);
    expect(accounts.map((a) => [a.name, a.displayName, a.role])).toEqual([
      ['ada', 'ADA', 'admin'],
      ['ben', 'BEN', 'student'],
      ['cy', 'CY', 'student'],
      ['dee', 'DEE', 'student'],
    ]);
    expect(accounts[0]).not.toHaveProperty('passwordHash');
  });

  it('changes a role; refuses the local user, unknown ids and demoting the last admin', async () => {
    expect(await changeAccountRole(db, id.ben, 'instructor')).toMatchObject({ ok: true, user: { name: 'ben', role: 'instructor' } });
    expect(await changeAccountRole(db, 'local', 'admin')).toEqual({ ok: false, reason: 'not-found' });
    expect(await changeAccountRole(db, 'nobody', 'admin')).toEqual({ ok: false, reason: 'not-found' });
    expect(await changeAccountRole(db, id.ada, 'instructor')).toEqual({ ok: false, reason: 'last-admin' });
    expect((await getUser(db, id.ada))!.role).toBe('admin');
    expect(await changeAccountRole(db, id.ada, 'admin')).toMatchObject({ ok: true }); // staying admin is fine
  });

  it('lets only one of two admins demoting each other at once succeed', async () => {
    for (let round = 0; round < 5; round++) {
      expect(await changeAccountRole(db, id.cy, 'admin')).toMatchObject({ ok: true });
      expect(await changeAccountRole(db, id.ada, 'admin')).toMatchObject({ ok: true });
      await db.kysely.updateTable('users').set({ role: 'student' }).where('role', '=', 'admin').where('id', 'not in', [id.ada, id.cy]).execute();
      const results = await Promise.all([changeAccountRole(db, id.ada, 'student'), changeAccountRole(db, id.cy, 'student')]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'last-admin' }]);
      const admins = await db.kysely.selectFrom('users').select('id').where('role', '=', 'admin').execute();
      expect(admins).toHaveLength(1);
    }
  });
});
