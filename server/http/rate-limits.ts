import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import type { Logger } from 'pino';
import { ErrorCode } from '../domain-error.js';

const WINDOW_MS = 60_000;

/** What each limiter counts, as its 429 names it. */
interface LimitedPath {
  /** The policy name in the RateLimit headers. */
  policy: string;
  /** What the client sent too many of, for the message. */
  what: string;
  perMinute: number;
  /** Requests this limiter does not count. */
  skip?: (req: Request) => boolean;
}

/**
 * Requests per minute per client address, on the paths anyone can call without signing in: development sign-in
 * (`/auth/dev/*`) and anonymous GraphQL requests (no Authorization header; registration is one). Signed-in
 * requests are not counted: their cost is bounded by the other limits, and a token's holder is accountable.
 *
 * A limit of 0 turns that limiter off. Counts are kept in memory, per process: behind several processes a client
 * gets the limit from each. The client address is the socket's (`req.ip`); behind a reverse proxy every client
 * shares the proxy's address unless Express is told to trust it.
 */
export function rateLimits(limits: { anonymousPerMinute: number; signInPerMinute: number }, log: Logger): { signIn: RequestHandler; anonymousGraphql: RequestHandler } {
  return {
    signIn: limiter({ policy: 'sign-in', what: 'sign-in requests', perMinute: limits.signInPerMinute }, log),
    anonymousGraphql: limiter(
      { policy: 'anonymous', what: 'requests without sign-in', perMinute: limits.anonymousPerMinute, skip: (req) => !!req.headers.authorization },
      log,
    ),
  };
}

function limiter(path: LimitedPath, log: Logger): RequestHandler {
  if (!(path.perMinute > 0)) return (_req: Request, _res: Response, next: NextFunction) => next();
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: path.perMinute,
    // RateLimit and RateLimit-Policy (IETF draft 8 of the RateLimit header fields), and Retry-After on a 429.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: path.policy,
    ...(path.skip ? { skip: path.skip } : {}),
    logger: { error: (err, message) => log.error({ err }, message ?? 'rate limiter error'), warn: (err, message) => log.warn({ err }, message ?? 'rate limiter warning') },
    handler: (req, res) => {
      const info = (req as Request & { rateLimit: RateLimitInfo }).rateLimit;
      const seconds = info.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(WINDOW_MS / 1000);
      res.status(429).json({
        errors: [
          {
            message: `too many ${path.what} from your address: at most ${info.limit} a minute; try again in ${seconds} s`,
            extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: seconds },
          },
        ],
      });
    },
  });
}
