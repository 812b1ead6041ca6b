import { sql } from 'drizzle-orm';
import type { RecipientDoc } from '../../../schema/sla/index.js';
import type { Executor } from '../../db/index.js';
import type { JobQueue } from '../jobs/job-queue.js';

/** A message some engine decided to send (an SLA warning, a routing fallback, a flow step). */
export interface NotificationRequest {
  /** Idempotency: a second request with the same key is dropped (e.g. `sla:<instance>:breach`). */
  key: string;
  channel?: 'email' | 'webhook';
  recordType?: string;
  recordId?: number;
  recipients: RecipientDoc[];
  /** A notification template by name; else `subject` and `body` (with the record's fields in {{field}}). */
  template?: string;
  subject?: string;
  body?: string;
  payload?: unknown;
}

/**
 * Puts a message in the notification outbox inside the caller's transaction (it exists only if that commits);
 * resolves to its id, or null when one with the same key was queued before. It is due at once: the notify
 * engine's timer hands it to a delivery job on its next tick (so this works whichever engines are installed).
 */
export async function queueNotification(_jobs: JobQueue, tx: Executor, n: NotificationRequest): Promise<number | null> {
  const [row] = await tx.run<{ id: number | string }>(sql`
    INSERT INTO "atrium"."notification" ("key", "channel", "record_type", "record_id", "recipients", "template", "subject", "body", "payload", "due_at")
    VALUES (${n.key}, ${n.channel ?? 'email'}, ${n.recordType ?? null}, ${n.recordId ?? null}, ${JSON.stringify(n.recipients)}::jsonb, ${n.template ?? null}, ${n.subject ?? null}, ${n.body ?? null}, ${n.payload === undefined ? null : JSON.stringify(n.payload)}::jsonb, '-infinity')
    ON CONFLICT ("key") DO NOTHING RETURNING "id"`);
  return row ? Number(row.id) : null;
}
