import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import type { RecordRow } from '../../records/index.js';

/**
 * A record's stored row as the engine reads it: as the system (no access rules), in the same JSON shape the
 * event feed gives (ids as numbers, times as ISO strings), so conditions see the same values either way.
 * Null when the record is gone.
 */
export async function loadRecordRow(tx: Executor, recordType: string, recordId: number): Promise<RecordRow | null> {
  const [r] = await tx.run<{ row: unknown }>(sql`SELECT to_jsonb(x) AS "row" FROM ${tableRef(recordType)} x WHERE x."id" = ${recordId}`);
  if (!r) return null;
  return (typeof r.row === 'string' ? JSON.parse(r.row) : r.row) as RecordRow;
}
