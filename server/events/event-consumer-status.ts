import { sql } from 'drizzle-orm';
import type { Executor } from '../db/index.js';

/** Where one durable event consumer stands. */
export interface EventConsumerStatus {
  name: string;
  /** The id of the last event it handled (0: none yet). */
  position: number;
  /** Committed events it has not handled yet. */
  lag: number;
  /** When its cursor last moved (or was created). */
  lastHandledAt: Date;
}

/** An event a consumer could not handle: recorded and passed over, so the others behind it were not held up. */
export interface EventConsumerFailure {
  id: number;
  consumer: string;
  eventId: number;
  error: string;
  failedAt: Date;
}

/**
 * Every event consumer with its cursor and lag, by name. The lag counts the events after the cursor that this
 * statement can see, i.e. those of committed transactions: an event still being written is not behind yet.
 */
export async function eventConsumerStatus(db: Executor): Promise<EventConsumerStatus[]> {
  const rows = await db.run<{ name: string; event_id: string | number; lag: string | number; updated_at: string | Date }>(sql`
    SELECT c."name", c."event_id", c."updated_at",
      (SELECT count(*) FROM "atrium"."record_event" e WHERE (e."tx", e."id") > (c."tx", c."event_id")) AS "lag"
    FROM "atrium"."event_consumer" c ORDER BY c."name"`);
  return rows.map((r) => ({ name: r.name, position: Number(r.event_id), lag: Number(r.lag), lastHandledAt: new Date(r.updated_at) }));
}

/** The newest `first` failures of event consumers, newest first. */
export async function eventConsumerFailures(db: Executor, first: number): Promise<EventConsumerFailure[]> {
  const rows = await db.run<{ id: string | number; consumer: string; event_id: string | number; error: string; failed_at: string | Date }>(sql`
    SELECT "id", "consumer", "event_id", "error", "failed_at" FROM "atrium"."event_consumer_failure" ORDER BY "failed_at" DESC, "id" DESC LIMIT ${first}`);
  return rows.map((r) => ({ id: Number(r.id), consumer: r.consumer, eventId: Number(r.event_id), error: r.error, failedAt: new Date(r.failed_at) }));
}
