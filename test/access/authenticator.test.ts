import { exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, UnsecuredJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Authenticator, type OidcOptions } from '../../server/access/authenticator.js';
import { DomainError, ErrorCode } from '../../server/domain-error.js';

const ISSUER = 'https://id.example.test/realms/atrium';
const AUDIENCE = 'atrium-api';
const DEV_SECRET = 'test-secret-of-sufficient-length-123456';

interface SigningKey {
  privateKey: CryptoKey;
  jwk: JWK;
  alg: string;
}

let rsa: SigningKey;
let ec: SigningKey;
/** Same kid as `rsa`, different key: what a forged signature looks like. */
let impostor: SigningKey;
/** `rsa`'s public key as PEM: what a key-confusion attacker uses as an HMAC secret. */
let rsaSpkiPem: string;

async function signingKey(alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }, alg };
}

beforeAll(async () => {
  rsa = await signingKey('RS256', 'rsa-1');
  ec = await signingKey('ES256', 'ec-1');
  impostor = await signingKey('RS256', 'rsa-1');
  rsaSpkiPem = await exportSPKI((await importJWK(rsa.jwk, 'RS256', { extractable: true })) as CryptoKey);
});

const now = () => Math.floor(Date.now() / 1000);

/** A token as the provider would issue it, with `claims` overriding (undefined removes a claim). */
function issue(claims: JWTPayload = {}, key: SigningKey = rsa, header: Record<string, unknown> = {}): Promise<string> {
  const payload: JWTPayload = { iss: ISSUER, aud: AUDIENCE, sub: 'u-123', exp: now() + 3600, iat: now(), name: 'Ada Lovelace', email: 'ada@example.test', preferred_username: 'ada', ...claims };
  for (const k of Object.keys(payload)) if (payload[k] === undefined) delete payload[k];
  return new SignJWT(payload).setProtectedHeader({ alg: key.alg, kid: key.jwk.kid, ...header }).sign(key.privateKey);
}

function oidc(overrides: Partial<OidcOptions> = {}): OidcOptions {
  return { issuer: ISSUER, audience: AUDIENCE, jwks: { keys: [rsa.jwk, ec.jwk] }, algorithms: ['RS256', 'ES256'], userClaim: 'sub', ...overrides };
}

/** The DomainError `promise` rejects with, for asserting code and message together. */
async function failure(promise: Promise<unknown>): Promise<{ code: ErrorCode; message: string }> {
  const e = await promise.then(
    () => expect.fail('expected a rejection'),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  const { code, message } = e as DomainError;
  return { code, message };
}

const bearer = (token: string) => `Bearer ${token}`;

describe('Authenticator with an OIDC provider', () => {
  const auth = () => new Authenticator({ devSecret: DEV_SECRET, oidc: oidc() });

  it('answers null without a header', async () => {
    expect(await auth().authenticate(undefined)).toBeNull();
    expect(await auth().authenticate(null)).toBeNull();
    expect(await auth().authenticate('')).toBeNull();
  });

  it('accepts an RS256 token and names the user by sub, carrying when the token expires', async () => {
    const exp = now() + 3600;
    expect(await auth().authenticate(bearer(await issue({ exp })))).toEqual({ subject: 'u-123', via: 'oidc', admin: false, name: 'Ada Lovelace', email: 'ada@example.test', expiresAt: exp * 1000 });
  });

  it('accepts an ES256 token', async () => {
    expect((await auth().authenticate(bearer(await issue({}, ec))))?.subject).toBe('u-123');
  });

  it('never makes an OIDC user the bootstrap admin, whatever the token claims', async () => {
    expect((await auth().authenticate(bearer(await issue({ admin: true }))))?.admin).toBe(false);
  });

  it.each([
    ['email', 'ada@example.test'],
    ['preferred_username', 'ada'],
  ])('names the user by the %s claim when configured', async (userClaim, subject) => {
    const a = new Authenticator({ oidc: oidc({ userClaim }) });
    expect((await a.authenticate(bearer(await issue())))?.subject).toBe(subject);
  });

  it('turns dev sign-in off and refuses to issue development tokens', async () => {
    const a = auth();
    expect(a.devSignIn).toBe(false);
    expect(await failure(a.issueDevToken({ subject: 'admin', admin: true }))).toEqual({
      code: ErrorCode.FORBIDDEN,
      message: `development sign-in is off on this server: sign in with ${ISSUER}`,
    });
  });

  it('refuses a development token, naming the provider to sign in with', async () => {
    const devToken = await new Authenticator({ devSecret: DEV_SECRET }).issueDevToken({ subject: 'admin', admin: true });
    expect(await failure(auth().authenticate(bearer(devToken)))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: `development sign-in is off on this server: sign in with ${ISSUER}`,
    });
  });

  it('refuses a header without the Bearer scheme', async () => {
    expect(await failure(auth().authenticate(`Basic ${Buffer.from('admin:admin').toString('base64')}`))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'the Authorization header must be "Bearer <token>"',
    });
  });

  it('refuses a malformed token', async () => {
    expect(await failure(auth().authenticate('Bearer not-a-token'))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'the token is not valid for this server: it is not a well-formed JWT; send the token exactly as it was issued',
    });
  });

  it('refuses an expired token, saying when it expired', async () => {
    const exp = now() - 60;
    expect(await failure(auth().authenticate(bearer(await issue({ exp }))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: `the token expired on ${new Date(exp * 1000).toISOString()}; sign in again`,
    });
  });

  it('refuses a token that is not valid yet, saying from when', async () => {
    const nbf = now() + 600;
    const { code, message } = await failure(auth().authenticate(bearer(await issue({ nbf }))));
    expect(code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(message).toBe(`the token is not valid for this server: it is not valid before ${new Date(nbf * 1000).toISOString()}; if that time has passed, this server's clock is behind the issuer's`);
  });

  it('accepts a token not valid yet by less than the clock tolerance', async () => {
    const a = new Authenticator({ oidc: oidc({ clockToleranceSeconds: 60 }) });
    expect((await a.authenticate(bearer(await issue({ nbf: now() + 30 }))))?.subject).toBe('u-123');
  });

  it('refuses a token for another audience, saying which audience is expected', async () => {
    expect(await failure(auth().authenticate(bearer(await issue({ aud: 'another-app' }))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: `the token is not valid for this server: it is for the audience "another-app", and this server expects "${AUDIENCE}"`,
    });
  });

  it('refuses a token from another issuer, saying which issuer is expected', async () => {
    expect(await failure(auth().authenticate(bearer(await issue({ iss: 'https://evil.example.test' }))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: `the token is not valid for this server: it was issued by "https://evil.example.test", and this server accepts tokens only from "${ISSUER}"`,
    });
  });

  it('refuses an unsigned (alg: none) token', async () => {
    const unsigned = new UnsecuredJWT({ name: 'Mallory' }).setSubject('mallory').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').encode();
    expect(await failure(auth().authenticate(bearer(unsigned)))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'the token is not valid for this server: unsigned tokens (alg "none") are refused',
    });
  });

  it('refuses HS256 signed with the RSA public key (key confusion)', async () => {
    const forged = await new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'mallory', exp: now() + 3600 })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .sign(new TextEncoder().encode(rsaSpkiPem));
    expect(await failure(auth().authenticate(bearer(forged)))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'the token is not valid for this server: it is signed with HS256, and this server accepts only RS256, ES256',
    });
  });

  it('refuses an algorithm the provider is not pinned to', async () => {
    const a = new Authenticator({ oidc: oidc({ algorithms: ['RS256'] }) });
    expect(await failure(a.authenticate(bearer(await issue({}, ec))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'the token is not valid for this server: it is signed with ES256, and this server accepts only RS256',
    });
  });

  it('refuses a token whose kid is not in the JWKS', async () => {
    expect(await failure(auth().authenticate(bearer(await issue({}, rsa, { kid: 'retired-2019' }))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: `the token is not valid for this server: there is no key with kid "retired-2019" at the JWKS configured on this server; the token was signed with a key this server does not trust`,
    });
  });

  it('refuses a bad signature', async () => {
    expect(await failure(auth().authenticate(bearer(await issue({}, impostor))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'the token is not valid for this server: its signature does not match the key at the JWKS configured on this server',
    });
  });

  it('refuses a token without the user claim, saying which claim and how to fix it', async () => {
    const a = new Authenticator({ oidc: oidc({ userClaim: 'preferred_username' }) });
    expect(await failure(a.authenticate(bearer(await issue({ preferred_username: undefined }))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: `the token is not valid for this server: it has no "preferred_username" claim, which names the Atrium user; configure ${ISSUER} to include it, or choose another ATRIUM_OIDC_USER_CLAIM`,
    });
  });

  it('refuses a token without exp', async () => {
    expect(await failure(auth().authenticate(bearer(await issue({ exp: undefined }))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'the token is not valid for this server: it has no "exp" claim',
    });
  });

  it('refuses an email the provider has not verified when email names the user', async () => {
    const a = new Authenticator({ oidc: oidc({ userClaim: 'email' }) });
    expect(await failure(a.authenticate(bearer(await issue({ email_verified: false }))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: `the token is not valid for this server: its email ada@example.test is not verified at ${ISSUER}; verify it there and sign in again`,
    });
  });

  it('refuses a NUL byte or another control character in the claims that reach the database, naming the claim', async () => {
    const cases: [Record<string, string>, OidcOptions['userClaim'], string][] = [
      [{ sub: 'u-\u0000123' }, 'sub', 'its "sub" claim contains a NUL byte (U+0000)'],
      [{ preferred_username: 'ada\u0000' }, 'preferred_username', 'its "preferred_username" claim contains a NUL byte (U+0000)'],
      [{ sub: 'u-123\n' }, 'sub', 'its "sub" claim contains a control character (U+000A)'],
      [{ name: 'Ada\u0000 Lovelace' }, 'sub', 'its "name" claim contains a NUL byte (U+0000)'],
      [{ email: 'ada\u009b@example.test' }, 'sub', 'its "email" claim contains a control character (U+009B)'],
    ];
    for (const [claims, userClaim, reason] of cases) {
      const a = new Authenticator({ oidc: oidc({ userClaim }) });
      expect(await failure(a.authenticate(bearer(await issue(claims))))).toEqual({
        code: ErrorCode.UNAUTHENTICATED,
        message: `the token is not valid for this server: ${reason}, which no user name, name or address may contain`,
      });
    }
  });

  it('refuses HS* and none as configured algorithms', () => {
    expect(() => new Authenticator({ oidc: oidc({ algorithms: ['RS256', 'HS256'] }) })).toThrow(/remove HS256/);
    expect(() => new Authenticator({ oidc: oidc({ algorithms: ['none'] }) })).toThrow(/remove none/);
  });

  describe('verified-token cache', () => {
    afterEach(() => vi.useRealTimers());

    it('keeps a verified token only until it expires', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const a = auth();
      const token = await issue({ exp: now() + 5 });
      expect((await a.authenticate(bearer(token)))?.subject).toBe('u-123');
      expect((await a.authenticate(bearer(token)))?.subject).toBe('u-123');
      vi.setSystemTime(Date.now() + 10_000);
      expect((await failure(a.authenticate(bearer(token)))).message).toMatch(/^the token expired on /);
    });
  });
});

describe('Authenticator with a remote JWKS', () => {
  let server: Server;
  let base: string;
  const hits = { jwks: 0, discovery: 0 };
  let jwksStatus = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/jwks') {
        hits.jwks++;
        res.writeHead(jwksStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [rsa.jwk, ec.jwk] }));
      } else if (req.url === '/.well-known/openid-configuration') {
        hits.discovery++;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks` }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    jwksStatus = 200;
  });

  it('verifies against the keys fetched from jwksUrl, fetching them once', async () => {
    const a = new Authenticator({ oidc: oidc({ jwks: undefined, jwksUrl: `${base}/jwks` }) });
    const before = hits.jwks;
    expect((await a.authenticate(bearer(await issue())))?.via).toBe('oidc');
    expect((await a.authenticate(bearer(await issue({}, ec))))?.subject).toBe('u-123');
    expect(hits.jwks - before).toBe(1);
  });

  it('discovers the JWKS URL from the issuer when none is configured', async () => {
    const a = new Authenticator({ oidc: oidc({ issuer: base, jwks: undefined }) });
    expect((await a.authenticate(bearer(await issue({ iss: base }))))?.subject).toBe('u-123');
    expect(hits.discovery).toBeGreaterThan(0);
  });

  it('names the JWKS URL when the kid is unknown there', async () => {
    const a = new Authenticator({ oidc: oidc({ jwks: undefined, jwksUrl: `${base}/jwks` }) });
    expect(await failure(a.authenticate(bearer(await issue({}, rsa, { kid: 'rotated-away' }))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: `the token is not valid for this server: there is no key with kid "rotated-away" at the issuer's JWKS (${base}/jwks); the token was signed with a key this server does not trust`,
    });
  });

  it('says the provider keys could not be fetched when the JWKS endpoint is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const a = new Authenticator({ oidc: oidc({ jwks: undefined, jwksUrl: url }) });
    expect(await failure(a.authenticate(bearer(await issue())))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: `the identity provider's keys could not be fetched from ${url} (ECONNREFUSED); try again shortly, and if it persists ask an administrator to check the OIDC settings`,
    });
  });

  it('says the provider keys could not be fetched when the JWKS endpoint fails', async () => {
    jwksStatus = 500;
    const a = new Authenticator({ oidc: oidc({ jwks: undefined, jwksUrl: `${base}/jwks` }) });
    const { code, message } = await failure(a.authenticate(bearer(await issue())));
    expect(code).toBe(ErrorCode.UNAUTHENTICATED);
    expect(message).toBe(`the identity provider's keys could not be fetched from ${base}/jwks (Expected 200 OK from the JSON Web Key Set HTTP response); try again shortly, and if it persists ask an administrator to check the OIDC settings`);
  });
});

describe('Authenticator with development sign-in', () => {
  const auth = () => new Authenticator({ devSecret: DEV_SECRET });

  it('is on without an OIDC provider', () => {
    expect(auth().devSignIn).toBe(true);
    expect(new Authenticator({}).devSignIn).toBe(false);
  });

  it('issues tokens it accepts, carrying name and the admin claim', async () => {
    const a = auth();
    expect(await a.authenticate(bearer(await a.issueDevToken({ subject: 'admin', name: 'Demo Admin', admin: true })))).toEqual({ subject: 'admin', via: 'dev', admin: true, name: 'Demo Admin', expiresAt: expect.any(Number) });
    const pat = await a.issueDevToken({ subject: 'pat' }, '10m');
    const { exp } = JSON.parse(Buffer.from(pat.split('.')[1], 'base64url').toString()) as { exp: number };
    expect(await a.authenticate(bearer(pat))).toEqual({ subject: 'pat', via: 'dev', admin: false, expiresAt: exp * 1000 });
  });

  it('refuses a development token whose subject holds a NUL byte', async () => {
    const a = auth();
    expect(await failure(a.authenticate(bearer(await a.issueDevToken({ subject: 'pat\u0000; DROP' }))))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'the token is not valid for this server: its "sub" claim contains a NUL byte (U+0000), which no user name, name or address may contain',
    });
  });

  it('refuses a development token signed with another secret', async () => {
    const other = await new Authenticator({ devSecret: 'another-secret-of-sufficient-length-000' }).issueDevToken({ subject: 'admin', admin: true });
    expect(await failure(auth().authenticate(bearer(other)))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: "the token is not valid for this server: its signature does not match this server's development secret; sign in again",
    });
  });

  it('refuses an expired development token', async () => {
    const { message } = await failure(auth().authenticate(bearer(await auth().issueDevToken({ subject: 'admin' }, '-1m'))));
    expect(message).toMatch(/^the token expired on .*; sign in again$/);
  });

  it('refuses an OIDC token, naming the algorithm it accepts', async () => {
    expect(await failure(auth().authenticate(bearer(await issue())))).toEqual({
      code: ErrorCode.UNAUTHENTICATED,
      message: 'the token is not valid for this server: it is signed with RS256, and this server accepts only HS256',
    });
  });

  it('refuses every token when no sign-in is configured', async () => {
    expect((await failure(new Authenticator({}).authenticate(bearer(await auth().issueDevToken({ subject: 'x' }))))).message).toBe(
      'this server has no sign-in configured: set ATRIUM_OIDC_ISSUER or ATRIUM_DEV_TOKEN_SECRET',
    );
  });
});
