import { sql, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { NAME_PATTERN } from '../../schema/index.js';

/** Schema holding one table per concrete record type and one view per abstract type. */
export const RECORDS_SCHEMA = 'records';
/** Schema holding one number sequence per concrete record type, named like the type. */
export const SEQUENCES_SCHEMA = 'records_seq';

/** The table (or view) of a record type, quoted by drizzle. */
export function tableRef(typeName: string): SQL {
  return sql`${sql.identifier(RECORDS_SCHEMA)}.${sql.identifier(typeName)}`;
}

export function sequenceRef(typeName: string): SQL {
  return sql`${sql.identifier(SEQUENCES_SCHEMA)}.${sql.identifier(typeName)}`;
}

/** The text form of a sequence name, passed as a parameter to nextval($1::regclass). */
export function sequenceName(typeName: string): string {
  return `${SEQUENCES_SCHEMA}."${typeName}"`;
}

/**
 * A constraint or index name that stays within PostgreSQL's 63 characters and survives column renames:
 * derived from the table and the field's stable id, not from the column name.
 */
export function objectName(kind: 'ix' | 'ixv' | 'ux' | 'fk', table: string, fieldId: string): string {
  const hash = createHash('sha1').update(`${table}\0${fieldId}`).digest('hex').slice(0, 16);
  return `${kind}_${hash}`;
}

/**
 * A validated name as an SQL string literal, for DDL (which takes no parameters). Refuses anything that is not a
 * valid metadata name, so no text from outside reaches SQL unchecked.
 */
export function nameLiteral(name: string): SQL {
  if (!NAME_PATTERN.test(name)) throw new Error(`refusing to put "${name}" into DDL: not a valid name`);
  return sql.raw(`'${name}'`);
}
