import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import { withoutIncidentSlas } from '../helpers/itsm.js';
import type { MetadataFile } from '../../server/metadata/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * State models over GraphQL HTTP: records start in the initial state, change state only through transition<Type>,
 * and every refused move names the moves allowed from where the record is, for the user asking.
 */

/** Test-only criteria: members of the Service Desk group. */
const SERVICE_DESK = `name: service_desk
label: Service desk
groups: [Service Desk]
`;

/** A task type without a state model of its own: it keeps the state choices its field declares. */
const CHORE = `name: chore
label: Chore
extends: task
numberPrefix: CHR
fields:
  - { name: effort, label: Effort, type: integer }
`;

/** The pack's incident model, with a condition on putting on hold and closing kept for the service desk. */
const MODEL = (extra = '') => `name: incident
label: Incident lifecycle
recordType: incident
initial: new
states:
  - { name: new, label: New, category: new }
  - { name: in_progress, label: In progress, category: in_progress }
  - { name: on_hold, label: On hold, category: on_hold }
  - { name: resolved, label: Resolved, category: resolved }
  - { name: closed, label: Closed, category: closed }
  - { name: cancelled, label: Cancelled, category: cancelled }
transitions:
  - { from: new, to: in_progress, label: Start work, criteria: [agents] }
  - { from: new, to: cancelled, label: Cancel, criteria: [agents] }
  - { from: in_progress, to: on_hold, label: Put on hold, criteria: [agents], condition: { field: assigned_to, op: is_not_empty } }
  - { from: on_hold, to: in_progress, label: Resume, criteria: [agents] }
  - { from: in_progress, to: resolved, label: Resolve, criteria: [agents], requires: [resolution_notes, close_code] }
  - { from: in_progress, to: cancelled, label: Cancel, criteria: [agents] }
  - { from: resolved, to: in_progress, label: Reopen }
  - { from: resolved, to: closed, label: Close, criteria: [service_desk] }
${extra}`;

let t: TestServer;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let baseFiles: MetadataFile[];

const as = (who: string, q: string, v: Record<string, unknown> = {}) => (who === 'admin' ? t.gql(q, v) : t.gql(q, v, tokens[who]));
const CREATE = `mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id version state } } }`;
const UPDATE = `mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id version state } } }`;
const TRANSITION = `mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { clientMutationId incident { id version state resolutionNotes closeCode assignedTo { name } } } }`;
const READ = `query($id: ID!) { incident(id: $id) { version state availableTransitions { to label requires } } }`;

async function importFiles(files: MetadataFile[]) {
  return t.gql(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "states") { applied } }`, { f: files });
}

async function create(who: string, input: Record<string, unknown>) {
  const r = await as(who, CREATE, { i: { shortDescription: 'VPN drops', assignmentGroup: ids['Service Desk'], ...input } });
  expect(r.errors).toBeUndefined();
  return r.data.createIncident.incident as { id: string; version: number; state: string };
}

async function move(who: string, id: string, version: number, to: string, patch?: Record<string, unknown>) {
  return as(who, TRANSITION, { i: { id, version, to, patch, clientMutationId: 'm' } });
}

async function moved(who: string, id: string, version: number, to: string, patch?: Record<string, unknown>) {
  const r = await move(who, id, version, to, patch);
  expect(r.errors).toBeUndefined();
  return r.data.transitionIncident.incident as { id: string; version: number; state: string };
}

beforeAll(async () => {
  t = await startTestServer();
  baseFiles = [
    // Without the packs' incident SLAs: they pause on on_hold, which these tests remove from the model (an SLA naming
    // a removed state is refused at validation, before the check of records holding it that is tested here).
    ...withoutIncidentSlas(await readPack(...DEMO_PACKS)).filter((f) => f.path !== 'state-models/incident.yaml'),
    { path: 'user-criteria/service_desk.yaml', content: SERVICE_DESK },
    { path: 'record-types/chore.yaml', content: CHORE },
  ];
  const imported = await importFiles([...baseFiles, { path: 'state-models/incident.yaml', content: MODEL() }]);
  expect(imported.errors).toBeUndefined();
  const make = async (type: string, input: Record<string, unknown>) => {
    const field = type.charAt(0).toLowerCase() + type.slice(1);
    const r = await t.ok(`mutation($i: Create${type}Input!) { create${type}(input: $i) { ${field} { id } } }`, { i: input });
    return r[`create${type}`][field].id as string;
  };
  const role = await make('Role', { name: 'agent' });
  for (const g of ['Service Desk', 'Network']) {
    ids[g] = await make('AssignmentGroup', { name: g });
    await make('RoleGrant', { role, assignmentGroup: ids[g] });
  }
  for (const [user, group] of [['alice.agent', 'Service Desk'], ['bob.agent', 'Network'], ['erin.employee', null]] as const) {
    ids[user] = await make('Person', { userName: user, name: user, email: `${user}@example.com` });
    if (group) await make('GroupMember', { assignmentGroup: ids[group], person: ids[user] });
    tokens[user] = await t.token({ subject: user });
  }
}, 120_000);
afterAll(() => t?.stop());

describe('creating a record with a state model', () => {
  it('starts it in the initial state when no state is given, and accepts the initial state given', async () => {
    expect(await create('admin', {})).toMatchObject({ version: 1, state: 'NEW' });
    expect(await create('admin', { state: 'NEW' })).toMatchObject({ version: 1, state: 'NEW' });
  });

  it('refuses another state, naming the initial one and the transition mutation; nothing is written', async () => {
    const [before] = await t.atrium.db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.incident`);
    const r = await as('admin', CREATE, { i: { shortDescription: 'Already done', state: 'RESOLVED' } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', field: 'state', initial: 'NEW' });
    expect(r.errors?.[0].message).toBe('new Incident records start in state New (NEW); leave state out (or send NEW) and move it on with transitionIncident');
    const [after] = await t.atrium.db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.incident`);
    expect(after.n).toBe(before.n);
  });
});

describe('updating a record with a state model', () => {
  it('refuses a patch that changes the state, naming transitionIncident and the moves allowed from here', async () => {
    const inc = await create('admin', {});
    const r = await as('alice.agent', UPDATE, { i: { id: inc.id, version: 1, patch: { state: 'CLOSED', description: 'done' } } });
    expect(r.errors?.[0].extensions).toEqual({ code: 'INVALID_TRANSITION', field: 'state', from: 'NEW', allowed: ['IN_PROGRESS', 'CANCELLED'] });
    expect(r.errors?.[0].message).toBe(
      'the state of Incident records changes only through transitionIncident, not updateIncident; from New (NEW) you may use transitionIncident with: "Start work" to IN_PROGRESS, "Cancel" to CANCELLED',
    );
    const now = await t.ok(`query($id: ID!) { incident(id: $id) { version state description } }`, { id: inc.id });
    expect(now.incident).toEqual({ version: 1, state: 'NEW', description: null });
  });

  it('lets a patch through that sends the state the record is already in', async () => {
    const inc = await create('admin', {});
    const r = await as('alice.agent', UPDATE, { i: { id: inc.id, version: 1, patch: { state: 'NEW', description: 'more detail' } } });
    expect(r.errors).toBeUndefined();
    expect(r.data.updateIncident.incident).toMatchObject({ version: 2, state: 'NEW' });
  });
});

describe('transitions', () => {
  it('moves a record along an allowed transition: new version, one outbox event, payload like update', async () => {
    const inc = await create('admin', {});
    const [before] = await t.atrium.db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM atrium.record_event`);
    const r = await move('alice.agent', inc.id, 1, 'IN_PROGRESS');
    expect(r.errors).toBeUndefined();
    expect(r.data.transitionIncident).toMatchObject({ clientMutationId: 'm', incident: { id: inc.id, version: 2, state: 'IN_PROGRESS' } });
    const [after] = await t.atrium.db.run<{ n: number; kind: string; state: string }>(
      sql`SELECT (SELECT count(*)::int FROM atrium.record_event) AS n, kind, snapshot->>'state' AS state FROM atrium.record_event ORDER BY id DESC LIMIT 1`,
    );
    expect(after).toEqual({ n: before.n + 1, kind: 'updated', state: 'in_progress' });
  });

  it('costs the record’s read and the write: two statements, three with a condition; a create costs one, an update two (the pack’s UI policies read the record)', async () => {
    await as('alice.agent', READ, { id: (await create('admin', {})).id }); // warm: the user's profile is read once
    const created = await t.statements(() => as('alice.agent', CREATE, { i: { shortDescription: 'Counted', assignmentGroup: ids['Service Desk'] } }));
    expect(created.sql).toHaveLength(1);
    const id = created.result.data.createIncident.incident.id;
    const updated = await t.statements(() => as('alice.agent', UPDATE, { i: { id, version: 1, patch: { assignedTo: ids['alice.agent'] } } }));
    expect(updated.sql).toHaveLength(2);
    const started = await t.statements(() => move('alice.agent', id, 2, 'IN_PROGRESS'));
    expect(started.result.errors).toBeUndefined();
    expect(started.sql).toHaveLength(2);
    const held = await t.statements(() => move('alice.agent', id, 3, 'ON_HOLD'));
    expect(held.result.errors).toBeUndefined();
    expect(held.sql).toHaveLength(3);
  });

  it('refuses a move that does not start from the record’s state, naming the moves allowed from it', async () => {
    const inc = await create('admin', {});
    const r = await move('alice.agent', inc.id, 1, 'RESOLVED', { resolutionNotes: 'x', closeCode: 'SOLVED' });
    expect(r.errors?.[0].extensions).toEqual({ code: 'INVALID_TRANSITION', from: 'NEW', to: 'RESOLVED', allowed: ['IN_PROGRESS', 'CANCELLED'] });
    expect(r.errors?.[0].message).toBe(
      'this Incident record cannot move from New (NEW) to Resolved (RESOLVED); from New (NEW) you may use transitionIncident with: "Start work" to IN_PROGRESS, "Cancel" to CANCELLED',
    );
    expect((await t.ok(READ, { id: inc.id })).incident).toMatchObject({ version: 1, state: 'NEW' });
  });

  it('refuses a move whose user criteria the user does not match, naming the moves that user may make', async () => {
    const inc = await create('admin', { assignmentGroup: ids.Network });
    let v = (await moved('bob.agent', inc.id, 1, 'IN_PROGRESS')).version;
    v = (await moved('bob.agent', inc.id, v, 'RESOLVED', { resolutionNotes: 'Rebooted the router', closeCode: 'SOLVED' })).version;
    const r = await move('bob.agent', inc.id, v, 'CLOSED');
    expect(r.errors?.[0].extensions).toEqual({ code: 'INVALID_TRANSITION', from: 'RESOLVED', to: 'CLOSED', allowed: ['IN_PROGRESS'] });
    expect(r.errors?.[0].message).toBe(
      'you may not move this Incident record from Resolved (RESOLVED) to Closed (CLOSED): "Close" is for service_desk; from Resolved (RESOLVED) you may use transitionIncident with: "Reopen" to IN_PROGRESS',
    );
    // The admin matches every criteria.
    expect(await moved('admin', inc.id, v, 'CLOSED')).toMatchObject({ state: 'CLOSED', version: v + 1 });
  });

  it('refuses a move whose condition does not hold on the record as the move would leave it, and allows it with the patch that makes it hold', async () => {
    const inc = await create('admin', {});
    const v = (await moved('alice.agent', inc.id, 1, 'IN_PROGRESS')).version;
    const r = await move('alice.agent', inc.id, v, 'ON_HOLD');
    expect(r.errors?.[0].extensions).toEqual({ code: 'INVALID_TRANSITION', from: 'IN_PROGRESS', to: 'ON_HOLD', allowed: ['RESOLVED', 'CANCELLED'] });
    expect(r.errors?.[0].message).toBe(
      '"Put on hold" (IN_PROGRESS → ON_HOLD) does not apply to this Incident record as it would be: its condition does not hold; from In progress (IN_PROGRESS) you may use transitionIncident with: "Resolve" to RESOLVED (needs resolutionNotes, closeCode), "Cancel" to CANCELLED',
    );
    const ok = await moved('alice.agent', inc.id, v, 'ON_HOLD', { assignedTo: ids['alice.agent'] });
    expect(ok).toMatchObject({ state: 'ON_HOLD', version: v + 1, assignedTo: { name: 'alice.agent' } });
  });

  it('refuses a move that leaves a required field empty, naming the fields; the patch supplies them', async () => {
    const inc = await create('admin', {});
    const v = (await moved('alice.agent', inc.id, 1, 'IN_PROGRESS')).version;
    const r = await move('alice.agent', inc.id, v, 'RESOLVED', { resolutionNotes: '  ' });
    expect(r.errors?.[0].extensions).toEqual({ code: 'REQUIRED_FIELD', fields: ['resolutionNotes', 'closeCode'], from: 'IN_PROGRESS', to: 'RESOLVED' });
    expect(r.errors?.[0].message).toBe('"Resolve" needs a value for resolutionNotes, closeCode: give them in the transition\'s patch');
    const ok = await moved('alice.agent', inc.id, v, 'RESOLVED', { resolutionNotes: 'Replaced the cable', closeCode: 'SOLVED' });
    expect(ok).toMatchObject({ state: 'RESOLVED', resolutionNotes: 'Replaced the cable', closeCode: 'SOLVED', version: v + 1 });
  });

  it('refuses a stale version with CONFLICT and a record the user may not update with FORBIDDEN', async () => {
    const inc = await create('admin', {});
    await moved('alice.agent', inc.id, 1, 'IN_PROGRESS');
    const stale = await move('alice.agent', inc.id, 1, 'CANCELLED');
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    // Bob may not see Service Desk incidents: the same answer as for one that does not exist.
    const hidden = await move('bob.agent', inc.id, 2, 'CANCELLED');
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.ok(READ, { id: inc.id })).incident).toMatchObject({ version: 2, state: 'IN_PROGRESS' });
  });

  it('refuses a state in the patch other than the target', async () => {
    const inc = await create('admin', {});
    const r = await move('alice.agent', inc.id, 1, 'IN_PROGRESS', { state: 'CLOSED' });
    expect(r.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'state' });
  });
});

describe('a type without a state model beside types with one', () => {
  it('keeps its declared state choices, though the shared enum holds every model state', async () => {
    const CHORE_CREATE = `mutation($i: CreateChoreInput!) { createChore(input: $i) { chore { state } } }`;
    expect((await t.ok(CHORE_CREATE, { i: { shortDescription: 'Water plants', state: 'CLOSED' } })).createChore.chore.state).toBe('CLOSED');
    const r = await as('admin', CHORE_CREATE, { i: { shortDescription: 'Water plants', state: 'CANCELLED' } });
    expect(r.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'state' });
    expect(r.errors?.[0].message).toBe('CANCELLED is not a State of Chore records; use one of NEW, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED');
    const noField = await as('admin', `{ chores(first: 1) { nodes { availableTransitions { to } } } }`);
    expect(noField.errors?.[0].message).toMatch(/Cannot query field "availableTransitions" on type "Chore"/);
  });
});

describe('availableTransitions', () => {
  it('answers exactly the fields selected, under their aliases (over HTTP the statement’s JSON is the response)', async () => {
    await create('admin', {});
    const r = await as('alice.agent', `{ incidents(first: 5) { nodes { availableTransitions { move: to __typename } } } }`);
    expect(r.errors).toBeUndefined();
    const offered = r.data.incidents.nodes.flatMap((n: { availableTransitions: unknown[] }) => n.availableTransitions);
    expect(offered.length).toBeGreaterThan(0);
    for (const x of offered) expect(Object.keys(x as object)).toEqual(['move', '__typename']);
  });

  const LIST = `query($id: ID!) { incident(id: $id) { state availableTransitions { to label requires } } }`;

  it('lists the moves each persona may make from the record’s state, in one statement per query', async () => {
    const inc = await create('admin', { caller: undefined });
    await t.ok(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id } } }`, { i: { id: inc.id, version: 1, patch: { caller: ids['erin.employee'] } } });
    let v = (await moved('alice.agent', inc.id, 2, 'IN_PROGRESS')).version;
    const list = async (who: string) => {
      await as(who, LIST, { id: inc.id }); // warm: the user's profile is read once
      const { result, sql: statements } = await t.statements(() => as(who, LIST, { id: inc.id }));
      expect(result.errors).toBeUndefined();
      expect(statements).toHaveLength(1);
      return result.data.incident?.availableTransitions ?? null;
    };
    // In progress, nobody assigned: putting on hold does not apply yet.
    expect(await list('alice.agent')).toEqual([
      { to: 'RESOLVED', label: 'Resolve', requires: ['resolutionNotes', 'closeCode'] },
      { to: 'CANCELLED', label: 'Cancel', requires: [] },
    ]);
    v = (await t.ok(UPDATE, { i: { id: inc.id, version: v, patch: { assignedTo: ids['alice.agent'] } } })).updateIncident.incident.version;
    expect((await list('alice.agent')).map((m: { to: string }) => m.to)).toEqual(['ON_HOLD', 'RESOLVED', 'CANCELLED']);
    v = (await moved('alice.agent', inc.id, v, 'RESOLVED', { resolutionNotes: 'ok', closeCode: 'WORKAROUND' })).version;
    // Resolved: the service desk may close; the caller may read but not update, so no moves; Bob cannot read it.
    expect(await list('alice.agent')).toEqual([
      { to: 'IN_PROGRESS', label: 'Reopen', requires: [] },
      { to: 'CLOSED', label: 'Close', requires: [] },
    ]);
    expect(await list('erin.employee')).toEqual([]);
    expect(await list('bob.agent')).toBeNull();
    expect((await list('admin')).map((m: { to: string }) => m.to)).toEqual(['IN_PROGRESS', 'CLOSED']);
    expect(v).toBeGreaterThan(3);
  });

  it('lists moves of every record of a page in the page’s one statement, and only where the reader may update', async () => {
    const inc = await create('admin', { assignmentGroup: ids.Network });
    await moved('bob.agent', inc.id, 1, 'IN_PROGRESS');
    const q = `{ incidents(first: 50, filter: { assignmentGroup: { name: { eq: "Network" } } }) { nodes { id state availableTransitions { to } } } }`;
    await as('bob.agent', q);
    const { result, sql: statements } = await t.statements(() => as('bob.agent', q));
    expect(statements).toHaveLength(1);
    const mine = result.data.incidents.nodes.find((n: { id: string }) => n.id === inc.id);
    expect(mine.availableTransitions.map((m: { to: string }) => m.to)).toEqual(['RESOLVED', 'CANCELLED']);
  });
});

describe('publishing a state model that removes a state', () => {
  it('is refused while records hold the state, naming the state, the type and the count; nothing changes', async () => {
    const inc = await create('admin', {});
    const v = (await moved('alice.agent', inc.id, 1, 'IN_PROGRESS')).version;
    await moved('alice.agent', inc.id, v, 'ON_HOLD', { assignedTo: ids['alice.agent'] });
    const [held] = await t.atrium.db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.incident WHERE state = 'on_hold'`);
    const withoutHold = MODEL().replace(/ {2}- \{ name: on_hold[^\n]*\n/, '').replace(/ {2}- \{ from: (in_progress, to: on_hold|on_hold, to: in_progress)[^\n]*\n/g, '');
    const r = await importFiles([...baseFiles, { path: 'state-models/incident.yaml', content: withoutHold }]);
    expect(r.errors?.[0].extensions?.code).toBe('UNSAFE_CHANGE');
    expect(r.errors?.[0].message).toBe(
      `state model "incident" removes state "on_hold", which ${held.n} incident record(s) are in; keep the state, or map it under retired (state: on_hold, to: <a state of the model>) to move those records when publishing`,
    );
    expect((await t.ok(READ, { id: inc.id })).incident.state).toBe('ON_HOLD');
  });

  it('with a retired mapping, moves those records in the publish: a new version and an outbox event each', async () => {
    const [held] = await t.atrium.db.run<{ ids: string[] | string }>(sql`SELECT coalesce(json_agg(id ORDER BY id), '[]') AS ids FROM records.incident WHERE state = 'on_hold'`);
    const heldIds = (typeof held.ids === 'string' ? JSON.parse(held.ids) : held.ids).map(Number);
    expect(heldIds.length).toBeGreaterThan(0);
    const [events] = await t.atrium.db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM atrium.record_event`);
    const versions = await t.atrium.db.run<{ id: number; v: number }>(sql`SELECT id::int AS id, sys_version AS v FROM records.incident WHERE state = 'on_hold' ORDER BY id`);
    const withoutHold =
      MODEL('retired:\n  - { state: on_hold, to: in_progress }\n')
        .replace(/ {2}- \{ name: on_hold[^\n]*\n/, '')
        .replace(/ {2}- \{ from: (in_progress, to: on_hold|on_hold, to: in_progress)[^\n]*\n/g, '');
    const r = await importFiles([...baseFiles, { path: 'state-models/incident.yaml', content: withoutHold }]);
    expect(r.errors).toBeUndefined();
    const after = await t.atrium.db.run<{ id: number; v: number; state: string; by: string }>(
      sql`SELECT id::int AS id, sys_version AS v, state, sys_updated_by AS by FROM records.incident WHERE id = ANY(${`{${heldIds.join(',')}}`}::bigint[]) ORDER BY id`,
    );
    expect(after.map((a) => a.state)).toEqual(heldIds.map(() => 'in_progress'));
    expect(after.map((a) => a.v)).toEqual(versions.map((b) => b.v + 1));
    const [now] = await t.atrium.db.run<{ n: number; moved: number }>(
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE snapshot->>'state' = 'in_progress' AND record_type = 'incident')::int AS moved FROM atrium.record_event WHERE id > 0`,
    );
    expect(now.n).toBe(events.n + heldIds.length);
    // ON_HOLD is gone from the schema: the transition input's enum no longer has it.
    const gone = await as('alice.agent', TRANSITION, { i: { id: 'x', version: 1, to: 'ON_HOLD' } });
    expect(gone.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(now.moved).toBeGreaterThanOrEqual(heldIds.length);
  });
});
