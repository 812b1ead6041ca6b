import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { approvalRequestSelect, readApprovalRequests, type ApprovalRequestRow } from './approval-request-rows.js';

/**
 * The other requests of the same approval step (same flow instance, node and path) as each of `requests`, in the
 * order they were asked: who else was asked and what they decided — the context of a decision. One statement.
 * Keyed by the request's id; requests outside a flow have none.
 */
export async function approvalPeers(db: Executor, requests: ApprovalRequestRow[]): Promise<Map<string, ApprovalRequestRow[]>> {
  const out = new Map<string, ApprovalRequestRow[]>(requests.map((r) => [r.id, []]));
  const inFlow = requests.filter((r) => r.instanceId !== null && r.node !== null);
  if (!inFlow.length) return out;
  const instances = [...new Set(inFlow.map((r) => r.instanceId!))];
  const rows = await readApprovalRequests(db, approvalRequestSelect(sql`a."flow_instance" = ANY(${`{${instances.join(',')}}`}::bigint[])`, sql`ORDER BY a."id"`));
  for (const r of inFlow) {
    out.set(r.id, rows.filter((p) => p.id !== r.id && p.instanceId === r.instanceId && p.node === r.node && p.flowToken === r.flowToken));
  }
  return out;
}

