import { sql } from 'drizzle-orm';
import type { RecordWrite } from '../../../schema/sla/index.js';
import type { Executor } from '../../db/index.js';

/**
 * A record's writes from its field history (`record_history`), oldest first: each version's values (field name
 * → stored value) on top of the previous ones, at the time that version was written.
 */
export async function recordWrites(tx: Executor, recordType: string, recordIds: number[]): Promise<Map<number, RecordWrite[]>> {
  const out = new Map<number, RecordWrite[]>();
  if (!recordIds.length) return out;
  const rows = await tx.run<{ record_id: number | string; version: number; field_name: string; new_value: unknown; changed_at: string | Date }>(sql`
    SELECT "record_id", "version", "field_name", "new_value", "changed_at" FROM "atrium"."record_history"
    WHERE "record_type" = ${recordType} AND "record_id" IN (${sql.join(recordIds.map((id) => sql`${id}`), sql`, `)})
    ORDER BY "record_id", "version", "id"`);
  let current: { id: number; version: number; row: Record<string, unknown> } | null = null;
  for (const r of rows) {
    const id = Number(r.record_id);
    const writes = out.get(id) ?? out.set(id, []).get(id)!;
    if (!current || current.id !== id || current.version !== Number(r.version)) {
      const base: Record<string, unknown> = current && current.id === id ? { ...current.row } : { id };
      current = { id, version: Number(r.version), row: base };
      writes.push({ at: new Date(r.changed_at), row: base });
    }
    current.row[r.field_name] = r.new_value;
  }
  return out;
}
