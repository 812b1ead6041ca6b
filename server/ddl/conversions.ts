import { sql, type SQL } from 'drizzle-orm';
import type { FieldType } from '../../schema/index.js';
import type { ModelField } from '../../schema/index.js';
import { columnType } from './column-type.js';

/**
 * How a column changes from one field definition to another:
 * `using` converts each value; `invalid` (when present) selects the values that would not convert, which the
 * publish counts first and refuses on with the count. Null means there is no safe conversion.
 */
export interface Conversion {
  using: SQL;
  invalid?: SQL;
  why?: string;
}

const TEXTUAL = new Set<FieldType>(['string', 'text', 'email', 'url', 'choice']);

export function conversion(from: ModelField, to: ModelField, col: SQL): Conversion | null {
  const target = columnType(to);
  const cast: SQL = sql`${col}::${target}`;
  const maxLen = to.type === 'string' ? (to.maxLength ?? 255) : to.type === 'email' ? 254 : to.type === 'url' ? 2048 : to.type === 'choice' ? 64 : null;
  const tooLong = maxLen === null ? null : sql`char_length(${col}::text) > ${sql.raw(String(maxLen))}`;

  if (from.type === to.type) {
    if (from.type === 'decimal' && (to.scale ?? 2) < (from.scale ?? 2))
      return { using: cast, invalid: sql`${col} <> round(${col}, ${sql.raw(String(to.scale ?? 2))})`, why: `have more than ${to.scale ?? 2} decimal places` };
    if (from.type === 'choice' || from.type === 'multi_choice') return choiceCheck(to, col, from.type === 'multi_choice');
    return { using: cast, invalid: tooLong ?? undefined, why: `are longer than ${maxLen} characters` };
  }
  if (TEXTUAL.has(from.type) && TEXTUAL.has(to.type)) {
    if (to.type === 'choice') return choiceCheck(to, col, false);
    if (to.type === 'email')
      return { using: cast, invalid: sql`${col} !~ '^[^@[:space:]]+@[^@[:space:]]+$' or ${tooLong}`, why: 'are not e-mail addresses' };
    if (to.type === 'url') return { using: cast, invalid: sql`${col} !~ '^[a-z][a-z0-9+.-]*://' or ${tooLong}`, why: 'are not URLs' };
    return { using: cast, invalid: tooLong ?? undefined, why: `are longer than ${maxLen} characters` };
  }
  if ((from.type === 'integer' || from.type === 'decimal' || from.type === 'boolean' || from.type === 'date' || from.type === 'datetime' || from.type === 'duration') && (to.type === 'text' || to.type === 'string'))
    return { using: sql`${col}::text::${target}`, invalid: tooLong ?? undefined, why: `are longer than ${maxLen} characters` };
  if (from.type === 'integer' && to.type === 'decimal') return { using: cast };
  if (from.type === 'decimal' && to.type === 'integer')
    return { using: cast, invalid: sql`${col} <> trunc(${col}) or abs(${col}) > 2147483647`, why: 'are not whole numbers within the integer range' };
  if ((from.type === 'string' || from.type === 'text') && to.type === 'integer')
    return { using: sql`trim(${col})::integer`, invalid: sql`trim(${col}) !~ '^-?[0-9]{1,9}$'`, why: 'are not whole numbers' };
  if ((from.type === 'string' || from.type === 'text') && to.type === 'decimal')
    return { using: sql`trim(${col})::${target}`, invalid: sql`trim(${col}) !~ '^-?[0-9]{1,15}(\\.[0-9]+)?$'`, why: 'are not decimal numbers' };
  if (from.type === 'date' && to.type === 'datetime') return { using: cast };
  if (from.type === 'choice' && to.type === 'multi_choice') return choiceCheck(to, col, false);
  if (from.type === 'string' && to.type === 'text') return { using: cast };
  return null;
}

function choiceCheck(to: ModelField, col: SQL, isArray: boolean): Conversion {
  const values = (to.choices ?? []).map((c) => c.value);
  const list = sql.join(values.map((v) => sql`${v}`), sql`, `);
  const using: SQL = to.type === 'multi_choice' && !isArray ? sql`case when ${col} is null then null else array[${col}]::text[] end` : sql`${col}::${columnType(to)}`;
  const invalid = isArray ? sql`not (${col} <@ array[${list}]::text[])` : sql`${col}::text not in (${list})`;
  return { using, invalid, why: 'are not among the choices' };
}
