import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { RecordRow } from '../../records/index.js';

/** Checks an approval id from a client (digits) before it reaches SQL. */
export function approvalIdOf(raw: string): string {
  if (!/^[1-9][0-9]{0,17}$/.test(raw)) throw new DomainError(ErrorCode.INVALID_ID, `"${raw}" is not a valid approval id`);
  return raw;
}

/** The approval row (no lock), or null. */
export async function readApprovalRow(tx: Executor, id: string): Promise<RecordRow | null> {
  const [r] = await tx.run<{ row: unknown }>(sql`SELECT to_jsonb(a) AS "row" FROM ${tableRef(IDENTITY_TYPES.approval)} a WHERE a."id" = ${id}::bigint`);
  if (!r) return null;
  return (typeof r.row === 'string' ? JSON.parse(r.row) : r.row) as RecordRow;
}

/**
 * Why a claim on a requested approval found nothing, as the error to answer with: it does not exist, it is closed
 * (who closed it and when), or it was not asked of this person.
 */
export async function whyNotOpen(tx: Executor, id: string, personId: string | null, verb: string): Promise<DomainError> {
  const [r] = await tx.run<{ state: string; approver: unknown; requester: unknown; decided_at: unknown; decider: string | null }>(sql`
    SELECT a."state", a."approver", a."requester", a."decided_at", p."user_name" AS "decider"
    FROM ${tableRef(IDENTITY_TYPES.approval)} a LEFT JOIN ${tableRef(IDENTITY_TYPES.user)} p ON p."id" = a."decided_by"
    WHERE a."id" = ${id}::bigint`);
  if (!r) return new DomainError(ErrorCode.NOT_FOUND, `there is no approval with id ${id}`);
  if (r.state === 'approved' || r.state === 'rejected') {
    const at = r.decided_at ? new Date(r.decided_at as string).toISOString() : 'an unknown time';
    return new DomainError(ErrorCode.CONFLICT, `approval ${id} was already ${r.state} by ${r.decider ?? 'an administrator'} at ${at}`, { state: r.state });
  }
  if (r.state === 'not_required') return new DomainError(ErrorCode.CONFLICT, `approval ${id} is no longer required: the flow went on without it`, { state: r.state });
  if (r.state === 'cancelled') return new DomainError(ErrorCode.CONFLICT, `approval ${id} was cancelled`, { state: r.state });
  if (personId !== null && r.requester !== null && String(r.requester) === personId) return new DomainError(ErrorCode.FORBIDDEN, `approval ${id} is for your own request: someone else must ${verb} it`);
  return new DomainError(ErrorCode.FORBIDDEN, `approval ${id} was not asked of you: only its approver or an administrator may ${verb} it`);
}
