import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database, Executor } from '../../db/index.js';
import { jobDb, jobTx } from './job-db.js';

/** What a job handler is given besides its data. */
export interface JobContext {
  id: string;
  /** How many times it has been tried before this run (0 on the first). */
  retryCount: number;
}

export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

/** How a kind of job is retried; failures past the limit stay visible as dead jobs until retried or purged. */
export interface JobKindOptions {
  /** Retries after the first run (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry (default 2); with backoff each retry waits about twice as long. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A run that takes longer is treated as failed (default 60 s). */
  expireInSeconds?: number;
}

export interface SendOptions {
  /**
   * What makes the job unique: a second send with the same key is dropped while the first is kept. Handlers
   * must still be idempotent (a job retried after a crash runs again), but a key never makes two jobs.
   */
  key?: string;
  /** Enqueue inside this transaction: the job exists only if it commits. */
  tx?: Executor;
  startAfter?: Date;
}

/** A job that failed past its retries. */
export interface DeadJob {
  id: string;
  kind: string;
  data: unknown;
  error: string;
  retryCount: number;
  createdAt: Date;
  failedAt: Date | null;
}

export interface JobQueueOptions {
  /** Poll and run jobs in the background (a server); off, jobs run only when `drain()` is called (tests). */
  work: boolean;
  /** How often an idle worker looks for new jobs, in seconds (the library's minimum is 0.5). */
  pollingIntervalSeconds?: number;
}

interface Kind {
  handler: JobHandler<unknown>;
  options: JobKindOptions;
  workerId: string | null;
}

const SCHEMA = 'atrium_jobs';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Durable jobs on PostgreSQL (pg-boss 10, the newest major that runs on Node 20): claimed with `SKIP LOCKED`,
 * so several server processes share the work and no job runs twice at once; retried with backoff; kept
 * after their last failure for an administrator to see and retry. Runs over our own database connection on
 * both drivers (the embedded PGlite included), so there is one code path.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly kinds = new Map<string, Kind>();
  private started = false;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly options: JobQueueOptions,
  ) {
    this.boss = new PgBoss({ db: jobDb(db), schema: SCHEMA, supervise: options.work, schedule: false, migrate: true });
    this.boss.on('error', (err) => log.error({ err }, 'job queue error'));
  }

  /** Installs (or upgrades) the queue's tables and stops: builds do it once, so a first start does not. */
  static async install(db: Database): Promise<void> {
    const boss = new PgBoss({ db: jobDb(db), schema: SCHEMA, supervise: false, schedule: false, migrate: true });
    await boss.start();
    await boss.stop({ graceful: false, close: false });
  }

  /** Declares a kind of job and its handler; call before `start`. */
  define<T>(kind: string, handler: JobHandler<T>, options: JobKindOptions = {}): void {
    if (this.kinds.has(kind)) throw new Error(`the job kind "${kind}" is defined twice`);
    if (this.started) throw new Error(`define the job kind "${kind}" before the queue starts`);
    this.kinds.set(kind, { handler: handler as JobHandler<unknown>, options, workerId: null });
  }

  async start(): Promise<void> {
    await this.boss.start();
    for (const [kind, k] of this.kinds) {
      await this.boss.createQueue(kind, {
        name: kind,
        retryLimit: k.options.retryLimit ?? 5,
        retryDelay: k.options.retryDelay ?? 2,
        retryBackoff: k.options.retryBackoff ?? true,
        expireInSeconds: k.options.expireInSeconds ?? 60,
      });
    }
    this.started = true;
    if (!this.options.work) return;
    for (const [kind, k] of this.kinds) {
      k.workerId = await this.boss.work(kind, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 1 }, async ([job]) => {
        try {
          await k.handler(job.data, { id: job.id, retryCount: job.retryCount });
        } finally {
          // The worker found work: it fetches again at once instead of after its polling interval (pg-boss waits
          // out the interval after every fetch unless notified), so a backlog drains at the handler's pace, not one
          // job a second; only an empty fetch waits.
          if (k.workerId) this.boss.notifyWorker(k.workerId);
        }
      });
    }
  }

  /** Enqueues a job; resolves to its id, or null when a job with the same key exists already. */
  async send(kind: string, data: object, options: SendOptions = {}): Promise<string | null> {
    const k = this.kinds.get(kind);
    if (!k) throw new Error(`there is no job kind "${kind}"`);
    const id = await this.boss.send(kind, data, {
      id: options.key ? keyId(kind, options.key) : undefined,
      startAfter: options.startAfter,
      db: options.tx ? jobTx(options.tx) : undefined,
    });
    // Sent outside a transaction, it can run now; inside one, the poll finds it after commit.
    if (id && !options.tx && k.workerId) this.boss.notifyWorker(k.workerId);
    return id;
  }

  /** Wakes the workers (after a transaction that sent jobs committed), rather than waiting for their next poll. */
  wake(kind?: string): void {
    for (const [name, k] of this.kinds) if (k.workerId && (!kind || kind === name)) this.boss.notifyWorker(k.workerId);
  }

  /**
   * Runs every job that is due now, and those they send, until none is left; resolves to how many ran. What
   * tests call instead of waiting for workers; failures are recorded as the workers would.
   */
  async drain(): Promise<number> {
    let ran = 0;
    for (;;) {
      let round = 0;
      for (const [kind, k] of this.kinds) {
        const jobs = await this.boss.fetch<unknown>(kind, { includeMetadata: true, batchSize: 20 });
        for (const job of jobs) {
          round++;
          try {
            await k.handler(job.data, { id: job.id, retryCount: job.retryCount });
            await this.boss.complete(kind, job.id);
          } catch (err) {
            this.log.warn({ err, kind, id: job.id }, 'job failed');
            await this.boss.fail(kind, job.id, { message: (err as Error).message ?? String(err) });
          }
        }
      }
      if (!round) return ran;
      ran += round;
    }
  }

  /**
   * Takes back the jobs whose run outlived its expiry (the process running them died): each is failed and, within
   * its retry limit, put back in line. A background queue does this at the library's maintenance (every two
   * minutes); a process that has just restarted, or a test, calls it to resume at once.
   */
  async recover(): Promise<void> {
    await this.boss.expire();
  }

  /** Jobs that failed past their retries, newest first. */
  async dead(limit = 100): Promise<DeadJob[]> {
    const rows = await this.db.run<Record<string, unknown>>({
      sql: `SELECT id::text, name, data, output, retry_count, created_on, completed_on FROM ${SCHEMA}.job WHERE state = 'failed' ORDER BY completed_on DESC NULLS LAST, created_on DESC LIMIT $1`,
      params: [limit],
    });
    return rows.map((r) => ({
      id: String(r.id),
      kind: String(r.name),
      data: r.data,
      error: errorText(r.output),
      retryCount: Number(r.retry_count),
      createdAt: new Date(r.created_on as string),
      failedAt: r.completed_on ? new Date(r.completed_on as string) : null,
    }));
  }

  /** Puts a dead job back in line; resolves to false when there is no dead job of that kind with that id. */
  async retry(kind: string, id: string): Promise<boolean> {
    // The library's ids are UUIDs: anything else cannot name a job (and would be a SQL error, not an answer).
    if (!UUID.test(id)) return false;
    const [dead] = await this.db.run<{ id: string }>({ sql: `SELECT id::text FROM ${SCHEMA}.job WHERE name = $1 AND id = $2::uuid AND state = 'failed'`, params: [kind, id] });
    if (!dead) return false;
    await this.boss.retry(kind, id);
    this.wake(kind);
    return true;
  }

  /** Waits for running jobs to finish (up to `timeoutMs`), then stops. */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
  }
}

/** A stable job id (a UUID, as the library stores them) for a kind and key. */
function keyId(kind: string, key: string): string {
  const h = createHash('sha256').update(`${kind}\0${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function errorText(output: unknown): string {
  const o = (typeof output === 'string' ? safeJson(output) : output) as { message?: unknown } | null;
  return o && typeof o === 'object' && typeof o.message === 'string' ? o.message : JSON.stringify(o ?? null);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
