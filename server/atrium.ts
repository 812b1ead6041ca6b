import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { Authenticator, type Principal } from './access/authenticator.js';
import type { Config } from './config.js';
import { migrate, openPglite, openPostgres, type Database } from './db/index.js';
import { RecordEventBus } from './events/record-event-bus.js';
import { Identities } from './access/identities.js';
import { registrationOutcome } from './access/registrations.js';
import { registerFlowOutcomeHook } from './engines/flows/flow-outcome-hooks.js';
import { IDENTITY_TYPES } from '../schema/index.js';
import { loadAccessProfile } from './access/access-profile.js';
import { SchemaRegistry } from './graphql/schema-registry.js';
import { createHttpApp, type HttpApp } from './http/create-http-app.js';
import type { DevPersona } from './http/dev-sign-in-routes.js';
import { Metrics } from './http/metrics.js';
import { MetadataService, repairDatabaseDefaults } from './metadata/index.js';
import { DomainError, ErrorCode } from './domain-error.js';
import { EngineHost, type Clock, type Engine } from './engines/index.js';

export interface Atrium {
  url: string;
  db: Database;
  registry: SchemaRegistry;
  metadata: MetadataService<unknown>;
  auth: Authenticator;
  /** A development token for an active user (null when there is none); FORBIDDEN when OIDC is configured. */
  signIn(userName: string): Promise<string | null>;
  identities: Identities;
  http: HttpApp;
  /** Routing, SLAs, notifications: their events, jobs and timers (`drain()` runs what is due, for tests). */
  engines: EngineHost;
  log: Logger;
  /** Graceful: stop accepting, finish requests in flight, close subscriptions and the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** An already open database (tests pass one; it is closed on stop unless `keepDatabase`). */
  db?: Database;
  keepDatabase?: boolean;
  log?: Logger;
  /** Users the development sign-in offers (the demo's personas); any active user can sign in by name. */
  personas?: DevPersona[];
  /**
   * Start-up work that must finish before /readyz says ready (loading packs and demo data): it runs once the
   * server listens, so it may use the HTTP surface, while a load balancer still keeps traffic away.
   */
  beforeReady?: (atrium: Atrium) => Promise<void>;
  /**
   * A migrated embedded database (`dumpDataDir` tarball, made by the build) that a new data folder starts from
   * instead of running initdb; ignored when the file is missing, the folder holds a database, or on PostgreSQL.
   */
  pgliteTemplate?: string | null;
  /** The engines' clock (tests pass a ManualClock and move it). */
  clock?: Clock;
  /** The engines to run instead of ENGINES (tests that bring an engine of their own). */
  engines?: readonly Engine[];
}

/** The development administrator: exists before any user record, so it can import the first metadata. */
export const DEV_ADMIN: Principal = { subject: 'admin', name: 'Demo Admin', admin: true, via: 'dev', expiresAt: null };

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

/** The template's tarball when the embedded data folder is new and a template exists; otherwise null. */
async function templateFor(dataDir: string, template: string | null | undefined): Promise<Blob | null> {
  if (!template || existsSync(path.join(dataDir, 'PG_VERSION'))) return null;
  const bytes = await readFile(template).catch(() => null);
  return bytes ? new Blob([bytes]) : null;
}

async function openConfiguredDatabase(config: Config, log: Logger, template: string | null | undefined): Promise<Database> {
  const statementTimeoutMs = config.statementTimeoutMs > 0 ? config.statementTimeoutMs : null;
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl, statementTimeoutMs });
  await mkdir(config.dataDir, { recursive: true });
  const dataDir = path.join(config.dataDir, 'pglite');
  const loadDataDir = await templateFor(dataDir, template);
  if (loadDataDir) log.debug({ template }, 'a new embedded database starts from the build template');
  return openPglite({
    dataDir,
    loadDataDir: loadDataDir ?? undefined,
    statementTimeoutMs,
    onRestart: (reason) => log.warn({ reason: reason.message }, 'reopening the embedded database: its thread was stopped or failed'),
  });
}

/** A new installation gets the identity types; two processes starting at once race, and the loser finds them. */
async function installIdentityTypes(metadata: MetadataService<unknown>, log: Logger): Promise<void> {
  try {
    if (await metadata.installIdentityTypes()) log.info('published the platform identity types');
  } catch (err) {
    if (!(err instanceof DomainError && err.code === ErrorCode.CONFLICT)) throw err;
    await metadata.installIdentityTypes();
  }
}

/** The composition root: database, metadata, schema registry, events, HTTP. No DI framework, explicit wiring. */
export async function startAtrium(config: Config, options: StartOptions = {}): Promise<Atrium> {
  const log = options.log ?? pino({ level: config.logLevel });
  const db: Database = options.db ?? (await openConfiguredDatabase(config, log, options.pgliteTemplate));
  await migrate(db);
  const metrics = new Metrics();
  metrics.watch(db);
  const registry = new SchemaRegistry({ maxPageSize: config.maxPageSize, defaultPageSize: config.defaultPageSize, input: config.inputLimits }, log);
  await registry.start(db);
  const metadata = new MetadataService(db, registry);
  await installIdentityTypes(metadata, log);
  const repaired = await repairDatabaseDefaults(db);
  if (repaired) log.info({ columns: repaired }, 'gave record columns the defaults their metadata declares');
  const events = new RecordEventBus(db, log);
  await events.start();
  const identities = new Identities(db, log);
  identities.start(events);
  // What a contact registration flow's outcome does (creates the user): registered before any flow runs.
  registerFlowOutcomeHook(IDENTITY_TYPES.registration, registrationOutcome);
  const engines = new EngineHost({
    db,
    config,
    log,
    schemas: registry,
    limits: registry.limits,
    clock: options.clock,
    background: config.engines.background,
    tickMs: config.engines.tickMs,
    engines: options.engines,
  });
  // With an identity provider configured, development sign-in is off and no local token is made.
  const auth = new Authenticator({ devSecret: config.oidc ? null : await devSecret(config), oidc: config.oidc });
  const authenticate = async (header: string | null | undefined) => {
    const principal = await auth.authenticate(header);
    if (!principal) return null;
    return identities.actorFor(config.adminSubjects.includes(principal.subject) ? { ...principal, admin: true } : principal);
  };
  const adminToken = auth.devSignIn ? await auth.issueDevToken(DEV_ADMIN) : null;
  const signIn = async (userName: string): Promise<string | null> => {
    const profile = await loadAccessProfile(db, userName);
    if (!profile || !profile.active) return null;
    return auth.issueDevToken({ subject: profile.userName, name: profile.name });
  };
  const http = await createHttpApp({
    db,
    registry,
    metadata,
    events,
    authenticate,
    identities,
    engines,
    devSignIn: { enabled: () => auth.devSignIn, personas: async () => options.personas ?? [], signIn },
    metrics,
    log,
    maxBodyBytes: config.maxBodyBytes,
    fastPath: config.fastPath,
    rateLimits: config.rateLimits,
    metricsAccess: { production: config.production, ...config.metrics },
    studioConfig: () => ({ endpoint: '/graphql', subscriptionEndpoint: '/graphql', headers: adminToken ? { Authorization: `Bearer ${adminToken}` } : ({} as Record<string, string>), devSignIn: auth.devSignIn }),
  });
  await new Promise<void>((resolve) => http.server.listen(config.port, config.host, resolve));
  const { port } = http.server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let stopping: Promise<void> | null = null;
  const atrium: Atrium = {
    url,
    db,
    registry,
    metadata,
    auth,
    signIn,
    identities,
    http,
    engines,
    log,
    stop() {
      stopping ??= (async () => {
        await http.stop();
        log.debug('HTTP and WebSocket servers stopped');
        identities.stop();
        await engines.stop();
        await events.stop();
        if (!options.keepDatabase) await db.close();
        log.debug('database closed');
      })();
      return stopping;
    },
  };
  if (options.beforeReady) {
    try {
      await options.beforeReady(atrium);
    } catch (err) {
      // A start that cannot finish must not leave a half-started server holding the port or the data folder.
      await atrium.stop().catch((stopErr: unknown) => log.error({ err: stopErr }, 'stopping after a failed start-up failed'));
      throw err;
    }
  }
  // The engines start once start-up work is done: loading the demo must not race them for the records it is still
  // moving through their states. Events committed meanwhile wait in the outbox for them.
  await engines.start();
  http.setReady(true);
  return atrium;
}
