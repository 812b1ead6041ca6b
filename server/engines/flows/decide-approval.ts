import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Actor } from '../../access/actor.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { RecordRow } from '../../records/index.js';
import { writeWithEvent } from '../../records/write/write-with-event.js';
import type { EngineContext } from '../engine.js';
import { approvalIdOf, readApprovalRow, whyNotOpen } from './approval-row.js';
import { lockInstance } from './flow-instance-row.js';
import { runStep } from './run-step.js';

export interface DecideApprovalInput {
  approvalId: string;
  decision: 'approved' | 'rejected';
  comment?: string | null;
  /** Passed on to the flow's outcome hooks (a registration approved under another user name). */
  options?: Record<string, unknown>;
}

/**
 * Records a decision on a requested approval, exactly once, and moves its flow in the same transaction: of two
 * decisions at once (two approvers, two clicks) one wins and the other gets CONFLICT saying who decided when.
 * Only the person asked, or an administrator, decides; a requester never decides their own request (FORBIDDEN,
 * even when somehow asked). An outcome hook that refuses (throws) refuses the decision: nothing changes.
 * Resolves to the approval row as decided.
 */
export async function decideApproval(ctx: EngineContext, input: DecideApprovalInput, actor: Actor | null, opts: { tx?: Executor } = {}): Promise<RecordRow> {
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in to decide an approval');
  if (input.decision !== 'approved' && input.decision !== 'rejected') throw new DomainError(ErrorCode.BAD_USER_INPUT, `a decision is "approved" or "rejected", not "${String(input.decision)}"`);
  const id = approvalIdOf(input.approvalId);
  const personId = actor.profile?.userId ?? null;
  if (!personId && !actor.admin) throw new DomainError(ErrorCode.FORBIDDEN, 'only people asked for an approval, and administrators, decide approvals');
  const note = input.comment?.trim() ? input.comment.trim() : null;
  const body = async (tx: Executor): Promise<RecordRow> => {
    const current = await readApprovalRow(tx, id);
    if (!current) throw new DomainError(ErrorCode.NOT_FOUND, `there is no approval with id ${id}`);
    const instanceId = current.flow_instance === null || current.flow_instance === undefined ? null : Number(current.flow_instance);
    // Instance before approval: the lock order of every step (a timer's step locks the instance, then withdraws
    // its approvals), so a decision racing a timer waits instead of deadlocking.
    if (instanceId !== null) await lockInstance(tx, instanceId);
    const now = ctx.clock.now().toISOString();
    const [row] = await writeWithEvent(
      tx,
      IDENTITY_TYPES.approval,
      'updated',
      actor.id,
      sql`UPDATE ${tableRef(IDENTITY_TYPES.approval)} SET "state" = ${input.decision}, "decided_by" = ${personId}::bigint, "decided_at" = ${now}, "comments" = coalesce(${note}, "comments"),
          "sys_version" = "sys_version" + 1, "sys_updated_at" = ${now}, "sys_updated_by" = ${actor.id}
          WHERE "id" = ${id}::bigint AND "state" = 'requested'
            AND (${actor.admin} OR "approver" = ${personId}::bigint)
            AND (${personId}::bigint IS NULL OR "requester" IS DISTINCT FROM ${personId}::bigint)`,
      ctx.graph().model,
    );
    if (!row) throw await whyNotOpen(tx, id, personId, 'decide');
    if (instanceId !== null && row.flow_token !== null && row.flow_token !== undefined) {
      const person = row.approver === null || row.approver === undefined ? (personId ?? 'admin') : String(row.approver);
      await runStep(ctx, tx, instanceId, { type: 'decision', token: Number(row.flow_token), person, decision: input.decision }, { id: actor.id, personId }, { ...(input.options ?? {}), ...(note ? { comment: note } : {}) });
    }
    return row;
  };
  return opts.tx ? body(opts.tx) : ctx.db.transaction(body);
}
