// rows.ts sends a list of rows (or ids) as one JSON parameter, read back by the database:
// what is stored must be exactly what was sent, whatever the strings hold and however many rows
// there are (several chunks: several statements), and a failing chunk must leave nothing behind.
import { describe, expect, it } from 'vitest';
import { getMap, unitRow } from './maps';
import { deleteRows, insertRows, updateRows } from './rows';
import { CompiledQuery } from 'kysely';
import { freshFixtureMap, insertUsers, statementLog, testBackends, useTestDb } from './test-support';

// Strings JSON or SQL could get wrong: quotes, backslashes, JSON and numbers as text, a newline,
// characters beyond the BMP, and a long one.
const AWKWARD = [`it's "quoted"`, 'back\\slash \\u0041', '{"a": [1, 2]}', '123', '', 'line\nbreak\ttab', '𠮷野家😀', 'x'.repeat(5000)];

describe.each(testBackends())('rows on $name', (backend) => {
  const t = useTestDb(backend);
  let user = '';
  const map = async () => {
    user ||= (await insertUsers(t.db, ['rows']))['rows'];
    return freshFixtureMap(t.db, user);
  };
  const NOW = '2026-12-04T10:00:00.000Z';

  it('stores each value as sent: text, numbers and nulls', async () => {
    const { id: mapId } = await map();
    const units = AWKWARD.map((note, i) => ({ id: `u-${i}'`, label: 'claim', start: i, end: i + 1, note }));
    const implicit = { id: 'implicit "1"', label: 'evidence', implicit: true as const, text: AWKWARD[0], note: '' };
    await t.db.kysely.transaction().execute((trx) => insertRows(trx, t.db.dialect, 'units', [...units, implicit].map((u) => unitRow(mapId, u, NOW))));
    const stored = await t.db.kysely.selectFrom('units').selectAll().where('map_id', '=', mapId).orderBy('id').execute();
    const expected = [...units, implicit].map((u) => unitRow(mapId, u, NOW)).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(stored).toEqual(expected);
    expect(stored.map((r) => typeof r.start_offset)).toEqual(expected.map((r) => (r.start_offset === null ? 'object' : 'number')));
  });

  it('writes more rows than a statement carries, and a failing chunk writes nothing', async () => {
    const { id: mapId } = await map();
    const units = Array.from({ length: 1234 }, (_, i) => unitRow(mapId, { id: `u${String(i).padStart(4, '0')}`, label: 'claim', start: 0, end: 1 }, NOW));
    await t.db.kysely.transaction().execute((trx) => insertRows(trx, t.db.dialect, 'units', units));
    expect((await getMap(t.db, mapId))!.units.map((u) => u.id)).toEqual(units.map((u) => u.id));

    const { id: other } = await map();
    // The last row repeats the first one's id: the last chunk fails, and the transaction with it.
    const failing = [...units.map((u) => ({ ...u, map_id: other })), { ...units[0], map_id: other }];
    await expect(t.db.kysely.transaction().execute((trx) => insertRows(trx, t.db.dialect, 'units', failing))).rejects.toThrow();
    expect((await getMap(t.db, other))!.units).toEqual([]);
  });

  it('updates the given columns row for row, and deletes by a list of ids', async () => {
    const { id: mapId } = await map();
    const units = AWKWARD.map((_, i) => unitRow(mapId, { id: `u${i}`, label: 'claim', start: i, end: i + 1, note: `before ${i}` }, NOW));
    await t.db.kysely.transaction().execute((trx) => insertRows(trx, t.db.dialect, 'units', units));
    const edited = units.slice(0, 4).map((u, i) => ({ ...u, label: 'evidence', note: AWKWARD[i], start_offset: 10 + i, end_offset: 12 + i, created_at: 'not written' }));
    // Another map holding rows with the same ids: nothing of it changes.
    const { id: otherMap } = await map();
    const others = units.map((u) => ({ ...u, map_id: otherMap }));
    await t.db.kysely.transaction().execute((trx) => insertRows(trx, t.db.dialect, 'units', others));
    await t.db.kysely.transaction().execute(async (trx) => {
      await updateRows(trx, t.db.dialect, 'units', mapId, ['label', 'start_offset', 'end_offset', 'text', 'note'], edited);
      await deleteRows(trx, t.db.dialect, 'units', 'id', mapId, ['u5', 'u7', "not'there"]);
    });
    const stored = (id: string) => t.db.kysely.selectFrom('units').selectAll().where('map_id', '=', id).orderBy('id').execute();
    expect(await stored(mapId)).toEqual([...edited.map((u) => ({ ...u, created_at: NOW })), units[4], units[6]]);
    expect(await stored(otherMap)).toEqual(others);
  });

  // SQLite plans without statistics: told the map as a value, it scanned the whole map for every
  // row of an update (500 edits on a 20,000-unit map took 7 s). Each row must be looked up by the
  // key, whatever the map's size (on PostgreSQL a plan depends on the table's size: not checked).
  it.runIf(backend.name === 'sqlite')('looks each updated or deleted row up by its key (map_id, id)', async () => {
    const { id: mapId } = await map();
    const units = Array.from({ length: 3 }, (_, i) => unitRow(mapId, { id: `k${i}`, label: 'claim', start: i, end: i + 1 }, NOW));
    const log = await statementLog(t.db);
    try {
      await log.db.kysely.transaction().execute(async (trx) => {
        await insertRows(trx, 'sqlite', 'units', units);
        await updateRows(trx, 'sqlite', 'units', mapId, ['label'], units);
        await deleteRows(trx, 'sqlite', 'units', 'id', mapId, ['k1']);
      });
      const writes = log.texts.filter((q) => /^(update|delete)/.test(q));
      expect(writes).toHaveLength(2);
      for (const q of writes) {
        const plan = await t.db.kysely.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q}`, q.split('?').slice(1).map(() => null)));
        const lookups = plan.rows.map((r) => r.detail).filter((d) => /^(SEARCH|SCAN) (t|units)\b/.test(d));
        expect(lookups, q).toEqual([expect.stringMatching(/^SEARCH (t|units) USING .*\(map_id=\? AND id=\?\)$/)]);
      }
    } finally {
      await log.close();
    }
  });

  it('refuses rows that do not all have the first row’s columns, or hold an undefined value, and writes none', async () => {
    const { id: mapId } = await map();
    const row = (id: string) => unitRow(mapId, { id, label: 'claim', start: 0, end: 1 }, NOW);
    const insert = (rows: object[]) => t.db.kysely.transaction().execute((trx) => insertRows(trx, t.db.dialect, 'units', rows as ReturnType<typeof row>[]));
    await expect(insert([row('a'), { ...row('b'), extra: 1 }])).rejects.toThrow(/every row must have the columns/);
    const { note: _, ...noNote } = row('c');
    await expect(insert([row('a'), noNote])).rejects.toThrow(/every row must have the columns/);
    await expect(insert([row('a'), { ...row('d'), note: undefined }])).rejects.toThrow(/no undefined value/);
    expect((await getMap(t.db, mapId))!.units).toEqual([]);
  });
});
