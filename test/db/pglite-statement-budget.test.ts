import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, StatementTimeoutError, type PgliteDatabase } from '../../server/db/index.js';
import { ENDLESS, newDataDir, removeFolders, SHORT_WORK, snapshot, until } from './pglite-fixtures.js';

/*
 * PGlite ignores statement_timeout and cannot be interrupted: past the budget the worker thread is stopped and
 * the database reopened from its data folder. These tests run on PGlite whatever DATABASE_URL says.
 */

const BUDGET_MS = 3_000;
const folders: string[] = [];
afterAll(() => removeFolders(folders));

describe('the statement budget on the embedded database (data folder)', () => {
  let db: PgliteDatabase;
  const restarts: Error[] = [];
  beforeAll(async () => {
    db = await openPglite({ dataDir: await newDataDir(folders), loadDataDir: await snapshot(), statementTimeoutMs: BUDGET_MS, onRestart: (r) => restarts.push(r) });
    await db.run({ sql: 'CREATE TABLE kept (id int PRIMARY KEY, note text)', params: [] });
  });
  afterAll(() => db?.close());

  it('stops a statement past the budget, keeps what was committed, runs what waited, and takes new writes', { timeout: 120_000 }, async () => {
    await db.run({ sql: `INSERT INTO kept VALUES (1, 'before')`, params: [] });
    await db.transaction(async (tx) => {
      await tx.run({ sql: `INSERT INTO kept VALUES (2, 'committed in a transaction')`, params: [] });
    });
    const notes: string[] = [];
    await db.listen('atrium_budget_test', (p) => notes.push(p));

    const heavy = db.run(ENDLESS).then(
      () => null,
      (e: unknown) => e,
    );
    // Queued behind the heavy statement (one connection): they run once the database is reopened.
    const waiting = db.run<{ n: number }>({ sql: 'SELECT count(*)::int AS n FROM kept', params: [] });
    const waitingWrite = db.transaction((tx) => tx.run({ sql: `INSERT INTO kept VALUES (3, 'queued') RETURNING id`, params: [] }));

    const err = await heavy;
    expect(err).toBeInstanceOf(StatementTimeoutError);
    expect(err).toMatchObject({ code: '57014', budgetMs: BUDGET_MS });
    expect(await waiting).toEqual([{ n: 2 }]);
    expect(await waitingWrite).toEqual([{ id: 3 }]);
    expect(restarts).toHaveLength(1);

    await db.run({ sql: `INSERT INTO kept VALUES (4, 'after')`, params: [] });
    expect(await db.run({ sql: 'SELECT id, note FROM kept ORDER BY id', params: [] })).toEqual([
      { id: 1, note: 'before' },
      { id: 2, note: 'committed in a transaction' },
      { id: 3, note: 'queued' },
      { id: 4, note: 'after' },
    ]);
    // The reopened database listens again on the channels that had listeners.
    await db.run({ sql: `SELECT pg_notify('atrium_budget_test', 'after restart')`, params: [] });
    await until(() => notes.length > 0);
    expect(notes).toEqual(['after restart']);
  });

  it('rolls back the transaction whose statement ran past the budget', { timeout: 120_000 }, async () => {
    const err = await db
      .transaction(async (tx) => {
        await tx.run({ sql: `INSERT INTO kept VALUES (10, 'never committed')`, params: [] });
        await tx.run(ENDLESS);
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StatementTimeoutError);
    expect(await db.run({ sql: 'SELECT count(*)::int AS n FROM kept WHERE id = 10', params: [] })).toEqual([{ n: 0 }]);
  });

  it('does not commit a transaction whose callback caught the timeout and carried on', { timeout: 120_000 }, async () => {
    let afterwards: unknown = null;
    const err = await db
      .transaction(async (tx) => {
        await tx.run({ sql: `INSERT INTO kept VALUES (20, 'lost with the thread')`, params: [] });
        await tx.run(ENDLESS).catch(() => {});
        afterwards = await tx.run({ sql: `INSERT INTO kept VALUES (21, 'must not run outside the transaction')`, params: [] }).catch((e: unknown) => e);
        return 'pretends all went well';
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/rolled back/);
    expect(afterwards).toBeInstanceOf(Error);
    expect(await db.run({ sql: 'SELECT count(*)::int AS n FROM kept WHERE id IN (20, 21)', params: [] })).toEqual([{ n: 0 }]);
  });
});

describe('a transaction without a budget (publish)', () => {
  it('runs past the database budget when opened with statementTimeoutMs: null; others are still stopped', { timeout: 120_000 }, async () => {
    // A budget of 1 ms stops anything that does work; the unbounded transaction finishes all the same.
    const db = await openPglite({ dataDir: await newDataDir(folders), loadDataDir: await snapshot(), statementTimeoutMs: 1 });
    try {
      const rows = await db.transaction((tx) => tx.run<{ s: number }>(SHORT_WORK), { statementTimeoutMs: null });
      expect(rows).toEqual([{ s: 45000150000 }]);
      await expect(db.run(SHORT_WORK)).rejects.toBeInstanceOf(StatementTimeoutError);
      await expect(db.transaction((tx) => tx.run(SHORT_WORK))).rejects.toBeInstanceOf(StatementTimeoutError);
      expect(await db.transaction((tx) => tx.run(SHORT_WORK), { statementTimeoutMs: null })).toEqual([{ s: 45000150000 }]);
    } finally {
      await db.close();
    }
  });
});
