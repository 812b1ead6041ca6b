import { sql, type SQL } from 'drizzle-orm';
import { UnreachableCaseError, type ModelField, type FieldType } from '../../../../schema/index.js';
import { columnType } from '../../../ddl/index.js';
import { DomainError, ErrorCode } from '../../../domain-error.js';
import { fromGlobalId } from '../../global-id.js';
import type { GraphInfo } from '../record-info.js';

/** A parsed GraphQL value → the JS value sent as a statement parameter for a column of this type. */
export function paramValue(graph: GraphInfo, field: Pick<ModelField, 'type' | 'reference' | 'name'>, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const type: FieldType = field.type;
  switch (type) {
    case 'datetime':
    case 'date':
      return value instanceof Date ? value.toISOString() : String(value);
    case 'url':
      return String(value);
    case 'json':
      return JSON.stringify(value);
    case 'reference':
      return recordIdOf(graph, String(value), field.reference!, field.name);
    case 'multi_choice':
      return (value as string[]).map((v) => v.toLowerCase());
    case 'choice':
      // Enum values are the stored values in upper case; metadata defaults are already stored values.
      return String(value).toLowerCase();
    case 'string':
    case 'text':
    case 'integer':
    case 'decimal':
    case 'boolean':
    case 'duration':
    case 'email':
      return value;
    default:
      throw new UnreachableCaseError(type);
  }
}

/** A parameter cast to the column's type, so comparisons and writes never depend on inference. */
export function typedParam(graph: GraphInfo, field: ModelField, value: unknown): SQL {
  if (field.type === 'multi_choice') return value === null || value === undefined ? sql`NULL::text[]` : arrayParam(paramValue(graph, field, value) as unknown[], 'text');
  return sql`${paramValue(graph, field, value)}::${columnType(field)}`;
}

/**
 * An array parameter sent as JSON and unpacked in SQL: the two drivers serialise JS arrays differently, JSON the
 * same way.
 */
export function arrayParam(values: readonly unknown[], element: 'text' | 'bigint'): SQL {
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::${sql.raw(element)})`;
}

/** The row id inside a global id, checked to be a record of `typeName` or one of its descendants. */
export function recordIdOf(graph: GraphInfo, globalId: string, typeName: string, what: string): number {
  const decoded = fromGlobalId(globalId);
  const target = graph.byName.get(typeName);
  const actual = graph.byGqlName.get(decoded.typeName);
  if (!target || !actual || !(actual.type.name === typeName || actual.type.ancestors.includes(typeName)))
    throw new DomainError(ErrorCode.INVALID_ID, `${what}: "${globalId}" is not the id of a ${target?.type.doc.label ?? typeName} record`);
  return decoded.id;
}
