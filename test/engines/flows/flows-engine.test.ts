import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/engines/clock.js';
import type { EngineContext } from '../../../server/engines/engine.js';
import { registerFlowOutcomeHook } from '../../../server/engines/flows/flow-outcome-hooks.js';
import { cancelFlowInstance, decideApproval, delegateApproval, flowActionHooks, flowTimeline, listApprovals, migrateFlowInstances, runFlowAction, type FlowActionJob } from '../../../server/engines/flows/index.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { actorOf, approvalsOf, auditOf, createGroup, createIncident, createPerson, instancesOn, publishFlows, transitionIncident, updateIncident, type Person } from './flow-fixture.js';

const clock = new ManualClock('2026-01-05T08:00:00Z');
let t: TestServer;
let ctx: EngineContext;
let ada: Person, grace: Person, linus: Person, ken: Person;

const end = (id: string, outcome: string) => ({ id, kind: 'end', outcome });
const edge = (from: string, to: string, port?: string) => (port ? { from, to, port } : { from, to });

/** P1 incidents: the CAB approves (any), then the incident moves to in progress; 4 h to answer, else rejected. */
const CAB = {
  name: 't_cab',
  label: 'CAB approval',
  trigger: { recordType: 'incident', on: 'create', condition: { field: 'priority', op: 'eq', value: 1 }, requesterField: 'caller' },
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'cab', kind: 'approval', label: 'CAB', approvers: [{ group: 'T CAB' }], policy: { kind: 'any' }, due: { after: 'PT4H', onExpiry: 'reject' } },
    { id: 'work', kind: 'action', action: { kind: 'transition', to: 'in_progress' } },
    end('done', 'approved'),
    end('no', 'rejected'),
  ],
  edges: [edge('start', 'cab'), edge('cab', 'work', 'approved'), edge('cab', 'no', 'rejected'), edge('work', 'done')],
};

/** Edge-triggered on priority 2; ends at once. */
const BUMP = {
  name: 't_bump',
  trigger: { recordType: 'task', on: 'update', condition: { field: 'priority', op: 'eq', value: 2 } },
  nodes: [{ id: 'start', kind: 'start' }, end('done', 'approved')],
  edges: [edge('start', 'done')],
};

/** On hold: grace approves AND the incident is back in progress (timer until) — join all. */
const HOLD = {
  name: 't_hold',
  trigger: { recordType: 'incident', on: 'transition', to: ['on_hold'], condition: { field: 'priority', op: 'eq', value: 3 } },
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'split', kind: 'parallel' },
    { id: 'ok', kind: 'approval', approvers: [{ user: 'grace' }] },
    { id: 'back', kind: 'timer', until: { field: 'state', op: 'eq', value: 'in_progress' } },
    { id: 'join', kind: 'join', mode: 'all' },
    end('done', 'approved'),
    end('no', 'rejected'),
  ],
  edges: [edge('start', 'split'), edge('split', 'ok'), edge('split', 'back'), edge('ok', 'join', 'approved'), edge('ok', 'no', 'rejected'), edge('back', 'join'), edge('join', 'done')],
};

/** Priority 4 created: grace approves, or an hour passes, whichever first (join any). */
const RACE = {
  name: 't_race',
  trigger: { recordType: 'incident', on: 'create', condition: { field: 'priority', op: 'eq', value: 4 } },
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'split', kind: 'parallel' },
    { id: 'ok', kind: 'approval', approvers: [{ user: 'grace' }] },
    { id: 'wait', kind: 'timer', after: 'PT1H' },
    { id: 'join', kind: 'join', mode: 'any' },
    end('done', 'approved'),
    end('no', 'rejected'),
  ],
  edges: [edge('start', 'split'), edge('split', 'ok'), edge('split', 'wait'), edge('ok', 'join', 'approved'), edge('ok', 'no', 'rejected'), edge('wait', 'join'), edge('join', 'done')],
};

/** Priority 5: grace has an hour, then it goes to linus (escalation), who has an hour, then rejected. */
const ESCALATE = {
  name: 't_escalate',
  trigger: { recordType: 'incident', on: 'create', condition: { field: 'priority', op: 'eq', value: 5 }, requesterField: 'caller' },
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'ask', kind: 'approval', approvers: [{ user: 'grace' }], due: { after: 'PT1H', onExpiry: 'escalate', escalateTo: [{ user: 'linus' }] } },
    end('done', 'approved'),
    end('no', 'rejected'),
  ],
  edges: [edge('start', 'ask'), edge('ask', 'done', 'approved'), edge('ask', 'no', 'rejected')],
};

/** A parent waiting for a child flow (never triggered by itself: its condition matches no record). */
const CHILD = {
  name: 't_child',
  trigger: { recordType: 'incident', on: 'create', condition: { field: 'short_description', op: 'eq', value: 'never-ever' } },
  nodes: [{ id: 'start', kind: 'start' }, { id: 'ask', kind: 'approval', approvers: [{ user: 'linus' }] }, end('done', 'approved'), end('no', 'rejected')],
  edges: [edge('start', 'ask'), edge('ask', 'done', 'approved'), edge('ask', 'no', 'rejected')],
};
const PARENT = {
  name: 't_parent',
  trigger: { recordType: 'incident', on: 'create', condition: { field: 'short_description', op: 'eq', value: 'with a child' } },
  nodes: [{ id: 'start', kind: 'start' }, { id: 'sub', kind: 'subflow', flow: 't_child' }, { id: 'tell', kind: 'action', action: { kind: 'set_fields', values: { resolution_notes: 'child approved' } } }, end('done', 'approved'), end('no', 'rejected')],
  edges: [edge('start', 'sub'), edge('sub', 'tell', 'approved'), edge('sub', 'no', 'rejected'), edge('tell', 'done')],
};

const ALL = [CAB, BUMP, HOLD, RACE, ESCALATE, CHILD, PARENT];

async function at(iso: string): Promise<void> {
  clock.set(iso);
  await t.atrium.engines.drain();
}

async function expectError(p: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await expect(p).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
}

beforeAll(async () => {
  t = await startTestServer({ clock });
  ctx = t.atrium.engines.context();
  await publishFlows(t, ALL);
  const cab = await createGroup(t, 'T CAB');
  ada = await createPerson(t, 'ada');
  grace = await createPerson(t, 'grace', [cab]);
  linus = await createPerson(t, 'linus', [cab]);
  ken = await createPerson(t, 'ken');
  await t.atrium.engines.drain();
}, 120_000);

afterAll(async () => {
  flowActionHooks.beforeApply = null;
  await t?.stop();
});

describe('the flow engine', () => {
  it('starts on create, asks the CAB, takes the first approval, applies the action once and ends approved', async () => {
    await at('2026-01-05T09:00:00Z');
    const inc = await createIncident(t, { priority: 1, caller: ada.gid });
    await t.atrium.engines.drain();
    const [inst] = await instancesOn(t, inc.id, 't_cab');
    expect(inst).toMatchObject({ status: 'running', requester_id: ada.id, waiting: ['cab'] });
    const asked = await approvalsOf(t, inst.id);
    expect(asked.map((a) => [a.approver, a.state])).toEqual([
      [grace.id, 'requested'],
      [linus.id, 'requested'],
    ]);
    expect(asked[0]).toMatchObject({ requester: ada.id, document: inc.gid, flow_node: 'cab', due_at: '2026-01-05T13:00:00.000Z' });
    // The requester is never asked, and may not decide their own request.
    await expectError(decideApproval(ctx, { approvalId: asked[0].id, decision: 'approved' }, actorOf(ada)), 'FORBIDDEN', /your own request/);
    await expectError(decideApproval(ctx, { approvalId: asked[0].id, decision: 'approved' }, actorOf(ken)), 'FORBIDDEN', /not asked of you/);
    await decideApproval(ctx, { approvalId: asked[0].id, decision: 'approved', comment: 'fine by me' }, actorOf(grace));
    // Any: grace's approval decides; linus's request is withdrawn, and a second click is a clear conflict.
    expect((await approvalsOf(t, inst.id)).map((a) => a.state)).toEqual(['approved', 'not_required']);
    await expectError(decideApproval(ctx, { approvalId: asked[1].id, decision: 'rejected' }, actorOf(linus)), 'CONFLICT', /no longer required/);
    await expectError(decideApproval(ctx, { approvalId: asked[0].id, decision: 'rejected' }, actorOf(grace)), 'CONFLICT', new RegExp(`approval ${asked[0].id} was already approved by grace at 2026-01-05T09:00:00.000Z`));
    await expectError(decideApproval(ctx, { approvalId: '999999', decision: 'rejected' }, actorOf(grace)), 'NOT_FOUND', /no approval with id 999999/);
    await t.atrium.engines.drain();
    const d = await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { state } } }`, { id: inc.gid });
    expect(d.node.state).toBe('IN_PROGRESS');
    const [after] = await instancesOn(t, inc.id, 't_cab');
    expect(after.status).toBe('approved');
    const trail = await auditOf(t, inst.id);
    expect(trail).toEqual(['started', 'entered@start', 'entered@cab', 'timer_set@cab', 'asked@cab', 'decided@cab', 'outcome@cab', 'entered@work', 'action@work', 'entered@done', 'ended@done']);
    const [timeline] = await flowTimeline(t.atrium.db, 'incident', inc.id);
    expect(timeline).toMatchObject({ flow: 't_cab', flowLabel: 'CAB approval', status: 'approved', waitingAt: [] });
    expect(timeline.audit.find((a) => a.kind === 'decided')?.detail).toMatchObject({ person: grace.id, decision: 'approved', comment: 'fine by me' });
    const inbox = await listApprovals(t.atrium.db, { approverId: grace.id, recordType: 'incident' });
    expect(inbox.find((a) => a.id === asked[0].id)).toMatchObject({ state: 'approved', recordId: String(inc.id), requesterId: ada.id, decidedById: grace.id, comments: 'fine by me', flow: 't_cab', node: 'cab', nodeLabel: 'CAB', instanceId: String(inst.id) });
    // No timer left behind.
    expect(await t.atrium.db.run(sql`SELECT 1 FROM "atrium"."flow_timer" WHERE "instance_id" = ${inst.id}`)).toEqual([]);
  });

  it('starts on update only when the condition becomes true (edge-triggered), on an ancestor type', async () => {
    const inc = await createIncident(t, { priority: 3 });
    await t.atrium.engines.drain();
    expect(await instancesOn(t, inc.id, 't_bump')).toEqual([]);
    await updateIncident(t, inc.gid, { priority: 2 });
    await t.atrium.engines.drain();
    expect((await instancesOn(t, inc.id, 't_bump')).map((i) => i.status)).toEqual(['approved']);
    // Still priority 2: no new start. Leaving and coming back starts it again.
    await updateIncident(t, inc.gid, { shortDescription: 'still 2' });
    await t.atrium.engines.drain();
    expect(await instancesOn(t, inc.id, 't_bump')).toHaveLength(1);
    await updateIncident(t, inc.gid, { priority: 3 });
    await updateIncident(t, inc.gid, { priority: 2 });
    await t.atrium.engines.drain();
    expect(await instancesOn(t, inc.id, 't_bump')).toHaveLength(2);
  });

  it('starts on a transition; join all waits for the approval and for a timer until the record is back in progress', async () => {
    const inc = await createIncident(t, { priority: 3 });
    await transitionIncident(t, inc.gid, 'IN_PROGRESS');
    await t.atrium.engines.drain();
    expect(await instancesOn(t, inc.id, 't_hold')).toEqual([]);
    await transitionIncident(t, inc.gid, 'ON_HOLD');
    await t.atrium.engines.drain();
    const [inst] = await instancesOn(t, inc.id, 't_hold');
    expect(inst.waiting.sort()).toEqual(['back', 'ok']);
    const [ask] = await approvalsOf(t, inst.id);
    await decideApproval(ctx, { approvalId: ask.id, decision: 'approved' }, actorOf(grace));
    expect((await instancesOn(t, inc.id, 't_hold'))[0]).toMatchObject({ status: 'running', waiting: expect.arrayContaining(['back']) });
    // A write that does not make the condition hold moves nothing; back in progress releases the join.
    await updateIncident(t, inc.gid, { shortDescription: 'waiting' });
    await t.atrium.engines.drain();
    expect((await instancesOn(t, inc.id, 't_hold'))[0].status).toBe('running');
    await transitionIncident(t, inc.gid, 'IN_PROGRESS');
    await t.atrium.engines.drain();
    expect((await instancesOn(t, inc.id, 't_hold'))[0].status).toBe('approved');
    expect(await auditOf(t, inst.id)).toContain('joined@join');
  });

  it('join any goes on at the first branch (a timer after an hour) and withdraws the open approval', async () => {
    await at('2026-01-06T09:00:00Z');
    const inc = await createIncident(t, { priority: 4 });
    await t.atrium.engines.drain();
    const [inst] = await instancesOn(t, inc.id, 't_race');
    expect(inst.waiting.sort()).toEqual(['ok', 'wait']);
    await at('2026-01-06T09:59:00Z');
    expect((await instancesOn(t, inc.id, 't_race'))[0].status).toBe('running');
    await at('2026-01-06T10:00:00Z');
    expect((await instancesOn(t, inc.id, 't_race'))[0].status).toBe('approved');
    expect((await approvalsOf(t, inst.id)).map((a) => a.state)).toEqual(['not_required']);
    await expectError(decideApproval(ctx, { approvalId: (await approvalsOf(t, inst.id))[0].id, decision: 'approved' }, actorOf(grace)), 'CONFLICT', /no longer required/);
  });

  it('escalates at the due time, then rejects when the escalation expires too', async () => {
    await at('2026-01-07T09:00:00Z');
    const inc = await createIncident(t, { priority: 5, caller: ada.gid });
    await t.atrium.engines.drain();
    const [inst] = await instancesOn(t, inc.id, 't_escalate');
    expect((await approvalsOf(t, inst.id)).map((a) => [a.approver, a.state, a.due_at])).toEqual([[grace.id, 'requested', '2026-01-07T10:00:00.000Z']]);
    await at('2026-01-07T10:00:00Z');
    expect((await approvalsOf(t, inst.id)).map((a) => [a.approver, a.state, a.due_at])).toEqual([
      [grace.id, 'not_required', '2026-01-07T10:00:00.000Z'],
      [linus.id, 'requested', '2026-01-07T11:00:00.000Z'],
    ]);
    await at('2026-01-07T11:00:00Z');
    expect((await instancesOn(t, inc.id, 't_escalate'))[0].status).toBe('rejected');
    const trail = await auditOf(t, inst.id);
    expect(trail.filter((k) => /expired|escalated|outcome/.test(k))).toEqual(['expired@ask', 'escalated@ask', 'expired@ask', 'outcome@ask']);
    expect((await approvalsOf(t, inst.id)).map((a) => a.state)).toEqual(['not_required', 'not_required']);
  });

  it('runs outcome hooks of the record type once, for the top-level instance, in the ending step', async () => {
    const seen: string[] = [];
    registerFlowOutcomeHook('incident', async (_tx, e) => void seen.push(`${e.instanceId}:${e.outcome}:${e.actorId}:${String(e.options.comment)}`));
    const inc = await createIncident(t, { shortDescription: 'with a child' });
    await t.atrium.engines.drain();
    const [child] = await instancesOn(t, inc.id, 't_child');
    await decideApproval(ctx, { approvalId: (await approvalsOf(t, child.id))[0].id, decision: 'rejected', comment: 'no' }, actorOf(linus));
    await t.atrium.engines.drain();
    const [parent] = await instancesOn(t, inc.id, 't_parent');
    expect(parent.status).toBe('rejected');
    expect(seen).toEqual([`${parent.id}:rejected:null:undefined`]);
  });

  it('runs a subflow on the same record and goes on with its outcome', async () => {
    const inc = await createIncident(t, { shortDescription: 'with a child' });
    await t.atrium.engines.drain();
    const [parent] = await instancesOn(t, inc.id, 't_parent');
    const [child] = await instancesOn(t, inc.id, 't_child');
    expect(parent.waiting).toEqual(['sub']);
    expect(child).toMatchObject({ parent_id: parent.id, status: 'running', waiting: ['ask'] });
    const [ask] = await approvalsOf(t, child.id);
    await decideApproval(ctx, { approvalId: ask.id, decision: 'approved' }, actorOf(linus));
    await t.atrium.engines.drain();
    expect((await instancesOn(t, inc.id, 't_child'))[0].status).toBe('approved');
    expect((await instancesOn(t, inc.id, 't_parent'))[0].status).toBe('approved');
    const d = await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { resolutionNotes } } }`, { id: inc.gid });
    expect(d.node.resolutionNotes).toBe('child approved');
  });

  it('applies an action once: a job that fails once is retried, and a job run again applies nothing', async () => {
    let failures = 0;
    flowActionHooks.beforeApply = (job) => {
      if (failures++ === 0) throw new Error(`the write of ${job.node} failed once`);
    };
    const inc = await createIncident(t, { shortDescription: 'with a child' });
    await t.atrium.engines.drain();
    const [child] = await instancesOn(t, inc.id, 't_child');
    await decideApproval(ctx, { approvalId: (await approvalsOf(t, child.id))[0].id, decision: 'approved' }, actorOf(linus));
    await t.atrium.engines.drain();
    flowActionHooks.beforeApply = null;
    expect(failures).toBe(2);
    const [parent] = await instancesOn(t, inc.id, 't_parent');
    expect(parent.status).toBe('approved');
    const version = async () => (await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { version } } }`, { id: inc.gid })).node.version as number;
    const before = await version();
    const trail = await auditOf(t, parent.id);
    const job: FlowActionJob = { instanceId: parent.id, token: 1, node: 'tell', visit: 1, action: { kind: 'set_fields', values: { resolution_notes: 'child approved' } } };
    const [effect] = await t.atrium.db.run<{ key: string }>(sql`SELECT "key" FROM "atrium"."flow_effect" WHERE "instance_id" = ${parent.id}`);
    expect(effect.key).toBe(`${parent.id}:1:tell:1`);
    await runFlowAction(ctx, job);
    await t.atrium.engines.drain();
    expect(await version()).toBe(before);
    expect(await auditOf(t, parent.id)).toEqual(trail);
    expect(await t.atrium.db.run(sql`SELECT 1 FROM "atrium"."flow_effect" WHERE "instance_id" = ${parent.id}`)).toHaveLength(1);
  });

  it('delegates a request to another person, never to the requester', async () => {
    const inc = await createIncident(t, { priority: 5, caller: ada.gid });
    await t.atrium.engines.drain();
    const [inst] = await instancesOn(t, inc.id, 't_escalate');
    const [ask] = await approvalsOf(t, inst.id);
    await expectError(delegateApproval(ctx, { approvalId: ask.id, to: ada.id }, actorOf(grace)), 'BAD_USER_INPUT', /requested this/);
    await expectError(delegateApproval(ctx, { approvalId: ask.id, to: ken.id }, actorOf(linus)), 'FORBIDDEN', /not asked of you/);
    await delegateApproval(ctx, { approvalId: ask.id, to: ken.id, comment: 'on leave' }, actorOf(grace));
    await expectError(decideApproval(ctx, { approvalId: ask.id, decision: 'approved' }, actorOf(grace)), 'FORBIDDEN', /not asked of you/);
    await decideApproval(ctx, { approvalId: ask.id, decision: 'approved' }, actorOf(ken));
    expect((await instancesOn(t, inc.id, 't_escalate'))[0].status).toBe('approved');
    const [row] = await t.atrium.db.run<{ delegated_from: unknown; decided_by: unknown }>(sql`SELECT "delegated_from", "decided_by" FROM "records"."approval" WHERE "id" = ${ask.id}::bigint`);
    expect([String(row.delegated_from), String(row.decided_by)]).toEqual([grace.id, ken.id]);
  });

  it('keeps running instances on their version after a republish; migrates them with a mapping; cancels', async () => {
    const a = await createIncident(t, { priority: 5, caller: ada.gid });
    await t.atrium.engines.drain();
    const [old] = await instancesOn(t, a.id, 't_escalate');
    const renamed = { ...ESCALATE, label: 'Escalating', nodes: ESCALATE.nodes.map((n) => (n.id === 'ask' ? { ...n, id: 'ask2' } : n)), edges: [edge('start', 'ask2'), edge('ask2', 'done', 'approved'), edge('ask2', 'no', 'rejected')] };
    await publishFlows(t, [CAB, BUMP, HOLD, RACE, renamed, CHILD, PARENT]);
    const b = await createIncident(t, { priority: 5, caller: ada.gid });
    await t.atrium.engines.drain();
    const [fresh] = await instancesOn(t, b.id, 't_escalate');
    expect(fresh.version_id).not.toBe(old.version_id);
    expect((await instancesOn(t, a.id, 't_escalate'))[0]).toMatchObject({ version_id: old.version_id, waiting: ['ask'] });
    // Unmapped: refused, nothing moves.
    await expectError(migrateFlowInstances(ctx, { flow: 't_escalate', mapping: {} }, actorOf(null, true)), 'BAD_USER_INPUT', /ask/);
    expect((await instancesOn(t, a.id, 't_escalate'))[0].version_id).toBe(old.version_id);
    const moved = await migrateFlowInstances(ctx, { flow: 't_escalate', mapping: { ask: 'ask2' } }, actorOf(null, true));
    expect(moved).toEqual({ versionId: fresh.version_id, migrated: expect.arrayContaining([old.id]) });
    expect((await instancesOn(t, a.id, 't_escalate'))[0]).toMatchObject({ version_id: fresh.version_id, waiting: ['ask2'] });
    expect((await approvalsOf(t, old.id)).map((x) => x.flow_node)).toEqual(['ask2']);
    expect(await auditOf(t, old.id)).toContain('migrated');
    // Its due timer moved with it and still fires on the new node.
    const [ask] = await approvalsOf(t, old.id);
    await decideApproval(ctx, { approvalId: ask.id, decision: 'rejected' }, actorOf(grace));
    expect((await instancesOn(t, a.id, 't_escalate'))[0].status).toBe('rejected');
    // Cancel: requests cancelled, a second cancel is a conflict.
    await expectError(cancelFlowInstance(ctx, String(fresh.id), 'dup', actorOf(grace)), 'FORBIDDEN', /administrators/);
    await cancelFlowInstance(ctx, String(fresh.id), 'raised by mistake', actorOf(null, true));
    expect((await instancesOn(t, b.id, 't_escalate'))[0].status).toBe('cancelled');
    expect((await approvalsOf(t, fresh.id)).every((x) => x.state !== 'requested')).toBe(true);
    await expectError(cancelFlowInstance(ctx, String(fresh.id), 'again', actorOf(null, true)), 'CONFLICT', /already ended cancelled/);
    expect(await t.atrium.db.run(sql`SELECT 1 FROM "atrium"."flow_timer" WHERE "instance_id" = ${fresh.id}`)).toEqual([]);
  });
});
