import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/engines/clock.js';
import type { EngineContext } from '../../../server/engines/engine.js';
import { cancelFlowInstance, decideApproval, delegateApproval, flowActionHooks, flowTimeline, migrateFlowInstances, runFlowAction, type FlowActionJob } from '../../../server/engines/flows/index.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { actorOf, approvalsOf, auditOf, createGroup, createIncident, createPerson, instancesOn, publishFlows, transitionIncident, updateIncident, type Person } from './flow-fixture.js';

const H = 3_600_000;
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
    // No timer left behind.
    expect(await t.atrium.db.run(sql`SELECT 1 FROM "atrium"."flow_timer" WHERE "instance_id" = ${inst.id}`)).toEqual([]);
  });
});
