import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPostgres, type Database, type Executor } from '../../server/db/index.js';
import type { EngineEvent } from '../../server/events/engine-event.js';
import { EventFeed } from '../../server/events/event-feed.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const log = pino({ level: 'silent' });

/** An outbox row as a record write leaves it, with one history row (what the write pipeline writes together). */
async function writeEvent(tx: Executor, recordId: number, version: number, field = 'priority', value: unknown = version): Promise<void> {
  await tx.run(sql`INSERT INTO "atrium"."record_event" ("record_type", "record_id", "kind", "version", "actor", "snapshot") VALUES ('incident', ${recordId}, ${version === 1 ? 'created' : 'updated'}, ${version}, 'alice', ${JSON.stringify({ id: recordId, [field]: value })}::jsonb)`);
  await tx.run(sql`INSERT INTO "atrium"."record_history" ("record_type", "record_id", "version", "field_id", "field_name", "old_value", "new_value", "actor") VALUES ('incident', ${recordId}, ${version}, 'f1', ${field}, ${version === 1 ? null : JSON.stringify(version - 1)}::jsonb, ${JSON.stringify(value)}::jsonb, 'alice')`);
}

function collector() {
  const seen: EngineEvent[] = [];
  return { seen, handler: async (_tx: Executor, events: EngineEvent[]) => void seen.push(...events) };
}

describe('the durable event feed', () => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.db;
    await migrate(db);
  }, 60_000);
  afterAll(() => database.drop());

  it('hands a consumer every committed event once, with the fields it changed, and none of a rolled-back write', async () => {
    const feed = new EventFeed(db, log);
    const c = collector();
    feed.consume('t1', c.handler, { from: 'now' });
    await feed.drain();
    await db.transaction((tx) => writeEvent(tx, 5001, 1));
    await db.transaction(async (tx) => {
      await writeEvent(tx, 5002, 1);
      throw new Error('rolled back');
    }).catch(() => {});
    await db.transaction((tx) => writeEvent(tx, 5001, 2));
    expect(await feed.drain()).toBe(2);
    expect(c.seen.map((e) => [e.recordId, e.kind, e.version])).toEqual([
      [5001, 'created', 1],
      [5001, 'updated', 2],
    ]);
    expect(c.seen[1].changes).toEqual({ priority: { old: 1, new: 2 } });
    expect(c.seen[1].row).toMatchObject({ id: 5001, priority: 2 });
    expect(await feed.drain()).toBe(0);
  });

  it('resumes where it stopped after a restart, and a handler that throws leaves its batch unhandled', async () => {
    const first = new EventFeed(db, log);
    first.consume('t2', collector().handler, { from: 'now' });
    await first.drain();
    await db.transaction((tx) => writeEvent(tx, 5003, 1));
    let fail = true;
    const failing = new EventFeed(db, log);
    const seenOnce: number[] = [];
    failing.consume('t2', async (_tx, events) => {
      // Fails in the batch and alone: recorded as a failure and passed over, so it is not handed out again.
      if (fail) throw new Error('handler broke');
      seenOnce.push(...events.map((e) => e.recordId));
    });
    await failing.drain();
    const [failure] = await db.run<{ consumer: string; error: string }>(sql`SELECT "consumer", "error" FROM "atrium"."event_consumer_failure" WHERE "consumer" = 't2'`);
    expect(failure).toEqual({ consumer: 't2', error: 'handler broke' });
    fail = false;
    await db.transaction((tx) => writeEvent(tx, 5004, 1));
    const restarted = new EventFeed(db, log);
    const c = collector();
    restarted.consume('t2', c.handler);
    await restarted.drain();
    expect(c.seen.map((e) => e.recordId)).toEqual([5004]);
  });

  it('holds back an event of a transaction still running until it commits, so none is skipped', async () => {
    const feed = new EventFeed(db, log);
    const c = collector();
    feed.consume('t3', c.handler, { from: 'now' });
    await feed.drain();
    if (db.driver !== 'postgres') return; // one connection: no transaction can stay open while another reads
    const other = await openPostgres({ url: database.url!, max: 2 });
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      // The slow transaction takes its event id first and commits last.
      const slow = other.transaction(async (tx) => {
        await writeEvent(tx, 6001, 1);
        await held;
      });
      await new Promise((r) => setTimeout(r, 100));
      await db.transaction((tx) => writeEvent(tx, 6002, 1));
      // The later event is committed but stays unread behind the open one: drain waits for it, then says why.
      await expect(feed.drain(500)).rejects.toThrow(/did not reach event .* a long transaction holds it back/);
      expect(c.seen.map((e) => e.recordId)).toEqual([]);
      release();
      await slow;
      await feed.drain();
      expect(c.seen.map((e) => e.recordId).sort()).toEqual([6001, 6002]);
    } finally {
      await other.close();
    }
  });

  it('lets two processes share a consumer without handling an event twice', async () => {
    if (db.driver !== 'postgres') return;
    const other = await openPostgres({ url: database.url!, max: 4 });
    try {
      const handled: number[] = [];
      const slowHandler = async (_tx: Executor, events: EngineEvent[]) => {
        await new Promise((r) => setTimeout(r, 5));
        handled.push(...events.map((e) => e.recordId));
      };
      const a = new EventFeed(db, log, { batchSize: 3 });
      const b = new EventFeed(other, log, { batchSize: 3 });
      a.consume('t4', slowHandler, { from: 'now' });
      b.consume('t4', slowHandler, { from: 'now' });
      await a.drain();
      for (let i = 0; i < 40; i++) await db.transaction((tx) => writeEvent(tx, 7000 + i, 1));
      await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
      await a.drain();
      expect(handled.sort()).toEqual(Array.from({ length: 40 }, (_, i) => 7000 + i));
    } finally {
      await other.close();
    }
  });
});
