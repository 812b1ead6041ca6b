import path from 'node:path';
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
    oidc: loadOidcOptions(env),
    adminSubjects: (env.ATRIUM_ADMIN_SUBJECTS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  };
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
