import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES, type FlowState } from '../../../schema/index.js';
import type { Actor } from '../../access/actor.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { RecordRow } from '../../records/index.js';
import { writeWithEvent } from '../../records/write/write-with-event.js';
import type { EngineContext } from '../engine.js';
import { appendAudit } from './append-audit.js';
import { approvalIdOf, readApprovalRow, whyNotOpen } from './approval-row.js';
import { lockInstance } from './flow-instance-row.js';

export interface DelegateApprovalInput {
  approvalId: string;
  /** The person id to hand it to. */
  to: string;
  comment?: string | null;
}

/**
 * Hands a requested approval to another active person: they become its approver, and the request records whom
 * it came from. Only its approver or an administrator may; never to the requester, to someone already asked at
 * the same step, to an unknown or inactive person, or on a closed request. The flow's tally names the new
 * approver from then on (their answer counts as the one asked). Resolves to the approval row as delegated.
 */
export async function delegateApproval(ctx: EngineContext, input: DelegateApprovalInput, actor: Actor | null, opts: { tx?: Executor } = {}): Promise<RecordRow> {
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in to delegate an approval');
  const id = approvalIdOf(input.approvalId);
  if (!/^[1-9][0-9]{0,17}$/.test(input.to)) throw new DomainError(ErrorCode.INVALID_ID, `"${input.to}" is not a valid person id`, { field: 'to' });
  const personId = actor.profile?.userId ?? null;
  const note = input.comment?.trim() ? input.comment.trim() : null;
  const body = async (tx: Executor): Promise<RecordRow> => {
    const [to] = await tx.run<{ active: unknown; user_name: string }>(sql`SELECT "active", "user_name" FROM ${tableRef(IDENTITY_TYPES.user)} WHERE "id" = ${input.to}::bigint`);
    if (!to) throw new DomainError(ErrorCode.BAD_USER_INPUT, `there is no person with id ${input.to} to delegate to`, { field: 'to' });
    if (to.active === false) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${to.user_name} is inactive: delegate to an active person`, { field: 'to' });
    const current = await readApprovalRow(tx, id);
    if (!current) throw new DomainError(ErrorCode.NOT_FOUND, `there is no approval with id ${id}`);
    const instanceId = current.flow_instance === null || current.flow_instance === undefined ? null : Number(current.flow_instance);
    const instance = instanceId !== null ? await lockInstance(tx, instanceId) : null; // instance before approval, as in every step
    if (current.requester !== null && current.requester !== undefined && String(current.requester) === input.to)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `${to.user_name} requested this; a requester never approves their own request`, { field: 'to' });
    const token = current.flow_token === null || current.flow_token === undefined ? null : Number(current.flow_token);
    const wait = instance && token !== null ? instance.state.tokens.find((t) => t.id === token)?.wait : null;
    if (wait?.kind === 'approval' && wait.tally.asked.includes(input.to)) throw new DomainError(ErrorCode.CONFLICT, `${to.user_name} is already asked at this step`, { field: 'to' });
    const now = ctx.clock.now();
    const [row] = await writeWithEvent(
      tx,
      IDENTITY_TYPES.approval,
      'updated',
      actor.id,
      sql`UPDATE ${tableRef(IDENTITY_TYPES.approval)} SET "approver" = ${input.to}::bigint, "delegated_from" = "approver", "comments" = coalesce(${note}, "comments"),
          "sys_version" = "sys_version" + 1, "sys_updated_at" = ${now.toISOString()}, "sys_updated_by" = ${actor.id}
          WHERE "id" = ${id}::bigint AND "state" = 'requested' AND (${actor.admin} OR "approver" = ${personId}::bigint)`,
    );
    if (!row) throw await whyNotOpen(tx, id, personId, 'delegate');
    if (instance && token !== null) {
      const from = row.delegated_from === null || row.delegated_from === undefined ? null : String(row.delegated_from);
      if (wait?.kind === 'approval' && from !== null) {
        // The tally is who may answer: the delegate answers in place of the person asked before.
        const state: FlowState = { ...instance.state, tokens: instance.state.tokens.map((t) => (t.id === token && t.wait?.kind === 'approval' ? { ...t, wait: { ...t.wait, tally: { ...t.wait.tally, asked: t.wait.tally.asked.map((p) => (p === from ? input.to : p)) } } } : t)) };
        await tx.run(sql`UPDATE "atrium"."flow_instance" SET "state" = ${JSON.stringify(state)}::jsonb WHERE "id" = ${instance.id}`);
      }
      await appendAudit(tx, instance.id, { kind: 'asked', node: String(row.flow_node), token, detail: { approvers: [{ person: input.to, via: 'delegation', delegatedFrom: from }], delegatedFrom: from, comment: note } }, actor.id, now);
    }
    return row;
  };
  return opts.tx ? body(opts.tx) : ctx.db.transaction(body);
}
