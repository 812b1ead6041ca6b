import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { metricsAccess, metricsAllowList, type MetricsAccessOptions } from '../../server/http/metrics-access.js';
import { startTestServer } from '../helpers/test-server.js';

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

/** A bare app with only the access check in front of a fake /metrics; `host` is where it listens. */
async function app(opts: MetricsAccessOptions, host = '127.0.0.1'): Promise<string> {
  const server = express()
    .get('/metrics', metricsAccess(opts), (_req, res) => {
      res.type('text/plain').send('atrium_up 1\n');
    })
    .listen(0, host);
  servers.push(server);
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

async function read(url: string, authorization?: string): Promise<{ status: number; body: string; wwwAuthenticate: string | null }> {
  const res = await fetch(url, { headers: authorization ? { authorization } : {} });
  return { status: res.status, body: await res.text(), wwwAuthenticate: res.headers.get('www-authenticate') };
}

function error(status: number, code: string, message: string) {
  return { status, body: JSON.stringify({ errors: [{ message, extensions: { code } }] }) };
}

describe('/metrics access', () => {
  it('is open in development', async () => {
    const url = await app({ production: false, token: 'secret-token', allow: [] });
    expect(await read(url)).toMatchObject({ status: 200, body: 'atrium_up 1\n' });
  });

  it('in production, needs the metrics token: 401 without it (saying how), 403 with another, 200 with it', async () => {
    const url = await app({ production: true, token: 'secret-token', allow: [] });
    expect(await read(url)).toEqual({
      ...error(401, 'UNAUTHENTICATED', '/metrics needs "Authorization: Bearer <ATRIUM_METRICS_TOKEN>" or a client address listed in ATRIUM_METRICS_ALLOW'),
      wwwAuthenticate: 'Bearer realm="metrics"',
    });
    expect(await read(url, 'Bearer secret-tokem')).toMatchObject(error(403, 'FORBIDDEN', 'the Authorization header does not carry the metrics token (ATRIUM_METRICS_TOKEN)'));
    expect(await read(url, 'Bearer secret-token-longer')).toMatchObject({ status: 403 });
    expect(await read(url, 'Basic c2VjcmV0LXRva2Vu')).toMatchObject({ status: 403 });
    expect(await read(url, 'Bearer secret-token')).toMatchObject({ status: 200, body: 'atrium_up 1\n' });
    expect(await read(url, 'bearer   secret-token')).toMatchObject({ status: 200 });
  });

  it('in production, lets in the listed addresses and ranges without a token, by the socket address only', async () => {
    expect(await read(await app({ production: true, token: null, allow: ['127.0.0.1'] }))).toMatchObject({ status: 200 });
    expect(await read(await app({ production: true, token: null, allow: ['127.0.0.0/8'] }))).toMatchObject({ status: 200 });
    const elsewhere = await app({ production: true, token: null, allow: ['10.0.0.0/8', '::1'] });
    expect(await read(elsewhere)).toMatchObject(error(403, 'FORBIDDEN', 'this address may not read /metrics: it is not listed in ATRIUM_METRICS_ALLOW'));
    const forged = await fetch(elsewhere, { headers: { 'x-forwarded-for': '10.1.2.3' } });
    expect(forged.status).toBe(403);
    // Both: the token opens it from anywhere, the list without a token.
    const both = await app({ production: true, token: 'secret-token', allow: ['10.0.0.0/8'] });
    expect(await read(both)).toMatchObject({ status: 401 });
    expect(await read(both, 'Bearer secret-token')).toMatchObject({ status: 200 });
  });

  it('matches an IPv4 client of a dual-stack socket (::ffff:127.0.0.1) against IPv4 entries', async () => {
    expect(await read(await app({ production: true, token: null, allow: ['127.0.0.1'] }, '::'))).toMatchObject({ status: 200 });
  });

  it('in production with neither a token nor addresses, is closed, saying what to set', async () => {
    const url = await app({ production: true, token: null, allow: [] });
    expect(await read(url, 'Bearer anything')).toMatchObject(error(403, 'FORBIDDEN', '/metrics is closed on this server: set ATRIUM_METRICS_TOKEN or ATRIUM_METRICS_ALLOW to let a scraper read it'));
  });

  it('refuses a malformed ATRIUM_METRICS_ALLOW at start, naming the entry', () => {
    expect(() => metricsAllowList(['10.0.0.0/8', '::1', 'fd00::/8', '192.168.1.7'])).not.toThrow();
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/1', '::1/129', '10.0.0.0/x']) {
      expect(() => loadConfig({ ATRIUM_METRICS_ALLOW: `127.0.0.1, ${bad}` }), bad).toThrow(`ATRIUM_METRICS_ALLOW lists "${bad}", which is not an IP address or a CIDR range (like 10.0.0.0/8)`);
    }
    expect(loadConfig({ ATRIUM_METRICS_ALLOW: ' 10.0.0.0/8 , ::1 ', ATRIUM_METRICS_TOKEN: ' t ' }).metrics).toEqual({ token: 't', allow: ['10.0.0.0/8', '::1'] });
  });

  it('guards the server\'s /metrics in production', async () => {
    const t = await startTestServer({ config: { production: true, metrics: { token: 'scrape-me', allow: [] } } });
    try {
      expect((await fetch(`${t.atrium.url}/metrics`)).status).toBe(401);
      const res = await fetch(`${t.atrium.url}/metrics`, { headers: { authorization: 'Bearer scrape-me' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('atrium_graphql_operations_total');
      // The token opens /metrics only: it is no sign-in for the API.
      expect((await t.gql(`{ __typename }`, {}, 'scrape-me')).status).toBe(401);
    } finally {
      await t.stop();
    }
  });
});
