import { sql, type SQL } from 'drizzle-orm';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { NotificationRow } from './notification-row.js';

/** One page of notifications, newest first. */
export interface NotificationPage {
  rows: NotificationRow[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export const MAX_PAGE = 100;

/** A page size within 1 … MAX_PAGE, or a refusal saying what to ask for. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw new DomainError(ErrorCode.BAD_USER_INPUT, `first must be a whole number from 1 to ${MAX_PAGE}, not ${n}`);
  return n;
}

/** The cursor of a notification: opaque to clients, its id underneath. */
export function notificationCursor(id: number): string {
  return Buffer.from(`notification:${id}`).toString('base64url');
}

/** `id < cursor's id` (pages run newest first), or TRUE without a cursor; a cursor that is not ours is refused. */
export function afterCursor(after: string | null | undefined): SQL {
  if (!after) return sql`TRUE`;
  const m = /^notification:([1-9][0-9]{0,17})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!m) throw new DomainError(ErrorCode.INVALID_CURSOR, `"${after}" is not a cursor of this list; pass an endCursor it returned`);
  return sql`n."id" < ${Number(m[1])}`;
}

/** Splits the `first + 1` rows read into a page. */
export function toPage(rows: NotificationRow[], first: number): NotificationPage {
  const page = rows.slice(0, first);
  return { rows: page, hasNextPage: rows.length > first, endCursor: page.length ? notificationCursor(page.at(-1)!.id) : null };
}
