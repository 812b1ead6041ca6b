import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementTimeoutError } from '../../server/db/index.js';
import { DomainError, ErrorCode } from '../../server/domain-error.js';
import { mapReadError } from '../../server/records/database-error.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/*
 * The statement budget as both drivers keep it: PostgreSQL with statement_timeout, PGlite (in a data folder) by
 * stopping its worker. A transaction may lift it (publish); the error maps to TIMEOUT with a message to act on.
 */

/** Wide enough that ordinary statements on a busy machine stay inside it (a data folder on disk is slower). */
const BUDGET_MS = 1_500;
const SLEEP_PAST_BUDGET = { sql: 'SELECT pg_sleep(30)', params: [] };
const SLEEP_BRIEFLY_PAST_BUDGET = { sql: 'SELECT pg_sleep(2.5) AS slept', params: [] };

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ statementTimeoutMs: BUDGET_MS, onDisk: true });
  await t.db.transaction((tx) => tx.run({ sql: 'CREATE TABLE budget_rows (id int PRIMARY KEY)', params: [] }), { statementTimeoutMs: null });
});
afterAll(() => t?.drop());

describe(`the statement budget on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('stops a statement past the budget with an error that maps to TIMEOUT', { timeout: 120_000 }, async () => {
    const err = await t.db.run(SLEEP_PAST_BUDGET).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StatementTimeoutError);
    expect(err).toMatchObject({ code: '57014', budgetMs: BUDGET_MS });
    const mapped = mapReadError(err);
    expect(mapped).toBeInstanceOf(DomainError);
    expect(mapped).toMatchObject({ code: ErrorCode.TIMEOUT, details: { timeoutMs: BUDGET_MS } });
    expect((mapped as Error).message).toBe(
      'the database statement ran past its time budget of 1.5 s and was stopped; narrow the filter (fewer or more selective conditions) or ask for a smaller page',
    );
    expect(await t.db.run({ sql: 'SELECT 1 AS one', params: [] })).toEqual([{ one: 1 }]);
  });

  it('rolls back a transaction whose statement was stopped', { timeout: 120_000 }, async () => {
    const err = await t.db
      .transaction(async (tx) => {
        await tx.run({ sql: 'INSERT INTO budget_rows VALUES (1)', params: [] });
        await tx.run(SLEEP_PAST_BUDGET);
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StatementTimeoutError);
    expect(await t.db.run({ sql: 'SELECT count(*)::int AS n FROM budget_rows', params: [] })).toEqual([{ n: 0 }]);
  });

  it('lets a transaction opened without a budget (publish) run past it', { timeout: 120_000 }, async () => {
    const rows = await t.db.transaction(
      async (tx) => {
        await tx.run({ sql: 'INSERT INTO budget_rows VALUES (2)', params: [] });
        return tx.run(SLEEP_BRIEFLY_PAST_BUDGET);
      },
      { statementTimeoutMs: null },
    );
    expect(rows).toHaveLength(1);
    expect(await t.db.run({ sql: 'SELECT id FROM budget_rows', params: [] })).toEqual([{ id: 2 }]);
    // The budget is back for what follows.
    await expect(t.db.run(SLEEP_PAST_BUDGET)).rejects.toBeInstanceOf(StatementTimeoutError);
  });

  it('maps a cancelled statement without a known budget to TIMEOUT too', () => {
    const mapped = mapReadError(Object.assign(new Error('canceling statement due to user request'), { code: '57014' }));
    expect(mapped).toMatchObject({ code: ErrorCode.TIMEOUT, details: {} });
    expect((mapped as Error).message).toMatch(/^the database statement ran past its time budget and was stopped; narrow the filter/);
  });
});
