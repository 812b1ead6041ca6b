import path from 'node:path';
import { metricsAllowList } from './http/metrics-access.js';
import { DEFAULT_OIDC_ALGORITHMS, isOidcAlgorithm, OIDC_USER_CLAIMS, type OidcOptions } from './access/authenticator.js';

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
  /** The OpenID Connect provider people sign in with; null keeps development sign-in. */
  oidc: OidcOptions | null;
  /**
   * Token subjects that are administrators whether or not a user record says so: how the first administrator
   * signs in through an identity provider, before any user or role exists.
   */
  adminSubjects: string[];
  /** Production (NODE_ENV=production or an identity provider configured): closes what development leaves open. */
  production: boolean;
  /**
   * Longest a database statement of a request may run, in ms. PostgreSQL enforces it per transaction
   * (statement_timeout); on the embedded database the statement runs in a worker that is stopped past it.
   */
  statementTimeoutMs: number;
  /** Bounds on what one request may ask for, beyond query shape (each refusal is BAD_USER_INPUT naming its limit). */
  inputLimits: InputLimits;
  /** Requests per minute per client address on anonymous paths. */
  rateLimits: { anonymousPerMinute: number; signInPerMinute: number };
  /** Who may read /metrics: open in development; in production only this bearer token or these addresses. */
  metrics: { token: string | null; allow: string[] };
  /**
   * The engines (routing, SLAs, notifications) run in the background: events as they commit, jobs as they are
   * sent, timers every `tickMs`. Off, nothing runs until something calls `engines.drain()` (tests).
   */
  engines: { background: boolean; tickMs: number };
  /** Notifications and webhooks (see `NotifySettings`). */
  notify: NotifySettings;
}

export interface NotifySettings {
  /**
   * The mail server (`smtp://user:pass@host:587`, `smtps://…`). Null: e-mail stays pending, each message saying
   * "no mail server configured" to administrators, and goes out once one is configured; nothing is dropped or
   * reported as sent that was not.
   */
  smtpUrl: string | null;
  /** The sender of every e-mail, and the domain of its Message-ID. */
  mailFrom: string;
  /** Where people open Atrium: the base of `{{record.url}}` in templates. */
  publicUrl: string;
  /** Longest a webhook receiver may take to answer before the delivery counts as failed (ms). */
  webhookTimeoutMs: number;
}

/** Bounds on input size and nesting, checked before any SQL is built. */
export interface InputLimits {
  /** Nesting of and/or/not and of conditions through references in one filter. */
  maxFilterDepth: number;
  /** Leaf conditions (field operators) in all filters of one root field. */
  maxFilterConditions: number;
  /** Items of any list argument (`in`, `notIn`, `containsAny`, …). */
  maxListLength: number;
  /** Nesting of the JSON variables of a request. */
  maxVariablesDepth: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxFilterDepth: 10, maxFilterConditions: 100, maxListLength: 1000, maxVariablesDepth: 32 };

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
    oidc: loadOidcOptions(env),
    adminSubjects: list(env.ATRIUM_ADMIN_SUBJECTS),
    production: env.NODE_ENV === 'production' || !!env.ATRIUM_OIDC_ISSUER?.trim(),
    statementTimeoutMs: Number(env.ATRIUM_STATEMENT_TIMEOUT_MS ?? 10_000),
    inputLimits: {
      maxFilterDepth: Number(env.ATRIUM_MAX_FILTER_DEPTH ?? DEFAULT_INPUT_LIMITS.maxFilterDepth),
      maxFilterConditions: Number(env.ATRIUM_MAX_FILTER_CONDITIONS ?? DEFAULT_INPUT_LIMITS.maxFilterConditions),
      maxListLength: Number(env.ATRIUM_MAX_LIST_LENGTH ?? DEFAULT_INPUT_LIMITS.maxListLength),
      maxVariablesDepth: Number(env.ATRIUM_MAX_VARIABLES_DEPTH ?? DEFAULT_INPUT_LIMITS.maxVariablesDepth),
    },
    rateLimits: {
      anonymousPerMinute: perMinute(env, 'ATRIUM_RATE_LIMIT_ANONYMOUS', 120),
      signInPerMinute: perMinute(env, 'ATRIUM_RATE_LIMIT_SIGN_IN', 30),
    },
    metrics: { token: env.ATRIUM_METRICS_TOKEN?.trim() || null, allow: allowList(env.ATRIUM_METRICS_ALLOW) },
    engines: { background: env.ATRIUM_ENGINES !== 'off', tickMs: Number(env.ATRIUM_ENGINE_TICK_MS ?? 1_000) },
    notify: loadNotifySettings(env),
  };
}

/** A mistyped mail server fails the start, naming the variable, rather than every e-mail failing later. */
function loadNotifySettings(env: NodeJS.ProcessEnv): NotifySettings {
  const smtpUrl = env.ATRIUM_SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//i.test(smtpUrl)) throw new Error(`ATRIUM_SMTP_URL must be an smtp:// or smtps:// URL, not "${smtpUrl}"`);
  const publicUrl = (env.ATRIUM_PUBLIC_URL?.trim() || `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 4000}`).replace(/\/+$/, '');
  if (!URL.canParse(publicUrl)) throw new Error(`ATRIUM_PUBLIC_URL must be an absolute URL, not "${publicUrl}"`);
  return {
    smtpUrl,
    mailFrom: env.ATRIUM_MAIL_FROM?.trim() || `Atrium <atrium@${new URL(publicUrl).hostname}>`,
    publicUrl,
    webhookTimeoutMs: Number(env.ATRIUM_WEBHOOK_TIMEOUT_MS ?? 10_000),
  };
}

/** A typo must not turn a limit off (Number('12O') is NaN): only whole numbers, 0 meaning no limit. */
function perMinute(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number of requests a minute per client address (0 turns the limit off), not "${raw}"`);
  return Number(raw);
}

/** Checked now, so a mistyped address fails the start rather than leaving /metrics closed to the scraper. */
function allowList(value: string | undefined): string[] {
  const entries = list(value);
  metricsAllowList(entries);
  return entries;
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** A half-configured provider fails the start, naming the variable to set, rather than leaving sign-in open or broken. */
function loadOidcOptions(env: NodeJS.ProcessEnv): OidcOptions | null {
  const issuer = env.ATRIUM_OIDC_ISSUER?.trim() || null;
  const audience = env.ATRIUM_OIDC_AUDIENCE?.trim() || null;
  const jwksUrl = env.ATRIUM_OIDC_JWKS_URL?.trim() || null;
  const algorithms = (env.ATRIUM_OIDC_ALGORITHMS ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  const userClaim = env.ATRIUM_OIDC_USER_CLAIM?.trim() || null;
  if (!issuer) {
    const stray = (['ATRIUM_OIDC_AUDIENCE', 'ATRIUM_OIDC_JWKS_URL', 'ATRIUM_OIDC_ALGORITHMS', 'ATRIUM_OIDC_USER_CLAIM'] as const).filter((k) => env[k]?.trim());
    if (stray.length) throw new Error(`${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set but ATRIUM_OIDC_ISSUER is not: set it to the identity provider's issuer URL, or unset the others`);
    return null;
  }
  if (!audience) throw new Error('ATRIUM_OIDC_ISSUER is set but ATRIUM_OIDC_AUDIENCE is not: set it to the audience (client id) the provider puts in tokens for Atrium');
  for (const [name, url] of [['ATRIUM_OIDC_ISSUER', issuer], ['ATRIUM_OIDC_JWKS_URL', jwksUrl]] as const) {
    if (url && !URL.canParse(url)) throw new Error(`${name} must be an absolute URL, not "${url}"`);
  }
  const refused = algorithms.filter((a) => !isOidcAlgorithm(a));
  if (refused.length) throw new Error(`ATRIUM_OIDC_ALGORITHMS may list only asymmetric algorithms (RS*, PS*, ES*, EdDSA); remove ${refused.join(', ')}`);
  if (userClaim && !(OIDC_USER_CLAIMS as readonly string[]).includes(userClaim)) {
    throw new Error(`ATRIUM_OIDC_USER_CLAIM must be one of ${OIDC_USER_CLAIMS.join(', ')}, not "${userClaim}"`);
  }
  return {
    issuer,
    audience,
    ...(jwksUrl ? { jwksUrl } : {}),
    algorithms: algorithms.length ? algorithms : DEFAULT_OIDC_ALGORITHMS,
    userClaim: userClaim ?? 'sub',
  };
}
