import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/itsm/demo-data.js';
import { toGlobalId } from '../../server/graphql/global-id.js';
import { asUser, importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
const tokens: Record<string, string> = {};
let erinIncident: { id: string; version: number };
let otherIncident: string;
let networkIncident: { id: string; version: number };
let accounts: Record<string, string>;
let globexCase: { id: string; version: number };

const JOURNAL = `mutation($i: CreateJournalEntryInput!) { createJournalEntry(input: $i) { journalEntry { id body } } }`;
const as = (who: string, q: string, v: Record<string, unknown> = {}) => t.gql(q, v, tokens[who]);

async function counts() {
  const [row] = await t.atrium.db.run<{ j: number; e: number; c: number }>(
    sql`SELECT (SELECT count(*)::int FROM records.journal_entry) AS j, (SELECT count(*)::int FROM atrium.record_event) AS e, (SELECT count(*)::int FROM records.customer_case) AS c`,
  );
  return row;
}

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  await loadDemoData(asUser(t));
  for (const u of ['erin.employee', 'bob.agent', 'carol.contact', 'dave.contact']) tokens[u] = await t.token({ subject: u });
  const d = await t.ok(`{
    mine: incidents(first: 1, filter: { caller: { userName: { eq: "erin.employee" } } }) { nodes { id version } }
    other: incidents(first: 1, filter: { caller: { userName: { ne: "erin.employee" } }, assignmentGroup: { name: { eq: "Database" } } }) { nodes { id } }
    net: incidents(first: 1, filter: { assignmentGroup: { name: { eq: "Network" } } }) { nodes { id version } }
    accounts { nodes { id name } }
    cases: customerCases(first: 1, filter: { account: { name: { eq: "Globex" } } }) { nodes { id version } } }`);
  erinIncident = d.mine.nodes[0];
  otherIncident = d.other.nodes[0].id;
  networkIncident = d.net.nodes[0];
  accounts = Object.fromEntries(d.accounts.nodes.map((a: { id: string; name: string }) => [a.name, a.id]));
  globexCase = d.cases.nodes[0];
}, 120_000);
afterAll(() => t?.stop());

describe('writes under access rules', () => {
  it('a caller comments on her own incident', async () => {
    const r = await as('erin.employee', JOURNAL, { i: { incident: erinIncident.id, body: 'Still broken' } });
    expect(r.errors).toBeUndefined();
    expect(r.data.createJournalEntry.journalEntry.body).toBe('Still broken');
  });

  it('a reference to a record the writer cannot read is answered like one that does not exist', async () => {
    const before = await counts();
    const hidden = await as('erin.employee', JOURNAL, { i: { incident: otherIncident, body: 'probe' } });
    const missing = await as('erin.employee', JOURNAL, { i: { incident: toGlobalId('Incident', 999_999_999), body: 'probe' } });
    expect(hidden.errors?.[0].extensions?.code).toBe('REFERENCE_NOT_FOUND');
    expect(hidden.errors?.[0].message).toBe('a referenced record does not exist (field incident)');
    expect(missing.errors?.[0]).toMatchObject({ message: hidden.errors?.[0].message, extensions: hidden.errors?.[0].extensions });
    expect(await counts()).toEqual(before);
  });

  it('a create the rules refuse leaves no record and no event', async () => {
    const before = await counts();
    const r = await as('erin.employee', JOURNAL, { i: { incident: erinIncident.id, body: 'a work note', internal: true } });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(r.errors?.[0].message).toMatch(/do not let you create this Journal entry record/);
    expect(await counts()).toEqual(before);
  });

  it('a field the writer may not set is named', async () => {
    const r = await as('erin.employee', `mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id } } }`, {
      i: { shortDescription: 'Urgent!', priority: 1, caller: toGlobalId('Person', 1) },
    });
    expect(r.errors?.[0]).toMatchObject({ message: 'you may not set priority on Incident records', extensions: { code: 'FORBIDDEN', fields: ['priority'] } });
  });

  it('an agent reassigns an incident away from its groups: the change lands, the result is no longer shown', async () => {
    const groups = await t.ok(`{ assignmentGroups(filter: { name: { eq: "Database" } }) { nodes { id } } }`);
    const r = await as('bob.agent', `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id } } }`, {
      i: { id: networkIncident.id, version: networkIncident.version, patch: { assignmentGroup: groups.assignmentGroups.nodes[0].id, assignedTo: null } },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateIncident.incident).toBeNull();
    const now = await t.ok(`query($id: ID!) { incident(id: $id) { assignmentGroup { name } version } }`, { id: networkIncident.id });
    expect(now.incident).toEqual({ assignmentGroup: { name: 'Database' }, version: networkIncident.version + 1 });
    // And it cannot touch it again: unknown to it now.
    const again = await as('bob.agent', `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id } } }`, {
      i: { id: networkIncident.id, version: networkIncident.version + 1, patch: { shortDescription: 'x' } },
    });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a contact reads a case but may not update it; a contact of a child account may not even see it', async () => {
    const upd = `mutation($i: UpdateCustomerCaseInput!) { updateCustomerCase(input: $i) { customerCase { id } } }`;
    const i = { id: globexCase.id, version: globexCase.version, patch: { shortDescription: 'changed' } };
    const carol = await as('carol.contact', upd, { i });
    expect(carol.errors?.[0]).toMatchObject({ message: 'your access rules do not let you update this Case record', extensions: { code: 'FORBIDDEN' } });
    const dave = await as('dave.contact', upd, { i });
    expect(dave.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a contact raises cases for its account tree only', async () => {
    const create = `mutation($i: CreateCustomerCaseInput!) { createCustomerCase(input: $i) { customerCase { number account { name } } } }`;
    const ok = await as('carol.contact', create, { i: { shortDescription: 'Portal down', account: accounts['Globex Europe'] } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.createCustomerCase.customerCase).toMatchObject({ number: expect.stringMatching(/^CS\d{7}$/), account: { name: 'Globex Europe' } });
    const before = await counts();
    const up = await as('dave.contact', create, { i: { shortDescription: 'Portal down', account: accounts.Globex } });
    expect(up.errors?.[0]).toMatchObject({ message: 'a referenced record does not exist (field account)', extensions: { code: 'REFERENCE_NOT_FOUND' } });
    expect(await counts()).toEqual(before);
  });
});
