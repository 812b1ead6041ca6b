import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Executor } from '../db/index.js';
import type { EngineEvent, FieldChange } from './engine-event.js';
import { RECORD_EVENT_CHANNEL, type RecordEventKind } from './record-event-bus.js';

/**
 * Handles a batch of events inside the transaction that also moves the consumer's cursor: what it writes there
 * (rows, jobs sent with `tx`) commits together with "these events are handled", so each event is handled once.
 */
export type EventHandler = (tx: Executor, events: EngineEvent[]) => Promise<void>;

export interface ConsumerOptions {
  /** Where a consumer new to this database starts: every event kept in the outbox, or the ones after now. */
  from: 'start' | 'now';
  /**
   * Events handed to this consumer's handler at once (default: the feed's). A consumer whose events are costly
   * keeps its batches short: a batch is one transaction, and a process that dies mid-batch redoes all of it.
   */
  batchSize?: number;
}

interface Consumer {
  name: string;
  handler: EventHandler;
  options: ConsumerOptions;
  /** A pump is running; `again` asks it to go round once more (an event arrived meanwhile). */
  running: Promise<number> | null;
  again: boolean;
}

export interface EventFeedOptions {
  /** Events handed to a handler at once. */
  batchSize?: number;
  /** Also look for events this often (ms): NOTIFY wakes consumers at once, this catches what it cannot. */
  pollMs?: number;
}

/**
 * The durable side of the outbox: named consumers (the engines) each read every committed record event once,
 * in commit order, across restarts and with several server processes. Ids are taken before commit, so a
 * consumer reads in (transaction id, id) order and only events of transactions older than every one still
 * running: no event can later appear behind its cursor. Nothing of a rolled-back write is ever seen.
 */
export class EventFeed {
  private readonly consumers = new Map<string, Consumer>();
  private unlisten: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
    private readonly options: EventFeedOptions = {},
  ) {}

  /** Registers a consumer; its name is its identity in the database (keep it stable). */
  consume(name: string, handler: EventHandler, options: ConsumerOptions = { from: 'now' }): void {
    if (this.consumers.has(name)) throw new Error(`the event consumer "${name}" is registered twice`);
    this.consumers.set(name, { name, handler, options, running: null, again: false });
  }

  /** Starts handling events in the background, as they are committed. */
  async start(): Promise<void> {
    for (const c of this.consumers.values()) await this.ensureCursor(c);
    this.unlisten = await this.db.listen(RECORD_EVENT_CHANNEL, () => this.wakeAll());
    const pollMs = this.options.pollMs ?? 1_000;
    this.timer = setInterval(() => this.wakeAll(), pollMs);
    this.timer.unref();
    this.wakeAll();
  }

  /**
   * Handles every event committed so far, for every consumer; resolves to how many were handled. An event is
   * readable only once every older transaction of the cluster has ended (transaction ids are cluster-wide: a
   * transaction in another database holds it back too), so this waits, up to `timeoutMs`, until each consumer
   * has reached the newest event committed when it was called; a consumer busy in another process is waited for.
   */
  async drain(timeoutMs = 30_000): Promise<number> {
    let total = 0;
    const deadline = performance.now() + timeoutMs;
    for (const c of this.consumers.values()) {
      await this.ensureCursor(c);
      const [target] = await this.db.run<{ tx: string; id: number | string }>(sql`SELECT "tx"::text AS "tx", "id" FROM "atrium"."record_event" ORDER BY "tx" DESC, "id" DESC LIMIT 1`);
      for (;;) {
        const n = await this.pump(c);
        total += n;
        if (n > 0) continue;
        if (!target || (await this.reached(c, target))) break;
        if (performance.now() > deadline) throw new Error(`the event consumer "${c.name}" did not reach event ${target.id} within ${timeoutMs} ms: a long transaction holds it back`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    return total;
  }

  /** Whether the consumer's cursor is at or past an event. */
  private async reached(c: Consumer, target: { tx: string; id: number | string }): Promise<boolean> {
    const [row] = await this.db.run<{ ok: boolean }>(sql`SELECT ("tx", "event_id") >= (${target.tx}::xid8, ${Number(target.id)}::bigint) AS "ok" FROM "atrium"."event_consumer" WHERE "name" = ${c.name}`);
    return !!row?.ok;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    await Promise.all([...this.consumers.values()].map((c) => c.running?.catch(() => 0)));
  }

  private wakeAll(): void {
    if (this.stopped) return;
    for (const c of this.consumers.values()) this.wake(c);
  }

  private wake(c: Consumer): void {
    if (c.running) {
      c.again = true;
      return;
    }
    c.running = (async () => {
      let total = 0;
      do {
        c.again = false;
        for (;;) {
          const n = await this.pump(c);
          total += n;
          if (n === 0 || this.stopped) break;
        }
      } while (c.again && !this.stopped);
      return total;
    })()
      .catch((err: unknown) => {
        this.log.error({ err, consumer: c.name }, 'an event consumer failed; it will try again');
        return 0;
      })
      .finally(() => {
        c.running = null;
      });
  }

  private async ensureCursor(c: Consumer): Promise<void> {
    // From now: the newest event committed so far (none: the beginning); a newer one is handed out.
    const start =
      c.options.from === 'start'
        ? sql`SELECT ${c.name}, '0'::xid8, 0::bigint`
        : sql`SELECT ${c.name}, coalesce((SELECT "tx" FROM "atrium"."record_event" ORDER BY "tx" DESC, "id" DESC LIMIT 1), '0'::xid8), coalesce((SELECT "id" FROM "atrium"."record_event" ORDER BY "tx" DESC, "id" DESC LIMIT 1), 0)`;
    await this.db.run(sql`INSERT INTO "atrium"."event_consumer" ("name", "tx", "event_id") ${start} ON CONFLICT ("name") DO NOTHING`);
  }

  /**
   * One batch for one consumer, in one transaction: take the consumer (a process already at it is left to
   * it), read the next events below the watermark, handle them, move the cursor. Resolves to the events handled.
   */
  private async pump(c: Consumer): Promise<number> {
    const batch = await this.db.transaction(async (tx) => {
      // An advisory lock, not FOR UPDATE: it takes no transaction id, so this reading transaction does not hold
      // the watermark back for the events it is about to read.
      const [lock] = await tx.run<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtext('atrium.event_consumer'), hashtext(${c.name})) AS ok`);
      if (!lock.ok) return { events: [] as EngineEvent[], busy: true };
      const events = await readEvents(tx, c.name, c.options.batchSize ?? this.options.batchSize ?? 200);
      if (!events.length) return { events, busy: false };
      try {
        await c.handler(tx, events);
      } catch (err) {
        if (events.length === 1) {
          await recordFailure(tx, c.name, events[0], err, this.log);
        } else {
          // Some event of the batch is bad: take them one at a time to find it (each then in its own transaction).
          throw new BatchFailed(err);
        }
      }
      await advance(tx, c.name, events.at(-1)!);
      return { events, busy: false };
    }).catch(async (err: unknown) => {
      if (!(err instanceof BatchFailed)) throw err;
      return { events: await this.oneByOne(c), busy: false };
    });
    return batch.events.length;
  }

  /** After a batch failed: the same events, each in a transaction of its own; a failing one is recorded and passed. */
  private async oneByOne(c: Consumer): Promise<EngineEvent[]> {
    const done: EngineEvent[] = [];
    for (;;) {
      const event = await this.db.transaction(async (tx) => {
        const [lock] = await tx.run<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtext('atrium.event_consumer'), hashtext(${c.name})) AS ok`);
        if (!lock.ok) return null;
        const [e] = await readEvents(tx, c.name, 1);
        if (!e) return null;
        await tx.run(sql`SAVEPOINT atrium_event`);
        try {
          await c.handler(tx, [e]);
          await tx.run(sql`RELEASE SAVEPOINT atrium_event`);
        } catch (err) {
          await tx.run(sql`ROLLBACK TO SAVEPOINT atrium_event`);
          await recordFailure(tx, c.name, e, err, this.log);
        }
        await advance(tx, c.name, e);
        return e;
      });
      if (!event || done.length >= (c.options.batchSize ?? this.options.batchSize ?? 200)) return done;
      done.push(event);
    }
  }
}

class BatchFailed extends Error {
  constructor(readonly reason: unknown) {
    super('an event of the batch failed');
  }
}

interface EventRow {
  id: string | number;
  tx: string;
  record_type: string;
  record_id: string | number;
  kind: RecordEventKind;
  version: number;
  actor: string;
  created_at: string | Date;
  snapshot: unknown;
  changes: unknown;
}

async function readEvents(tx: Executor, consumer: string, limit: number): Promise<(EngineEvent & { tx: string })[]> {
  const rows = await tx.run<EventRow & Record<string, unknown>>(sql`
    SELECT e."id", e."tx"::text AS "tx", e."record_type", e."record_id", e."kind", e."version", e."actor", e."created_at", e."snapshot",
      (SELECT jsonb_object_agg(h."field_name", jsonb_build_object('old', h."old_value", 'new', h."new_value"))
         FROM "atrium"."record_history" h WHERE h."record_id" = e."record_id" AND h."version" = e."version" AND h."record_type" = e."record_type") AS "changes"
    FROM "atrium"."record_event" e, "atrium"."event_consumer" c
    WHERE c."name" = ${consumer} AND (e."tx", e."id") > (c."tx", c."event_id") AND e."tx" < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY e."tx", e."id" LIMIT ${limit}`);
  return rows.map((r) => ({
    id: Number(r.id),
    tx: r.tx,
    recordType: r.record_type,
    recordId: Number(r.record_id),
    kind: r.kind,
    version: Number(r.version),
    actor: r.actor,
    at: new Date(r.created_at),
    row: (json(r.snapshot) as Record<string, unknown> | null) ?? null,
    changes: r.kind === 'deleted' ? {} : ((json(r.changes) as Record<string, FieldChange> | null) ?? {}),
  }));
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

async function advance(tx: Executor, consumer: string, last: EngineEvent): Promise<void> {
  const { tx: lastTx } = last as EngineEvent & { tx: string };
  await tx.run(sql`UPDATE "atrium"."event_consumer" SET "tx" = ${lastTx}::xid8, "event_id" = ${last.id}, "updated_at" = now() WHERE "name" = ${consumer}`);
}

async function recordFailure(tx: Executor, consumer: string, event: EngineEvent, err: unknown, log: Logger): Promise<void> {
  log.error({ err, consumer, event: event.id, record: event.recordId }, 'an event consumer could not handle an event; it is recorded and passed over');
  const message = err instanceof Error ? err.message : String(err);
  await tx.run(sql`INSERT INTO "atrium"."event_consumer_failure" ("consumer", "event_id", "error") VALUES (${consumer}, ${event.id}, ${message})`);
}
