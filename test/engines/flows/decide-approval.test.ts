import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/engines/clock.js';
import type { EngineContext } from '../../../server/engines/engine.js';
import { decideApproval } from '../../../server/engines/flows/index.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { actorOf, approvalsOf, auditOf, createGroup, createIncident, createPerson, instancesOn, publishFlows, type Person } from './flow-fixture.js';

const clock = new ManualClock('2026-01-05T08:00:00Z');
let t: TestServer;
let ctx: EngineContext;
let ada: Person, grace: Person, linus: Person;

const edge = (from: string, to: string, port?: string) => (port ? { from, to, port } : { from, to });
/** Any of the CAB approves; a refused action (new → closed is not a move of the incident model) on approval. */
const CAB = {
  name: 't_cab2',
  trigger: { recordType: 'incident', on: 'create', condition: { field: 'priority', op: 'eq', value: 1 }, requesterField: 'caller' },
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'cab', kind: 'approval', approvers: [{ group: 'T CAB2' }], policy: { kind: 'any' } },
    { id: 'close', kind: 'action', action: { kind: 'transition', to: 'closed' } },
    { id: 'done', kind: 'end', outcome: 'approved' },
    { id: 'no', kind: 'end', outcome: 'rejected' },
  ],
  edges: [edge('start', 'cab'), edge('cab', 'close', 'approved'), edge('cab', 'no', 'rejected'), edge('close', 'done')],
};

beforeAll(async () => {
  t = await startTestServer({ clock });
  ctx = t.atrium.engines.context();
  await publishFlows(t, [CAB]);
  const cab = await createGroup(t, 'T CAB2');
  ada = await createPerson(t, 'ada');
  grace = await createPerson(t, 'grace', [cab]);
  linus = await createPerson(t, 'linus', [cab]);
  await t.atrium.engines.drain();
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

async function asked(): Promise<{ instanceId: number; approvals: { id: string; approver: string | null }[] }> {
  const inc = await createIncident(t, { priority: 1, caller: ada.gid });
  await t.atrium.engines.drain();
  const [inst] = await instancesOn(t, inc.id, 't_cab2');
  return { instanceId: inst.id, approvals: await approvalsOf(t, inst.id) };
}

describe('deciding an approval', () => {
  it('100 decisions at once on one approval: exactly one wins, 99 get CONFLICT, one audit line', async () => {
    const { instanceId, approvals } = await asked();
    const mine = approvals.find((a) => a.approver === grace.id)!;
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => decideApproval(ctx, { approvalId: mine.id, decision: i % 2 ? 'approved' : 'rejected' }, actorOf(grace))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(99);
    expect(new Set(lost.map((r) => r.reason.code))).toEqual(new Set(['CONFLICT']));
    expect(lost[0].reason.message).toMatch(new RegExp(`^approval ${mine.id} was already (approved|rejected) by grace at `));
    expect((await auditOf(t, instanceId)).filter((k) => k.startsWith('decided'))).toHaveLength(1);
  });

  it('two approvers at once (any): one decision counts, the other finds the request no longer required', async () => {
    const { instanceId, approvals } = await asked();
    const byPerson = (p: Person) => approvals.find((a) => a.approver === p.id)!.id;
    const results = await Promise.allSettled([decideApproval(ctx, { approvalId: byPerson(grace), decision: 'approved' }, actorOf(grace)), decideApproval(ctx, { approvalId: byPerson(linus), decision: 'approved' }, actorOf(linus))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [lost] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/no longer required/) });
    const trail = await auditOf(t, instanceId);
    expect(trail.filter((k) => k.startsWith('decided'))).toHaveLength(1);
    expect(trail.filter((k) => k.startsWith('outcome'))).toEqual(['outcome@cab']);
  });

  it('leaves a flow whose action the platform refuses visibly stuck: audited once, the job dead', async () => {
    const { instanceId, approvals } = await asked();
    await decideApproval(ctx, { approvalId: approvals[0].id, decision: 'approved' }, actorOf(approvals[0].approver === grace.id ? grace : linus));
    await t.atrium.engines.drain();
    const [row] = await t.atrium.db.run<{ status: string; state: any }>(sql`SELECT "status", "state" FROM "atrium"."flow_instance" WHERE "id" = ${instanceId}`);
    expect(row.status).toBe('running');
    const errors = await t.atrium.db.run<{ detail: any }>(sql`SELECT "detail" FROM "atrium"."flow_audit" WHERE "instance_id" = ${instanceId} AND "kind" = 'action' AND "detail" ? 'error'`);
    expect(errors).toHaveLength(1);
    expect(errors[0].detail).toMatchObject({ code: 'INVALID_TRANSITION' });
    const dead = await t.atrium.engines.jobs.dead();
    expect(dead.some((j) => j.kind === 'flow.action' && (j.data as { instanceId: number }).instanceId === instanceId)).toBe(true);
  });
});
