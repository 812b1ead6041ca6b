import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/itsm/demo-data.js';
import { fromGlobalId, toGlobalId } from '../../server/records/global-id.js';
import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import { asUser } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** Test-only: resolution notes are readable (to agents) only once an incident is resolved or closed. */
const NOTES_RULE = `name: incident_resolution_notes_read_resolved
description: Resolution notes show once resolved (test-only rule, to have a field readable on some records only).
recordType: incident
field: resolution_notes
operation: read
criteria: [agents]
condition: { field: state, op: in, value: [resolved, closed] }
`;

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
  // Resolution notes cannot be written before resolution here, so resolving cannot require them (as the pack's model does).
  const files = [
    ...(await readPack(...DEMO_PACKS)).map((f) => (f.path === 'state-models/incident.yaml' ? { ...f, content: f.content.replace(', requires: [resolution_notes, close_code]', '') } : f)),
    { path: 'acls/incident_resolution_notes_read_resolved.yaml', content: NOTES_RULE },
  ];
  await t.ok(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "write rules") { applied } }`, { f: files });
  await loadDemoData(asUser(t));
  for (const u of ['erin.employee', 'alice.agent', 'bob.agent', 'carol.contact', 'dave.contact']) tokens[u] = await t.token({ subject: u });
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
    const r = await as('erin.employee', JOURNAL, { i: { record: erinIncident.id, body: 'Still broken' } });
    expect(r.errors).toBeUndefined();
    expect(r.data.createJournalEntry.journalEntry.body).toBe('Still broken');
  });

  it('a reference to a record the writer cannot read is answered like one that does not exist', async () => {
    const before = await counts();
    const hidden = await as('erin.employee', JOURNAL, { i: { record: otherIncident, body: 'probe' } });
    const missing = await as('erin.employee', JOURNAL, { i: { record: toGlobalId('Incident', 999_999_999), body: 'probe' } });
    expect(hidden.errors?.[0].extensions?.code).toBe('REFERENCE_NOT_FOUND');
    expect(hidden.errors?.[0].message).toBe('a referenced record does not exist (field record)');
    expect(missing.errors?.[0]).toMatchObject({ message: hidden.errors?.[0].message, extensions: hidden.errors?.[0].extensions });
    expect(await counts()).toEqual(before);
  });

  it('a create the rules refuse leaves no record and no event', async () => {
    const before = await counts();
    const r = await as('erin.employee', JOURNAL, { i: { record: erinIncident.id, body: 'a work note', kind: 'WORK_NOTE' } });
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

describe('server-set fields: the author and the time written', () => {
  const ALICE = async () => toGlobalId('Person', (await t.atrium.db.run<{ id: string }>(sql`SELECT id::text AS id FROM records.person WHERE user_name = 'alice.agent'`))[0].id);

  it('a forged author or writtenAt is refused naming the field, and leaves no record and no event', async () => {
    const before = await counts();
    const forged = await as('erin.employee', JOURNAL, { i: { record: erinIncident.id, body: 'signed by an agent', author: await ALICE() } });
    expect(forged.data ?? null).toBeNull();
    expect(forged.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(forged.errors![0].message).toContain('Field "author" is not defined by type "CreateJournalEntryInput"');
    const backdated = await as('erin.employee', `mutation { createJournalEntry(input: { record: "${erinIncident.id}", body: "old", writtenAt: "2020-01-01T00:00:00Z" }) { journalEntry { id } } }`);
    expect(backdated.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(backdated.errors![0].message).toContain('"writtenAt"');
    const patch = await t.ok(`{ __type(name: "JournalEntryPatch") { inputFields { name } } }`);
    expect(patch.__type.inputFields.map((f: { name: string }) => f.name)).toEqual(['record', 'kind', 'body']);
    expect(await counts()).toEqual(before);
  });

  it('the server signs an entry with the writer and the time of the write; the development admin has no person record', async () => {
    const from = Date.now() - 60_000;
    const r = await as('erin.employee', `mutation($i: CreateJournalEntryInput!) { createJournalEntry(input: $i) { journalEntry { author { userName } writtenAt createdBy } } }`, {
      i: { record: erinIncident.id, body: 'Signed' },
    });
    expect(r.errors).toBeUndefined();
    const entry = r.data.createJournalEntry.journalEntry;
    expect(entry).toMatchObject({ author: { userName: 'erin.employee' }, createdBy: 'erin.employee' });
    expect(Date.parse(entry.writtenAt)).toBeGreaterThan(from);
    expect(Date.parse(entry.writtenAt)).toBeLessThan(Date.now() + 60_000);
    const admin = await t.ok(`mutation($i: CreateJournalEntryInput!) { createJournalEntry(input: $i) { journalEntry { author { id } writtenAt } } }`, { i: { record: erinIncident.id, body: 'by the bootstrap admin' } });
    expect(admin.createJournalEntry.journalEntry.author).toBeNull();
    expect(admin.createJournalEntry.journalEntry.writtenAt).not.toBeNull();
    // The demo wrote every entry signed in as its author: author and createdBy agree everywhere.
    const [odd] = await t.atrium.db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.journal_entry j LEFT JOIN records.person p ON p.id = j.author WHERE p.user_name IS DISTINCT FROM j.sys_created_by AND j.sys_created_by <> 'admin'`);
    expect(odd.n).toBe(0);
  });
});

describe('writing a field the writer cannot read', () => {
  const CREATE = `mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id state } } }`;
  const UPDATE = `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { version } } }`;
  const TRANSITION = `mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { version } } }`;
  const erinId = async () => toGlobalId('Person', (await t.atrium.db.run<{ id: string }>(sql`SELECT id::text AS id FROM records.person WHERE user_name = 'erin.employee'`))[0].id);
  const incidents = async () => (await t.atrium.db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.incident`))[0].n;

  it('is refused before SQL, naming the field, when no rule lets the writer read it anywhere (erin and timeWorked)', async () => {
    const before = await incidents();
    for (const timeWorked of ['PT8H', null]) {
      const r = await as('erin.employee', CREATE, { i: { shortDescription: 'mine', caller: await erinId(), timeWorked } });
      expect(r.errors?.[0]).toMatchObject({ message: 'you may not set timeWorked on Incident records', extensions: { code: 'FORBIDDEN', fields: ['timeWorked'] } });
    }
    expect(await incidents()).toBe(before);
    // The control: an agent reads time worked, so it may set it.
    const groups = await t.ok(`{ assignmentGroups(filter: { name: { eq: "Network" } }) { nodes { id } } }`);
    const bob = await as('bob.agent', CREATE, { i: { shortDescription: 'logged', assignmentGroup: groups.assignmentGroups.nodes[0].id, timeWorked: 'PT1H' } });
    expect(bob.errors).toBeUndefined();
  });

  it('is refused by the statement, naming the field, where a record condition hides it (resolution notes before resolution)', async () => {
    const sd = (await t.ok(`{ assignmentGroups(filter: { name: { eq: "Service Desk" } }) { nodes { id } } }`)).assignmentGroups.nodes[0].id;
    const before = await counts();
    const open = await as('alice.agent', CREATE, { i: { shortDescription: 'notes too early', assignmentGroup: sd, state: 'NEW', resolutionNotes: 'fixed' } });
    expect(open.errors?.[0]).toMatchObject({ message: 'your access rules do not let you set resolutionNotes on this Incident record', extensions: { code: 'FORBIDDEN', fields: ['resolutionNotes'] } });
    expect(await counts()).toEqual(before);
    const created = await as('alice.agent', CREATE, { i: { shortDescription: 'to resolve', assignmentGroup: sd } });
    expect(created.errors).toBeUndefined();
    const id = created.data.createIncident.incident.id;
    const started = await as('alice.agent', TRANSITION, { i: { id, version: 1, to: 'IN_PROGRESS' } });
    expect(started.errors).toBeUndefined();
    const early = await as('alice.agent', UPDATE, { i: { id, version: 2, patch: { resolutionNotes: 'guess' } } });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', fields: ['resolutionNotes'] } });
    const resolved = await as('alice.agent', TRANSITION, { i: { id, version: 2, to: 'RESOLVED' } });
    expect(resolved.data.transitionIncident.incident.version).toBe(3);
    const notes = await as('alice.agent', UPDATE, { i: { id, version: 3, patch: { resolutionNotes: 'rebooted' } } });
    expect(notes.errors).toBeUndefined();
  });
});

describe('createdBy and updatedBy follow the person read rules', () => {
  it('a contact sees neither the admin nor agents who wrote its cases, but sees itself; admins see all', async () => {
    const carol = await as('carol.contact', `{ customerCases(first: 100) { nodes { id createdBy updatedBy } } }`);
    expect(carol.errors).toBeUndefined();
    const nodes = carol.data.customerCases.nodes as { id: string; createdBy: string | null; updatedBy: string | null }[];
    expect(nodes.length).toBeGreaterThan(0);
    const stored = new Map((await t.atrium.db.run<{ id: string; by: string }>(sql`SELECT id::text AS id, sys_created_by AS by FROM records.customer_case`)).map((r) => [r.id, r.by]));
    for (const n of nodes) {
      const by = stored.get(String(fromGlobalId(n.id).id));
      expect(n.createdBy, n.id).toBe(by === 'carol.contact' ? 'carol.contact' : null);
    }
    const admin = await t.ok(`{ customerCases(first: 100) { nodes { createdBy } } }`);
    expect(admin.customerCases.nodes.every((n: { createdBy: string }) => n.createdBy !== null)).toBe(true);
  });

  it('a user name with no person behind it reads as null to all but admins; erin sees the agents who wrote to her', async () => {
    await t.atrium.db.run(sql`UPDATE records.journal_entry SET sys_updated_by = 'ghost' WHERE id = (SELECT j.id FROM records.journal_entry j JOIN records.incident i ON i.id = j.record JOIN records.person p ON p.id = i.caller WHERE p.user_name = 'erin.employee' AND j.kind = 'comment' ORDER BY j.id LIMIT 1)`);
    const erin = await as('erin.employee', `{ journalEntries(first: 100) { nodes { id author { userName } createdBy updatedBy } } }`);
    const nodes = erin.data.journalEntries.nodes as { id: string; author: { userName: string } | null; createdBy: string | null; updatedBy: string | null }[];
    expect(nodes.filter((n) => n.updatedBy === null).length).toBe(1);
    // Agents are employees too: erin may read them, so she sees who wrote (the author is the same person).
    for (const n of nodes) if (n.author) expect(n.createdBy).toBe(n.author.userName);
    const ghost = nodes.find((n) => n.updatedBy === null)!;
    const admin = await t.ok(`query($id: ID!) { journalEntry(id: $id) { updatedBy } }`, { id: ghost.id });
    expect(admin.journalEntry.updatedBy).toBe('ghost');
    const alice = await as('alice.agent', `query($id: ID!) { node(id: $id) { ... on JournalEntry { updatedBy } } }`, { id: ghost.id });
    expect(alice.data.node === null || alice.data.node.updatedBy === null).toBe(true);
  });
});
