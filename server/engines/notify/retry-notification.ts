import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { Clock } from '../clock.js';
import { addressesOf, notificationRow, type NotificationRow } from './notification-row.js';

/**
 * Puts a dead notification back in line with a fresh count of attempts; the delivery timer picks it up on its
 * next tick. Only dead ones: a failed one is already retried on its own, and resetting it while an attempt is
 * under way could send it twice.
 */
export async function retryNotification(db: Executor, clock: Clock, id: number): Promise<NotificationRow> {
  const [row] = await db.run(sql`
    UPDATE "atrium"."notification" n SET "status" = 'pending', "attempts" = 0, "last_error" = NULL, "due_at" = ${clock.now().toISOString()}::timestamptz
    WHERE n."id" = ${id} AND n."status" = 'dead' RETURNING n.*, ${addressesOf()}`);
  if (row) return notificationRow(row);
  const [found] = await db.run<{ status: string; due_at: unknown }>(sql`SELECT "status", "due_at" FROM "atrium"."notification" WHERE "id" = ${id}`);
  if (!found) throw new DomainError(ErrorCode.NOT_FOUND, `there is no notification ${id}`);
  const when = found.status === 'failed' && found.due_at ? ` (its next attempt is due at ${new Date(found.due_at as string).toISOString()})` : '';
  throw new DomainError(ErrorCode.CONFLICT, `notification ${id} is ${found.status}${when}; only dead notifications can be retried`);
}
