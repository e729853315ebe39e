import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeDatabaseUrl, migrateToLatest, openConnections, openDb, postgresPoolSize, resolveDatabaseUrl, type Db } from './connect';
import { getLabelScheme } from './label-schemes';
import { constraintViolation } from './errors';
import { testBackends, useTestDb } from './test-support';

describe('postgresPoolSize', () => {
  it('is twice the cores, 4 to 10, unless RONTEN_PG_POOL names a number of connections', () => {
    expect([1, 2, 3, 8].map((cores) => postgresPoolSize(undefined, cores))).toEqual([4, 4, 6, 10]);
    expect(['', ' ', '4', '64'].map((raw) => postgresPoolSize(raw, 2))).toEqual([4, 4, 4, 64]);
  });

  it.each(['0', '-2', '2.5', 'ten', '100000'])('refuses %j with the variable named', (raw) => {
    expect(() => postgresPoolSize(raw)).toThrow(/RONTEN_PG_POOL/);
  });
});

describe('openConnections', () => {
  it('leaves a pool no connection can be opened to as it was, without throwing', async () => {
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 2_000 });
    pool.on('error', () => {});
    expect(await openConnections(pool, 3)).toBe(0);
    expect(pool.totalCount).toBe(0);
    await pool.end();
  });
});

describe.each(testBackends().filter((b) => b.name === 'postgres'))('the PostgreSQL pool', (backend) => {
  it('opens its connections when the Db opens, and keeps them while idle', async () => {
    const target = await backend.create();
    const db = await openDb(target.url);
    try {
      const backends = async () =>
        Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(db.kysely)).rows[0].n);
      // One of them runs the count; the others are open already, before any query asked for them.
      expect(await backends()).toBe(postgresPoolSize() - 1);
      await new Promise((r) => setTimeout(r, 10_500)); // pg's default closed idle clients after 10 s
      expect(await backends()).toBe(postgresPoolSize() - 1);
    } finally {
      await db.close();
      await target.teardown();
    }
  }, 20_000);
});

describe('resolveDatabaseUrl', () => {
  const cwd = '/srv/ronten';
  it.each([
    [undefined, { dialect: 'sqlite', url: 'file:/srv/ronten/data/ronten.sqlite', path: '/srv/ronten/data/ronten.sqlite' }],
    ['', { dialect: 'sqlite', url: 'file:/srv/ronten/data/ronten.sqlite', path: '/srv/ronten/data/ronten.sqlite' }],
    ['file:db/x.sqlite', { dialect: 'sqlite', url: 'file:/srv/ronten/db/x.sqlite', path: '/srv/ronten/db/x.sqlite' }],
    ['file:./x.sqlite', { dialect: 'sqlite', url: 'file:/srv/ronten/x.sqlite', path: '/srv/ronten/x.sqlite' }],
    ['file:/var/lib/r.sqlite', { dialect: 'sqlite', url: 'file:/var/lib/r.sqlite', path: '/var/lib/r.sqlite' }],
    ['file:///var/lib/r%20s.sqlite', { dialect: 'sqlite', url: 'file:/var/lib/r s.sqlite', path: '/var/lib/r s.sqlite' }],
    ['file::memory:', { dialect: 'sqlite', url: 'file::memory:', path: ':memory:' }],
    ['postgres://u:p@h:5432/d', { dialect: 'postgres', url: 'postgres://u:p@h:5432/d' }],
    ['postgresql://h/d', { dialect: 'postgres', url: 'postgresql://h/d' }],
  ])('%j', (url, expected) => {
    expect(resolveDatabaseUrl(url, cwd)).toEqual(expected);
  });

  it.each(['mysql://u:secret@h/d', 'data/ronten.sqlite', 'file:'])('rejects %j without echoing secrets', (url) => {
    expect(() => resolveDatabaseUrl(url, cwd)).toThrow(/DATABASE_URL/);
    try {
      resolveDatabaseUrl(url, cwd);
    } catch (err) {
      expect(String(err)).not.toContain('secret');
    }
  });
});

describe('describeDatabaseUrl', () => {
  it.each([
    ['postgres://ronten:s3cret@db.example:5432/ronten?sslmode=require&password=x', 'postgres ronten@db.example:5432/ronten'],
    ['postgresql://db.example/ronten', 'postgres db.example/ronten'],
    ['file::memory:', 'sqlite (in memory)'],
    ['file:/var/lib/r.sqlite', 'sqlite /var/lib/r.sqlite'],
    ['mysql://u:s3cret@h/d', 'mysql: (unsupported)'],
  ])('%s → %s', (url, expected) => {
    expect(describeDatabaseUrl(url)).toBe(expected);
    expect(describeDatabaseUrl(url)).not.toContain('s3cret');
  });
});

describe('openDb with DATABASE_URL', () => {
  const saved = process.env.DATABASE_URL;
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ronten-db-env-'));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('honours DATABASE_URL=file:PATH, creating missing directories', async () => {
    const file = path.join(dir, 'nested', 'env.sqlite');
    process.env.DATABASE_URL = `file:${file}`;
    const db = await openDb();
    try {
      expect(db.dialect).toBe('sqlite');
      expect(db.url).toBe(`file:${file}`);
      expect(fs.existsSync(file)).toBe(true);
      const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db.kysely);
      expect(mode.rows[0].journal_mode).toBe('wal');
      const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db.kysely);
      expect(fk.rows[0].foreign_keys).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('caches one Db per URL until closed, also for concurrent first calls', async () => {
    const url = `file:${path.join(dir, 'cache.sqlite')}`;
    const [a, b] = await Promise.all([openDb(url), openDb(url)]);
    expect(a).toBe(b);
    // The same file named differently is the same database.
    expect(await openDb(`file://${path.join(dir, 'cache.sqlite')}`)).toBe(a);
    const closing = a.close();
    const c = await openDb(url); // not the Db being closed, even before close() settles
    await closing;
    await a.close(); // idempotent
    expect(c).not.toBe(a);
    await c.close();
  });

  it('opens an in-memory database with file::memory:', async () => {
    const db = await openDb('file::memory:');
    try {
      expect(await getLabelScheme(db, 'default')).not.toBeNull();
    } finally {
      await db.close();
    }
  });
});

describe.each(testBackends())('schema on $name', (backend) => {
  const handle = useTestDb(backend);
  let db: Db;
  beforeAll(() => {
    db = handle.db;
  });

  it('reports its dialect', () => {
    expect(db.dialect).toBe(backend.name);
  });

  it('applies migrations once: reopening and migrating again change nothing', async () => {
    await db.close();
    db = await openDb(handle.target.url);
    expect(await migrateToLatest(db)).toEqual([]);
    const schemes = await db.kysely.selectFrom('label_schemes').select('id').execute();
    expect(schemes).toEqual([{ id: 'default' }]);
  });

  it('seeds the default label scheme', async () => {
    expect(await getLabelScheme(db, 'default')).toEqual({
      id: 'default',
      name: '主張・根拠・反論・再反論',
      labels: [
        { id: 'claim', ja: '主張', en: 'Claim' },
        { id: 'evidence', ja: '根拠', en: 'Evidence' },
        { id: 'counterargument', ja: '反論', en: 'Counterargument' },
        { id: 'rebuttal', ja: '再反論', en: 'Rebuttal' },
      ],
    });
  });

  it('enforces foreign keys: a unit on a missing map is refused', async () => {
    const err = await db.kysely
      .insertInto('units')
      .values({
        map_id: 'no-such-map',
        id: 'u1',
        label: 'claim',
        start_offset: 0,
        end_offset: 1,
        note: '',
        created_at: new Date().toISOString(),
      })
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(constraintViolation(err)).toBe('foreign_key');
  });

  it('enforces foreign keys: a map on a missing document or user is refused', async () => {
    const now = new Date().toISOString();
    const err = await db.kysely
      .insertInto('argument_maps')
      .values({
        id: 'm-orphan',
        document_id: 'no-such-doc',
        user_id: 'no-such-user',
        label_scheme_id: 'default',
        version: 1,
        main_claim_id: null,
        submitted_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(constraintViolation(err)).toBe('foreign_key');
  });

  it('enforces check constraints (user role)', async () => {
    const err = await db.kysely
      .insertInto('users')
      .values({ id: 'x', name: 'x', display_name: 'x', role: 'emperor' as never, password_hash: null, created_at: '' })
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(constraintViolation(err)).toBe('check');
  });
});
