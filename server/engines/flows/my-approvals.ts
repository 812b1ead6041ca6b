import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { approvalRequestSelect, readApprovalRequests, type ApprovalRequestRow } from './approval-request-rows.js';
import type { ApprovalRequestView } from './flow-types.js';

export interface ApprovalPage {
  rows: ApprovalRequestRow[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * The approval requests asked of a person (as delegate too: a delegated request's approver is the delegate), in
 * `state` (default: requested), the soonest due first and those with no due time last, then the oldest asked.
 * Keyset pages: `after` is the `endCursor` of the page before.
 */
export async function myApprovals(db: Executor, personId: string, options: { state?: ApprovalRequestView['state'] | null; first: number; after?: string | null }): Promise<ApprovalPage> {
  if (!Number.isInteger(options.first) || options.first < 1 || options.first > 100) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'first must be between 1 and 100; page with after');
  const state = options.state ?? 'requested';
  const after = options.after ? decodeCursor(options.after) : null;
  const past = after
    ? after.due === null
      ? sql`a."due_at" IS NULL AND a."id" > ${after.id}::bigint`
      : sql`(a."due_at" IS NULL OR a."due_at" > ${after.due}::timestamptz OR (a."due_at" = ${after.due}::timestamptz AND a."id" > ${after.id}::bigint))`
    : sql`TRUE`;
  const rows = await readApprovalRequests(
    db,
    approvalRequestSelect(sql`a."approver" = ${personId}::bigint AND a."state" = ${state} AND ${past}`, sql`ORDER BY a."due_at" ASC NULLS LAST, a."id" ASC LIMIT ${options.first + 1}`),
  );
  const hasNextPage = rows.length > options.first;
  const page = rows.slice(0, options.first);
  return { rows: page, hasNextPage, endCursor: page.length ? approvalCursor(page[page.length - 1]) : null };
}

/** The cursor of a request in `myApprovals`' order. */
export function approvalCursor(row: ApprovalRequestRow): string {
  return Buffer.from(JSON.stringify([row.cursor.due, row.cursor.id])).toString('base64url');
}

function decodeCursor(cursor: string): { due: string | null; id: string } {
  try {
    const [due, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((due === null || (typeof due === 'string' && !Number.isNaN(Date.parse(due)))) && typeof id === 'string' && /^[1-9][0-9]{0,17}$/.test(id)) return { due: due as string | null, id };
  } catch {
    // Falls through to the error below.
  }
  throw new DomainError(ErrorCode.BAD_USER_INPUT, `"${cursor}" is not a cursor of myApprovals; pass the endCursor of the page before`);
}
