import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../../server/db/index.js';
import { ManualClock, type EngineHost } from '../../../server/engines/index.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { outcome, seedTimers, timerEngine, timerHost } from './timer-engine.js';

const TIMERS = 500;
const log = pino({ level: 'silent' });

describe('two engine hosts ticking at once over one database', () => {
  let database: TestDatabase;
  /** PostgreSQL: a second pool, as a second server process has. PGlite (one process): the same database. */
  let second: Database;
  let a: EngineHost;
  let b: EngineHost;
  const stats = { tickFailures: 0 };
  const clock = new ManualClock('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase();
    second = database.url ? await openPostgres({ url: database.url, max: 4 }) : database.db;
    await seedTimers(database.db, TIMERS, clock.now());
    a = timerHost(database.db, log, clock, timerEngine({ host: 'a', batch: 10, stats }), false);
    b = timerHost(second, log, clock, timerEngine({ host: 'b', batch: 10, stats }), false);
    // One after the other: both install the queue's tables if missing.
    await a.start();
    await b.start();
  }, 60_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    if (second && second !== database.db) await second.close();
    await database?.drop();
  });

  it(`fire each of ${TIMERS} due timers exactly once and run each follow-up job once`, async () => {
    await Promise.all([a.drain(), b.drain()]);
    // Nothing is left for either, whichever finished first.
    expect((await a.drain()) + (await b.drain())).toBe(0);
    expect(await outcome(database.db)).toEqual({ timers: TIMERS, unfired: 0, firings: TIMERS, effects: TIMERS, applied_runs: TIMERS, runs: TIMERS, jobs: TIMERS, completed: TIMERS });
    // No claim collided with another: not one tick transaction failed on the unique firing key.
    expect(stats.tickFailures).toBe(0);
    expect(await a.jobs.dead()).toEqual([]);
    if (database.url) {
      // Both did part of the work: the hosts really ran side by side.
      const byHost = await database.db.run<{ host: string; n: number }>(sql`SELECT host, count(*)::int AS n FROM public.dur_firing GROUP BY host ORDER BY host`);
      expect(byHost.map((r) => r.host)).toEqual(['a', 'b']);
    }
  }, 60_000);

  it('fire nothing before its time, and what falls due later exactly once', async () => {
    await database.db.run(sql`INSERT INTO public.dur_timer (id, due_at) SELECT g, ${clock.now().toISOString()}::timestamptz + interval '1 hour' FROM generate_series(${TIMERS + 1}::int, ${TIMERS + 50}::int) g`);
    await Promise.all([a.drain(), b.drain()]);
    expect((await outcome(database.db)).firings).toBe(TIMERS);
    clock.advance(3_600_000);
    await Promise.all([a.drain(), b.drain()]);
    const total = TIMERS + 50;
    expect(await outcome(database.db)).toEqual({ timers: total, unfired: 0, firings: total, effects: total, applied_runs: total, runs: total, jobs: total, completed: total });
    expect(stats.tickFailures).toBe(0);
  }, 60_000);
});
