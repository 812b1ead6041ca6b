import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { atrium } from './tables.js';

/**
 * One SLA on one record (ServiceNow's task SLA): its stage, the business time it has used, and when it is next
 * due (a warning or the breach). Rows are the timers: the SLA engine claims due ones with SKIP LOCKED. Times
 * are instants; elapsed and paused times are business milliseconds under the definition's schedule.
 */
export const slaInstance = atrium.table(
  'sla_instance',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordType: text('record_type').notNull(),
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    /** The SLA definition's name, and the metadata version it was computed under. */
    definition: text('definition').notNull(),
    definitionVersion: integer('definition_version').notNull(),
    /** in_progress | paused | achieved (stopped in time) | breached (stopped late, or running past target) | cancelled */
    stage: text('stage', { enum: ['in_progress', 'paused', 'achieved', 'breached', 'cancelled'] }).notNull(),
    /** Whether the target has passed: true from the breach on, whatever the stage after it. */
    hasBreached: boolean('has_breached').notNull().default(false),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    /** The target, in business ms. */
    targetMs: bigint('target_ms', { mode: 'number' }).notNull(),
    /** Business ms used up to `measuredAt` (paused time excluded). */
    elapsedMs: bigint('elapsed_ms', { mode: 'number' }).notNull().default(0),
    /** Business ms spent paused, up to `measuredAt`. */
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    measuredAt: timestamp('measured_at', { withTimezone: true }).notNull(),
    /** When the target passes if the clock keeps running (null while paused or stopped). */
    breachAt: timestamp('breach_at', { withTimezone: true }),
    /** When it breached (null: not breached). */
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    /** The next timer: the next warning or the breach, whichever comes first (null: nothing pending). */
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    /** Warning thresholds (percent) already fired. */
    warningsFired: jsonb('warnings_fired').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sla_instance_record_idx').on(t.recordId),
    index('sla_instance_due_idx').on(t.nextDueAt).where(sql`${t.nextDueAt} IS NOT NULL`),
    /** One running (or paused) instance per definition and record. */
    uniqueIndex('sla_instance_open_idx').on(t.definition, t.recordId).where(sql`${t.stage} IN ('in_progress', 'paused')`),
  ],
);

/**
 * What happened to an instance (started, paused, resumed, warning at N %, breached, achieved, cancelled,
 * recomputed), one row each. Warnings and the breach are unique per instance: their actions run exactly once.
 */
export const slaInstanceEvent = atrium.table(
  'sla_instance_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    instanceId: bigint('instance_id', { mode: 'number' }).notNull(),
    /** `action`: one action of a warning or the breach was applied (detail.action = its index); unique, so once. */
    kind: text('kind', { enum: ['started', 'paused', 'resumed', 'warning', 'breached', 'achieved', 'cancelled', 'recomputed', 'action'] }).notNull(),
    /** The warning's percent; 100 for the breach (and for the breach's actions); 0 otherwise. */
    threshold: integer('threshold').notNull().default(0),
    at: timestamp('at', { withTimezone: true }).notNull(),
    detail: jsonb('detail'),
  },
  (t) => [
    index('sla_instance_event_instance_idx').on(t.instanceId),
    uniqueIndex('sla_instance_event_once_idx').on(t.instanceId, t.kind, t.threshold).where(sql`${t.kind} IN ('warning', 'breached')`),
    uniqueIndex('sla_instance_event_action_idx').on(t.instanceId, t.threshold, sql`(${t.detail}->>'action')`).where(sql`${t.kind} = 'action'`),
  ],
);
