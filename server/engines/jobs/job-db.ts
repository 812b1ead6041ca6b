import type PgBoss from 'pg-boss';
import type { Database, Executor } from '../../db/index.js';

/**
 * The queue library's connection: our own database, on both drivers (PGlite has no wire connection; on
 * PostgreSQL it shares our pool instead of opening a second one). Statements with parameters run as ours do;
 * its parameterless scripts (`BEGIN; … COMMIT;` under an advisory lock) run as one script.
 */
export function jobDb(db: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const rows = values?.length ? await db.run({ sql: text, params: values.map(param) }) : await db.script(text);
      return { rows };
    },
  };
}

/** The same inside one of our transactions: a job sent through it is enqueued only if that transaction commits. */
export function jobTx(tx: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      return { rows: await tx.run({ sql: text, params: (values ?? []).map(param) }) };
    },
  };
}

/** node-postgres turns objects into JSON text and undefined into NULL itself; our drivers are given those. */
function param(value: unknown): unknown {
  if (value === undefined) return null;
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? JSON.stringify(value) : value;
}
