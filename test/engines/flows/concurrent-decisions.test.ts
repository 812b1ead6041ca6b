import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../server/access/actor.js';
import { openPostgres, type Database } from '../../../server/db/index.js';
import { DomainError, ErrorCode } from '../../../server/domain-error.js';
import { ManualClock, type EngineContext } from '../../../server/engines/index.js';
import { decideApproval } from '../../../server/engines/flows/decide-approval.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { actorOf, APPROVER, approvalFlow, count, createRequests, SECOND_APPROVER, setUpFlowWorld } from '../durability/approval-flow-fixture.js';

/**
 * Decisions at the same moment. On PostgreSQL each decision runs on a connection of its own (a pool of 25), so
 * they truly race; PGlite has one connection and serialises them, and the guarantees must hold all the same.
 */
let t: TestServer;
let ctx: EngineContext;
let pool: Database | null = null;
let first: Actor;
let second: Actor;

type Decision = 'approved' | 'rejected';
type Settled = { ok: true } | { ok: false; code: string; message: string };

/** Runs the decisions all at once; what each came to. */
function race(decisions: { approvalId: number; decision: Decision; actor: Actor }[]): Promise<Settled[]> {
  return Promise.all(
    decisions.map(async ({ approvalId, decision, actor }): Promise<Settled> => {
      try {
        await decideApproval(ctx, { approvalId: String(approvalId), decision, comment: `${actor.id} says ${decision}` }, actor);
        return { ok: true };
      } catch (err) {
        return { ok: false, code: err instanceof DomainError ? err.code : 'UNEXPECTED', message: (err as Error).message };
      }
    }),
  );
}

/** The flow started on a new request titled `title`: its instance and its approval requests (by approver). */
async function startOne(title: string): Promise<{ instanceId: number; approvals: Map<string, number> }> {
  const [recordId] = await createRequests(t.atrium.engines.context(), 1, 1, () => title);
  await t.atrium.engines.drain();
  const [instance] = await t.atrium.db.run<{ id: number | string }>(sql`SELECT id FROM atrium.flow_instance WHERE record_type = 'dur_request' AND record_id = ${recordId}`);
  expect(instance, `no flow started on the request titled ${title}`).toBeDefined();
  const rows = await t.atrium.db.run<{ id: number | string; user_name: string }>(
    sql`SELECT a.id, p.user_name FROM records.approval a JOIN records.person p ON p.id = a.approver WHERE a.flow_instance = ${Number(instance.id)} AND a.state = 'requested'`,
  );
  return { instanceId: Number(instance.id), approvals: new Map(rows.map((r) => [r.user_name, Number(r.id)])) };
}

const audit = (instanceId: number, kind: string) => count(t.atrium.db, sql`SELECT count(*) AS n FROM atrium.flow_audit WHERE instance_id = ${instanceId} AND kind = ${kind}`);
const statusOf = async (instanceId: number) => (await t.atrium.db.run<{ status: string }>(sql`SELECT status FROM atrium.flow_instance WHERE id = ${instanceId}`))[0].status;

beforeAll(async () => {
  t = await startTestServer({ clock: new ManualClock('2026-03-02T09:00:00Z') });
  await setUpFlowWorld(t.atrium, [approvalFlow('dur_race', 'race', [APPROVER], 'any'), approvalFlow('dur_pair', 'pair', [APPROVER, SECOND_APPROVER], 'all')]);
  first = await actorOf(t.atrium, APPROVER);
  second = await actorOf(t.atrium, SECOND_APPROVER);
  // The flow engine's consumer starts at the first drain ("from now"): before the first request is created.
  await t.atrium.engines.drain();
  ctx = t.atrium.engines.context();
  if (t.database.url) {
    pool = await openPostgres({ url: t.database.url, max: 25 });
    ctx = { ...ctx, db: pool };
  }
}, 120_000);

afterAll(async () => {
  await pool?.close();
  await t?.stop();
});

describe('decisions at the same moment', () => {
  it('100 decisions on one approval: one wins, 99 get a clear CONFLICT, one decided audit row', async () => {
    const { instanceId, approvals } = await startOne('race');
    const approvalId = approvals.get(APPROVER)!;
    const decisions = Array.from({ length: 100 }, (_, i) => ({ approvalId, decision: (i % 3 === 0 ? 'rejected' : 'approved') as Decision, actor: first }));
    const settled = await race(decisions);

    const winners = settled.flatMap((s, i) => (s.ok ? [decisions[i].decision] : []));
    expect(winners).toHaveLength(1);
    const losers = settled.filter((s): s is Extract<Settled, { ok: false }> => !s.ok);
    expect(losers).toHaveLength(99);
    expect(new Set(losers.map((l) => l.code))).toEqual(new Set([ErrorCode.CONFLICT]));
    // Each loser is told what happened instead: the request is closed, with the winning decision.
    for (const l of losers) expect(l.message).toMatch(new RegExp(`already ${winners[0]}`));

    const [row] = await t.atrium.db.run<{ state: string; decided_at: string | null }>(sql`SELECT state, decided_at FROM records.approval WHERE id = ${approvalId}`);
    expect(row.state).toBe(winners[0]);
    expect(row.decided_at).not.toBeNull();
    expect(await audit(instanceId, 'decided')).toBe(1);
    expect(await count(t.atrium.db, sql`SELECT count(*) AS n FROM atrium.record_history WHERE record_type = 'approval' AND record_id = ${approvalId} AND field_name = 'state' AND old_value IS NOT NULL`)).toBe(1);
    await t.atrium.engines.drain();
    expect(await statusOf(instanceId)).toBe(winners[0]);
  }, 60_000);

  it('two approvers on an `all` node deciding at once both count', async () => {
    // Several rounds, so the two arrive in either order and, on PostgreSQL, also truly together.
    for (let round = 0; round < 5; round++) {
      const { instanceId, approvals } = await startOne('pair');
      expect([...approvals.keys()].sort()).toEqual([APPROVER, SECOND_APPROVER].sort());
      const settled = await race([
        { approvalId: approvals.get(APPROVER)!, decision: 'approved', actor: first },
        { approvalId: approvals.get(SECOND_APPROVER)!, decision: 'approved', actor: second },
      ]);
      expect(settled).toEqual([{ ok: true }, { ok: true }]);
      await t.atrium.engines.drain();
      expect(await audit(instanceId, 'decided')).toBe(2);
      expect(await statusOf(instanceId)).toBe('approved');
      expect(await count(t.atrium.db, sql`SELECT count(*) AS n FROM records.approval WHERE flow_instance = ${instanceId} AND state = 'approved'`)).toBe(2);
    }
  }, 60_000);

  it('an approval and a rejection at once on an `all` node: rejected, and the other answer counted or refused clearly', async () => {
    for (let round = 0; round < 5; round++) {
      const { instanceId, approvals } = await startOne('pair');
      const settled = await race([
        { approvalId: approvals.get(APPROVER)!, decision: 'approved', actor: first },
        { approvalId: approvals.get(SECOND_APPROVER)!, decision: 'rejected', actor: second },
      ]);
      // The rejection always lands. The approval lands too when it came first; when the rejection came first its
      // request was withdrawn, and it is refused as closed — never a deadlock or an internal error.
      expect(settled[1]).toEqual({ ok: true });
      if (!settled[0].ok) expect(settled[0].code).toBe(ErrorCode.CONFLICT);
      await t.atrium.engines.drain();
      expect(await statusOf(instanceId)).toBe('rejected');
      expect(await audit(instanceId, 'decided')).toBe(settled[0].ok ? 2 : 1);
      const states = await t.atrium.db.run<{ state: string }>(sql`SELECT state FROM records.approval WHERE flow_instance = ${instanceId} ORDER BY approver`);
      expect(states.map((s) => s.state).sort()).toEqual((settled[0].ok ? ['approved', 'rejected'] : ['not_required', 'rejected']).sort());
    }
  }, 60_000);
});
