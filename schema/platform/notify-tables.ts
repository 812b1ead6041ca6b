import { bigint, bigserial, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
    /**
     * The delivery timer (engine clock): when pending or failed and due, a tick hands the message to a delivery
     * job and clears it; the job sets it to the end of its lease while it sends (a crashed send is picked up
     * again when the lease ends) and, on failure, to the next attempt. Null: in a job's hands, or final.
     */
    dueAt: timestamp('due_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_key_idx').on(t.key),
    index('notification_record_idx').on(t.recordId),
    index('notification_status_idx').on(t.status, t.createdAt),
    index('notification_due_idx').on(t.dueAt),
  ],
);

/**
 * Who a notification was addressed to, as resolved at its last delivery attempt: one row per address, with the
 * user it belongs to (null for a group's own address). What `myNotifications` reads.
 */
export const notificationRecipient = atrium.table(
  'notification_recipient',
  {
    notificationId: bigint('notification_id', { mode: 'number' })
      .notNull()
      .references(() => notification.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    personId: bigint('person_id', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.address] }), index('notification_recipient_person_idx').on(t.personId)],
);
