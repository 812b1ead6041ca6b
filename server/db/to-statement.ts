import { is, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Statement } from './database.js';

const dialect = new PgDialect();

/** Drizzle SQL → text and parameters. Identifiers were quoted by drizzle; values are always parameters. */
export function toStatement(statement: SQL | Statement): Statement {
  if (is(statement, SQL)) {
    const q = dialect.sqlToQuery(statement);
    return { sql: q.sql, params: q.params };
  }
  return statement as Statement;
}
