import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import { ErrorCode } from '../domain-error.js';

export interface MetricsAccessOptions {
  production: boolean;
  /** The bearer token that reads /metrics (ATRIUM_METRICS_TOKEN). */
  token: string | null;
  /** Client addresses (or CIDR ranges) that read /metrics without a token (ATRIUM_METRICS_ALLOW). */
  allow: string[];
}

/**
 * The addresses of ATRIUM_METRICS_ALLOW: single addresses (`10.0.0.7`, `::1`) or ranges (`10.0.0.0/8`). Throws,
 * naming the variable, for an entry that is neither, so a typo fails the start instead of closing /metrics.
 */
export function metricsAllowList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const max = family === 4 ? 32 : 128;
    if (!family || rest.length || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= max && /^\d+$/.test(prefix))))
      throw new Error(`ATRIUM_METRICS_ALLOW lists "${entry}", which is not an IP address or a CIDR range (like 10.0.0.0/8)`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

/**
 * Who may read /metrics. In development anyone (the start banner says so). In production: a request with
 * `Authorization: Bearer <ATRIUM_METRICS_TOKEN>`, or one from an address in ATRIUM_METRICS_ALLOW; otherwise
 * 401 when a token would let it in, 403 when nothing would (a wrong token, or neither variable set).
 */
export function metricsAccess(opts: MetricsAccessOptions): RequestHandler {
  if (!opts.production) return (_req: Request, _res: Response, next: NextFunction) => next();
  const allow = metricsAllowList(opts.allow);
  const token = opts.token ? Buffer.from(opts.token) : null;
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
    if (token && bearer !== undefined && sameSecret(Buffer.from(bearer), token)) return next();
    if (fromAllowed(allow, req.socket.remoteAddress)) return next();
    const deny = (status: 401 | 403, message: string) => {
      if (status === 401) res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(status).json({ errors: [{ message, extensions: { code: status === 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN } }] });
    };
    if (!token && !opts.allow.length) return deny(403, '/metrics is closed on this server: set ATRIUM_METRICS_TOKEN or ATRIUM_METRICS_ALLOW to let a scraper read it');
    if (header) return deny(403, token ? 'the Authorization header does not carry the metrics token (ATRIUM_METRICS_TOKEN)' : 'this address may not read /metrics, and no metrics token is configured');
    if (!token) return deny(403, 'this address may not read /metrics: it is not listed in ATRIUM_METRICS_ALLOW');
    return deny(401, '/metrics needs "Authorization: Bearer <ATRIUM_METRICS_TOKEN>" or a client address listed in ATRIUM_METRICS_ALLOW');
  };
}

/** The socket's address, not a forwarded one: a header anyone can send must not open /metrics. */
function fromAllowed(allow: BlockList, address: string | undefined): boolean {
  if (!address) return false;
  // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; the list names it as a.b.c.d.
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return v4 ? allow.check(v4, 'ipv4') : allow.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

function sameSecret(given: Buffer, expected: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}
