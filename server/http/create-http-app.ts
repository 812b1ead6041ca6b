import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type NextFunction, type Request, type Response } from 'express';
import { useServer } from 'graphql-ws/use/ws';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Identities } from '../access/identities.js';
import type { EngineHost } from '../engines/index.js';
import type { Actor } from '../graphql/context.js';
import type { Database } from '../db/index.js';
import { DomainError, ErrorCode } from '../domain-error.js';
import type { RecordEventBus } from '../events/record-event-bus.js';
import type { AdminContext } from '../graphql/admin/admin-context.js';
import { formatError } from '../graphql/errors.js';
import { stringifyResult } from '../graphql/raw-json.js';
import { inputLimitsPlugin, literalLimitsRule, subscriptionInputChecks } from '../graphql/input-limits/index.js';
import { fastPathPlugin } from '../graphql/records/fast-path.js';
import type { SchemaRegistry } from '../graphql/schema-registry.js';
import type { MetadataService } from '../metadata/index.js';
import type { Metrics } from './metrics.js';
import { legacyJsonStatusPlugin } from './legacy-json-status.js';
import { serveExplorer, STUDIO_DIST_DIR, studioRouter, type StudioConfig } from './studio-routes.js';
import { devSignInRoutes, type DevSignInRouteOptions } from './dev-sign-in-routes.js';
import { metricsAccess, type MetricsAccessOptions } from './metrics-access.js';
import { rateLimits } from './rate-limits.js';
import { webSocketAuth } from './web-socket-auth.js';
import { refuseInvalidUtf8 } from './refuse-invalid-utf8.js';

export interface HttpDeps {
  db: Database;
  registry: SchemaRegistry;
  metadata: MetadataService<unknown>;
  events: RecordEventBus;
  /** The actor of an Authorization header (null without one); UNAUTHENTICATED for a bad token or unknown user. */
  authenticate: (header: string | null | undefined) => Promise<Actor | null>;
  identities: Identities;
  engines?: EngineHost;
  /** Password-less sign-in as a listed user, for trying the demo; off when an identity provider is configured. */
  devSignIn: DevSignInRouteOptions;
  metrics: Metrics;
  log: Logger;
  maxBodyBytes: number;
  studioConfig: () => StudioConfig;
  /** Answer fully compiled queries without graphql-js (on unless turned off for comparison). */
  fastPath: boolean;
  /** Requests per minute per client address on sign-in and anonymous GraphQL (0: no limit). */
  rateLimits: { anonymousPerMinute: number; signInPerMinute: number };
  /** Who may read /metrics. */
  metricsAccess: MetricsAccessOptions;
}

export interface HttpApp {
  server: Server;
  apollo: ApolloServer<AdminContext>;
  /** Stops accepting, lets requests in flight finish, closes WebSockets. */
  stop(): Promise<void>;
  setReady(ready: boolean): void;
}

function errorBody(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}

/** Express + Apollo (HTTP) + graphql-ws (WebSocket) on one port, with health, readiness and metrics. */
export async function createHttpApp(deps: HttpDeps): Promise<HttpApp> {
  const { db, registry, metadata, events, authenticate, identities, engines, metrics, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  let ready = false;

  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    // Armor's Apollo plugin for this parses in parsingDidStart, which turns every syntax error into a 500
    // (graphql-armor#751); graphql-js enforces the same limit itself through parseOptions below.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    costLimit: { maxCost: 50000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();

  // A WebSocket message is held to the same size as an HTTP body (ws would take up to 100 MiB).
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: deps.maxBodyBytes });
  const wsAuth = webSocketAuth(authenticate, log);
  const inputChecks = subscriptionInputChecks(registry.limits.input, armor.validationRules);
  const wsServer = useServer<Record<string, unknown>>(
    {
      schema: () => registry.current.schema,
      // Input checks first (they need no database), then the connection's sign-in.
      onSubscribe: async (ctx, id, payload) => inputChecks.onSubscribe(ctx, id, payload) ?? wsAuth.onSubscribe(ctx),
      validate: inputChecks.validate,
      context: (ctx): AdminContext => ({ db, events, metadata, identities, engines, schemas: registry, actor: wsAuth.actorOf(ctx) }),
      onConnect: (ctx) => wsAuth.onConnect(ctx),
      onClose: (ctx) => wsAuth.onClose(ctx),
    },
    wss,
  );


  const apollo = new ApolloServer<AdminContext>({
    gateway: registry.gateway() as never,
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    stringifyResult,
    // main.ts owns shutdown (one stop, with a deadline); Apollo's own signal handler would start a second stop
    // that Apollo never lets finish while the first runs.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    introspection: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: 5000 },
    validationRules: [...armor.validationRules, literalLimitsRule(registry.limits.input)],
    plugins: [
      ...(armor.plugins as never[]),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of GraphQL responses here; its per-field hook wraps every resolver and costs ~6% CPU.
      ApolloServerPluginCacheControlDisabled(),
      metrics.plugin(),
      inputLimitsPlugin(registry.limits.input),
      legacyJsonStatusPlugin(),
      ...(deps.fastPath ? [fastPathPlugin(() => (registry.ready ? registry.current : null), registry.limits, log, () => metrics.fastPath.inc()) as never] : []),
      {
        async serverWillStart() {
          return { drainServer: async () => wsServer.dispose() };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      if (!ready || !registry.ready) throw new Error('starting or stopping');
      await db.run({ sql: 'SELECT 1', params: [] });
      res.json({ status: 'ready', metadataVersion: registry.current.version });
    } catch (e) {
      res.status(503).json({ status: 'not ready', reason: (e as Error).message });
    }
  });
  app.get('/metrics', metricsAccess(deps.metricsAccess), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(studioRouter({ distDir: STUDIO_DIST_DIR, config: deps.studioConfig }));
  const limits = rateLimits(deps.rateLimits, log);
  app.use('/auth/dev', limits.signIn);
  app.use(devSignInRoutes(deps.devSignIn));
  app.get('/graphql', serveExplorer(STUDIO_DIST_DIR));
  app.use(
    '/graphql',
    limits.anonymousGraphql,
    express.json({ limit: deps.maxBodyBytes, verify: refuseInvalidUtf8 }),
    // Before Apollo: a failure inside its context function would be a 500, not the 401 the handler below sends.
    async (req: Request, res: Response, next: NextFunction) => {
      res.locals.actor = await authenticate(req.headers.authorization);
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => ({ db, events, metadata, identities, engines, schemas: registry, actor: res.locals.actor ?? null }),
    }),
  );
  app.get('/', (_req, res) => res.redirect('/studio/'));
  // Body parsing and authentication failures: a clear 4xx in GraphQL's error shape, never a stack trace.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err instanceof DomainError && err.code === ErrorCode.UNAUTHENTICATED) return res.status(401).json(errorBody(err.message, err.code));
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.too.large') return res.status(413).json(errorBody(`the request body is larger than ${deps.maxBodyBytes} bytes`, ErrorCode.BAD_REQUEST));
    if (e.type === 'entity.parse.failed') return res.status(400).json(errorBody('the request body is not valid JSON', ErrorCode.BAD_REQUEST));
    if (e.status && e.status >= 400 && e.status < 500) return res.status(e.status).json(errorBody(e.message ?? 'bad request', ErrorCode.BAD_REQUEST));
    log.error({ err }, 'unhandled HTTP error');
    return res.status(500).json(errorBody('Internal server error; it has been logged.', ErrorCode.INTERNAL_SERVER_ERROR));
  });

  return {
    server,
    apollo,
    setReady: (r) => (ready = r),
    async stop() {
      ready = false;
      await apollo.stop();
    },
  };
}
