import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetadataService } from '../../server/metadata/index.js';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * A server that has not swapped to the newest metadata yet — a process whose NOTIFY is still on its way, or a
 * request in flight during the publish — must still answer requests built for the version it serves. Here the
 * server stops hearing of publishes and another publisher (as another process would) changes the metadata before
 * each request; the request's retry is what swaps the server to the newest version.
 */
describe('requests built for the previous metadata version', () => {
  let t: TestServer;
  let elsewhere: MetadataService;

  beforeAll(async () => {
    t = await startTestServer();
    await importItsm(t);
    await t.ok(`mutation { createIncident(input: { shortDescription: "before the publishes", impact: HIGH }) { incident { id } } }`);
    await t.atrium.registry.gateway().stop();
    elsewhere = new MetadataService(t.atrium.db, { prepare: () => null, activate: () => {} });
  });
  afterAll(() => t?.stop());

  /** Publishes a rename of incident's impact field (and more) without this server hearing of it. */
  async function publishElsewhere(from: string, to: string, more?: () => Promise<unknown>): Promise<number> {
    const served = t.atrium.registry.current.version;
    await elsewhere.renameField('incident', from, to, 'other-admin');
    await more?.();
    await elsewhere.publishDrafts('other-admin', `rename ${from} to ${to}`);
    return served;
  }

  it('creates without the renamed or a new required field: the columns fill their defaults', async () => {
    const served = await publishElsewhere('impact', 'business_impact', () =>
      elsewhere.addField(
        'incident',
        { name: 'channel', label: 'Channel', type: 'choice', required: true, default: 'phone', choices: [{ value: 'phone', label: 'Phone' }, { value: 'web', label: 'Web' }] },
        'other-admin',
      ),
    );
    const r = await t.gql(`mutation { createIncident(input: { shortDescription: "minimal" }) { incident { number impact } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.createIncident.incident.impact).toBe('MEDIUM');
    const [row] = await t.atrium.db.run<{ business_impact: string; channel: string }>({ sql: `SELECT business_impact, channel FROM records.incident WHERE short_description = 'minimal'`, params: [] });
    expect(row).toEqual({ business_impact: 'medium', channel: 'phone' });
    expect(t.atrium.registry.current.version).toBeGreaterThan(served);
  });

  it('creates with a field by the name it had: built again for the newest version', async () => {
    await publishElsewhere('business_impact', 'impact_level');
    const r = await t.gql(`mutation { createIncident(input: { shortDescription: "old name", businessImpact: LOW }) { incident { businessImpact } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.createIncident.incident.businessImpact).toBe('LOW');
    const [row] = await t.atrium.db.run<{ impact_level: string }>({ sql: `SELECT impact_level FROM records.incident WHERE short_description = 'old name'`, params: [] });
    expect(row.impact_level).toBe('low');
  });

  it('updates a field by the name it had', async () => {
    const d = await t.ok(`mutation { createIncident(input: { shortDescription: "to update" }) { incident { id version } } }`);
    const { id, version } = d.createIncident.incident;
    await publishElsewhere('impact_level', 'impact_rating');
    const r = await t.gql(`mutation($id: ID!, $v: Int!) { updateIncident(input: { id: $id, version: $v, patch: { impactLevel: HIGH } }) { incident { impactLevel version } } }`, { id, v: version });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateIncident.incident).toEqual({ impactLevel: 'HIGH', version: version + 1 });
  });

  it('reads with the old names in filter, order and selection, through a view too', async () => {
    await publishElsewhere('impact_rating', 'impact_grade');
    const r = await t.gql(`{ incidents(filter: { impactRating: { eq: HIGH } }, orderBy: [IMPACT_RATING_DESC]) { nodes { shortDescription impactRating } } tasks(first: 50) { nodes { ... on Incident { impactRating } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.incidents.nodes.map((n: { shortDescription: string }) => n.shortDescription).sort()).toEqual(['before the publishes', 'to update']);
    expect(r.data.tasks.nodes.filter((n: { impactRating: string }) => n.impactRating === 'HIGH')).toHaveLength(2);
  });

  it('serves the newest names from then on', async () => {
    const r = await t.gql(`{ incidents(filter: { impactGrade: { eq: LOW } }) { nodes { shortDescription channel } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.incidents.nodes).toEqual([{ shortDescription: 'old name', channel: 'PHONE' }]);
  });
});

describe('record numbers and lost races', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer();
    await importItsm(t);
  });
  afterAll(() => t?.stop());

  it('grows numbers past seven digits without cutting them (no INC1000000 after INC9999999)', async () => {
    await t.atrium.db.run({ sql: `SELECT setval('records_seq.incident', 9999998)`, params: [] });
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await t.ok(`mutation { createIncident(input: { shortDescription: "n${i}" }) { incident { number } } }`);
      numbers.push(d.createIncident.incident.number);
    }
    expect(numbers).toEqual(['INC9999999', 'INC10000000', 'INC10000001']);
  });
});

// Two writers at the same moment need two connections: PostgreSQL only (PGlite has one, so it cannot interleave them).
describe.skipIf(!process.env.DATABASE_URL)('an update that waits on a row another transaction changes', () => {
  let t: TestServer;
  let other: postgres.Sql;

  beforeAll(async () => {
    t = await startTestServer();
    await importItsm(t);
    other = postgres(t.database.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await other?.end();
    await t?.stop();
  });

  /** Runs `change` in another transaction, sends the update while that transaction holds the row, then commits. */
  async function raced(change: (tx: postgres.TransactionSql, rowId: number) => Promise<unknown>) {
    const d = await t.ok(`mutation { createIncident(input: { shortDescription: "raced" }) { incident { id version } } }`);
    const { id, version } = d.createIncident.incident;
    const rowId = Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
    let answer: Promise<Awaited<ReturnType<TestServer['gql']>>> | undefined;
    await other.begin(async (tx) => {
      await change(tx, rowId);
      answer = t.gql(`mutation($id: ID!, $v: Int!) { updateIncident(input: { id: $id, version: $v, patch: { shortDescription: "mine" } }) { incident { id } } }`, { id, v: version });
      // Long enough for the update to reach the row and wait for this transaction's lock.
      await new Promise((r) => setTimeout(r, 300));
    });
    return answer!;
  }

  it('answers NOT_FOUND when it lost to a delete (not a CONFLICT about the version it sent)', async () => {
    const r = await raced((tx, rowId) => tx`DELETE FROM records.incident WHERE id = ${rowId}`);
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(r.errors?.[0].message).toMatch(/deleted meanwhile/);
  });

  it('answers CONFLICT with the new version when it lost to an update', async () => {
    const r = await raced((tx, rowId) => tx`UPDATE records.incident SET sys_version = sys_version + 1, short_description = 'theirs' WHERE id = ${rowId}`);
    expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(r.errors?.[0].extensions?.currentVersion).toBe(2);
  });
});
