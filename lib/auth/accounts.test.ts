// Accounts, sessions, roles and sign-in rate limits, on SQLite and (when available) PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalUser, getUser, type Db } from '@/lib/db';
import { statementLog, testBackends, useTestDb } from '@/lib/db/test-support';
import { MAX_FAILURES_PER_CLIENT, NAME_DELAY_MAX_MS, NAME_SLOWDOWN_AFTER, PAIR_BACKOFF_BASE_S, RATE_PAIR_FREE, RATE_WINDOW_MS } from './throttle';
import {
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  sessionForWrite,
  sessionId,
  sessionUser,
  setRole,
  signIn,
  signOut,
  signUp,
} from './accounts';
import { ForbiddenError, InvalidAccountInputError, InvalidCredentialsError, NameTakenError, RateLimitedError } from './errors';

const DAY = 24 * 3600_000;
const password = 'hunter2-but-longer';

describe.each(testBackends())('accounts on $name', (backend) => {
  const handle = useTestDb(backend);
  let db: Db;
  beforeAll(() => {
    db = handle.db;
  });

  it('makes concurrent first sign-ups give exactly one admin; later accounts are students', async () => {
    await ensureLocalUser(db); // the local user does not count as the first account
    const names = ['ann', 'ben', 'cai', 'dee', 'eve', 'fay'];
    const users = await Promise.all(names.map((name) => signUp(db, { name, password })));
    expect(users.filter((u) => u.role === 'admin')).toHaveLength(1);
    expect(users.filter((u) => u.role === 'student')).toHaveLength(names.length - 1);
    const later = await signUp(db, { name: 'Gus.Late', displayName: '  遅い 𠮷田  ', password });
    expect(later).toMatchObject({ name: 'gus.late', displayName: '遅い 𠮷田', role: 'student' });
    expect(JSON.stringify(later)).not.toContain('argon2'); // User never carries the hash
  });

  it.each([
    [{ name: 'ab', password }, 'name', /3 to 40/],
    [{ name: 'a'.repeat(41), password }, 'name', /3 to 40/],
    [{ name: 'bad name', password }, 'name', /only letters/],
    [{ name: 'ユーザー', password }, 'name', /only letters/],
    [{ name: 'shorty', password: 'short' }, 'password', /at least 8/],
    [{ name: 'longpw', password: 'x'.repeat(201) }, 'password', /at most 200/],
    [{ name: 'ctrl', displayName: 'a\u0007b', password }, 'displayName', /control/],
  ])('refuses %j naming the %s', async (input, field, message) => {
    const err = await signUp(db, input).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidAccountInputError);
    expect(err.field).toBe(field);
    expect(err.message).toMatch(message);
  });

  it('refuses a taken name regardless of case, and the local user’s name', async () => {
    await expect(signUp(db, { name: 'ANN', password })).rejects.toBeInstanceOf(NameTakenError);
    await expect(signUp(db, { name: 'local', password })).rejects.toBeInstanceOf(NameTakenError);
  });

  it('signs in (any case), keeps only the token’s hash, and signs out', async () => {
    const { token, user } = await signIn(db, { name: 'Ben', password, clientKey: 'c-signin' });
    expect(user.name).toBe('ben');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows.map((r) => r.id)).toContain(sessionId(token));
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect(await sessionUser(db, token)).toEqual(user);
    await signOut(db, token);
    expect(await sessionUser(db, token)).toBeNull();
    await signOut(db, token); // twice is fine
  });

  // A sign-in runs while the class saves: each statement is a round trip on the request's thread,
  // and on SQLite a turn of the one write lock the saves need.
  it('signs in with five statements: record the attempt, read the window, find the account, forget the attempt, open the session', async () => {
    await signIn(db, { name: 'ben', password, clientKey: 'c-count' }); // expired rows were just forgotten (at most once a minute)
    const logged = await statementLog(db);
    try {
      const { token } = await signIn(logged.db, { name: 'ben', password, clientKey: 'c-count' });
      expect(logged.statements).toEqual(['insert', 'select', 'select', 'delete', 'insert']);
      expect(await sessionUser(db, token)).toMatchObject({ name: 'ben' });
    } finally {
      await logged.close();
    }
    // Nothing of the successful attempts is left to count against the name or the client.
    expect(await db.kysely.selectFrom('login_attempts').select('id').where('key', 'like', '%c-count%').execute()).toEqual([]);
  });

  it('forgets expired sessions and attempts at most once a minute, whoever signs in', async () => {
    const t0 = new Date('2034-01-01T00:00:00.000Z');
    const old = await signIn(db, { name: 'fay', password, clientKey: 'c-forget' }, t0);
    await signIn(db, { name: 'fay', password: 'wrong-password', clientKey: 'c-forget' }, t0).catch(() => {});
    const rows = async () => ({
      session: (await db.kysely.selectFrom('sessions').select('id').where('id', '=', sessionId(old.token)).execute()).length,
      attempts: (await db.kysely.selectFrom('login_attempts').select('id').where('at', '=', t0.toISOString()).execute()).length,
    });
    expect(await rows()).toEqual({ session: 1, attempts: 3 });
    const later = new Date(t0.getTime() + SESSION_MAX_MS + 1000);
    await signIn(db, { name: 'ben', password, clientKey: 'c-other' }, later);
    expect(await rows()).toEqual({ session: 0, attempts: 0 });
  });

  it('gives the same error for an unknown user and a wrong password; the local user cannot sign in', async () => {
    const unknown = await signIn(db, { name: 'nobody', password, clientKey: 'c-same' }).catch((e) => e);
    const wrong = await signIn(db, { name: 'cai', password: 'wrong-password', clientKey: 'c-same' }).catch((e) => e);
    const local = await signIn(db, { name: 'local', password, clientKey: 'c-same' }).catch((e) => e);
    for (const e of [unknown, wrong, local]) {
      expect(e).toBeInstanceOf(InvalidCredentialsError);
      expect(e.message).toBe('wrong user name or password');
    }
  });

  it.each([null, undefined, '', 'x', 'a'.repeat(43), '../../etc'])('treats the token %j as no session', async (token) => {
    expect(await sessionUser(db, token)).toBeNull();
  });

  it('remembers an autosave’s session between its batches, and looks it up again when its expiry is due to slide or it has expired', async () => {
    const t0 = new Date('2031-01-01T00:00:00.000Z');
    const { token, user } = await signIn(db, { name: 'eve', password, clientKey: 'c-write' }, t0);
    const logged = await statementLog(db);
    try {
      const first = await sessionForWrite(logged.db, token, new Date(t0.getTime() + 1000));
      expect(first).toMatchObject({ id: sessionId(token), user });
      expect(logged.statements).toEqual(['select']);
      // Within the touch interval: no statement at all.
      for (const s of [2, 60, 4 * 60]) expect(await sessionForWrite(logged.db, token, new Date(t0.getTime() + s * 1000))).toMatchObject({ user });
      expect(logged.statements).toEqual(['select']);
      // Five minutes after it was last seen: looked up and slid forward, as sessionUser does.
      await sessionForWrite(logged.db, token, new Date(t0.getTime() + 5 * 60_000));
      expect(logged.statements).toEqual(['select', 'select', 'update']);
    } finally {
      await logged.close();
    }
    // Past its end it is no session, remembered or not.
    expect(await sessionForWrite(db, token, new Date(t0.getTime() + SESSION_MAX_MS + 1000))).toBeNull();
    expect(await sessionForWrite(db, 'a'.repeat(43))).toBeNull();
    expect(await sessionForWrite(db, null)).toBeNull();
  });

  it('does not remember the session of a user who must still choose a password (choosing one keeps the session)', async () => {
    const { token, user } = await signIn(db, { name: 'cai', password, clientKey: 'c-write' });
    await db.kysely.updateTable('users').set({ must_change_password: 1 }).where('id', '=', user.id).execute();
    const logged = await statementLog(db);
    try {
      expect(await sessionForWrite(logged.db, token)).toMatchObject({ user: { mustChangePassword: true } });
      await db.kysely.updateTable('users').set({ must_change_password: 0 }).where('id', '=', user.id).execute();
      expect(await sessionForWrite(logged.db, token)).toMatchObject({ user: { mustChangePassword: false } });
      expect(logged.statements).toEqual(['select', 'select']);
    } finally {
      await logged.close();
    }
  });

  it('forgets a remembered session signed out in this process', async () => {
    const { token } = await signIn(db, { name: 'eve', password, clientKey: 'c-write' });
    expect(await sessionForWrite(db, token)).not.toBeNull();
    await signOut(db, token);
    expect(await sessionForWrite(db, token)).toBeNull();
  });

  it('slides a session forward while it is used, ends it after the idle time, and at 30 days at the latest', async () => {
    const t0 = new Date('2030-01-01T00:00:00.000Z');
    const { token, user } = await signIn(db, { name: 'dee', password, clientKey: 'c-expiry' }, t0);
    // Used every 10 days: alive past the idle time, because each use slides it.
    for (const day of [10, 20]) {
      expect(await sessionUser(db, token, new Date(t0.getTime() + day * DAY))).toEqual(user);
    }
    // ...but not past the hard limit.
    expect(await sessionUser(db, token, new Date(t0.getTime() + SESSION_MAX_MS - 1000))).toEqual(user);
    expect(await sessionUser(db, token, new Date(t0.getTime() + SESSION_MAX_MS))).toBeNull();

    const idle = await signIn(db, { name: 'dee', password, clientKey: 'c-expiry' }, t0);
    expect(await sessionUser(db, idle.token, new Date(t0.getTime() + SESSION_IDLE_MS - 1000))).toEqual(user);
    const t1 = new Date(t0.getTime() + SESSION_IDLE_MS - 1000);
    expect(await sessionUser(db, idle.token, new Date(t1.getTime() + SESSION_IDLE_MS))).toBeNull();
  });

  it('ends sessions when the user is deleted', async () => {
    const u = await signUp(db, { name: 'temp', password });
    const { token } = await signIn(db, { name: 'temp', password, clientKey: 'c-del' });
    await db.kysely.deleteFrom('users').where('id', '=', u.id).execute();
    expect(await sessionUser(db, token)).toBeNull();
    expect(await db.kysely.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).toEqual([]);
  });

  it(`backs one client off a name after ${RATE_PAIR_FREE} failures, doubling; the owner elsewhere still signs in`, async () => {
    const now = new Date('2031-05-05T10:00:00.000Z');
    const at = (s: number) => new Date(now.getTime() + s * 1000);
    for (let i = 0; i < RATE_PAIR_FREE; i++) {
      await expect(signIn(db, { name: 'eve', password: 'wrong-password', clientKey: 'c-lock' }, at(i))).rejects.toBeInstanceOf(InvalidCredentialsError);
    }
    // That client, even with the right password, waits PAIR_BACKOFF_BASE_S after its last failure.
    const limited = await signIn(db, { name: 'eve', password, clientKey: 'c-lock' }, at(10)).catch((e) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited.retryAfterSeconds).toBe(PAIR_BACKOFF_BASE_S - 6);
    // Eve from her own address is not held back by it.
    expect((await signIn(db, { name: 'eve', password, clientKey: 'c-eve' }, at(10))).user.name).toBe('eve');
    // Refused attempts did not count; after the back-off one more guess fits, and the next wait doubles.
    const t = RATE_PAIR_FREE - 1 + PAIR_BACKOFF_BASE_S + 1;
    await expect(signIn(db, { name: 'eve', password: 'wrong-password', clientKey: 'c-lock' }, at(t))).rejects.toBeInstanceOf(InvalidCredentialsError);
    const again = await signIn(db, { name: 'eve', password, clientKey: 'c-lock' }, at(t + 1)).catch((e) => e);
    expect(again.retryAfterSeconds).toBe(2 * PAIR_BACKOFF_BASE_S - 1);
    // Once the window has passed, that client may try again.
    expect((await signIn(db, { name: 'eve', password, clientKey: 'c-lock' }, at(t + RATE_WINDOW_MS / 1000))).user.name).toBe('eve');
  });

  it('100 failures for a name from other clients only slow its owner down, never stop them', async () => {
    const now = new Date('2032-01-01T00:00:00.000Z');
    await signUp(db, { name: 'owner', password });
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    for (let batch = 0; batch < 10; batch++) {
      const guesses = Array.from({ length: 10 }, (_, i) =>
        signIn(db, { name: 'owner', password: 'wrong-password', clientKey: `203.0.113.${batch * 10 + i}` }, now, { sleep }).catch((e) => e),
      );
      expect((await Promise.all(guesses)).every((e) => e instanceof InvalidCredentialsError)).toBe(true);
    }
    expect(waits.length).toBeGreaterThan(100 - NAME_SLOWDOWN_AFTER - 10);
    waits.length = 0;
    const owner = await signIn(db, { name: 'owner', password, clientKey: '198.51.100.7' }, now, { sleep });
    expect(owner.user.name).toBe('owner');
    expect(waits).toEqual([NAME_DELAY_MAX_MS]);
  }, 180_000); // 101 argon2id checks

  it(`locks a client after ${MAX_FAILURES_PER_CLIENT} failures across names`, async () => {
    const now = new Date('2033-01-01T00:00:00.000Z');
    const attempts = Array.from({ length: MAX_FAILURES_PER_CLIENT }, (_, i) => `guess${i}`);
    // In parallel: attempts are recorded before the check, so none can slip past the limit.
    const results = await Promise.all(
      attempts.map((name) => signIn(db, { name, password, clientKey: 'c-spray' }, now).catch((e) => e)),
    );
    expect(results.every((e) => e instanceof InvalidCredentialsError)).toBe(true);
    const limited = await signIn(db, { name: 'cai', password, clientKey: 'c-spray' }, now).catch((e) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((await signIn(db, { name: 'cai', password, clientKey: 'c-elsewhere' }, now)).user.name).toBe('cai');
  }, 120_000);

  it('lets only an admin change roles, and never demotes the last admin', async () => {
    const admin = (await db.kysely.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
    const gus = (await db.kysely.selectFrom('users').select('id').where('name', '=', 'gus.late').executeTakeFirstOrThrow()).id;
    await expect(setRole(db, gus, gus, 'admin')).rejects.toBeInstanceOf(ForbiddenError);
    expect(await setRole(db, admin, gus, 'instructor')).toMatchObject({ role: 'instructor' });
    await expect(setRole(db, gus, admin, 'student')).rejects.toBeInstanceOf(ForbiddenError); // instructors cannot
    await expect(setRole(db, admin, admin, 'student')).rejects.toThrow(/last admin/);
    await expect(setRole(db, admin, 'local', 'admin')).rejects.toThrow(/not found/);
    await expect(setRole(db, admin, gus, 'local' as never)).rejects.toBeInstanceOf(InvalidAccountInputError);
    expect(await setRole(db, admin, gus, 'admin')).toMatchObject({ role: 'admin' });
    expect(await setRole(db, gus, admin, 'student')).toMatchObject({ role: 'student' });
    expect((await getUser(db, admin))!.role).toBe('student');
  });
});
