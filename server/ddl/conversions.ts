import { sql, type SQL } from 'drizzle-orm';
import { fieldConversion, UnreachableCaseError, type ConversionCheck, type ConversionMethod, type ConvertibleField } from '../../schema/metadata/index.js';
import { columnType } from './column-type.js';

/**
 * How a column changes from one field definition to another:
 * `using` converts each value; `invalid` (when present) selects the values that would not convert, which the
 * publish counts first and refuses on with the count. Null means there is no safe conversion. Which changes are
 * safe is decided by `fieldConversion` in schema/, so the studio offers exactly what this will do.
 */
export interface Conversion {
  using: SQL;
  invalid?: SQL;
  why?: string;
}

export function conversion(from: ConvertibleField, to: ConvertibleField, col: SQL): Conversion | null {
  const decided = fieldConversion(from, to);
  if (!decided) return null;
  const using = usingOf(decided.method, to, col);
  if (!decided.check) return { using };
  return { using, invalid: invalidOf(decided.check, col), why: decided.why ?? undefined };
}

function usingOf(method: ConversionMethod, to: ConvertibleField, col: SQL): SQL {
  const target = columnType(to);
  switch (method) {
    case 'cast':
      return sql`${col}::${target}`;
    case 'via_text':
      return sql`${col}::text::${target}`;
    case 'trim_cast':
      return sql`trim(${col})::${target}`;
    case 'wrap_in_array':
      return sql`case when ${col} is null then null else array[${col}]::text[] end`;
    default:
      throw new UnreachableCaseError(method);
  }
}

function invalidOf(check: ConversionCheck, col: SQL): SQL {
  const tooLong = (n: number) => sql`char_length(${col}::text) > ${sql.raw(String(n))}`;
  switch (check.kind) {
    case 'max_length':
      return tooLong(check.maxLength);
    case 'email':
      return sql`${col} !~ '^[^@[:space:]]+@[^@[:space:]]+$' or ${tooLong(check.maxLength)}`;
    case 'url':
      return sql`${col} !~ '^[a-z][a-z0-9+.-]*://' or ${tooLong(check.maxLength)}`;
    case 'decimal_scale':
      return sql`${col} <> round(${col}, ${sql.raw(String(check.scale))})`;
    case 'integer_range':
      return sql`${col} <> trunc(${col}) or abs(${col}) > 2147483647`;
    case 'whole_number_text':
      return sql`trim(${col}) !~ '^-?[0-9]{1,9}$'`;
    case 'decimal_text':
      return sql`trim(${col}) !~ '^-?[0-9]{1,15}(\\.[0-9]+)?$'`;
    case 'choices': {
      const list = sql.join(check.values.map((v) => sql`${v}`), sql`, `);
      return check.array ? sql`not (${col} <@ array[${list}]::text[])` : sql`${col}::text not in (${list})`;
    }
    default:
      throw new UnreachableCaseError(check);
  }
}
