import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES, type FlowEffect } from '../../../schema/index.js';
import { tableRef } from '../../ddl/index.js';
import { toGlobalId } from '../../records/index.js';
import { writeWithEvent } from '../../records/write/write-with-event.js';
import { resolveApprovers } from './approvers/resolve-approvers.js';
import { flowDueAt } from './flow-due-at.js';
import type { ResolvedApprover } from './flow-types.js';
import type { StepRun } from './run-step.js';

/**
 * Asks the people an approval node names: resolves its sources as things are now (delegations applied, the
 * requester and inactive users left out), keeps who was asked through what, and what was wrong (the flags), for the `asked` audit line,
 * and writes one `approval` record per person (state requested, due when the node has a due time). Resolves to
 * the person ids asked, for `approvers_resolved` (possibly none: the node's `ifNoApprovers` decides).
 */
export async function requestApprovals(run: StepRun, effect: Extract<FlowEffect, { type: 'request_approvals' }>): Promise<string[]> {
  const { ctx, tx, instance, now } = run;
  const resolution = run.row
    ? await resolveApprovers({ tx, sources: effect.sources, recordType: instance.recordType, row: run.row, requesterId: instance.requesterId, now, model: ctx.graph().model })
    : { approvers: [], flags: [] };
  const seen = new Set<string>();
  const approvers: ResolvedApprover[] = [];
  for (const a of resolution.approvers) {
    // Never ask the requester (resolution leaves them out too; this holds whatever a source returns).
    if (a.personId === instance.requesterId || seen.has(a.personId)) continue;
    seen.add(a.personId);
    approvers.push(a);
  }
  run.asking.set(effect.token, { via: approvers.map((a) => ({ person: a.personId, via: a.via, delegatedFrom: a.delegatedFrom })), flags: resolution.flags });
  if (!approvers.length) return [];
  const node = run.doc.nodes.find((n) => n.id === effect.node);
  const due = node?.kind === 'approval' && node.due ? flowDueAt(ctx.graph().model, node.due.after, node.due.schedule, now) : null;
  const gqlName = ctx.graph().byName.get(instance.recordType)?.type.gqlName ?? instance.recordType;
  const document = toGlobalId(gqlName, instance.recordId);
  const values = approvers.map(
    (a) =>
      sql`(${document}, ${instance.recordType}, 'requested', ${a.personId}::bigint, ${instance.requesterId}::bigint, ${a.delegatedFrom}::bigint, ${due?.toISOString() ?? null}::timestamptz, ${instance.id}, ${effect.node}, ${effect.token}, 'system', 'system')`,
  );
  await writeWithEvent(
    tx,
    IDENTITY_TYPES.approval,
    'created',
    'system',
    sql`INSERT INTO ${tableRef(IDENTITY_TYPES.approval)} ("document", "document_type", "state", "approver", "requester", "delegated_from", "due_at", "flow_instance", "flow_node", "flow_token", "sys_created_by", "sys_updated_by")
        VALUES ${sql.join(values, sql`, `)}`,
    ctx.graph().model,
  );
  return approvers.map((a) => a.personId);
}
