import { sql, type SQL } from 'drizzle-orm';
import type { ModelField } from '../../../schema/index.js';

/**
 * The INSERT of field history for the rows a write statement returned as the CTE `w`: one row per field whose
 * value the write changed, with who, the record's new version, the field's stable id and its name now, and the
 * old and new stored values (jsonb). `old` names a CTE with the rows as they were before the write (updates);
 * without it every field given a value counts as changed from null (creates). It is a CTE of the write's own
 * statement, so history commits, or rolls back, with the row.
 */
export function historyInsert(recordType: string, fields: readonly Pick<ModelField, 'id' | 'name'>[], actor: SQL | string, old?: SQL): SQL {
  if (!fields.length) return sql`SELECT 1 WHERE FALSE`;
  const rows = fields.map(
    (f) => sql`(${f.id}::text, ${f.name}::text, ${old ? sql`to_jsonb(o.${sql.identifier(f.name)})` : sql`NULL::jsonb`}, to_jsonb(w.${sql.identifier(f.name)}))`,
  );
  // The old row is the one this update changed: see `updateStatement` for why under READ COMMITTED. The version
  // test only guards that reasoning — a row of another version would be the wrong "before".
  const from = old ? sql`w JOIN ${old} o ON o."id" = w."id" AND o."sys_version" = w."sys_version" - 1` : sql`w`;
  return sql`INSERT INTO "atrium"."record_history" ("record_type", "record_id", "version", "field_id", "field_name", "old_value", "new_value", "actor") SELECT ${recordType}, w."id", w."sys_version", v.field_id, v.field_name, v.old_value, v.new_value, ${actor} FROM ${from} CROSS JOIN LATERAL (VALUES ${sql.join(rows, sql`, `)}) v(field_id, field_name, old_value, new_value) WHERE v.old_value IS DISTINCT FROM v.new_value`;
}
