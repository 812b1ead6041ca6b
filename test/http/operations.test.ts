import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { STUDIO_DIST_DIR } from '../../server/http/studio-routes.js';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
});
afterAll(() => t?.stop());

async function metrics(): Promise<string> {
  const res = await fetch(`${t.atrium.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one sample line, e.g. `atrium_graphql_operations_total{type="query",outcome="ok"}`; 0 when absent. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

/** Resolves when a new TCP connection to the server is refused; rejects if one is accepted. */
function connectionRefused(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      reject(new Error('a new connection was accepted'));
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

describe('operations endpoints', () => {
  it('answers /healthz', async () => {
    const res = await fetch(`${t.atrium.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with the metadata version it serves', async () => {
    const versions = await t.ok(`{ metadataVersions(limit: 1) { id } }`);
    const head = versions.metadataVersions[0].id;
    expect(head).toBeGreaterThan(0);
    const res = await fetch(`${t.atrium.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', metadataVersion: head });
  });

  it('counts and times operations and statements in /metrics', async () => {
    const ok = 'atrium_graphql_operations_total{type="query",outcome="ok"}';
    const failed = 'atrium_graphql_operations_total{type="query",outcome="error"}';
    const latency = 'atrium_graphql_operation_duration_seconds_count{type="query"}';
    const statements = 'atrium_db_statement_duration_seconds_count';
    const before = await metrics();

    await t.ok(`{ incidents { totalCount } }`);
    const missing = await t.gql(`{ node(id: "!!!") { id } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('INVALID_ID');

    const after = await metrics();
    expect(after).toMatch(/^# TYPE atrium_graphql_operations_total counter$/m);
    expect(after).toMatch(/^# TYPE atrium_graphql_operation_duration_seconds histogram$/m);
    expect(after).toMatch(/^# TYPE atrium_db_statement_duration_seconds histogram$/m);
    expect(sample(after, ok) - sample(before, ok)).toBe(1);
    expect(sample(after, failed) - sample(before, failed)).toBe(1);
    expect(sample(after, latency) - sample(before, latency)).toBe(2);
    expect(sample(after, 'atrium_graphql_errors_total{code="INVALID_ID"}') - sample(before, 'atrium_graphql_errors_total{code="INVALID_ID"}')).toBe(1);
    expect(sample(after, statements)).toBeGreaterThan(sample(before, statements));
    expect(sample(after, 'atrium_db_statement_duration_seconds_sum')).toBeGreaterThan(0);
  });

  it('serves the explorer to a browser asking GET /graphql for HTML', async () => {
    const res = await fetch(`${t.atrium.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    const text = await res.text();
    if (existsSync(path.join(STUDIO_DIST_DIR, 'explorer.html'))) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(text).toContain('<title>Atrium GraphQL Explorer</title>');
    } else {
      // No studio build in this checkout: the server must say how to make one rather than fail obscurely.
      expect(res.status).toBe(503);
      expect(text).toContain('npm run build');
    }
    // A GraphQL client's GET is still GraphQL (with a header a browser cannot send cross-site without preflight).
    const api = await fetch(`${t.atrium.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

// Last: it stops the server the other tests use.
describe('graceful shutdown', () => {
  it('finishes the request in flight, closes WebSockets and refuses new connections', async () => {
    // A subscriber connected before the stop.
    const socket = new WebSocket(`${t.atrium.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${t.adminToken}` } }));
    const [ack] = await once(socket, 'message');
    expect(JSON.parse(String(ack)).type).toBe('connection_ack');
    const socketClosed = once(socket, 'close');

    // Hold the incident table, so a query on it stays in flight until the test lets go.
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const released = new Promise<void>((r) => (release = r));
    const holder = t.database.db.transaction(async (tx) => {
      await tx.run({ sql: 'LOCK TABLE "records"."incident" IN ACCESS EXCLUSIVE MODE', params: [] });
      locked();
      await released;
    });
    await isLocked;

    const received = once(t.atrium.http.server, 'request');
    let settled = false;
    const inFlight = t.gql(`{ incidents { totalCount } }`).finally(() => (settled = true));
    await received;

    let stopped = false;
    const stopping = t.atrium.stop().then(() => (stopped = true));
    try {
      // Apollo's drain closes the listening socket one turn of the event loop after stop() begins.
      for (const deadline = Date.now() + 2_000; t.atrium.http.server.listening; ) {
        if (Date.now() > deadline) throw new Error('the server kept listening after stop()');
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(await connectionRefused(t.atrium.url)).toBe('ECONNREFUSED');
      expect(settled).toBe(false);
      expect(stopped).toBe(false);
    } finally {
      release();
    }
    await holder;

    const result = await inFlight;
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ incidents: { totalCount: 0 } });
    await stopping;
    expect(stopped).toBe(true);
    await socketClosed;
    expect(socket.readyState).toBe(WebSocket.CLOSED);
    expect(await connectionRefused(t.atrium.url)).toBe('ECONNREFUSED');
  });
});
