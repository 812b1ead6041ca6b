import { sql, type SQL } from 'drizzle-orm';
import { UnreachableCaseError, type ModelField, type FieldType } from '../../../schema/index.js';
import { columnType, columnTypeText } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { fromGlobalId } from '../global-id.js';
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

/**
 * A value to write, cast to the column's type so the write never depends on inference. A string longer than its
 * column is refused here: an explicit cast to varchar(n) would silently cut it to n characters.
 */
export function typedParam(graph: GraphInfo, field: ModelField, value: unknown): SQL {
  if (field.type === 'multi_choice') return value === null || value === undefined ? sql`NULL::text[]` : arrayParam(paramValue(graph, field, value) as unknown[], 'text');
  const param = paramValue(graph, field, value);
  const max = maxCharacters(field);
  if (max !== null && typeof param === 'string') {
    const length = characterCount(param);
    if (length > max)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field.gqlName} may be at most ${max} characters long; this value has ${length}`, { field: field.gqlName, maxLength: max, length });
  }
  return sql`${param}::${columnType(field)}`;
}

/**
 * A value to compare a column with, cast to the column's unbounded type: text for varchar(n), numeric for
 * numeric(p,s). A filter value is a question, not data: an over-long string is not cut to a prefix that might
 * match (it matches nothing, as no stored value is that long), and a large number does not overflow.
 */
export function comparableParam(graph: GraphInfo, field: ModelField, value: unknown): SQL {
  if (field.type === 'multi_choice') return typedParam(graph, field, value);
  return sql`${paramValue(graph, field, value)}::${sql.raw(comparableType(field))}`;
}

/** A list of values to compare a column with (`= ANY(…)`), as one parameter whatever its length. */
export function listParam(graph: GraphInfo, field: ModelField, values: readonly unknown[]): SQL {
  const texts = values.map((v) => {
    const p = paramValue(graph, field, v);
    return p === null || typeof p === 'string' ? p : String(p);
  });
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb)::${sql.raw(comparableType(field))})`;
}

function comparableType(field: ModelField): string {
  const column = columnTypeText(field);
  if (column.startsWith('varchar(')) return 'text';
  if (column.startsWith('numeric(')) return 'numeric';
  return column;
}

/** The most characters the field's column holds; null when it is not a bounded string column. */
export function maxCharacters(field: Pick<ModelField, 'type' | 'maxLength'>): number | null {
  const bounded = /^varchar\((\d+)\)$/.exec(columnTypeText(field));
  return bounded ? Number(bounded[1]) : null;
}

/** Characters as PostgreSQL counts them: code points, so an emoji (a surrogate pair in JS) is one. */
export function characterCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
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
