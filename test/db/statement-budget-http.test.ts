import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallData, importItsm } from '../helpers/itsm.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-database.js';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/test-server.js';

/*
 * One heavy request (a wide OR filter over many rows) must not stop the server. On PostgreSQL it runs beside
 * everything else and statement_timeout cancels it. On PGlite it runs in the database's worker thread: the event
 * loop stays free (/healthz answers), other requests wait for the one connection until the worker is stopped at
 * the budget and the database reopened from its data folder. The heavy request answers TIMEOUT, never 500.
 */

const BUDGET_MS = 3_000;
/** Rows the heavy filter scans: with 300 ILIKE alternatives it runs far past the budget (tens of seconds unbounded). */
const BULK_ROWS = 20_000;
const HEAVY_CONDITIONS = 300;
const HEAVY = `query($f: IncidentFilter) { incidents(filter: $f, first: 50) { totalCount nodes { id number } } }`;
/** The same, with an admin field, so graphql-js executes it instead of the fast path. */
const HEAVY_EXECUTED = `query($f: IncidentFilter) { incidents(filter: $f, first: 50) { totalCount nodes { id number } } metadataVersions(limit: 1) { id } }`;
const heavyFilter = { or: Array.from({ length: HEAVY_CONDITIONS }, (_, i) => ({ shortDescription: { contains: `no such text ${i}` } })) };

const pglite = !process.env.DATABASE_URL;
let database: TestDatabase;
let t: TestServer;
let ada: string;
let someIncident: string;

beforeAll(async () => {
  database = await openTestDatabase({ statementTimeoutMs: BUDGET_MS, onDisk: true });
  t = await startTestServer({
    database,
    config: { statementTimeoutMs: BUDGET_MS, inputLimits: { maxFilterDepth: 10, maxFilterConditions: 10_000, maxListLength: 10_000, maxVariablesDepth: 32 } },
  });
  await importItsm(t);
  await createSmallData(t, 3);
  // Bulk rows straight in SQL, in a transaction without the budget (as publish runs).
  await database.db.transaction(
    (tx) =>
      tx.run({
        sql: `INSERT INTO records.incident (short_description, state, priority, caller, opened_at, category)
              SELECT 'Bulk problem ' || g, 'NEW', 3, (SELECT caller FROM records.incident WHERE caller IS NOT NULL LIMIT 1), now(), 'NETWORK'
              FROM generate_series(1, ${BULK_ROWS}) g`,
        params: [],
      }),
    { statementTimeoutMs: null },
  );
  ada = await t.token({ subject: 'ada' });
  someIncident = (await t.ok(`{ incidents(first: 1) { nodes { id } } }`)).incidents.nodes[0].id;
}, 180_000);
afterAll(async () => {
  await t?.stop();
  await database?.drop();
});

async function incidentCount(): Promise<number> {
  const [row] = await database.db.run<{ n: number }>({ sql: 'SELECT count(*)::int AS n FROM records.incident', params: [] });
  return row!.n;
}

/** Asks /healthz every 50 ms until `pending` settles; returns how many answers came while it was pending. */
async function healthWhile(pending: { settled: boolean }): Promise<number> {
  let answered = 0;
  while (!pending.settled) {
    const res = await fetch(`${t.atrium.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    if (!pending.settled) answered++;
    await new Promise((r) => setTimeout(r, 50));
  }
  return answered;
}

function track<T>(p: Promise<T>): { promise: Promise<T>; settled: boolean } {
  const tracked = { promise: p, settled: false };
  p.finally(() => (tracked.settled = true)).catch(() => {});
  return tracked;
}

function expectTimeout(result: GqlResult): void {
  expect(result.status).toBe(200);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions?.code).toBe('TIMEOUT');
  expect(result.errors![0]!.message).toMatch(/ran past its time budget of 3 s and was stopped; narrow the filter/);
  expect(result.errors![0]!.path).toEqual(['incidents']);
}

describe(`a heavy request on ${pglite ? 'PGlite (worker thread)' : 'PostgreSQL'}`, () => {
  it('leaves /healthz and other users answered, and ends with TIMEOUT', { timeout: 180_000 }, async () => {
    const committed = await incidentCount();
    const heavy = track(t.gql(HEAVY, { f: heavyFilter }));

    // /healthz keeps answering while the heavy statement runs (the event loop is free).
    const health = healthWhile(heavy);
    // Give the heavy request time to reach the database, then ask as another user.
    for (let seen = 0; seen < 3 && !heavy.settled; seen++) await fetch(`${t.atrium.url}/healthz`);
    const light = track(t.gql(`query($id: ID!) { incident(id: $id) { id shortDescription } }`, { id: someIncident }, ada));
    const lightResult = await light.promise;
    expect(lightResult.errors).toBeUndefined();
    expect(lightResult.data.incident.shortDescription).toBeTypeOf('string');
    // On PostgreSQL the light request ran beside the heavy one; on PGlite it waited for the one connection.
    expect(heavy.settled).toBe(pglite);

    expectTimeout(await heavy.promise);
    expect(await health).toBeGreaterThanOrEqual(3);

    // Nothing committed was lost (on PGlite the database was reopened from its folder); writes work.
    expect(await incidentCount()).toBe(committed);
    const created = await t.ok(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id shortDescription } } }`, {
      i: { shortDescription: 'After the heavy request', priority: 2, state: 'NEW' },
    });
    const read = await t.ok(`query($id: ID!) { incident(id: $id) { shortDescription } }`, { id: created.createIncident.incident.id });
    expect(read.incident.shortDescription).toBe('After the heavy request');
    expect(await incidentCount()).toBe(committed + 1);
  });

  it('answers TIMEOUT when graphql-js executes the heavy field too', { timeout: 180_000 }, async () => {
    const result = await t.gql(HEAVY_EXECUTED, { f: heavyFilter });
    expectTimeout(result);
    const again = await t.gql(`{ incidents(first: 1) { totalCount } }`);
    expect(again.errors).toBeUndefined();
    expect(again.data.incidents.totalCount).toBe(await incidentCount());
  });
});
