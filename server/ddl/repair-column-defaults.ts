import { sql, type SQL } from 'drizzle-orm';
import type { Model } from '../../schema/index.js';
import { columnDefault } from './column-default.js';
import { RECORDS_SCHEMA, tableRef } from './sql-names.js';

/** The query listing `table.column` of every record column that has a default in the database. */
export const COLUMNS_WITH_DEFAULTS: SQL = sql`SELECT table_name || '.' || column_name AS "key" FROM information_schema.columns WHERE table_schema = ${RECORDS_SCHEMA} AND column_default IS NOT NULL`;

/**
 * Statements that give the columns of an installation made before defaults lived in the database the defaults
 * its published metadata declares; empty when every column has its default already.
 */
export function repairColumnDefaults(model: Model, withDefaults: ReadonlySet<string>): SQL[] {
  const out: SQL[] = [];
  for (const t of model.types.values()) {
    if (t.abstract) continue;
    for (const f of t.fields) {
      const dflt = columnDefault(f);
      if (dflt && !withDefaults.has(`${t.name}.${f.name}`)) out.push(sql`ALTER TABLE ${tableRef(t.name)} ALTER COLUMN ${sql.identifier(f.name)} SET DEFAULT ${dflt}`);
    }
  }
  return out;
}
