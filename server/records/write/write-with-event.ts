import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import type { RecordEventKind } from '../../events/record-event-bus.js';
import type { Model } from '../../../schema/index.js';
import { tableRef } from '../../ddl/index.js';

/** A record row as JSON (column name → value): ids are numbers, times ISO strings, on every driver. */
export type RecordRow = Record<string, unknown>;

/**
 * The pipeline's write step for the platform's own workflows (registrations), which decide access themselves and
 * need a conditional statement of their own: runs one INSERT or UPDATE (without RETURNING) on a record table and
 * writes its outbox event in the same statement, as `runWrite` does: the event carries the row as this write left it, and NOTIFY
 * leaves only after commit. Returns the written rows (none when the statement's WHERE matched nothing, and then
 * no event is written either). Given the newest `model`, the history rows take the type's fields from it instead of
 * reading the published snapshot in the statement (engines that write often have it at hand).
 */
export async function writeWithEvent(tx: Executor, recordType: string, kind: Exclude<RecordEventKind, 'deleted'>, actor: string, write: SQL, model?: Model): Promise<RecordRow[]> {
  const fields = model?.types.get(recordType)?.fields.filter((f) => f.id);
  const rows = await tx.run<{ row: unknown }>(
    sql`WITH RECURSIVE ${fields?.length ? fieldsOf(fields) : historyFields(recordType)}, w AS (${write} RETURNING *), e AS (INSERT INTO "atrium"."record_event" ("record_type", "record_id", "kind", "version", "actor", "snapshot") SELECT ${recordType}, w."id", ${kind}, w."sys_version", ${actor}, to_jsonb(w) FROM w), ${historyRows(recordType, kind, actor)} SELECT to_jsonb(w) AS "row" FROM w`,
  );
  // Both drivers parse jsonb; text is handled too, for json that reaches us as a string.
  return rows.map((r) => (typeof r.row === 'string' ? JSON.parse(r.row) : r.row) as RecordRow);
}

/** CTE `hfields` from the model's fields of the type (inherited and archived ones included, as the snapshot has them). */
function fieldsOf(fields: readonly { id: string; name: string }[]): SQL {
  return sql`hfields(id, name) AS (VALUES ${sql.join(
    fields.map((f) => sql`(${f.id}::text, ${f.name}::text)`),
    sql`, `,
  )})`;
}

/**
 * CTEs `hsnap`, `hchain`, `hfields`: the fields of the type (its own and its ancestors') with their stable ids, read
 * from the newest published metadata in the statement itself — these callers write without a model at hand.
 */
function historyFields(recordType: string): SQL {
  return sql`hsnap AS (SELECT "snapshot"->'recordTypes' AS rt FROM "atrium"."meta_version" ORDER BY "id" DESC LIMIT 1), hchain(name, depth) AS (SELECT ${recordType}::text, 0 UNION ALL SELECT hsnap.rt->hchain.name->>'extends', hchain.depth + 1 FROM hchain, hsnap WHERE hsnap.rt->hchain.name->>'extends' IS NOT NULL AND hchain.depth < 32), hfields AS (SELECT f->>'id' AS id, f->>'name' AS name FROM hchain, hsnap, jsonb_array_elements(hsnap.rt->hchain.name->'fields') f WHERE f->>'id' IS NOT NULL)`;
}

/**
 * CTEs `hold` (updates: the rows as the statement's snapshot saw them — sibling CTEs do not see the write's
 * effects) and `h`, the history rows of every field the write changed. These callers change rows they hold
 * locked in their transaction (a registration is claimed first), so the snapshot's row is the one changed.
 */
function historyRows(recordType: string, kind: 'created' | 'updated', actor: string): SQL {
  // A null column is SQL NULL in history (as `historyInsert` stores it), not the JSON null `->` gives.
  const value = (row: SQL) => sql`nullif(to_jsonb(${row})->hfields.name, 'null'::jsonb)`;
  const old = kind === 'updated' ? value(sql`o`) : sql`NULL::jsonb`;
  const join = kind === 'updated' ? sql` JOIN hold o ON o."id" = w."id"` : sql``;
  const hold = kind === 'updated' ? sql`hold AS (SELECT x.* FROM ${tableRef(recordType)} x WHERE x."id" IN (SELECT "id" FROM w)), ` : sql``;
  return sql`${hold}h AS (INSERT INTO "atrium"."record_history" ("record_type", "record_id", "version", "field_id", "field_name", "old_value", "new_value", "actor") SELECT ${recordType}, w."id", w."sys_version", hfields.id, hfields.name, ${old}, ${value(sql`w`)}, ${actor} FROM w${join} CROSS JOIN hfields WHERE (${old}) IS DISTINCT FROM (${value(sql`w`)}))`;
}
