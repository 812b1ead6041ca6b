import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database, Executor, Orm, Row, Statement, TransactionOptions } from './database.js';
import { SESSION_SETTINGS } from './database.js';
import { StatementListeners } from './listeners.js';
import { STATEMENT_TIMEOUT_SQLSTATE, StatementTimeoutError } from './statement-timeout-error.js';
import { toStatement } from './to-statement.js';

export interface PostgresOptions {
  url: string;
  /** Connections in the pool. */
  max?: number;
  /** Longest a statement may run, in ms (`statement_timeout` on every connection); null or absent: no limit. */
  statementTimeoutMs?: number | null;
}

/** PostgreSQL over postgres.js: a pool, prepared statements, LISTEN on a dedicated connection. */
export async function openPostgres(options: PostgresOptions): Promise<Database & { client: postgres.Sql }> {
  const budget = options.statementTimeoutMs ?? null;
  const client = postgres(options.url, {
    max: options.max ?? 10,
    prepare: true,
    onnotice: () => {},
    connection: { ...SESSION_SETTINGS, application_name: 'atrium', ...(budget === null ? {} : { statement_timeout: budget }) },
  });
  const listeners = new StatementListeners();
  const orm = drizzle({ client, logger: { logQuery: (q) => listeners.active && listeners.emit(q, null) } }) as unknown as Orm;

  const runOn = async <T extends Row>(sqlClient: postgres.Sql, statement: SQL | Statement, budgetMs: number | null): Promise<T[]> => {
    const { sql, params } = toStatement(statement);
    const start = performance.now();
    let rows;
    try {
      rows = await sqlClient.unsafe(sql, params as postgres.ParameterOrJSON<never>[], { prepare: params.length > 0 });
    } catch (err) {
      // 57014 is also a cancel on request; with a budget in force, it is the budget.
      if ((err as { code?: string }).code === STATEMENT_TIMEOUT_SQLSTATE && budgetMs !== null) throw new StatementTimeoutError(budgetMs, { cause: err });
      throw err;
    }
    if (listeners.active) listeners.emit(sql, performance.now() - start);
    return rows as unknown as T[];
  };

  await client`select 1`;
  return {
    driver: 'postgres',
    client,
    orm,
    run: (statement) => runOn(client, statement, budget),
    async transaction<T>(fn: (tx: Executor) => Promise<T>, txOptions: TransactionOptions = {}): Promise<T> {
      const txBudget = txOptions.statementTimeoutMs === undefined ? budget : txOptions.statementTimeoutMs;
      return client.begin(async (t) => {
        if (txBudget !== budget) await t.unsafe(`SET LOCAL statement_timeout = ${Math.max(0, Math.round(txBudget ?? 0))}`);
        const exec: Executor = {
          orm: drizzle({ client: sharingOptions(t, client) }) as unknown as Orm,
          run: (statement) => runOn(t as unknown as postgres.Sql, statement, txBudget),
        };
        return fn(exec);
      }) as Promise<T>;
    },
    async listen(channel, onPayload) {
      const sub = await client.listen(channel, onPayload);
      return () => sub.unlisten();
    },
    onStatement: (l) => listeners.add(l),
    async script<T extends Row>(text: string): Promise<T[]> {
      // The simple protocol runs several statements in one message; a script that opens its own transaction must
      // hold one connection throughout (postgres.js refuses BEGIN on a pool).
      const conn = await client.reserve();
      let result: T[] | T[][];
      try {
        result = (await conn.unsafe(text, [], { prepare: false }).simple()) as unknown as T[] | T[][];
      } finally {
        conn.release();
      }
      if (listeners.active) listeners.emit(text, null);
      const last = Array.isArray(result) && Array.isArray(result.at(-1)) ? (result.at(-1) as T[]) : (result as T[]);
      return [...last];
    },
    async migrate(migrationsFolder) {
      // A session lock held on one reserved connection while the pool migrates: concurrent starters wait here.
      const conn = await client.reserve();
      try {
        // Waiting for another starter's migration is not a statement to cut short.
        await conn`set statement_timeout = 0`;
        await conn`select pg_advisory_lock(hashtext('atrium.migrate'))`;
        await migrate(orm as never, { migrationsFolder });
      } finally {
        await conn`select pg_advisory_unlock(hashtext('atrium.migrate'))`.catch(() => {});
        await conn`reset statement_timeout`.catch(() => {});
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
