import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { desc, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metaVersion } from '../../schema/platform/index.js';
import { openPglite, SESSION_SETTINGS, type PgliteDatabase } from '../../server/db/index.js';
import { SHORT_WORK, snapshot, until } from './pglite-fixtures.js';

/*
 * The embedded database runs PGlite in a worker thread. These tests hold it to what the platform relies on:
 * values as an in-process PGlite returns them, transactions, NOTIFY, snapshots, and the statement budget that
 * stops the thread and reopens the data folder. They run on PGlite whatever DATABASE_URL says.
 */

describe('the embedded database in a worker thread', () => {
  let db: PgliteDatabase;
  beforeAll(async () => {
    db = await openPglite({ loadDataDir: await snapshot() });
    await db.run({ sql: 'CREATE TABLE t (id int PRIMARY KEY, note text)', params: [] });
  });
  afterAll(() => db?.close());

  it('returns values as an in-process PGlite does (dates, json, numbers, arrays, bytes)', async () => {
    const local = await PGlite.create({ extensions: { pg_trgm } });
    try {
      await local.exec(Object.entries(SESSION_SETTINGS).map(([k, v]) => `SET ${k} = '${v}';`).join(' '));
      const statement = {
        sql: `SELECT 1::int2 AS i2, 2::int4 AS i4, 3::int8 AS i8, 1.5::numeric AS num, 2.5::float8 AS f8, true AS b, 'x'::text AS t,
                '2026-01-02T03:04:05.678Z'::timestamptz AS tstz, '2026-01-02'::date AS d, '2026-01-02 03:04:05'::timestamp AS ts,
                'P1DT2H'::interval AS iv, '{"a":[1,{"b":null}],"c":"2026"}'::jsonb AS jb, '{"x":1}'::json AS j, ARRAY[1,2]::int[] AS ia,
                ARRAY['a','b'] AS ta, '\\x0102'::bytea AS by, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, NULL::text AS n,
                json_build_object('when', '2026-01-02T03:04:05Z'::timestamptz, 'n', 1) AS built,
                $1::jsonb AS p_json, $2::timestamptz AS p_time, $3::int[] AS p_ints, $4::text AS p_text, $5::int8 AS p_big`,
        params: [{ a: [1, 'two'], b: null }, new Date('2026-03-04T05:06:07.089Z'), [3, 4], 'é ✓', '9007199254740993'],
      };
      const [expected] = (await local.query(statement.sql, statement.params)).rows as Record<string, unknown>[];
      const [actual] = await db.run(statement);
      expect(actual).toEqual(expected);
      expect(actual!.tstz).toBeInstanceOf(Date);
      expect(actual!.jb).toEqual({ a: [1, { b: null }], c: '2026' });
      expect(actual!.by).toBeInstanceOf(Uint8Array);
    } finally {
      await local.close();
    }
  });

  it('gives drizzle the rows its own PGlite driver gives (the platform tables)', async () => {
    const rows = await db.orm.select().from(metaVersion).orderBy(desc(metaVersion.id));
    const local = await PGlite.create({ loadDataDir: await snapshot(), extensions: { pg_trgm } });
    try {
      const expected = await drizzle({ client: local }).select().from(metaVersion).orderBy(desc(metaVersion.id));
      expect(rows).toEqual(expected);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0]!.createdAt).toBeInstanceOf(Date);
      const [inserted] = await db.orm.insert(metaVersion).values({ id: rows[0]!.id + 1, author: 'test', snapshot: { recordTypes: {} } as never, diff: [] }).returning();
      expect(inserted).toMatchObject({ author: 'test', message: '', snapshot: { recordTypes: {} }, rollbackOf: null });
      expect(inserted!.createdAt).toBeInstanceOf(Date);
      await db.orm.delete(metaVersion).where(eq(metaVersion.id, inserted!.id));
    } finally {
      await local.close();
    }
  });

  it('reports database errors with PostgreSQL’s fields', async () => {
    await db.run({ sql: 'INSERT INTO t VALUES (1, $1)', params: ['one'] });
    const err = await db.run({ sql: 'INSERT INTO t VALUES (1, $1)', params: ['again'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: '23505', constraint: 't_pkey', table: 't' });
    await db.run({ sql: 'DELETE FROM t', params: [] });
  });

  it('commits a transaction when its callback resolves and rolls it back when it throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.run({ sql: 'INSERT INTO t VALUES (10, $1)', params: ['gone'] });
        expect(await tx.run({ sql: 'SELECT note FROM t WHERE id = 10', params: [] })).toEqual([{ note: 'gone' }]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const kept = await db.transaction(async (tx) => {
      await tx.run({ sql: 'INSERT INTO t VALUES (11, $1)', params: ['kept'] });
      return 'done';
    });
    expect(kept).toBe('done');
    expect(await db.run({ sql: 'SELECT id FROM t WHERE id IN (10, 11) ORDER BY id', params: [] })).toEqual([{ id: 11 }]);
    // A statement that fails inside a transaction rolls all of it back.
    await expect(
      db.transaction(async (tx) => {
        await tx.run({ sql: 'INSERT INTO t VALUES (12, $1)', params: ['x'] });
        await tx.run({ sql: 'INSERT INTO t VALUES (11, $1)', params: ['duplicate'] });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await db.run({ sql: 'SELECT count(*)::int AS n FROM t WHERE id = 12', params: [] })).toEqual([{ n: 0 }]);
    await db.run({ sql: 'DELETE FROM t', params: [] });
  });

  it('refuses statements on a transaction after its callback ended', async () => {
    let leaked!: { run: (s: { sql: string; params: unknown[] }) => Promise<unknown> };
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked.run({ sql: 'SELECT 1', params: [] })).rejects.toThrow(/transaction has ended/);
  });

  it('delivers NOTIFY to listeners, only after commit, and stops after unlisten', async () => {
    const got: string[] = [];
    const other: string[] = [];
    const unlisten = await db.listen('atrium_test', (p) => got.push(p));
    const unlistenOther = await db.listen('atrium_test', (p) => other.push(p));
    await db.transaction(async (tx) => {
      await tx.run({ sql: `SELECT pg_notify('atrium_test', 'rolled back')`, params: [] });
      throw new Error('no');
    }).catch(() => {});
    await db.run({ sql: `SELECT pg_notify('atrium_test', 'one')`, params: [] });
    await db.transaction(async (tx) => {
      await tx.run({ sql: `SELECT pg_notify('atrium_test', 'two')`, params: [] });
    });
    await until(() => got.length >= 2);
    expect(got).toEqual(['one', 'two']);
    expect(other).toEqual(['one', 'two']);
    await unlistenOther();
    await db.run({ sql: `SELECT pg_notify('atrium_test', 'three')`, params: [] });
    await until(() => got.length >= 3);
    expect(other).toEqual(['one', 'two']);
    await unlisten();
    await db.run({ sql: `SELECT pg_notify('atrium_test', 'four')`, params: [] });
    // A later notification on another channel arrives after 'four' would have: nothing more came.
    const marker: string[] = [];
    const off = await db.listen('atrium_marker', (p) => marker.push(p));
    await db.run({ sql: `SELECT pg_notify('atrium_marker', 'm')`, params: [] });
    await until(() => marker.length === 1);
    await off();
    expect(got).toEqual(['one', 'two', 'three']);
  });

  it('tells statement listeners each statement with its duration', async () => {
    const seen: [string, number | null][] = [];
    const off = db.onStatement((sql, ms) => seen.push([sql, ms]));
    await db.run({ sql: 'SELECT 1 AS one', params: [] });
    await db.transaction((tx) => tx.run({ sql: 'SELECT 2 AS two', params: [] }));
    await db.orm.select().from(metaVersion).limit(1);
    off();
    await db.run({ sql: 'SELECT 3', params: [] });
    expect(seen.map(([s]) => s)).toEqual(['SELECT 1 AS one', 'SELECT 2 AS two', expect.stringContaining('"atrium"."meta_version"')]);
    for (const [, ms] of seen) expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('dumps a snapshot that opens with the same data', async () => {
    await db.run({ sql: 'INSERT INTO t VALUES (20, $1)', params: ['snap'] });
    const blob = await db.dumpDataDir();
    const copy = await openPglite({ loadDataDir: blob });
    try {
      expect(await copy.run({ sql: 'SELECT id, note FROM t', params: [] })).toEqual([{ id: 20, note: 'snap' }]);
      expect((await copy.run({ sql: 'SELECT count(*)::int AS n FROM atrium.meta_version', params: [] }))[0]!.n).toBeGreaterThan(0);
    } finally {
      await copy.close();
    }
    await db.run({ sql: 'DELETE FROM t', params: [] });
  });

  it('keeps no budget in memory, where the database could not be reopened', async () => {
    const mem = await openPglite({ loadDataDir: await snapshot(), statementTimeoutMs: 1 });
    try {
      expect(await mem.run(SHORT_WORK)).toEqual([{ s: 45000150000 }]);
    } finally {
      await mem.close();
    }
  });

  it('fails calls after close', async () => {
    const other = await openPglite({ loadDataDir: await snapshot() });
    await other.close();
    await expect(other.run({ sql: 'SELECT 1', params: [] })).rejects.toThrow(/closed/);
  });
});
