import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Database, Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';

/** An out-of-office delegation: while in force, approvals asked of `personId` go to `delegateId`. */
export interface ApprovalDelegationView {
  id: string;
  personId: string;
  delegateId: string;
  delegateName: string | null;
  startsAt: Date;
  endsAt: Date | null;
  active: boolean;
}

type DelegationRow = {
  id: unknown;
  person_id: unknown;
  delegate_id: unknown;
  delegate_name: string | null;
  starts_at: unknown;
  ends_at: unknown;
  active: boolean;
};

const SELECT = sql`SELECT d."id", d."person_id", d."delegate_id", p."name" AS "delegate_name", d."starts_at", d."ends_at", d."active"
  FROM "atrium"."approval_delegation" d LEFT JOIN ${tableRef(IDENTITY_TYPES.user)} p ON p."id" = d."delegate_id"`;

/** A person's delegations that have not ended by `now` (in force or still to come), the soonest first. */
export async function approvalDelegationsOf(db: Executor, personId: string, now: Date): Promise<ApprovalDelegationView[]> {
  const rows = await db.run<DelegationRow>(
    sql`${SELECT} WHERE d."person_id" = ${personId}::bigint AND d."active" AND (d."ends_at" IS NULL OR d."ends_at" > ${now.toISOString()}::timestamptz) ORDER BY d."starts_at", d."id"`,
  );
  return rows.map(toView);
}

/**
 * Hands a person's approvals to `delegateId` from `startsAt` (default now) until `endsAt` (default: until ended).
 * Refuses delegating to oneself, to an inactive or unknown person, an end before the start, and a period that
 * overlaps another delegation of theirs (which would make it ambiguous who is asked).
 */
export async function setApprovalDelegation(db: Database, input: { personId: string; delegateId: string; startsAt: Date | null; endsAt: Date | null }, now: Date): Promise<ApprovalDelegationView> {
  const startsAt = input.startsAt ?? now;
  if (input.delegateId === input.personId) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'you cannot delegate your approvals to yourself; choose someone else', { field: 'to' });
  if (input.endsAt && input.endsAt <= startsAt) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'the delegation ends before it starts; give an until after from', { field: 'until' });
  if (input.endsAt && input.endsAt <= now) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'the delegation would have ended already; give an until in the future', { field: 'until' });
  const [delegate] = await db.run<{ active: boolean | null }>(sql`SELECT "active" FROM ${tableRef(IDENTITY_TYPES.user)} WHERE "id" = ${input.delegateId}::bigint`);
  if (!delegate) throw new DomainError(ErrorCode.NOT_FOUND, 'there is no person to delegate to with that id', { field: 'to' });
  if (delegate.active === false) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'that person is inactive and cannot decide approvals; choose an active person', { field: 'to' });
  const end = input.endsAt?.toISOString() ?? null;
  // Serialises a person's delegations, so two overlapping ones set at once cannot both pass the check.
  const run = async (tx: Executor) => {
    await tx.run(sql`SELECT pg_advisory_xact_lock(hashtext(${`approval-delegation:${input.personId}`}))`);
    const [overlap] = await tx.run<{ id: unknown }>(
      sql`SELECT "id" FROM "atrium"."approval_delegation" WHERE "person_id" = ${input.personId}::bigint AND "active"
          AND ("ends_at" IS NULL OR "ends_at" > ${startsAt.toISOString()}::timestamptz) AND (${end}::timestamptz IS NULL OR "starts_at" < ${end}::timestamptz) LIMIT 1`,
    );
    if (overlap) throw new DomainError(ErrorCode.CONFLICT, `this overlaps your delegation ${String(overlap.id)}; end it first (endApprovalDelegation) or choose another period`, { delegation: String(overlap.id) });
    const [row] = await tx.run<{ id: unknown }>(
      sql`INSERT INTO "atrium"."approval_delegation" ("person_id", "delegate_id", "starts_at", "ends_at") VALUES (${input.personId}::bigint, ${input.delegateId}::bigint, ${startsAt.toISOString()}::timestamptz, ${end}::timestamptz) RETURNING "id"`,
    );
    const [view] = await tx.run<DelegationRow>(sql`${SELECT} WHERE d."id" = ${row.id}::bigint`);
    return toView(view);
  };
  return db.transaction(run);
}

/** Ends one of a person's delegations now: approvals asked from now on go to them again. Only its owner ends it. */
export async function endApprovalDelegation(db: Executor, input: { personId: string; id: string }, now: Date): Promise<ApprovalDelegationView> {
  if (!/^[1-9][0-9]{0,17}$/.test(input.id)) throw new DomainError(ErrorCode.INVALID_ID, `"${input.id}" is not a delegation id`);
  const [row] = await db.run<{ id: unknown }>(
    sql`UPDATE "atrium"."approval_delegation" SET "active" = FALSE, "ends_at" = CASE WHEN "ends_at" IS NULL OR "ends_at" > ${now.toISOString()}::timestamptz THEN greatest("starts_at", ${now.toISOString()}::timestamptz) ELSE "ends_at" END
        WHERE "id" = ${input.id}::bigint AND "person_id" = ${input.personId}::bigint AND "active" RETURNING "id"`,
  );
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `you have no delegation ${input.id} in force; see myApprovalDelegations`);
  const [view] = await db.run<DelegationRow>(sql`${SELECT} WHERE d."id" = ${input.id}::bigint`);
  return toView(view);
}

function toView(r: DelegationRow): ApprovalDelegationView {
  return {
    id: String(r.id),
    personId: String(r.person_id),
    delegateId: String(r.delegate_id),
    delegateName: r.delegate_name,
    startsAt: new Date(r.starts_at as string),
    endsAt: r.ends_at === null ? null : new Date(r.ends_at as string),
    active: r.active,
  };
}
