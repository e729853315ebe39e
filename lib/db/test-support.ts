// Test support for lib/db (imported by *.test.ts only): the backends a repository suite runs
// on, each giving a fresh, empty database per test-file run, and document fixtures.
//
// SQLite always runs (a temp file per run). PostgreSQL runs when RONTEN_TEST_PG_URL points at
// a server (see scripts/pg-temp.sh); each run gets its own database, created from that URL
// and dropped afterwards, so parallel or aborted runs never see each other's rows.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { Block, CanonicalText } from '@/lib/text/types';
import type { Token } from '@/lib/tokens/types';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { openDb, openLoggedKysely, type Db } from './connect';
import { createDocument, type CreateDocumentInput } from './documents';
import { getOrCreateMap, type StoredMap } from './maps';

export interface TestDatabase {
  url: string;
  teardown(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  async create() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ronten-db-test-'));
    return {
      url: `file:${path.join(dir, 'test.sqlite')}`,
      async teardown() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export function postgresBackend(baseUrl: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const { Client } = await import('pg');
      const name = `ronten_t_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = new Client({ connectionString: baseUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        async teardown() {
          const c = new Client({ connectionString: baseUrl });
          await c.connect();
          try {
            // FORCE (PostgreSQL 13+) ends stray sessions of a test that forgot to close.
            await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          } finally {
            await c.end();
          }
        },
      };
    },
  };
}

/// A fresh database of `backend` for the enclosing describe block, opened before its tests and
/// closed and dropped after them. Read `.db` inside hooks and tests (it is set in beforeAll).
export function useTestDb(backend: Backend): { readonly db: Db; readonly target: TestDatabase } {
  const handle = {} as { db: Db; target: TestDatabase };
  beforeAll(async () => {
    handle.target = await backend.create();
    handle.db = await openDb(handle.target.url);
  });
  afterAll(async () => {
    await handle.db?.close();
    await handle.target?.teardown();
  });
  return handle;
}

/// SQLite, plus PostgreSQL when RONTEN_TEST_PG_URL is set.
export function testBackends(): Backend[] {
  const pg = process.env.RONTEN_TEST_PG_URL;
  return pg ? [sqliteBackend, postgresBackend(pg)] : [sqliteBackend];
}

/// A canonical text built from its token surfaces (blocks split at '\n'), with its tokens.
/// Surfaces are given so that tests control token boundaries exactly.
export function fixtureDocument(surfaces: string[], overrides: Partial<CreateDocumentInput> = {}): CreateDocumentInput {
  const text = surfaces.join('');
  const tokens: Token[] = [];
  let at = 0;
  let cp = 0;
  for (const surface of surfaces) {
    const cpLen = [...surface].length;
    tokens.push({
      start: at,
      end: at + surface.length,
      cpStart: cp,
      cpEnd: cp + cpLen,
      surface,
      pos: /^\s+$/.test(surface) ? '記号' : '名詞',
      posDetail: surface === '𠮷野家' ? '固有名詞,組織' : '',
      basicForm: surface,
      reading: '',
    });
    at += surface.length;
    cp += cpLen;
  }
  const blocks: Block[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    blocks.push({ kind: blocks.length === 0 ? 'heading' : 'paragraph', start, end: start + line.length });
    start += line.length + 1;
  }
  const canonical: CanonicalText = { text, blocks, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
  return {
    title: '𠮷野家の𩸽について',
    language: 'ja',
    sourceText: text.replace(/\n/g, '\r\n'),
    reflow: 'auto',
    origin: 'corpus/test.txt',
    canonical,
    tokens,
    ...overrides,
  };
}

/// Japanese text with characters outside the BMP (𠮷, 𩸽, 😀) before and inside spans.
export const NON_BMP_SURFACES = ['𠮷野家', 'の', '𩸽', '\n', '𠮷野家', 'で', '𩸽', 'を', '食べ', 'た', '😀', '。', '理由', 'は', '安い', 'から', 'だ', '。'];

/// Accounts straight into users, without passwords (repository tests need no sign-up): the id
/// is `id-<name>`, the display name the name in capitals. Returns the ids by name.
/// A new map of `userId` on a new copy of the NON_BMP_SURFACES fixture document: a blank map
/// per test, so tests never see each other's units.
export async function freshFixtureMap(db: Db, userId: string): Promise<StoredMap> {
  return getOrCreateMap(db, await createDocument(db, fixtureDocument(NON_BMP_SURFACES)), userId);
}

export async function insertUsers(db: Db, names: readonly string[], role: 'student' | 'instructor' | 'admin' = 'student'): Promise<Record<string, string>> {
  const now = new Date().toISOString();
  await db.kysely
    .insertInto('users')
    .values(names.map((name) => ({ id: `id-${name}`, name, display_name: name.toUpperCase(), role, password_hash: null, created_at: now })))
    .execute();
  return Object.fromEntries(names.map((n) => [n, `id-${n}`]));
}

/// The same database, counting the statements run through it: to show that a loader's number
/// of queries does not grow with the data (no query per row).
export function countingDb(db: Db): { db: Db; readonly count: number } {
  const counter = new QueryCounter();
  return {
    db: { ...db, kysely: db.kysely.withPlugin(counter) },
    get count() {
      return counter.count;
    },
  };
}

/// The same database through a second connection that records every statement sent, BEGIN and
/// COMMIT included (a write's round trips, which countingDb's plugin does not see): `texts`, the
/// whole statements in order (empty it to start again), and `statements`, each one's first word
/// lower-cased. Close it after use.
export async function statementLog(db: Db): Promise<{ db: Db; readonly statements: string[]; texts: string[]; close(): Promise<void> }> {
  const texts: string[] = [];
  const kysely = await openLoggedKysely(db.url, (event) => {
    if (event.level === 'query') texts.push(event.query.sql);
  });
  return {
    db: { ...db, kysely, close: () => kysely.destroy() },
    get statements() {
      return texts.map((sql) => sql.trimStart().split(/\s/)[0].toLowerCase());
    },
    texts,
    close: () => kysely.destroy(),
  };
}

class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/// Counts the event loop's turns until stop(): a chain of immediates stands for the other
/// requests of the loop, each of which runs only when the work under test lets the loop turn.
export function countTurns() {
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  return {
    stop() {
      running = false;
      return turns;
    },
  };
}
