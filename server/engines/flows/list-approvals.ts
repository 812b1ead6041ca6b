import { sql, type SQL } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { fromGlobalId } from '../../records/index.js';
import type { ApprovalRequestView } from './flow-types.js';

export interface ListApprovalsFilter {
  /** Asked of this person (their inbox). */
  approverId?: string;
  requesterId?: string;
  states?: ApprovalRequestView['state'][];
  recordType?: string;
  recordId?: string;
  instanceId?: string;
  ids?: string[];
  /** At most this many, newest first (default 100, at most 1000). */
  limit?: number;
}

/**
 * Approval requests as adapters show them (with the flow and the label of the step that asked), newest first,
 * in one statement. Reads as the system: the GraphQL adapter applies the approval ACLs through the record API
 * or filters by the reader itself.
 */
export async function listApprovals(db: Executor, filter: ListApprovalsFilter = {}): Promise<ApprovalRequestView[]> {
  const where: SQL[] = [];
  if (filter.approverId) where.push(sql`a."approver" = ${filter.approverId}::bigint`);
  if (filter.requesterId) where.push(sql`a."requester" = ${filter.requesterId}::bigint`);
  if (filter.states?.length) where.push(sql`a."state" IN (${sql.join(filter.states.map((s) => sql`${s}`), sql`, `)})`);
  if (filter.recordType) where.push(sql`a."document_type" = ${filter.recordType}`);
  if (filter.instanceId) where.push(sql`a."flow_instance" = ${Number(filter.instanceId)}`);
  if (filter.ids?.length) where.push(sql`a."id" IN (${sql.join(filter.ids.map((id) => sql`${id}::bigint`), sql`, `)})`);
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
  const rows = await db.run(sql`
    SELECT a."id", a."state", a."document", a."document_type", a."approver", a."requester", a."delegated_from", a."decided_by", a."decided_at", a."comments", a."due_at", a."sys_created_at",
      a."flow_instance", a."flow_node", i."flow",
      (SELECT n->>'label' FROM jsonb_array_elements(v."doc"->'nodes') n WHERE n->>'id' = a."flow_node" LIMIT 1) AS "node_label"
    FROM ${tableRef(IDENTITY_TYPES.approval)} a
    LEFT JOIN "atrium"."flow_instance" i ON i."id" = a."flow_instance"
    LEFT JOIN "atrium"."flow_version" v ON v."id" = i."version_id"
    ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
    ORDER BY a."id" DESC LIMIT ${limit}`);
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  const views = rows.map(
    (r): ApprovalRequestView => ({
      id: String(r.id),
      state: r.state as ApprovalRequestView['state'],
      recordType: String(r.document_type),
      recordId: recordIdOf(String(r.document)),
      approverId: str(r.approver),
      requesterId: str(r.requester),
      delegatedFromId: str(r.delegated_from),
      decidedById: str(r.decided_by),
      decidedAt: date(r.decided_at),
      comments: str(r.comments),
      dueAt: date(r.due_at),
      askedAt: new Date(r.sys_created_at as string),
      instanceId: str(r.flow_instance),
      flow: str(r.flow),
      node: str(r.flow_node),
      nodeLabel: str(r.node_label),
    }),
  );
  return filter.recordId ? views.filter((v) => v.recordId === filter.recordId) : views;
}

function recordIdOf(document: string): string {
  try {
    return String(fromGlobalId(document).id);
  } catch {
    return document;
  }
}
