import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './connect';
import { LOCAL_USER_ID, ensureLocalUser, getUser } from './users';
import { testBackends, useTestDb } from './test-support';

describe.each(testBackends())('users on $name', (backend) => {
  const handle = useTestDb(backend);
  let db: Db;
  beforeAll(() => {
    db = handle.db;
  });

  it('creates exactly one local user under concurrent first calls', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => ensureLocalUser(db)));
    for (const u of users) expect(u).toEqual(users[0]);
    expect(users[0]).toMatchObject({ id: LOCAL_USER_ID, name: 'local', role: 'local' });
    const rows = await db.kysely.selectFrom('users').select('id').execute();
    expect(rows).toEqual([{ id: LOCAL_USER_ID }]);
  });

  it('is idempotent and getUser finds it without the password hash', async () => {
    const first = await ensureLocalUser(db);
    expect(await ensureLocalUser(db)).toEqual(first);
    const got = await getUser(db, LOCAL_USER_ID);
    expect(got).toEqual(first);
    expect(got).not.toHaveProperty('passwordHash');
    expect(await getUser(db, 'nobody')).toBeNull();
  });
});
