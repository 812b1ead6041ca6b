import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../../schema/index.js';
import type { Executor } from '../../../db/index.js';
import { tableRef } from '../../../ddl/sql-names.js';
import type { ResolvedApprover } from '../flow-types.js';

/**
 * Sends each approval on to its approver's out-of-office delegate: the delegation must be active and cover `now`
 * (starts_at <= now < ends_at, or no end); of several, the one that started last (then the newest) counts. One
 * hop only: a delegate's own delegation does not pass it on again (no chains, no cycles). The original keeps it
 * when the delegate is the requester or inactive. A delegate already asked is not asked twice (the first place
 * in the order is kept). One statement.
 */
export async function applyDelegations(tx: Executor, approvers: readonly ResolvedApprover[], requesterId: string | null, now: Date): Promise<ResolvedApprover[]> {
  if (!approvers.length) return [];
  const ids = approvers.map((a) => sql`${a.personId}::bigint`);
  const rows = await tx.run<{ person_id: string | number; delegate_id: string | number; delegate_active: boolean | null }>(sql`
    SELECT DISTINCT ON (d."person_id") d."person_id", d."delegate_id", p."active" AS "delegate_active"
    FROM "atrium"."approval_delegation" d JOIN ${tableRef(IDENTITY_TYPES.user)} p ON p."id" = d."delegate_id"
    WHERE d."active" AND d."starts_at" <= ${now.toISOString()}::timestamptz AND (d."ends_at" IS NULL OR d."ends_at" > ${now.toISOString()}::timestamptz)
      AND d."person_id" IN (${sql.join(ids, sql`, `)})
    ORDER BY d."person_id", d."starts_at" DESC, d."id" DESC`);
  // The delegation in force decides; when its delegate may not be asked, the original is, not an older delegate.
  const usable = rows.filter((r) => r.delegate_active !== false && String(r.delegate_id) !== requesterId);
  const delegateOf = new Map(usable.map((r) => [String(r.person_id), String(r.delegate_id)]));
  const out = new Map<string, ResolvedApprover>();
  for (const a of approvers) {
    const delegate = delegateOf.get(a.personId);
    const asked = delegate && delegate !== a.personId ? { personId: delegate, delegatedFrom: a.personId, via: a.via } : a;
    if (!out.has(asked.personId)) out.set(asked.personId, asked);
  }
  return [...out.values()];
}
