import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/index.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/*
 * Callers share one database: on PGlite one connection (transactions serialised by the platform), on PostgreSQL
 * a pool. Whatever the interleaving, a statement lands in its own caller's transaction or in none: a transaction
 * that throws takes back its rows and only its rows, and nobody sees rows that were never committed.
 */

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
  await t.db.run({ sql: 'CREATE TABLE interleave (id serial PRIMARY KEY, owner text NOT NULL)', params: [] });
});
afterAll(() => t?.drop());

interface Plan {
  owner: string;
  /** Rows it inserts, each after some turns of the event loop. */
  pauses: number[];
  /** Throws after its inserts (rolled back) rather than returning. */
  fails: boolean;
  /** A plain insert outside any transaction instead. */
  alone: boolean;
}

const pause = (turns: number) => new Promise<void>((resolve) => {
  const step = (n: number) => (n <= 0 ? resolve() : setImmediate(() => step(n - 1)));
  step(turns);
});

async function perform(db: Database, plan: Plan, seen: Map<string, Set<string>>): Promise<void> {
  if (plan.alone) {
    for (const turns of plan.pauses) {
      await pause(turns);
      await db.run({ sql: 'INSERT INTO interleave (owner) VALUES ($1)', params: [plan.owner] });
    }
    return;
  }
  await db
    .transaction(async (tx) => {
      for (const turns of plan.pauses) {
        await pause(turns);
        await tx.run({ sql: 'INSERT INTO interleave (owner) VALUES ($1)', params: [plan.owner] });
        const rows = await tx.run<{ owner: string }>({ sql: 'SELECT DISTINCT owner FROM interleave', params: [] });
        for (const r of rows) seen.get(plan.owner)!.add(r.owner);
      }
      if (plan.fails) throw new Error('rolled back on purpose');
    })
    .catch((err: Error) => {
      if (!plan.fails) throw err;
    });
}

describe('interleaved transactions from concurrent callers', () => {
  it('stay isolated: each commits or rolls back exactly its own statements', async () => {
    const plans = fc.array(
      fc.record({ pauses: fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 4 }), fails: fc.boolean(), alone: fc.boolean() }),
      { minLength: 2, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(plans, async (drafts) => {
        await t.db.run({ sql: 'TRUNCATE interleave', params: [] });
        const all: Plan[] = drafts.map((d, i) => ({ ...d, owner: `c${i}` }));
        const seen = new Map(all.map((p) => [p.owner, new Set<string>()]));
        await Promise.all(all.map((p) => perform(t.db, p, seen)));

        const rows = await t.db.run<{ owner: string; n: number }>({ sql: 'SELECT owner, count(*)::int AS n FROM interleave GROUP BY owner ORDER BY owner', params: [] });
        const committed = all.filter((p) => p.alone || !p.fails);
        expect(rows).toEqual(committed.map((p) => ({ owner: p.owner, n: p.pauses.length })).sort((a, b) => a.owner.localeCompare(b.owner)));
        // Inside a transaction, rows of a transaction that rolled back were never visible.
        const rolledBack = new Set(all.filter((p) => !p.alone && p.fails).map((p) => p.owner));
        for (const [owner, owners] of seen) for (const o of owners) if (o !== owner) expect(rolledBack.has(o), `${owner} saw ${o}`).toBe(false);
      }),
      { numRuns: 15 },
    );
  });
});
