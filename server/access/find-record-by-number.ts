import { sql } from 'drizzle-orm';
import type { Model } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { tableRef } from '../ddl/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import { toGlobalId } from '../records/global-id.js';

/**
 * The global id of the record of `recordType` (or a type below it) numbered `number`, e.g. CS0000042: admins know
 * records by number, not by id. Each concrete type whose prefix starts the number is asked, one statement each
 * (in practice one). No such record is NOT_FOUND; a type without numbers is BAD_USER_INPUT.
 */
export async function findRecordByNumber(db: Database, model: Model, recordType: string, number: string): Promise<string> {
  const type = model.types.get(recordType);
  if (!type || type.archived) throw new DomainError(ErrorCode.BAD_USER_INPUT, `there is no record type "${recordType}"`);
  const wanted = number.trim().toUpperCase();
  const candidates = type.concreteTypes.map((name) => model.types.get(name)!).filter((t) => t.numberPrefix !== null);
  if (candidates.length === 0) throw new DomainError(ErrorCode.BAD_USER_INPUT, `records of "${recordType}" have no number; give the record's id instead`);
  for (const t of candidates.filter((c) => wanted.startsWith(c.numberPrefix!.toUpperCase()))) {
    const [row] = await db.run<{ id: string | number }>(sql`SELECT "id" FROM ${tableRef(t.name)} WHERE upper("number") = ${wanted} LIMIT 1`);
    if (row) return toGlobalId(t.gqlName, row.id);
  }
  throw new DomainError(ErrorCode.NOT_FOUND, `there is no ${type.doc.label.toLowerCase()} numbered "${number.trim()}"`);
}
