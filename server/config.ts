import path from 'node:path';

/** Everything the server reads from its environment, in one place. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database. */
  dataDir: string;
  logLevel: string;
  /** Largest page a connection returns. */
  maxPageSize: number;
  defaultPageSize: number;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes: number;
  /** Secret that signs development tokens; generated and kept in the data folder when absent. */
  devTokenSecret: string | null;
  /** Answer fully compiled queries straight from their SQL JSON, without graphql-js execution. */
  fastPath: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.ATRIUM_DATA_DIR ?? '.atrium-data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    maxPageSize: Number(env.ATRIUM_MAX_PAGE_SIZE ?? 100),
    defaultPageSize: Number(env.ATRIUM_DEFAULT_PAGE_SIZE ?? 20),
    maxBodyBytes: Number(env.ATRIUM_MAX_BODY_BYTES ?? 1_000_000),
    devTokenSecret: env.ATRIUM_DEV_TOKEN_SECRET ?? null,
    fastPath: env.ATRIUM_FAST_PATH !== '0',
  };
}
