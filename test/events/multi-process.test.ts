import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestServer } from '../helpers/test-server.js';
import { startTwoProcesses, type TwoProcesses } from '../helpers/two-processes.js';

// Two servers share one database only on PostgreSQL (PGlite lives inside one process); CI runs both drivers.
describe.skipIf(!process.env.DATABASE_URL)('two server processes over one PostgreSQL database', () => {
  let servers: TwoProcesses;
  let a: TestServer;
  let b: TestServer;
  let client: Client | undefined;

  beforeAll(async () => {
    servers = await startTwoProcesses();
    ({ a, b } = servers);
  });
  afterAll(async () => {
    await client?.dispose();
    await servers?.stop();
  });

  it('serves a record type published on A from B within a second', async () => {
    await a.ok(`mutation { saveRecordTypeDraft(input: { name: "gadget", label: "Gadget", fields: [{ name: "title", label: "Title", type: STRING }] }) { name } }`);
    const published = await a.ok(`mutation { publishMetadata(message: "add gadget") { version { id } } }`);
    const publishedAt = Date.now();

    let answer = await b.gql(`{ gadgets { totalCount } }`);
    while (answer.errors && Date.now() - publishedAt < 1_000) {
      await new Promise((r) => setTimeout(r, 25));
      answer = await b.gql(`{ gadgets { totalCount } }`);
    }
    expect(answer.errors).toBeUndefined();
    expect(answer.data.gadgets.totalCount).toBe(0);
    expect(Date.now() - publishedAt).toBeLessThan(1_000);
    const ready = await (await fetch(`${b.atrium.url}/readyz`)).json();
    expect(ready).toEqual({ status: 'ready', metadataVersion: Number(published.publishMetadata.version.id) });
  });

  it('delivers a write on A to a subscriber on B', async () => {
    type GadgetEvent = { kind: string; recordId: string; version: number; record: { title: string } | null };
    const received: GadgetEvent[] = [];
    let failure: unknown = null;
    let wake = () => {};
    client = createClient({
      url: `${b.atrium.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${b.adminToken}` },
      retryAttempts: 0,
    });
    client.subscribe<{ gadgetsEvents: GadgetEvent }>(
      { query: `subscription { gadgetsEvents { kind recordId version record { title } } }` },
      {
        next: (r) => {
          if (r.errors) failure = r.errors;
          else received.push(r.data!.gadgetsEvents);
          wake();
        },
        error: (e) => {
          failure = e ?? new Error('subscription failed');
          wake();
        },
        complete: () => {},
      },
    );
    /** Whether an event about `id` reached B within `ms`. */
    const arrived = (id: string, ms: number) =>
      new Promise<boolean>((resolve) => {
        const done = () => !!failure || received.some((e) => e.recordId === id);
        const timer = setTimeout(() => resolve(done()), ms);
        wake = () => {
          if (!done()) return;
          clearTimeout(timer);
          resolve(true);
        };
        wake();
      });
    const create = async (title: string): Promise<string> =>
      (await a.ok(`mutation($t: String!) { createGadget(input: { title: $t }) { gadget { id } } }`, { t: title })).createGadget.gadget.id;

    // B registers the subscription a few asynchronous steps after the client sends it: probe until it is live.
    const probes = new Set<string>();
    for (let live = false, start = Date.now(); !live; ) {
      if (Date.now() - start > 5_000) throw new Error('the subscription on B never went live');
      const probe = await create('probe');
      probes.add(probe);
      live = await arrived(probe, 250);
      if (failure) throw new Error(`the subscription on B failed: ${JSON.stringify(failure)}`);
    }

    const id = await create('written on A');
    expect(await arrived(id, 5_000)).toBe(true);
    expect(failure).toBeNull();
    expect(received.filter((e) => !probes.has(e.recordId))).toEqual([{ kind: 'CREATED', recordId: id, version: 1, record: { title: 'written on A' } }]);
  });
});
