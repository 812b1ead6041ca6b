import 'reflect-metadata';
import { pino } from 'pino';
import { DEV_ADMIN, startAtrium, type Atrium, type StartOptions } from '../../server/atrium.js';
import { loadConfig, type Config } from '../../server/config.js';
import { openTestDatabase, type TestDatabase } from './test-database.js';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[] }[];
}

export interface TestServer {
  atrium: Atrium;
  database: TestDatabase;
  /** POST a GraphQL operation over HTTP, as the admin unless another token (or null: anonymous) is given. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A development token: `{ subject: userName }` for a user, `admin: true` for the bootstrap admin. */
  token(principal: { subject: string; name?: string; admin?: boolean }): Promise<string>;
  adminToken: string;
  /** Statements sent to the database while `fn` runs. */
  statements<T>(fn: () => Promise<T>): Promise<{ result: T; sql: string[] }>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** A database opened by the test; otherwise one of its own (with the config's statement budget), dropped on stop. */
  database?: TestDatabase;
  personas?: StartOptions['personas'];
  /** Config fields to change from the defaults (`loadConfig({})`), e.g. input limits or the statement budget. */
  config?: Partial<Config>;
  /** The engines' clock; tests move it and call `atrium.engines.drain()` (engines do not run in the background). */
  clock?: StartOptions['clock'];
  /** Engines to run instead of ENGINES, e.g. one defined by the test. */
  engines?: StartOptions['engines'];
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config: Config = { ...loadConfig({}), port: 0, host: '127.0.0.1', devTokenSecret: 'test-secret-of-sufficient-length-123456', engines: { background: false, tickMs: 1_000 }, ...options.config };
  const database = options.database ?? (await openTestDatabase({ statementTimeoutMs: config.statementTimeoutMs > 0 ? config.statementTimeoutMs : null }));
  const atrium = await startAtrium(config, { db: database.db, keepDatabase: true, log: pino({ level: process.env.LOG_LEVEL ?? 'silent' }), personas: options.personas, clock: options.clock, engines: options.engines });
  const adminToken = await atrium.auth.issueDevToken(DEV_ADMIN);
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token: string | null = adminToken): Promise<GqlResult<T>> => {
    const res = await fetch(`${atrium.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResult<T>;
    return { ...body, status: res.status };
  };
  return {
    atrium,
    database,
    gql,
    adminToken,
    async ok<T>(query: string, variables?: Record<string, unknown>) {
      const r = await gql<T>(query, variables);
      if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
      return r.data as T;
    },
    token: (principal) => atrium.auth.issueDevToken(principal),
    async statements(fn) {
      const sql: string[] = [];
      const off = atrium.db.onStatement((s) => sql.push(s));
      try {
        const result = await fn();
        return { result, sql };
      } finally {
        off();
      }
    },
    async stop() {
      await atrium.stop();
      if (!options.database) await database.drop();
    },
  };
}
