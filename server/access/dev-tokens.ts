import { errors, jwtVerify, SignJWT } from 'jose';
import { DomainError, ErrorCode } from '../domain-error.js';
import type { Actor } from '../graphql/context.js';

const ISSUER = 'atrium-dev';
const AUDIENCE = 'atrium';

/**
 * Development sign-in for the embedded default: HS256 tokens signed with a local secret. The access layer
 * replaces this with OIDC (JWKS) verification; until then it is the only way in, and `npm start` prints a token.
 */
export class DevTokens {
  private readonly key: Uint8Array;
  /** Verified tokens until they expire: verifying a JWT on every request costs ~0.2 ms of CPU. */
  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(actor: Actor, ttl = '12h'): Promise<string> {
    return new SignJWT({ name: actor.name, admin: actor.admin })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(this.key);
  }

  /** The actor of an Authorization header; null without one; UNAUTHENTICATED for a bad or expired token. */
  async authenticate(header: string | undefined | null): Promise<Actor | null> {
    if (!header) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the Authorization header must be "Bearer <token>"');
    const cached = this.verified.get(m[1]);
    if (cached && cached.expiresAt > Date.now()) return cached.actor;
    try {
      const { payload } = await jwtVerify(m[1], this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const actor: Actor = { id: String(payload.sub), name: String(payload.name ?? payload.sub), admin: payload.admin === true };
      if (this.verified.size >= 10_000) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(m[1], { actor, expiresAt: (payload.exp ?? 0) * 1000 });
      return actor;
    } catch (e) {
      const why = e instanceof errors.JWTExpired ? 'the token has expired; sign in again' : 'the token is not valid for this server';
      throw new DomainError(ErrorCode.UNAUTHENTICATED, why);
    }
  }
}
