import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database, Executor, Orm, Row, Statement } from './database.js';
import { SESSION_SETTINGS } from './database.js';
import { StatementListeners } from './listeners.js';
import { toStatement } from './to-statement.js';

export interface PostgresOptions {
  url: string;
  /** Connections in the pool. */
  max?: number;
}

/** PostgreSQL over postgres.js: a pool, prepared statements, LISTEN on a dedicated connection. */
export async function openPostgres(options: PostgresOptions): Promise<Database & { client: postgres.Sql }> {
  const client = postgres(options.url, {
    max: options.max ?? 10,
    prepare: true,
    onnotice: () => {},
    connection: { ...SESSION_SETTINGS, application_name: 'atrium' },
  });
  const listeners = new StatementListeners();
  const orm = drizzle({ client, logger: { logQuery: (q) => listeners.active && listeners.emit(q, null) } }) as unknown as Orm;

  const runOn = async <T extends Row>(sqlClient: postgres.Sql, statement: SQL | Statement): Promise<T[]> => {
    const { sql, params } = toStatement(statement);
    const start = performance.now();
    const rows = await sqlClient.unsafe(sql, params as postgres.ParameterOrJSON<never>[], { prepare: params.length > 0 });
    if (listeners.active) listeners.emit(sql, performance.now() - start);
    return rows as unknown as T[];
  };

  await client`select 1`;
  return {
    driver: 'postgres',
    client,
    orm,
    run: (statement) => runOn(client, statement),
    async transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
      return client.begin(async (t) => {
        const exec: Executor = {
          orm: drizzle({ client: sharingOptions(t, client) }) as unknown as Orm,
          run: (statement) => runOn(t as unknown as postgres.Sql, statement),
        };
        return fn(exec);
      }) as Promise<T>;
    },
    async listen(channel, onPayload) {
      const sub = await client.listen(channel, onPayload);
      return () => sub.unlisten();
    },
    onStatement: (l) => listeners.add(l),
    async migrate(migrationsFolder) {
      // A session lock held on one reserved connection while the pool migrates: concurrent starters wait here.
      const conn = await client.reserve();
      try {
        await conn`select pg_advisory_lock(hashtext('atrium.migrate'))`;
        await migrate(orm as never, { migrationsFolder });
      } finally {
        await conn`select pg_advisory_unlock(hashtext('atrium.migrate'))`.catch(() => {});
        conn.release();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Reserved connections and transactions of postgres.js carry no `options`, which drizzle reads when it wraps a
 * client; lend them the pool's (drizzle already adjusted its parsers when it wrapped the pool).
 */
function sharingOptions(conn: object, pool: postgres.Sql): postgres.Sql {
  return new Proxy(conn, {
    get: (target, prop) => (prop === 'options' ? pool.options : Reflect.get(target, prop)),
  }) as unknown as postgres.Sql;
}
