import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, Executor, Orm, Row, Statement } from './database.js';
import { SESSION_SETTINGS } from './database.js';
import { StatementListeners } from './listeners.js';
import { toStatement } from './to-statement.js';

export interface PgliteOptions {
  /** A folder to keep the database in; memory when absent. */
  dataDir?: string;
  /** A tarball from `dumpDataDir`, to start from a prepared state (tests). */
  loadDataDir?: Blob | File;
}

/** The embedded database: PostgreSQL compiled to WASM, one connection, in this process. */
export async function openPglite(options: PgliteOptions = {}): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
  });
  await pglite.exec(
    Object.entries(SESSION_SETTINGS)
      .map(([k, v]) => `SET ${k} = '${v}';`)
      .join(' '),
  );
  const listeners = new StatementListeners();
  const orm = drizzle({ client: pglite, logger: { logQuery: (q) => listeners.active && listeners.emit(q, null) } }) as unknown as Orm;

  const run = async <T extends Row>(statement: SQL | Statement): Promise<T[]> => {
    const { sql, params } = toStatement(statement);
    const start = performance.now();
    const res = await pglite.query<T>(sql, params);
    if (listeners.active) listeners.emit(sql, performance.now() - start);
    return res.rows;
  };

  return {
    driver: 'pglite',
    pglite,
    orm,
    run,
    async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
      return pglite.transaction(async (t) => {
        const exec: Executor = {
          orm: drizzle({ client: t as unknown as PGlite }) as unknown as Orm,
          async run<R extends Row>(statement: SQL | Statement): Promise<R[]> {
            const { sql, params } = toStatement(statement);
            const start = performance.now();
            const res = await t.query<R>(sql, params);
            if (listeners.active) listeners.emit(sql, performance.now() - start);
            return res.rows;
          },
        };
        return fn(exec);
      });
    },
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(channel, onPayload);
      return async () => unlisten();
    },
    onStatement: (l) => listeners.add(l),
    migrate: (migrationsFolder) => migrate(orm as never, { migrationsFolder }),
    close: () => pglite.close(),
  };
}
