import { sql } from 'drizzle-orm';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadDemoData } from '../../seeds/itsm/demo-data.js';
import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import { fromGlobalId, toGlobalId } from '../../server/records/global-id.js';
import { asUser } from '../helpers/itsm.js';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/test-server.js';

/**
 * Regressions for the classes of access leak seen in peer products, one test each, on the demo data and rules.
 * One rule is added to the seeded ones: resolution notes are for agents only, so a hidden *text* field exists.
 */
const RESOLUTION_NOTES_RULE = `name: incident_resolution_notes_read
description: Resolution notes are for agents (test-only rule, to have a hidden text field).
recordType: incident
field: resolution_notes
operation: read
criteria: [agents]
`;

let t: TestServer;
const tokens = new Map<string, string>();
type Row = Record<string, any>;

async function as(user: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult> {
  if (!tokens.has(user)) tokens.set(user, await t.token({ subject: user }));
  return t.gql(query, variables, tokens.get(user)!);
}
async function ok(user: string, query: string, variables: Record<string, unknown> = {}): Promise<Row> {
  const r = await as(user, query, variables);
  expect(r.errors, query).toBeUndefined();
  return r.data;
}
/** The one error of a refused operation: its code and the field it names. */
async function refused(user: string, query: string, variables: Record<string, unknown> = {}): Promise<[unknown, unknown][]> {
  const r = await as(user, query, variables);
  expect(r.data ?? null, query).toBeNull();
  return (r.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.field]);
}
async function one<T extends Row>(statement: ReturnType<typeof sql>): Promise<T> {
  return (await t.atrium.db.run<T>(statement))[0];
}
const idOf = async (userName: string) => (await one<{ id: string }>(sql`SELECT id::text AS id FROM records.person WHERE user_name = ${userName}`)).id;
const groupId = async (name: string) => (await one<{ id: string }>(sql`SELECT id::text AS id FROM records.assignment_group WHERE name = ${name}`)).id;

let erin: string;
beforeAll(async () => {
  t = await startTestServer();
  const files = [...(await readPack(...DEMO_PACKS)), { path: 'acls/incident_resolution_notes_read.yaml', content: RESOLUTION_NOTES_RULE }];
  await t.ok(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "leaks") { applied } }`, { f: files });
  await loadDemoData(asUser(t));
  erin = await idOf('erin.employee');
  // Every incident of erin's gets resolution notes she must never see or probe.
  await t.atrium.db.run(sql`UPDATE records.incident SET resolution_notes = 'root cause: secret-' || id WHERE caller = ${erin}`);
}, 180_000);
afterAll(() => t?.stop());

describe('leak regressions', () => {
  // Leak class: a filter on a field the user cannot read is silently dropped (or applied), so which rows come back
  // reveals the hidden values. It must be refused, wherever in the filter it sits.
  it('filtering on a hidden field is refused with FORBIDDEN naming it, also nested and in reverse connections', async () => {
    const tw = { timeWorked: { gt: 'PT1H' } };
    const cases: [string, Record<string, unknown>][] = [
      [`query($f: IncidentFilter) { incidents(filter: $f) { nodes { id } } }`, { f: tw }],
      [`query($f: IncidentFilter) { incidents(filter: $f) { nodes { id } } }`, { f: { or: [tw, { state: { eq: 'NEW' } }] } }],
      [`query($f: IncidentFilter) { incidents(filter: $f) { nodes { id } } }`, { f: { not: tw } }],
      [`query($f: IncidentFilter) { people { nodes { incidentsByCaller(filter: $f) { nodes { id } } } } }`, { f: tw }],
    ];
    for (const [q, v] of cases) expect(await refused('erin.employee', q, v), JSON.stringify(v)).toEqual([['FORBIDDEN', 'timeWorked']]);
    // The control: agents may.
    expect((await ok('alice.agent', cases[0][0], cases[0][1])).incidents.nodes.length).toBeGreaterThan(0);
  });

  // Leak class: text search (contains / startsWith) over a hidden field lets a user guess its content a letter at a
  // time; and a search over a readable type must not match rows the user cannot read (work notes).
  it('searching a hidden text field is refused; a search only matches readable rows', async () => {
    for (const op of ['contains', 'startsWith', 'endsWith', 'eq'])
      expect(await refused('erin.employee', `{ incidents(filter: { resolutionNotes: { ${op}: "secret" } }) { totalCount } }`)).toEqual([['FORBIDDEN', 'resolutionNotes']]);
    const mine = await ok('erin.employee', `{ incidents(first: 100) { nodes { resolutionNotes } } }`);
    expect(mine.incidents.nodes.length).toBeGreaterThan(0);
    expect(mine.incidents.nodes.every((n: Row) => n.resolutionNotes === null)).toBe(true);
    // The control: an agent may search them (erin's incidents in alice's queue).
    const queue = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.incident WHERE caller = ${erin} AND (assignment_group = ${await groupId('Service Desk')} OR assigned_to = ${await idOf('alice.agent')})`);
    const agent = await ok('alice.agent', `{ incidents(filter: { resolutionNotes: { contains: "secret" } }) { totalCount } }`);
    expect(agent.incidents.totalCount).toBe(queue.n);
    // "Update 1" is only ever written as a work note: on erin's incidents it exists, but not for her.
    const hidden = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.journal_entry j JOIN records.incident i ON i.id = j.record WHERE i.caller = ${erin} AND j.body ILIKE '%Update 1%'`);
    expect(hidden.n).toBeGreaterThan(0);
    const found = await ok('erin.employee', `{ journalEntries(filter: { body: { contains: "Update 1" } }) { totalCount nodes { id } } }`);
    expect([found.journalEntries.totalCount, found.journalEntries.nodes]).toEqual([0, []]);
  });

  // Leak class: counts. `totalCount` / aggregate counts with a filter on a hidden field answer "how many records
  // have value X" without returning a row; an isNull test answers "is it set".
  it('counts with a filter on a hidden field are refused', async () => {
    const queries = [
      `{ incidents(filter: { timeWorked: { gte: "PT8H" } }) { totalCount } }`,
      `{ incidentsAggregate(filter: { timeWorked: { gte: "PT8H" } }) { count } }`,
      `{ incidentsAggregate(filter: { resolutionNotes: { isNull: false } }) { count } }`,
      `{ tasksAggregate { count } incidentsAggregate(filter: { timeWorked: { isNull: true } }) { count } }`,
    ];
    for (const q of queries) {
      const errors = await refused('erin.employee', q);
      expect(errors.length, q).toBe(1);
      expect(errors[0][0]).toBe('FORBIDDEN');
      expect(['timeWorked', 'resolutionNotes']).toContain(errors[0][1]);
    }
  });

  // Leak class: group-by computed over all rows (then filtered), so bucket counts include records the user
  // cannot read, or buckets exist only because of them.
  it('group-by counts only readable rows, and shows no bucket that only unreadable rows fill', async () => {
    const d = await ok('alice.agent', `{ incidentsAggregate(groupBy: [ASSIGNMENT_GROUP, STATE]) { count groups { count key { assignmentGroup { name } state } } } }`);
    const alice = await idOf('alice.agent');
    const sd = await groupId('Service Desk');
    const rows = await t.atrium.db.run<{ g: string; s: string; n: number }>(sql`SELECT g.name AS g, upper(i.state) AS s, count(*)::int AS n FROM records.incident i JOIN records.assignment_group g ON g.id = i.assignment_group WHERE i.assignment_group = ${sd} OR i.assigned_to = ${alice} GROUP BY 1, 2`);
    const got = d.incidentsAggregate.groups.map((g: Row) => `${g.key.assignmentGroup.name}|${g.key.state}=${g.count}`).sort();
    expect(got).toEqual(rows.map((r) => `${r.g}|${r.s}=${r.n}`).sort());
    expect(d.incidentsAggregate.count).toBe(rows.reduce((a, r) => a + r.n, 0));
    // erin's journal grouped by kind: only comments, never a bucket of work notes.
    const j = await ok('erin.employee', `{ journalEntriesAggregate(groupBy: [KIND]) { count groups { count key { kind } } } }`);
    const comments = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.journal_entry j JOIN records.incident i ON i.id = j.record WHERE i.caller = ${erin} AND j.kind = 'comment'`);
    expect(j.journalEntriesAggregate.groups).toEqual([{ count: comments.n, key: { kind: 'COMMENT' } }]);
  });

  // Leak class (found here, fixed): grouping by a reference whose targets the user cannot read kept one bucket per hidden
  // target. The keys are null, but the buckets still partition the rows by the hidden value: pat learns how many
  // distinct groups (and contacts) work on Umbrella's cases and how many cases each has.
  it('group-by a reference to unreadable records gives one null bucket, not one per hidden target', async () => {
    const d = await ok('pat.partner', `{ customerCasesAggregate(groupBy: [ASSIGNMENT_GROUP]) { count groups { count key { assignmentGroup { id } } } } }`);
    expect(d.customerCasesAggregate.groups).toEqual([{ count: d.customerCasesAggregate.count, key: { assignmentGroup: null } }]);
  });

  // Leak class: traversal. A filter through a reference into a type the user has no read rule on must not match,
  // or it becomes an oracle over the hidden type (who is in which group, who holds which role).
  it('relation traversal into a type the user cannot read matches nothing', async () => {
    const bob = toGlobalId('Person', await idOf('bob.agent'));
    const d = await ok(
      'erin.employee',
      `query($bob: ID!) { groupMembers { totalCount } roleGrants { totalCount } groupMembersAggregate { count }
        byPerson: groupMembers(filter: { person: { userName: { eq: "bob.agent" } } }) { totalCount }
        bob: person(id: $bob) { groupMemberships { totalCount } roleGrants { totalCount } } }`,
      { bob },
    );
    expect(d).toEqual({ groupMembers: { totalCount: 0 }, roleGrants: { totalCount: 0 }, groupMembersAggregate: { count: 0 }, byPerson: { totalCount: 0 }, bob: { groupMemberships: { totalCount: 0 }, roleGrants: { totalCount: 0 } } });
    const member = await one<{ id: string }>(sql`SELECT id::text AS id FROM records.group_member LIMIT 1`);
    expect((await ok('erin.employee', `{ node(id: "${toGlobalId('GroupMember', member.id)}") { id } }`)).node).toBeNull();
    // pat reads Umbrella's cases but no group: a filter through the group matches none of them.
    const p = await ok('pat.partner', `{ all: customerCases { totalCount } sd: customerCases(filter: { assignmentGroup: { name: { eq: "Service Desk" } } }) { totalCount } }`);
    expect(p.all.totalCount).toBeGreaterThan(0);
    expect(p.sd.totalCount).toBe(0);
  });

  // Leak class (found here, fixed): the by-id form of a reference filter (`…Id`) skipped the target's read check that the
  // traversal form applies. pat sees `assignmentGroup: null` and `contact: null` on Umbrella's cases, and the
  // traversal filter matches none; yet `assignmentGroupId: { eq }` / `contactId: { eq }` tell which hidden group or
  // contact each case has (ids are sequential, so they can be enumerated).
  it('filtering by the id of an unreadable reference target matches nothing, like the traversal', async () => {
    const sd = toGlobalId('AssignmentGroup', await groupId('Service Desk'));
    const contact = toGlobalId('Person', await idOf('contact1'));
    const d = await ok('pat.partner', `query($g: ID!, $c: ID!) {
      byGroupId: customerCases(filter: { assignmentGroupId: { eq: $g } }) { totalCount nodes { assignmentGroup { id } } }
      byGroup: customerCases(filter: { assignmentGroup: { id: { eq: $g } } }) { totalCount }
      byContactId: customerCases(filter: { contactId: { eq: $c } }) { totalCount nodes { contact { id } } } }`, { g: sd, c: contact });
    expect(d.byGroup.totalCount).toBe(0);
    expect(d.byGroupId.totalCount).toBe(d.byGroup.totalCount);
    expect(d.byContactId.totalCount).toBe(0);
  });

  // Leak class: a reverse relation from a record the user may read lists (or counts) children the user may not.
  it('reverse relations from readable records only reach readable children', async () => {
    const withNotes = await one<{ id: string; notes: number; all: number }>(
      sql`SELECT i.id::text AS id, count(*) FILTER (WHERE j.kind = 'work_note')::int AS notes, count(*)::int AS "all" FROM records.incident i JOIN records.journal_entry j ON j.record = i.id WHERE i.caller = ${erin} GROUP BY i.id ORDER BY count(*) DESC LIMIT 1`,
    );
    expect(withNotes.notes).toBeGreaterThan(0);
    const d = await ok('erin.employee', `{ incident(id: "${toGlobalId('Incident', withNotes.id)}") { journalEntries { totalCount nodes { kind } } } }`);
    expect(d.incident.journalEntries.totalCount).toBe(withNotes.all - withNotes.notes);
    expect(d.incident.journalEntries.nodes.map((n: Row) => n.kind)).toEqual(Array(withNotes.all - withNotes.notes).fill('COMMENT'));

    const sd = await groupId('Service Desk');
    const alice = await idOf('alice.agent');
    const expected = await one<{ g: number; a: number }>(
      sql`SELECT count(*) FILTER (WHERE assignment_group = ${sd})::int AS g, count(*) FILTER (WHERE assigned_to = ${alice})::int AS a FROM records.incident WHERE caller = ${erin}`,
    );
    const g = await ok('erin.employee', `{ assignmentGroup(id: "${toGlobalId('AssignmentGroup', sd)}") { memberships { totalCount } roleGrants { totalCount } tasksByAssignmentGroup { totalCount } }
      person(id: "${toGlobalId('Person', alice)}") { tasksByAssignedTo { totalCount } groupMemberships { totalCount } } }`);
    expect(g).toEqual({
      assignmentGroup: { memberships: { totalCount: 0 }, roleGrants: { totalCount: 0 }, tasksByAssignmentGroup: { totalCount: expected.g } },
      person: { tasksByAssignedTo: { totalCount: expected.a }, groupMemberships: { totalCount: 0 } },
    });

    // pat reads Umbrella (served) and its cases, not its contacts.
    const umbrella = await one<{ id: string; contacts: number; cases: number }>(
      sql`SELECT a.id::text AS id, (SELECT count(*)::int FROM records.person p WHERE p.account = a.id) AS contacts, (SELECT count(*)::int FROM records.customer_case c WHERE c.account = a.id) AS cases FROM records.account a WHERE a.name = 'Umbrella'`,
    );
    expect(umbrella.contacts).toBeGreaterThan(0);
    const p = await ok('pat.partner', `{ account(id: "${toGlobalId('Account', umbrella.id)}") { contacts { totalCount } cases { totalCount } } }`);
    expect(p.account).toEqual({ contacts: { totalCount: 0 }, cases: { totalCount: umbrella.cases } });
  });

  // Leak class: cursors that serialize the whole row (or hidden sort values) hand hidden data to anyone who
  // base64-decodes them. A cursor holds the order's signature, the readable sort values and the id: nothing else.
  it('cursors carry only the signature, the readable sort values and the id', async () => {
    const decode = (c: string) => JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    const page = async (user: string, list: string, orderBy: string, fields: string) =>
      (await ok(user, `{ l: ${list}(first: 5${orderBy ? `, orderBy: [${orderBy}]` : ''}) { edges { cursor node { id ${fields} } } } }`)).l.edges as Row[];
    for (const e of await page('erin.employee', 'incidents', 'PRIORITY_ASC', 'priority')) {
      expect(decode(e.cursor)).toEqual(['priority:a,id:a', e.node.priority, fromGlobalId(e.node.id).id]);
      expect(Buffer.from(e.cursor, 'base64url').toString()).not.toMatch(/PT\d|secret/);
    }
    for (const e of await page('erin.employee', 'incidents', '', '')) expect(decode(e.cursor)).toEqual(['id:a', fromGlobalId(e.node.id).id]);
    for (const e of await page('pat.partner', 'customerCases', 'STATE_DESC', 'state')) expect(decode(e.cursor)).toEqual(['state:d,id:d', e.node.state.toLowerCase(), fromGlobalId(e.node.id).id]);
    // An agent's cursor over time worked carries it (the agent may read it); erin cannot reuse it to sort by it.
    const agent = await page('alice.agent', 'incidents', 'TIME_WORKED_DESC', 'timeWorked');
    expect(decode(agent[0].cursor)).toEqual(['time_worked:d,id:d', agent[0].node.timeWorked, fromGlobalId(agent[0].node.id).id]);
    expect(await refused('erin.employee', `query($a: String) { incidents(orderBy: [TIME_WORKED_DESC], after: $a) { nodes { id } } }`, { a: agent[0].cursor })).toEqual([['FORBIDDEN', 'timeWorked']]);
  });
});

describe('subscriptions re-check access per event', () => {
  const clients: Client[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
  });

  /** Every event of one subscription, in arrival order. */
  function subscribe(token: string, query: string): { events: Row[]; until: (recordId: string, ms: number) => Promise<boolean> } {
    const client = createClient({ url: `${t.atrium.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { Authorization: `Bearer ${token}` }, retryAttempts: 0, shouldRetry: () => false });
    clients.push(client);
    const events: Row[] = [];
    client.subscribe<Row>({ query }, { next: (r) => events.push(r.errors ? { errors: r.errors } : Object.values(r.data!)[0]), error: (e) => events.push({ errors: [e] }), complete: () => {} });
    const until = async (recordId: string, ms: number) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (events.some((e) => e.recordId === recordId)) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    };
    return { events, until };
  }
  const createIncident = async (input: Row) => (await t.ok(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id } } }`, { i: input })).createIncident.incident.id as string;
  const touch = async (id: string, text: string) => {
    const { version } = (await t.ok(`{ incident(id: "${id}") { version } }`)).incident;
    await t.ok(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id } } }`, { i: { id, version, patch: { shortDescription: text } } });
  };
  /** The subscription is live once an event of a probe the subscriber may read arrives (the server registers it asynchronously). */
  async function live(feed: ReturnType<typeof subscribe>, caller: string): Promise<void> {
    for (let i = 0; i < 25; i++) {
      const probe = await createIncident({ shortDescription: 'probe', caller });
      if (await feed.until(probe, 200)) return;
    }
    throw new Error('the subscription did not go live');
  }

  // Leak class: access checked only when subscribing. After bob leaves his group, updates of its incidents must
  // stop reaching him, although his subscription started while he could read them.
  it('bob stops receiving a group incident once his membership is removed', async () => {
    const bob = toGlobalId('Person', await idOf('bob.agent'));
    const netOps = await groupId('Network Operations');
    const target = await one<{ id: string }>(sql`SELECT id::text AS id FROM records.incident WHERE assignment_group = ${netOps} AND assigned_to IS DISTINCT FROM ${await idOf('bob.agent')} ORDER BY id LIMIT 1`);
    const incident = toGlobalId('Incident', target.id);
    const feed = subscribe(await t.token({ subject: 'bob.agent' }), `subscription { incidentsEvents { kind recordId record { id timeWorked } } }`);
    await live(feed, bob);

    await touch(incident, 'seen by bob');
    expect(await feed.until(incident, 5_000)).toBe(true);
    expect(feed.events.find((e) => e.recordId === incident)!.record.timeWorked).not.toBeNull();

    const membership = await one<{ id: string }>(sql`SELECT id::text AS id FROM records.group_member WHERE person = ${fromGlobalId(bob).id} AND assignment_group = ${netOps}`);
    await t.ok(`mutation($i: DeleteGroupMemberInput!) { deleteGroupMember(input: $i) { deletedId } }`, { i: { id: toGlobalId('GroupMember', membership.id) } });
    const before = feed.events.length;
    await touch(incident, 'not for bob any more');
    // Events arrive in order: the next one bob may read (his own incident) proves the update was passed over.
    const own = await createIncident({ shortDescription: 'bob calls', caller: bob });
    expect(await feed.until(own, 5_000)).toBe(true);
    expect(feed.events.slice(before).map((e) => e.recordId)).toEqual([own]);
  });

  // Leak class: who changed a record. An event's actor and the record's createdBy/updatedBy are user names: a
  // subscriber who may read the record but not the person who changed it must not learn the name.
  it('carol receives case events without the names of users she may not read (actor, createdBy, updatedBy)', async () => {
    const globex = toGlobalId('Account', (await one<{ id: string }>(sql`SELECT id::text AS id FROM records.account WHERE name = 'Globex'`)).id);
    const CASE = `mutation($i: CreateCustomerCaseInput!) { createCustomerCase(input: $i) { customerCase { id } } }`;
    const feed = subscribe(await t.token({ subject: 'carol.contact' }), `subscription { customerCasesEvents { kind recordId actor record { id createdBy updatedBy } } }`);
    let own: string | null = null;
    for (let i = 0; i < 25 && !own; i++) {
      const id = (await ok('carol.contact', CASE, { i: { shortDescription: 'probe', account: globex } })).createCustomerCase.customerCase.id as string;
      if (await feed.until(id, 200)) own = id;
    }
    expect(own).not.toBeNull();
    expect(feed.events.find((e) => e.recordId === own)).toEqual({ kind: 'CREATED', recordId: own, actor: 'carol.contact', record: { id: own, createdBy: 'carol.contact', updatedBy: 'carol.contact' } });
    const byAdmin = (await t.ok(CASE, { i: { shortDescription: 'raised by the service desk', account: globex } })).createCustomerCase.customerCase.id as string;
    expect(await feed.until(byAdmin, 5_000)).toBe(true);
    expect(feed.events.find((e) => e.recordId === byAdmin)).toEqual({ kind: 'CREATED', recordId: byAdmin, actor: null, record: { id: byAdmin, createdBy: null, updatedBy: null } });
    // The control: the record does carry a name.
    expect((await t.ok(`query($id: ID!) { customerCase(id: $id) { createdBy } }`, { id: byAdmin })).customerCase.createdBy).toBe('admin');
  });

  it('erin only receives events of her own incidents, with hidden fields null', async () => {
    const other = toGlobalId('Person', await idOf('user1'));
    const feed = subscribe(await t.token({ subject: 'erin.employee' }), `subscription { incidentsEvents { kind recordId record { id timeWorked resolutionNotes } } }`);
    await live(feed, toGlobalId('Person', erin));
    const before = feed.events.length;
    const theirs = await createIncident({ shortDescription: 'not erin', caller: other });
    const hers = await createIncident({ shortDescription: 'erin again', caller: toGlobalId('Person', erin), timeWorked: 'PT2H', resolutionNotes: 'secret' });
    expect(await feed.until(hers, 5_000)).toBe(true);
    expect(feed.events.slice(before)).toEqual([{ kind: 'CREATED', recordId: hers, record: { id: hers, timeWorked: null, resolutionNotes: null } }]);
    expect(theirs).not.toBe(hers);
  });
});
