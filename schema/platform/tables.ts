import { sql } from 'drizzle-orm';
import { bigint, bigserial, customType, index, integer, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id; read as text (it can pass 2^53), compared in SQL only. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/** Platform tables live in their own schema so no record type name can collide with them. */
export const atrium = pgSchema('atrium');

/** One global id sequence: record ids are unique across all record types, so views over a parent type stay keyed. */
export const recordIdSeq = atrium.sequence('record_id_seq', { startWith: 1000 });

/** Every publish: an immutable snapshot of all metadata, who published it, and what changed. */
export const metaVersion = atrium.table('meta_version', {
  /**
   * Consecutive: a publish takes max(id) + 1 under the publish lock. A sequence would hand out numbers that dry
   * runs and validations roll back, and versions would skip.
   */
  id: integer('id').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  author: text('author').notNull(),
  message: text('message').notNull().default(''),
  snapshot: jsonb('snapshot').notNull(),
  diff: jsonb('diff').notNull(),
  /** Set when this version re-publishes an earlier one. */
  rollbackOf: integer('rollback_of'),
});

/**
 * Draft versions come from one sequence, not a per-row counter: a draft published (deleted) and started again
 * never reuses a number, so an edit based on the old draft cannot pass for one based on the new.
 */
export const metaDraftVersionSeq = atrium.sequence('meta_draft_version_seq', { startWith: 1 });

/** Unpublished edits, one document per record type; a null document is a draft removal. */
export const metaDraft = atrium.table('meta_draft', {
  name: text('name').primaryKey(),
  document: jsonb('document'),
  baseVersion: integer('base_version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
  /** Raised (from metaDraftVersionSeq) by every save: an edit names the version it read, optimistic concurrency. */
  version: integer('version').notNull().default(sql`nextval('atrium.meta_draft_version_seq')`),
});

/** The outbox: a record event commits with its write; a trigger NOTIFYs listeners, delivered only on commit. */
export const recordEvent = atrium.table(
  'record_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    recordType: text('record_type').notNull(),
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: ['created', 'updated', 'deleted'] }).notNull(),
    version: integer('version').notNull(),
    actor: text('actor').notNull(),
    /** The row as it was, kept for deletions (the record is gone when subscribers read the event). */
    snapshot: jsonb('snapshot'),
    /**
     * The writing transaction. Ids are taken before commit, so a later id can commit first; consumers read in
     * (tx, id) order and only below the oldest transaction still running, where nothing can appear any more.
     */
    tx: xid8('tx').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [index('record_event_created_at_idx').on(t.createdAt), index('record_event_tx_idx').on(t.tx, t.id)],
);

/**
 * Where each durable consumer of record events (an engine) has read to: the (tx, id) of the last event it
 * handled. The row is locked while a batch is handled, so one process handles a consumer's events at a time,
 * and it moves in the transaction that applies the batch's effects: each event is handled once.
 */
export const eventConsumer = atrium.table('event_consumer', {
  name: text('name').primaryKey(),
  tx: xid8('tx').notNull(),
  eventId: bigint('event_id', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Field history: one row per field a write changed (on create, per field given a value), written by the same
 * statement as the row, so a committed version always has its history and a rolled-back one none. Fields are
 * kept by their stable id (it survives renames) and by the name they had then.
 */
export const recordHistory = atrium.table(
  'record_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordType: text('record_type').notNull(),
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    /** The record's version this change made. */
    version: integer('version').notNull(),
    fieldId: text('field_id').notNull(),
    fieldName: text('field_name').notNull(),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    actor: text('actor').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('record_history_record_idx').on(t.recordId, t.id)],
);

/**
 * An event a consumer could not handle (its handler threw on that event alone): logged, kept here for an
 * administrator, and passed over so one bad event does not stop the consumer.
 */
export const eventConsumerFailure = atrium.table('event_consumer_failure', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  consumer: text('consumer').notNull(),
  eventId: bigint('event_id', { mode: 'number' }).notNull(),
  error: text('error').notNull(),
  failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
});
