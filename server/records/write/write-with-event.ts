import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import type { RecordEventKind } from '../../events/record-event-bus.js';

/** A record row as JSON (column name → value): ids are numbers, times ISO strings, on every driver. */
export type RecordRow = Record<string, unknown>;

/**
 * The pipeline's write step for the platform's own workflows (registrations), which decide access themselves and
 * need a conditional statement of their own: runs one INSERT or UPDATE (without RETURNING) on a record table and
 * writes its outbox event in the same statement, as `runWrite` does: the event carries the row as this write left it, and NOTIFY
 * leaves only after commit. Returns the written rows (none when the statement's WHERE matched nothing, and then
 * no event is written either).
 */
export async function writeWithEvent(tx: Executor, recordType: string, kind: Exclude<RecordEventKind, 'deleted'>, actor: string, write: SQL): Promise<RecordRow[]> {
  const rows = await tx.run<{ row: unknown }>(
    sql`WITH w AS (${write} RETURNING *), e AS (INSERT INTO "atrium"."record_event" ("record_type", "record_id", "kind", "version", "actor", "snapshot") SELECT ${recordType}, w."id", ${kind}, w."sys_version", ${actor}, to_jsonb(w) FROM w) SELECT to_jsonb(w) AS "row" FROM w`,
  );
  // Both drivers parse jsonb; text is handled too, for json that reaches us as a string.
  return rows.map((r) => (typeof r.row === 'string' ? JSON.parse(r.row) : r.row) as RecordRow);
}
