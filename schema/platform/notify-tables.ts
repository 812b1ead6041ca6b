import { bigint, bigserial, index, integer, jsonb, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { atrium } from './tables.js';

/**
 * The notification outbox: a message to people (or a webhook call) about a record, written in the transaction
 * that decided to send it, delivered by a durable job. `key` makes it idempotent: a retried cause (an SLA
 * breach handled twice) never queues a second message.
 */
export const notification = atrium.table(
  'notification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** email | webhook */
    channel: text('channel', { enum: ['email', 'webhook'] }).notNull(),
    recordType: text('record_type'),
    recordId: bigint('record_id', { mode: 'number' }),
    /** Who it is for, as asked (users, groups, reference fields); resolved to addresses when delivered. */
    recipients: jsonb('recipients').notNull(),
    template: text('template'),
    subject: text('subject'),
    body: text('body'),
    /** A webhook's payload, or anything the channel needs besides subject and body. */
    payload: jsonb('payload'),
    /** pending → sent | failed (retrying) → dead (gave up) */
    status: text('status', { enum: ['pending', 'sent', 'failed', 'dead'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notification_key_idx').on(t.key), index('notification_record_idx').on(t.recordId), index('notification_status_idx').on(t.status, t.createdAt)],
);
