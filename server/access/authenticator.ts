import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  type ProtectedHeaderParameters,
} from 'jose';
import { DomainError, ErrorCode } from '../domain-error.js';
import { unstorableCharacter } from './unstorable-character.js';

/** Who a verified token speaks for. */
export interface Principal {
  /** The Atrium user name: `sub` of a development token, the configured user claim of an OIDC token. */
  subject: string;
  via: 'dev' | 'oidc' | 'system';
  /** dev tokens only: the bootstrap admin (claim admin: true) */
  admin: boolean;
  name?: string;
  email?: string;
  /**
   * When the token stops being valid (its `exp`, ms since the epoch): what is authorised for longer than one
   * request (a WebSocket connection and its subscriptions) ends then. Null for principals made up by the server
   * (explaining or comparing someone's access), which no token stands behind.
   */
  expiresAt: number | null;
}

/** Whom a development token is for. */
export interface DevTokenSubject {
  subject: string;
  name?: string;
  admin?: boolean;
}

/** How to trust one OpenID Connect provider. */
export interface OidcOptions {
  issuer: string;
  audience: string;
  /** Where the provider publishes its keys; discovered from `<issuer>/.well-known/openid-configuration` when absent. */
  jwksUrl?: string;
  /** a JWKS document given inline (tests, air-gapped installs) */
  jwks?: { keys: object[] };
  /** Asymmetric algorithms only: HS* would let anyone holding the public key sign, and `none` signs nothing. */
  algorithms: string[];
  /** claim naming the Atrium user: 'sub' (default), 'email' or 'preferred_username' */
  userClaim: string;
  clockToleranceSeconds?: number;
}

/** The claims that may name the Atrium user of an OIDC token. */
export const OIDC_USER_CLAIMS = ['sub', 'email', 'preferred_username'] as const;
export const DEFAULT_OIDC_ALGORITHMS = ['RS256', 'ES256'];

/** Asymmetric JWS algorithms only: an HS* key is the verifying secret itself, and `none` signs nothing. */
export function isOidcAlgorithm(alg: string): boolean {
  return /^((RS|PS|ES)(256|384|512)|EdDSA|Ed25519)$/.test(alg);
}

const DEV_ISSUER = 'atrium-dev';
const DEV_AUDIENCE = 'atrium';
/** Verified tokens kept at most; verifying a JWT costs ~0.2 ms of CPU, a cached lookup almost nothing. */
const CACHE_LIMIT = 10_000;

/** One way tokens are trusted: the development secret or the OIDC provider's keys. */
interface Verifier {
  via: 'dev' | 'oidc';
  key: Uint8Array | JWTVerifyGetKey;
  /** Where keys come from, as a person reads it in an error message. */
  keySource: () => string;
  options: JWTVerifyOptions & { issuer: string; audience: string; algorithms: string[] };
  userClaim: string;
}

/** The provider's keys could not be had: not the token's fault, so it must not read like a bad token. */
class KeysUnavailable extends Error {
  constructor(readonly source: string, cause: unknown) {
    super(`the identity provider's keys could not be fetched from ${source} (${describeCause(cause)})`);
  }
}

/**
 * Turns an Authorization header into a {@link Principal}: tokens of the configured OIDC provider, or, when
 * none is configured, development tokens signed with a local secret. Never both: once a real provider is
 * set up, a development token would be a way around it.
 */
export class Authenticator {
  private readonly dev: Verifier | null;
  private readonly oidc: (Verifier & { issuerName: string }) | null;
  private readonly devKey: Uint8Array | null;
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(opts: { devSecret?: string | null; oidc?: OidcOptions | null }) {
    this.devKey = opts.devSecret ? new TextEncoder().encode(opts.devSecret) : null;
    this.dev = this.devKey && {
      via: 'dev',
      key: this.devKey,
      keySource: () => 'the development secret',
      options: { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp'] },
      userClaim: 'sub',
    };
    this.oidc = opts.oidc ? oidcVerifier(opts.oidc) : null;
  }

  /** Dev sign-in is on only when no OIDC provider is configured. */
  get devSignIn(): boolean {
    return !this.oidc && !!this.devKey;
  }

  /** Throws FORBIDDEN when dev sign-in is off. */
  async issueDevToken(p: DevTokenSubject, ttl: string | number = '12h'): Promise<string> {
    if (this.oidc) throw new DomainError(ErrorCode.FORBIDDEN, devSignInOff(this.oidc.issuerName));
    if (!this.devKey) throw new DomainError(ErrorCode.FORBIDDEN, 'development sign-in needs a secret: set ATRIUM_DEV_TOKEN_SECRET');
    return new SignJWT({ name: p.name, admin: p.admin ?? false })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(p.subject)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(this.devKey);
  }

  /** Null without a header; UNAUTHENTICATED (a DomainError) with a message a person can act on otherwise. */
  async authenticate(header: string | undefined | null): Promise<Principal | null> {
    if (!header) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!m) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const token = m[1];
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.principal;
    if (cached) this.verified.delete(token);

    const verifier = this.verifierFor(token);
    const payload = await verify(token, verifier);
    const principal = principalOf(payload, verifier, this.oidc?.issuerName);
    if (this.verified.size >= CACHE_LIMIT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expiresAt: payload.exp! * 1000 });
    return principal;
  }

  /** Picks the verifier and refuses, with a specific reason, what no key could make acceptable. */
  private verifierFor(token: string): Verifier {
    let header: ProtectedHeaderParameters;
    let issuer: unknown;
    try {
      header = decodeProtectedHeader(token);
      issuer = decodeJwt(token).iss;
    } catch {
      throw invalid('it is not a well-formed JWT; send the token exactly as it was issued');
    }
    if (this.oidc && issuer === DEV_ISSUER) throw unauthenticated(devSignInOff(this.oidc.issuerName));
    const verifier = this.oidc ?? this.dev;
    if (!verifier) throw unauthenticated('this server has no sign-in configured: set ATRIUM_OIDC_ISSUER or ATRIUM_DEV_TOKEN_SECRET');
    const { algorithms } = verifier.options;
    if (typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none') throw invalid('unsigned tokens (alg "none") are refused');
    if (!algorithms.includes(header.alg)) throw invalid(`it is signed with ${header.alg}, and this server accepts only ${algorithms.join(', ')}`);
    return verifier;
  }
}

function oidcVerifier(o: OidcOptions): Verifier & { issuerName: string } {
  const algorithms = o.algorithms.length ? o.algorithms : DEFAULT_OIDC_ALGORITHMS;
  const refused = algorithms.filter((a) => !isOidcAlgorithm(a));
  if (refused.length) throw new Error(`OIDC tokens must be signed with an asymmetric algorithm (RS*, PS*, ES*, EdDSA); remove ${refused.join(', ')} from the OIDC algorithms`);
  const userClaim = o.userClaim || 'sub';
  if (!(OIDC_USER_CLAIMS as readonly string[]).includes(userClaim)) throw new Error(`the OIDC user claim must be one of ${OIDC_USER_CLAIMS.join(', ')}, not "${userClaim}"`);
  const remote = o.jwks ? null : remoteKeys(o);
  return {
    via: 'oidc',
    issuerName: o.issuer,
    key: o.jwks ? createLocalJWKSet(o.jwks as never) : remote!.key,
    keySource: () => (o.jwks ? 'the JWKS configured on this server' : remote!.source()),
    options: { issuer: o.issuer, audience: o.audience, algorithms, requiredClaims: ['exp'], clockTolerance: o.clockToleranceSeconds ?? 0 },
    userClaim,
  };
}

/**
 * Keys fetched from the provider (jose caches them and refetches for an unknown kid); the JWKS URL is
 * discovered on first use when not configured. Failures to reach the provider surface as {@link KeysUnavailable}.
 */
function remoteKeys(o: OidcOptions): { key: JWTVerifyGetKey; source: () => string } {
  const discoveryUrl = `${o.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let jwksUrl = o.jwksUrl ?? null;
  let jwks: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;
  const source = () => (jwksUrl ? `the issuer's JWKS (${jwksUrl})` : `the issuer's discovery document (${discoveryUrl})`);
  const load = async () => {
    jwksUrl ??= await discoverJwksUrl(discoveryUrl, o.issuer);
    return createRemoteJWKSet(new URL(jwksUrl));
  };
  const key: JWTVerifyGetKey = async (header, token) => {
    // A failed discovery is forgotten, so the next request tries again instead of failing until restart.
    const current = (jwks ??= load().catch((e) => ((jwks = null), Promise.reject(e))));
    try {
      return await (await current)(header, token);
    } catch (e) {
      if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) throw e;
      throw e instanceof KeysUnavailable ? e : new KeysUnavailable(jwksUrl ?? discoveryUrl, e);
    }
  };
  return { key, source };
}

async function discoverJwksUrl(discoveryUrl: string, issuer: string): Promise<string> {
  let doc: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const res = await fetch(discoveryUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    doc = (await res.json()) as typeof doc;
  } catch (e) {
    throw new KeysUnavailable(discoveryUrl, e);
  }
  // OpenID Connect Discovery §4.3: a document naming another issuer must not be trusted for this one.
  if (doc.issuer !== issuer) throw new KeysUnavailable(discoveryUrl, `it names the issuer "${String(doc.issuer)}", not "${issuer}"`);
  if (typeof doc.jwks_uri !== 'string') throw new KeysUnavailable(discoveryUrl, 'it has no jwks_uri; set ATRIUM_OIDC_JWKS_URL');
  return doc.jwks_uri;
}

async function verify(token: string, v: Verifier): Promise<JWTPayload> {
  try {
    return (await jwtVerify(token, v.key as JWTVerifyGetKey, v.options)).payload;
  } catch (e) {
    if (!(e instanceof errors.JWKSMultipleMatchingKeys)) throw explain(e, token, v);
    // Several keys fit a token without kid: jose leaves trying each to the caller.
    let last: unknown = e;
    for await (const key of e) {
      try {
        return (await jwtVerify(token, key, v.options)).payload;
      } catch (err) {
        last = err;
        if (!(err instanceof errors.JWSSignatureVerificationFailed)) break;
      }
    }
    throw explain(last, token, v);
  }
}

/** jose's error classes, told apart so each failure says what to do about it. */
function explain(e: unknown, token: string, v: Verifier): DomainError {
  if (e instanceof KeysUnavailable) return unauthenticated(`${e.message}; try again shortly, and if it persists ask an administrator to check the OIDC settings`);
  if (e instanceof errors.JWTExpired) return unauthenticated(`the token expired on ${time(e.payload.exp)}; sign in again`);
  if (e instanceof errors.JWTClaimValidationFailed) {
    const { payload } = e;
    if (e.reason === 'missing') return invalid(`it has no "${e.claim}" claim`);
    switch (e.claim) {
      case 'nbf':
        return invalid(`it is not valid before ${time(payload.nbf)}; if that time has passed, this server's clock is behind the issuer's`);
      case 'aud':
        return invalid(`it is for the audience ${JSON.stringify(payload.aud)}, and this server expects "${v.options.audience}"`);
      case 'iss':
        return invalid(`it was issued by ${JSON.stringify(payload.iss)}, and this server accepts tokens only from "${v.options.issuer}"`);
      case 'iat':
        return invalid(`it claims to be issued in the future (${time(payload.iat)}); check the clocks of this server and the issuer`);
      default:
        return invalid(`its "${e.claim}" claim is not acceptable (${e.message})`);
    }
  }
  if (e instanceof errors.JWKSNoMatchingKey) {
    const { kid, alg } = decodeProtectedHeader(token);
    const which = kid === undefined ? `no key for ${alg} and without kid` : `no key with kid "${kid}"`;
    return invalid(`there is ${which} at ${v.keySource()}; the token was signed with a key this server does not trust`);
  }
  if (e instanceof errors.JOSEAlgNotAllowed) return invalid(`its algorithm is not allowed; this server accepts only ${v.options.algorithms.join(', ')}`);
  if (e instanceof errors.JWSSignatureVerificationFailed) {
    return invalid(v.via === 'dev' ? 'its signature does not match this server\'s development secret; sign in again' : `its signature does not match the key at ${v.keySource()}`);
  }
  if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid || e instanceof errors.JOSENotSupported) return invalid(`it is not a well-formed signed JWT (${e.message})`);
  // Anything else is a fault here, not in the token: let it reach the 500 handler and the log.
  throw e;
}

function principalOf(payload: JWTPayload, v: Verifier, issuer: string | undefined): Principal {
  const subject = payload[v.userClaim];
  if (typeof subject !== 'string' || !subject) {
    const fix = v.via === 'oidc' ? `; configure ${issuer} to include it, or choose another ATRIUM_OIDC_USER_CLAIM` : '';
    throw invalid(`it has no "${v.userClaim}" claim, which names the Atrium user${fix}`);
  }
  // An unverified address could be anyone's; the issuer says so explicitly when it has not checked it.
  if (v.userClaim === 'email' && payload.email_verified === false) throw invalid(`its email ${subject} is not verified at ${issuer}; verify it there and sign in again`);
  const name = typeof payload.name === 'string' ? payload.name : undefined;
  const email = typeof payload.email === 'string' ? payload.email : undefined;
  // These claims reach the database (the subject looks the user up) and the logs: a NUL there would be a server
  // error, a control character a name that reads as another.
  for (const [claim, value] of [[v.userClaim, subject], ['name', name], ['email', email]] as const) {
    const bad = value === undefined ? null : unstorableCharacter(value);
    if (bad) throw invalid(`its "${claim}" claim contains ${bad}, which no user name, name or address may contain`);
  }
  return {
    subject,
    via: v.via,
    admin: v.via === 'dev' && payload.admin === true,
    ...(name ? { name } : {}),
    ...(email ? { email } : {}),
    expiresAt: payload.exp! * 1000,
  };
}

function devSignInOff(issuer: string): string {
  return `development sign-in is off on this server: sign in with ${issuer}`;
}

function unauthenticated(message: string): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, message);
}

/** Token faults share one opening, so clients and people can tell them from provider outages. */
function invalid(reason: string): DomainError {
  return unauthenticated(`the token is not valid for this server: ${reason}`);
}

function time(seconds: unknown): string {
  return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : 'an unknown time';
}

function describeCause(cause: unknown): string {
  if (cause instanceof errors.JWKSTimeout) return 'the request timed out';
  if (typeof cause === 'string') return cause;
  const e = cause as { message?: string; cause?: { code?: string; message?: string } } | undefined;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(cause);
}
