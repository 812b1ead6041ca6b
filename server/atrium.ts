import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { DevTokens } from './access/dev-tokens.js';
import type { Config } from './config.js';
import { migrate, openPglite, openPostgres, type Database } from './db/index.js';
import { RecordEventBus } from './events/record-event-bus.js';
import type { Actor } from './graphql/context.js';
import { SchemaRegistry } from './graphql/schema-registry.js';
import { createHttpApp, type HttpApp } from './http/create-http-app.js';
import { Metrics } from './http/metrics.js';
import { MetadataService } from './metadata/index.js';

export interface Atrium {
  url: string;
  db: Database;
  registry: SchemaRegistry;
  metadata: MetadataService<unknown>;
  tokens: DevTokens;
  http: HttpApp;
  log: Logger;
  /** Graceful: stop accepting, finish requests in flight, close subscriptions and the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** An already open database (tests pass one; it is closed on stop unless `keepDatabase`). */
  db?: Database;
  keepDatabase?: boolean;
  log?: Logger;
}

export const DEV_ADMIN: Actor = { id: 'admin', name: 'Demo Admin', admin: true };

async function devSecret(config: Config): Promise<string> {
  if (config.devTokenSecret) return config.devTokenSecret;
  if (config.databaseUrl) return randomBytes(32).toString('hex');
  const file = path.join(config.dataDir, 'dev-token-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('hex');
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl });
  await mkdir(config.dataDir, { recursive: true });
  return openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
}

/** The composition root: database, metadata, schema registry, events, HTTP. No DI framework, explicit wiring. */
export async function startAtrium(config: Config, options: StartOptions = {}): Promise<Atrium> {
  const log = options.log ?? pino({ level: config.logLevel });
  const db: Database = options.db ?? (await openConfiguredDatabase(config));
  await migrate(db);
  const metrics = new Metrics();
  metrics.watch(db);
  const registry = new SchemaRegistry({ maxPageSize: config.maxPageSize, defaultPageSize: config.defaultPageSize }, log);
  await registry.start(db);
  const metadata = new MetadataService(db, registry);
  const events = new RecordEventBus(db, log);
  await events.start();
  const tokens = new DevTokens(await devSecret(config));
  const adminToken = await tokens.issue(DEV_ADMIN);
  const http = await createHttpApp({
    db,
    registry,
    metadata,
    events,
    tokens,
    metrics,
    log,
    maxBodyBytes: config.maxBodyBytes,
    fastPath: config.fastPath,
    studioConfig: () => ({ endpoint: '/graphql', subscriptionEndpoint: '/graphql', headers: { Authorization: `Bearer ${adminToken}` } }),
  });
  await new Promise<void>((resolve) => http.server.listen(config.port, config.host, resolve));
  const { port } = http.server.address() as AddressInfo;
  http.setReady(true);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let stopping: Promise<void> | null = null;
  return {
    url,
    db,
    registry,
    metadata,
    tokens,
    http,
    log,
    stop() {
      stopping ??= (async () => {
        await http.stop();
        log.debug('HTTP and WebSocket servers stopped');
        await events.stop();
        if (!options.keepDatabase) await db.close();
        log.debug('database closed');
      })();
      return stopping;
    },
  };
}
