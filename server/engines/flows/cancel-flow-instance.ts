import { sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { EngineContext } from '../engine.js';
import type { FlowInstanceRow } from './flow-instance-row.js';
import { runStep } from './run-step.js';

/**
 * An administrator cancels a running instance (and its running subflows), in one transaction: open approval
 * requests close, timers go, the outcome is `cancelled`. Refuses an instance that has already ended (CONFLICT,
 * saying how and when). Resolves to the instance as cancelled.
 */
export async function cancelFlowInstance(ctx: EngineContext, instanceId: string, reason: string, actor: Actor | null): Promise<FlowInstanceRow> {
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in to cancel a flow');
  if (!actor.admin) throw new DomainError(ErrorCode.FORBIDDEN, 'only administrators cancel flows');
  if (!/^[1-9][0-9]{0,17}$/.test(instanceId)) throw new DomainError(ErrorCode.INVALID_ID, `"${instanceId}" is not a valid flow instance id`);
  const why = reason?.trim();
  if (!why) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'say why the flow is cancelled (the reason is kept in its audit trail)', { field: 'reason' });
  return ctx.db.transaction(async (tx) => {
    const done = await runStep(ctx, tx, Number(instanceId), { type: 'cancel', reason: why }, { id: actor.id, personId: actor.profile?.userId ?? null });
    if (done) return done;
    const [r] = await tx.run<{ status: string; ended_at: unknown }>(sql`SELECT "status", "ended_at" FROM "atrium"."flow_instance" WHERE "id" = ${Number(instanceId)}`);
    if (!r) throw new DomainError(ErrorCode.NOT_FOUND, `there is no flow instance with id ${instanceId}`);
    throw new DomainError(ErrorCode.CONFLICT, `flow instance ${instanceId} already ended ${r.status} at ${new Date(r.ended_at as string).toISOString()}`, { status: r.status });
  });
}
