import { sql, type SQL } from 'drizzle-orm';
import { NOW_DEFAULT, UnreachableCaseError, type ModelField } from '../../schema/index.js';
import { columnTypeText } from './column-type.js';

/**
 * A field's default as a constant SQL expression for `DEFAULT …` (DDL takes no parameters), or null when the
 * field has none or it cannot live in the column (a reference's default names a record by global id, which
 * the API resolves). Defaults live in the database so that a create built for an older metadata version — one
 * that does not know the field, or knows it by its old name — still gets the value: the column fills it.
 */
export function columnDefault(f: Pick<ModelField, 'type' | 'default' | 'maxLength' | 'scale'>): SQL | null {
  const text = defaultLiteral(f);
  return text === null ? null : sql.raw(text);
}

/** Whether the column itself supplies this field's default on insert. */
export function hasColumnDefault(f: Pick<ModelField, 'type' | 'default' | 'maxLength' | 'scale'>): boolean {
  return defaultLiteral(f) !== null;
}

/** The literal text of `columnDefault`, comparable between two versions of a field. */
export function defaultLiteral(f: Pick<ModelField, 'type' | 'default' | 'maxLength' | 'scale'>): string | null {
  const v = f.default;
  if (v === undefined || v === null) return null;
  const cast = `::${columnTypeText(f)}`;
  switch (f.type) {
    case 'string':
    case 'text':
    case 'email':
    case 'url':
    case 'choice':
    case 'duration':
      return typeof v === 'string' || typeof v === 'number' ? quoted(String(v), cast) : null;
    case 'date':
    case 'datetime':
      // Stable, not volatile: a field added with it gives existing records the publish time without a rewrite.
      if (v === NOW_DEFAULT) return f.type === 'date' ? 'CURRENT_DATE' : 'now()';
      return typeof v === 'string' || typeof v === 'number' ? quoted(String(v), cast) : null;
    case 'integer':
    case 'decimal':
      return typeof v === 'number' && Number.isFinite(v) ? `${v}${cast}` : null;
    case 'boolean':
      return typeof v === 'boolean' ? (v ? 'true' : 'false') : null;
    case 'multi_choice':
      {
        if (!Array.isArray(v)) return null;
        const items = v.map((x) => quoted(String(x), ''));
        return items.includes(null) ? null : `ARRAY[${items.join(', ')}]::text[]`;
      }
    case 'json':
      return quoted(JSON.stringify(v), '::jsonb');
    case 'reference':
      return null;
    default:
      throw new UnreachableCaseError(f.type);
  }
}

/**
 * A standard SQL string literal: quotes doubled, and with standard_conforming_strings (on by default since
 * PostgreSQL 9.1, and in PGlite) backslashes are plain characters. A NUL cannot be stored, so no literal.
 */
function quoted(text: string, cast: string): string | null {
  if (text.includes('\0')) return null;
  return `'${text.replace(/'/g, "''")}'${cast}`;
}
