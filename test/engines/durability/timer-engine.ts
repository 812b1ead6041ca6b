import { loadConfig } from '../../../server/config.js';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../../../server/db/index.js';
import { EngineHost, type Clock, type Engine } from '../../../server/engines/index.js';

/**
 * A test engine built the way the real ones are: timers are rows with a due time; a tick claims due rows with
 * `FOR UPDATE SKIP LOCKED` in a transaction, records each firing under a unique constraint and sends a follow-up
 * job with `{ tx, key }`; the job applies its effect under a unique key, so a retried job changes nothing twice.
 */
export const TIMER_TABLES = [
  `CREATE TABLE IF NOT EXISTS public.dur_timer (id int PRIMARY KEY, due_at timestamptz NOT NULL, fired_at timestamptz)`,
  `CREATE TABLE IF NOT EXISTS public.dur_firing (timer_id int PRIMARY KEY, host text NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS public.dur_effect (timer_id int PRIMARY KEY, host text NOT NULL)`,
  /** Every run of the job that got as far as committing (a retry after a crash may add a second one). */
  `CREATE TABLE IF NOT EXISTS public.dur_job_run (id bigserial PRIMARY KEY, timer_id int NOT NULL, applied boolean NOT NULL)`,
];

export const FIRE_JOB = 'durability.fire';

export interface TimerEngineOptions {
  /** Names the process or host in the rows it writes. */
  host: string;
  /** Timers claimed per transaction. */
  batch: number;
  /** Transactions per tick at most (absent: until nothing is due), so firing can be spread over many ticks. */
  batchesPerTick?: number;
  /** How long a job holds its transaction open (ms), so a kill lands while jobs are in flight. */
  jobMs?: number;
  /** Seconds after which a job's run is presumed dead (its process gone) and retried. */
  expireInSeconds?: number;
  /** Told of progress (the child process prints it for the parent). */
  report?: (line: string) => void;
  /** Counts tick transactions that failed (a unique violation would mean a timer was claimed twice). */
  stats?: { tickFailures: number };
}

export function timerEngine(options: TimerEngineOptions): Engine {
  return {
    name: 'durability',
    install(ctx) {
      ctx.jobs.define<{ timer: number }>(
        FIRE_JOB,
        async (data) => {
          options.report?.(`running ${data.timer}`);
          await ctx.db.transaction(async (tx) => {
            const applied = await tx.run(sql`INSERT INTO public.dur_effect (timer_id, host) VALUES (${data.timer}, ${options.host}) ON CONFLICT (timer_id) DO NOTHING RETURNING timer_id`);
            await tx.run(sql`INSERT INTO public.dur_job_run (timer_id, applied) VALUES (${data.timer}, ${applied.length === 1})`);
            if (options.jobMs) await tx.run(sql`SELECT pg_sleep(${options.jobMs / 1000})`);
          });
          options.report?.(`done ${data.timer}`);
        },
        { retryLimit: 5, retryDelay: 0, retryBackoff: false, expireInSeconds: options.expireInSeconds ?? 60 },
      );
      ctx.every('durability', async (now) => {
        let fired = 0;
        for (let round = 0; round < (options.batchesPerTick ?? Infinity); round++) {
          let claimed: number[];
          try {
            claimed = await ctx.db.transaction(async (tx) => {
              const rows = await tx.run<{ id: number }>(
                sql`SELECT id FROM public.dur_timer WHERE fired_at IS NULL AND due_at <= ${now.toISOString()}::timestamptz ORDER BY id LIMIT ${options.batch} FOR UPDATE SKIP LOCKED`,
              );
              const ids = rows.map((r) => Number(r.id));
              if (!ids.length) return ids;
              // The unique key is the guarantee: a second firing of a timer fails this whole transaction.
              await tx.run(sql`INSERT INTO public.dur_firing (timer_id, host) SELECT unnest(${`{${ids.join(',')}}`}::int[]), ${options.host}`);
              await tx.run(sql`UPDATE public.dur_timer SET fired_at = ${now.toISOString()}::timestamptz WHERE id = ANY(${`{${ids.join(',')}}`}::int[])`);
              for (const id of ids) await ctx.jobs.send(FIRE_JOB, { timer: id }, { tx, key: `timer:${id}` });
              return ids;
            });
          } catch (err) {
            if (options.stats) options.stats.tickFailures++;
            throw err;
          }
          if (!claimed.length) return fired;
          fired += claimed.length;
          options.report?.(`fired ${claimed.length}`);
        }
        return fired;
      });
    },
  };
}

/** An engine host running only the test engine (it writes no records, so it needs no record graph). */
export function timerHost(db: Database, log: Logger, clock: Clock, engine: Engine, background: boolean, tickMs = 100): EngineHost {
  const schemas = { current: { graph: null as never }, movedFrom: async () => null };
  return new EngineHost({ db, log, schemas, limits: {} as never, config: loadConfig({}), clock, background, tickMs, engines: [engine] });
}

/** Creates the tables and `count` timers, all due at `due`. */
export async function seedTimers(db: Database, count: number, due: Date): Promise<void> {
  for (const ddl of TIMER_TABLES) await db.run(sql.raw(ddl));
  await db.run(sql`INSERT INTO public.dur_timer (id, due_at) SELECT g, ${due.toISOString()}::timestamptz - (g || ' seconds')::interval FROM generate_series(1, ${count}::int) g`);
}

/** What the engine did, counted from its rows and the queue's. */
export async function outcome(db: Database): Promise<Record<string, number>> {
  const [r] = await db.run<Record<string, string | number>>(sql`SELECT
      (SELECT count(*) FROM public.dur_timer) AS timers,
      (SELECT count(*) FROM public.dur_timer WHERE fired_at IS NULL) AS unfired,
      (SELECT count(*) FROM public.dur_firing) AS firings,
      (SELECT count(*) FROM public.dur_effect) AS effects,
      (SELECT count(*) FROM public.dur_job_run WHERE applied) AS applied_runs,
      (SELECT count(*) FROM public.dur_job_run) AS runs,
      (SELECT count(*) FROM atrium_jobs.job WHERE name = ${FIRE_JOB}) AS jobs,
      (SELECT count(*) FROM atrium_jobs.job WHERE name = ${FIRE_JOB} AND state = 'completed') AS completed`);
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]));
}
