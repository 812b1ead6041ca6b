import { sql, type SQL } from 'drizzle-orm';
import type { RecipientDoc } from '../../../schema/index.js';

/** A row of the notification outbox as read back (column names). */
export interface NotificationRow {
  id: number;
  key: string;
  channel: 'email' | 'webhook';
  record_type: string | null;
  record_id: number | null;
  recipients: RecipientDoc[];
  template: string | null;
  subject: string | null;
  body: string | null;
  payload: unknown;
  status: 'pending' | 'sent' | 'failed' | 'dead';
  attempts: number;
  last_error: string | null;
  created_at: string | Date;
  sent_at: string | Date | null;
  due_at: string | Date | null;
  /** Where it went at its last attempt; read only by the lists (`addressesOf`). */
  addresses: string[];
}

/**
 * The select-list term that reads a notification's addresses (of row `n`) with it; with `personId`, only that
 * user's own (e-mail goes out Bcc, so a recipient never learns the others').
 */
export function addressesOf(personId?: number): SQL {
  const mine = personId === undefined ? sql`` : sql` AND r."person_id" = ${personId}`;
  return sql`(SELECT coalesce(json_agg(r."address" ORDER BY r."address"), '[]') FROM "atrium"."notification_recipient" r WHERE r."notification_id" = n."id"${mine}) AS "addresses"`;
}

/** The payload of a webhook notification: which webhook, and the JSON it posts. */
export interface WebhookPayload {
  webhook: string;
  body: unknown;
}

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** Normalises what the two drivers hand back (bigint ids as text, jsonb as text or parsed). */
export function notificationRow(r: Record<string, unknown>): NotificationRow {
  return {
    ...(r as unknown as NotificationRow),
    id: Number(r.id),
    record_id: r.record_id === null || r.record_id === undefined ? null : Number(r.record_id),
    attempts: Number(r.attempts),
    recipients: (json(r.recipients) as RecipientDoc[] | null) ?? [],
    payload: json(r.payload) ?? null,
    addresses: (json(r.addresses) as string[] | undefined) ?? [],
  };
}
