import { sql, type SQL } from 'drizzle-orm';
import { UnreachableCaseError, type FieldType } from '../../schema/index.js';

export interface ColumnSpec {
  type: FieldType;
  maxLength?: number;
  scale?: number;
}

/** The PostgreSQL column type of a field. Every number here is a validated integer, never user text. */
export function columnType(f: ColumnSpec): SQL {
  return sql.raw(columnTypeText(f));
}

export function columnTypeText(f: ColumnSpec): string {
  switch (f.type) {
    case 'string':
      return `varchar(${Math.trunc(f.maxLength ?? 255)})`;
    case 'text':
      return 'text';
    case 'integer':
      return 'integer';
    case 'decimal':
      return `numeric(20,${Math.trunc(f.scale ?? 2)})`;
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'duration':
      return 'interval';
    case 'email':
      return 'varchar(254)';
    case 'url':
      return 'varchar(2048)';
    case 'choice':
      return 'varchar(64)';
    case 'multi_choice':
      return 'text[]';
    case 'reference':
      return 'bigint';
    case 'json':
      return 'jsonb';
    default:
      throw new UnreachableCaseError(f.type);
  }
}
