import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { approvalRequestSelect, readApprovalRequests, type ApprovalRequestRow } from './approval-request-rows.js';

/** Approval requests by row id (digits), as adapters show them; ids that name none are left out. */
export async function approvalRequestsById(db: Executor, ids: string[]): Promise<ApprovalRequestRow[]> {
  const valid = ids.filter((id) => /^[1-9][0-9]{0,17}$/.test(id));
  if (!valid.length) return [];
  return readApprovalRequests(db, approvalRequestSelect(sql`a."id" = ANY(${`{${valid.join(',')}}`}::bigint[])`, sql`ORDER BY a."id"`));
}
