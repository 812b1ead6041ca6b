import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/engines/clock.js';
import { toGlobalId } from '../../server/records/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { createIncident, createPerson, instancesOn, publishFlows, type Person } from '../engines/flows/flow-fixture.js';

const clock = new ManualClock('2026-01-05T08:00:00Z');
let t: TestServer;
let req: Person, ann: Person, bob: Person, carl: Person, dana: Person;
const tokens: Record<string, string> = {};

const edge = (from: string, to: string, port?: string) => (port ? { from, to, port } : { from, to });
/** Ann and Bob must both approve an incident of priority 2. */
const TWO_KEYS = {
  name: 't_two_keys',
  label: 'Two keys',
  trigger: { recordType: 'incident', on: 'create', condition: { field: 'priority', op: 'eq', value: 2 }, requesterField: 'caller' },
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'both', kind: 'approval', label: 'Both keys', approvers: [{ user: 'ann' }, { user: 'bob' }], policy: { kind: 'all' } },
    { id: 'yes', kind: 'end', outcome: 'approved' },
    { id: 'no', kind: 'end', outcome: 'rejected' },
  ],
  edges: [edge('start', 'both'), edge('both', 'yes', 'approved'), edge('both', 'no', 'rejected')],
};

const REQUEST = `id state recordHidden recordType record { id type number displayValue shortDescription } flow { name label version } node { id label }
  approver { userName } requester { userName } delegatedFrom { userName } decidedBy { userName } comments dueAt askedAt others { state approver { userName } }`;
const MINE = `query($state: ApprovalRequestState) { myApprovals(state: $state) { edges { cursor node { ${REQUEST} } } pageInfo { hasNextPage endCursor } } }`;
const APPROVE = `mutation($id: ID!, $c: String) { approve(id: $id, comment: $c) { ${REQUEST} } }`;
const REJECT = `mutation($id: ID!, $c: String) { reject(id: $id, comment: $c) { ${REQUEST} } }`;
const DELEGATE = `mutation($id: ID!, $to: ID!, $c: String) { delegate(id: $id, to: $to, comment: $c) { ${REQUEST} } }`;
const TIMELINE = `query($r: ID!) { flowTimeline(record: $r) { flow flowLabel version status record waitingAt audit { seq at kind node nodeLabel actorId actor { userName } detail } } }`;

async function as<T = any>(who: string, query: string, variables: Record<string, unknown> = {}) {
  return t.gql<T>(query, variables, tokens[who]);
}

async function mine(who: string, state?: string) {
  const r = await as(who, MINE, state ? { state } : {});
  expect(r.errors).toBeUndefined();
  return r.data.myApprovals.edges.map((e: { node: any }) => e.node);
}

/** An incident that asks ann and bob, assigned to bob (an agent, so he may read it; ann may not). */
async function asked(shortDescription: string) {
  const inc = await createIncident(t, { priority: 2, caller: req.gid, assignedTo: bob.gid, shortDescription });
  await t.atrium.engines.drain();
  const [inst] = await instancesOn(t, inc.id, 't_two_keys');
  const rows = await t.atrium.db.run<{ id: unknown; approver: unknown; delegated_from: unknown }>(sql`SELECT "id", "approver", "delegated_from" FROM "records"."approval" WHERE "flow_instance" = ${inst.id}`);
  // Asked of ann, or of her delegate while she is away.
  const gid = (p: Person) => toGlobalId('Approval', String(rows.find((r) => String(r.approver) === p.id || String(r.delegated_from) === p.id)!.id));
  return { inc, inst, ann: gid(ann), bob: gid(bob) };
}

beforeAll(async () => {
  t = await startTestServer({ clock });
  await publishFlows(t, [TWO_KEYS]);
  [req, ann, bob, carl, dana] = [await createPerson(t, 'req'), await createPerson(t, 'ann'), await createPerson(t, 'bob'), await createPerson(t, 'carl'), await createPerson(t, 'dana')];
  const role = await t.ok(`mutation { createRole(input: { name: "agent" }) { role { id } } }`);
  await t.ok(`mutation($i: CreateRoleGrantInput!) { createRoleGrant(input: $i) { roleGrant { id } } }`, { i: { role: role.createRole.role.id, person: bob.gid } });
  for (const p of [req, ann, bob, carl, dana]) tokens[p.userName] = await t.token({ subject: p.userName });
  await t.atrium.engines.drain();
}, 180_000);

afterAll(async () => {
  await t?.stop();
});

describe('approvals are written only by the engine', () => {
  it('refuses the generic create, update and delete of an approval, administrators included, with what to do instead', async () => {
    const { ann: id } = await asked('generic writes');
    const created = await t.gql(`mutation { createApproval(input: { document: "x", documentType: "incident", state: APPROVED }) { approval { id } } }`);
    expect(created.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(created.errors?.[0].message).toMatch(/approvals are decided with approve\(id\) \/ reject\(id\) and created by approval flows/);
    const v = await t.ok(`query($id: ID!) { node(id: $id) { ... on Approval { version state } } }`, { id });
    const updated = await t.gql(`mutation($i: UpdateApprovalInput!) { updateApproval(input: $i) { approval { id } } }`, { i: { id, version: v.node.version, patch: { state: 'APPROVED' } } });
    expect(updated.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const deleted = await t.gql(`mutation($id: ID!) { deleteApproval(input: { id: $id }) { clientMutationId } }`, { id });
    expect(deleted.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.ok(`query($id: ID!) { node(id: $id) { ... on Approval { state version } } }`, { id })).node).toEqual({ state: 'REQUESTED', version: v.node.version });
  });
});

describe('myApprovals, approve, reject, delegate and the timeline over HTTP', () => {
  it('lists what is asked of me with the flow step and who else was asked; the record only when I may read it', async () => {
    const a = await asked('Printer on fire');
    const annList = (await mine('ann')).filter((n: any) => n.id === a.ann);
    expect(annList).toHaveLength(1);
    expect(annList[0]).toMatchObject({
      state: 'REQUESTED',
      record: null,
      recordHidden: true,
      recordType: 'incident',
      flow: { name: 't_two_keys', label: 'Two keys', version: expect.any(Number) },
      node: { id: 'both', label: 'Both keys' },
      approver: { userName: 'ann' },
      requester: { userName: 'req' },
      delegatedFrom: null,
      others: [{ state: 'REQUESTED', approver: { userName: 'bob' } }],
    });
    const bobList = (await mine('bob')).filter((n: any) => n.id === a.bob);
    expect(bobList[0]).toMatchObject({ recordHidden: false, record: { id: a.inc.gid, type: 'incident', number: expect.stringMatching(/^INC/), shortDescription: 'Printer on fire' } });
    expect(await mine('carl')).toEqual([]);
  });

  it('someone not asked gets FORBIDDEN; the approver decides; a second decision is a CONFLICT naming who decided', async () => {
    const a = await asked('Two approve');
    const intruder = await as('carl', APPROVE, { id: a.ann });
    expect(intruder.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(intruder.errors?.[0].message).toMatch(/not asked of you/);
    const ok = await as('ann', APPROVE, { id: a.ann, c: 'fine by me' });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.approve).toMatchObject({ state: 'APPROVED', decidedBy: { userName: 'ann' }, comments: 'fine by me', others: [{ state: 'REQUESTED' }] });
    const again = await as('ann', REJECT, { id: a.ann });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toMatch(/already approved by ann at/);
    expect((await mine('ann', 'APPROVED')).map((n: any) => n.id)).toContain(a.ann);
    const last = await as('bob', APPROVE, { id: a.bob });
    expect(last.errors).toBeUndefined();
    await t.atrium.engines.drain();
    expect((await instancesOn(t, a.inc.id, 't_two_keys'))[0].status).toBe('approved');
  });

  it('delegates: the delegate is asked and decides; the timeline tells who was asked, who decided, when and why', async () => {
    const a = await asked('Delegated');
    const bad = await as('ann', DELEGATE, { id: a.ann, to: req.gid });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const d = await as('ann', DELEGATE, { id: a.ann, to: dana.gid, c: 'on holiday' });
    expect(d.errors).toBeUndefined();
    expect(d.data.delegate).toMatchObject({ approver: { userName: 'dana' }, delegatedFrom: { userName: 'ann' }, state: 'REQUESTED' });
    expect((await mine('ann')).map((n: any) => n.id)).not.toContain(a.ann);
    expect((await mine('dana')).find((n: any) => n.id === a.ann)).toMatchObject({ delegatedFrom: { userName: 'ann' } });
    expect((await as('ann', APPROVE, { id: a.ann })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await as('dana', REJECT, { id: a.ann, c: 'not this quarter' })).errors).toBeUndefined();
    await t.atrium.engines.drain();

    // Bob reads the incident; Ann may not, so for her it does not exist.
    const hidden = await as('ann', TIMELINE, { r: a.inc.gid });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const tl = await as('bob', TIMELINE, { r: a.inc.gid });
    expect(tl.errors).toBeUndefined();
    const [inst] = tl.data.flowTimeline;
    expect(inst).toMatchObject({ flow: 't_two_keys', flowLabel: 'Two keys', status: 'REJECTED', record: a.inc.gid, waitingAt: [] });
    const kinds = inst.audit.map((e: any) => e.kind);
    expect(kinds[0]).toBe('started');
    expect(kinds).toContain('ended');
    expect(inst.audit.map((e: any) => e.seq)).toEqual(inst.audit.map((_: unknown, i: number) => i + 1));
    const askedLines = inst.audit.filter((e: any) => e.kind === 'asked');
    const askedPeople = askedLines.flatMap((e: any) => (e.detail.approvers ?? []).map((p: any) => (typeof p === 'string' ? p : p.person)));
    expect(askedPeople).toEqual(expect.arrayContaining([ann.id, bob.id, dana.id]));
    expect(askedLines.find((e: any) => e.detail.delegatedFrom === ann.id)).toMatchObject({ actorId: 'ann', actor: { userName: 'ann' }, nodeLabel: 'Both keys' });
    const decided = inst.audit.find((e: any) => e.kind === 'decided');
    expect(decided).toMatchObject({ node: 'both', nodeLabel: 'Both keys', actorId: 'dana', actor: { userName: 'dana' }, at: expect.any(String) });
    expect(JSON.stringify(decided.detail)).toMatch(/not this quarter/);
    // The other request closed without a decision: the flow went on without it.
    expect((await mine('bob', 'NOT_REQUIRED')).map((n: any) => n.id)).toContain(a.bob);
  });

  it('pages myApprovals by cursor, the soonest due first', async () => {
    for (let i = 0; i < 3; i++) await asked(`page ${i}`);
    const first = await as('ann', `{ myApprovals(first: 2) { edges { node { id askedAt } } pageInfo { hasNextPage endCursor } } }`);
    expect(first.data.myApprovals.edges).toHaveLength(2);
    expect(first.data.myApprovals.pageInfo.hasNextPage).toBe(true);
    const next = await as('ann', `query($a: String) { myApprovals(first: 100, after: $a) { edges { node { id } } pageInfo { hasNextPage } } }`, { a: first.data.myApprovals.pageInfo.endCursor });
    const seen = [...first.data.myApprovals.edges, ...next.data.myApprovals.edges].map((e: any) => e.node.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...(await mine('ann'))].map((n: any) => n.id));
    const badCursor = await as('ann', `{ myApprovals(after: "nope") { edges { cursor } } }`);
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('out of office: a delegation in force sends new requests to the delegate, and ends when I end it', async () => {
    const set = await as('ann', `mutation($to: ID!) { setApprovalDelegation(to: $to) { id to { id name } from until active } }`, { to: carl.gid });
    expect(set.errors).toBeUndefined();
    const overlap = await as('ann', `mutation($to: ID!) { setApprovalDelegation(to: $to) { id } }`, { to: dana.gid });
    expect(overlap.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await as('ann', `{ myApprovalDelegations { id to { name } } }`)).data.myApprovalDelegations).toEqual([{ id: set.data.setApprovalDelegation.id, to: { name: 'carl' } }]);
    const a = await asked('while away');
    expect((await mine('carl')).find((n: any) => n.id === a.ann)).toMatchObject({ approver: { userName: 'carl' }, delegatedFrom: { userName: 'ann' }, record: null, recordHidden: true });
    expect((await mine('ann')).map((n: any) => n.id)).not.toContain(a.ann);
    const ended = await as('ann', `mutation($id: ID!) { endApprovalDelegation(id: $id) { active } }`, { id: set.data.setApprovalDelegation.id });
    expect(ended.data.endApprovalDelegation.active).toBe(false);
    expect((await as('ann', `{ myApprovalDelegations { id } }`)).data.myApprovalDelegations).toEqual([]);
    const b = await asked('back again');
    expect((await mine('ann')).map((n: any) => n.id)).toContain(b.ann);
  });

  it('approval rows obey their ACLs on every path: list, node(id), aggregates and myApprovals', async () => {
    const a = await asked('access paths');
    const total = (await t.ok(`{ approvalsAggregate { count } }`)).approvalsAggregate.count;
    const paths = async (who: string) => {
      const listed = await as(who, `{ approvals(first: 100) { nodes { id approver { id } } } }`);
      expect(listed.errors).toBeUndefined();
      const list = listed.data.approvals.nodes as { id: string; approver: { id: string } | null }[];
      const count = (await as(who, `{ approvalsAggregate { count } }`)).data.approvalsAggregate.count as number;
      const node = (await as(who, `query($id: ID!) { node(id: $id) { id } }`, { id: a.ann })).data.node as { id: string } | null;
      return { list, count, node };
    };
    // Ann sees exactly the requests asked of her now (one she handed on is the delegate's).
    const annAsked = await t.atrium.db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM "records"."approval" WHERE "approver" = ${ann.id}::bigint`);
    const annSees = await paths('ann');
    expect(annSees.count).toBe(annAsked[0].n);
    expect(annSees.list).toHaveLength(annAsked[0].n);
    expect(annSees.list.every((n) => n.approver?.id === ann.gid)).toBe(true);
    expect(annSees.node).toEqual({ id: a.ann });
    // Carl sees only what is asked of him (the request Ann handed him while away).
    const carlSees = await paths('carl');
    expect(carlSees.list.every((n) => n.approver?.id === carl.gid)).toBe(true);
    expect(carlSees.node).toBeNull();
    expect(carlSees.count).toBe(carlSees.list.length);
    // Bob is an agent: every approval.
    const bobSees = await paths('bob');
    expect(bobSees.count).toBe(total);
    expect(bobSees.node).toEqual({ id: a.ann });
    // The requester is not asked: nothing.
    expect(await paths('req')).toEqual({ list: [], count: 0, node: null });
  });
});
