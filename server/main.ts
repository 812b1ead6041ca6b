import 'reflect-metadata';
import { startAtrium, DEV_ADMIN, type Atrium } from './atrium.js';
import { BUILT, PGLITE_TEMPLATE } from './build/built.js';
import { DomainError } from './domain-error.js';
import { loadConfig, type Config } from './config.js';
import { seedIfEmpty } from '../seeds/seed.js';
import { PERSONAS } from '../seeds/itsm/demo-data.js';
import { HR_PERSONAS } from '../seeds/hr/demo-data.js';

/** Start-up problems a person can fix (configuration, an old data folder) get one clear line, not a stack trace. */
function cannotStart(err: unknown): never {
  process.stderr.write(`Atrium could not start: ${(err as Error).message}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  cannotStart(err);
}
/** With --seed, the demo packs and data load before /readyz says ready: a ready server serves what it promised. */
async function seed(atrium: Atrium): Promise<void> {
  const t0 = performance.now();
  const { seeded, records } = await seedIfEmpty(atrium, (step) => process.stderr.write(`first start: loading the demo — ${step}…\n`));
  if (seeded) atrium.log.info({ records, ms: Math.round(performance.now() - t0) }, 'loaded the ITSM demo pack');
}
const atrium = await startAtrium(config, {
  personas: [...PERSONAS, ...HR_PERSONAS],
  beforeReady: process.argv.includes('--seed') ? seed : undefined,
  // Only the compiled server: its build made the template with the PGlite it runs (tsx runs may be on another).
  pgliteTemplate: BUILT ? PGLITE_TEMPLATE : null,
}).catch((err: unknown) => (err instanceof DomainError ? cannotStart(err) : Promise.reject(err)));
const token = atrium.auth.devSignIn ? await atrium.auth.issueDevToken(DEV_ADMIN) : null;
const signInHelp = token
  ? `Sign in (development only — off when ATRIUM_OIDC_ISSUER is set). The explorer and studio send this admin token:
  Authorization: Bearer ${token}
Or sign in as a demo persona and send the token it returns:
  curl -s -X POST ${atrium.url}/auth/dev/sign-in -H 'content-type: application/json' -d '{"userName":"alice.agent"}'
  personas: ${[...PERSONAS, ...HR_PERSONAS].map((p) => p.userName).join(', ')} (GET ${atrium.url}/auth/dev/personas)`
  : `Sign in with your identity provider (${config.oidc?.issuer}); development sign-in is off.`;
const metricsAccess = !config.production
  ? 'open to anyone (development; NODE_ENV=production closes it)'
  : [config.metrics.token && 'Authorization: Bearer $ATRIUM_METRICS_TOKEN', config.metrics.allow.length && `from ${config.metrics.allow.join(', ')}`].filter(Boolean).join(' or ') ||
    'closed (production): set ATRIUM_METRICS_TOKEN or ATRIUM_METRICS_ALLOW';
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
process.stdout.write(`
Atrium is running on ${where}, metadata version ${atrium.registry.current.version}.

  GraphQL API + explorer  ${atrium.url}/graphql
  Studio                  ${atrium.url}/studio/
  Health / metrics        ${atrium.url}/healthz  ${atrium.url}/readyz  ${atrium.url}/metrics
  Metrics access          ${metricsAccess}

${signInHelp}

`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    atrium.log.info({ signal }, 'shutting down: finishing requests in flight');
    // A graceful stop has a deadline: whatever still hangs after it must not keep the process alive.
    setTimeout(() => {
      atrium.log.error('shutdown did not finish within 15 s; exiting anyway');
      process.exit(1);
    }, 15_000).unref();
    atrium.stop().then(
      () => process.exit(0),
      (err) => {
        atrium.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
