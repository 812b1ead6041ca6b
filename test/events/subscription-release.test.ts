import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, it } from 'vitest';
import WebSocket from 'ws';
import { RecordEventBus } from '../../server/events/record-event-bus.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * What an ended subscription leaves behind: its queue on the record event bus. Nothing public shows it (a queue
 * left registered only collects events for nobody), so the bus is observed from inside.
 */
const buses = new Set<RecordEventBus>();
const subscribe = RecordEventBus.prototype.subscribe;
let t: TestServer;

beforeAll(async () => {
  RecordEventBus.prototype.subscribe = function (this: RecordEventBus, types) {
    buses.add(this);
    return subscribe.call(this, types);
  };
  t = await startTestServer();
});
afterAll(async () => {
  RecordEventBus.prototype.subscribe = subscribe;
  await t?.stop();
});

function queues(): number {
  return [...buses].reduce((n, b) => n + (b as unknown as { subscribers: Set<unknown> }).subscribers.size, 0);
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function connect(token: string): Client {
  return createClient({ url: `${t.atrium.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${token}` }, retryAttempts: 0, shouldRetry: () => false });
}

describe('an ended subscription releases its event queue at once, without waiting for another event', () => {
  it('when the client completes it', async () => {
    const before = queues();
    const client = connect(t.adminToken);
    const dispose = client.subscribe({ query: 'subscription { peopleEvents { kind } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    await until(() => queues() === before + 1, 'subscribing');
    dispose();
    await until(() => queues() === before, 'releasing the queue');
    await client.dispose();
  });

  it('when its token expires', async () => {
    const before = queues();
    const client = connect(await t.atrium.auth.issueDevToken({ subject: 'admin', admin: true }, '3s'));
    const errors: unknown[] = [];
    for (const query of ['subscription { peopleEvents { kind } }', 'subscription { accountsEvents { kind } }']) {
      client.subscribe({ query }, { next: () => {}, error: (e) => errors.push(e), complete: () => {} });
    }
    await until(() => queues() === before + 2, 'subscribing');
    await until(() => errors.length === 2, 'expiring');
    await until(() => queues() === before, 'releasing the queues');
    await client.dispose();
  });
});
