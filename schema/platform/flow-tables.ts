import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { FlowDoc } from '../flow/flow.js';
import type { FlowState } from '../flow/run/flow-state.js';
import { atrium } from './tables.js';

/**
 * A published flow as instances run it: immutable, one row per distinct document of a flow (the engine adds one
 * the first time it starts an instance on a document it has not seen). Instances keep theirs for life.
 */
export const flowVersion = atrium.table(
  'flow_version',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    flow: text('flow').notNull(),
    /** sha-256 of the document's canonical JSON: the same document is the same version. */
    hash: text('hash').notNull(),
    /** The metadata version it was first run at (what people call it: "v12"). */
    metadataVersion: integer('metadata_version').notNull(),
    doc: jsonb('doc').$type<FlowDoc>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('flow_version_doc_idx').on(t.flow, t.hash)],
);

/**
 * One run of a flow on one record. `state` is the pure engine state (`FlowState`), replaced whole by each step;
 * `step` counts steps and numbers the audit rows, so a step applied twice cannot add a row twice.
 */
export const flowInstance = atrium.table(
  'flow_instance',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    flow: text('flow').notNull(),
    versionId: bigint('version_id', { mode: 'number' }).notNull(),
    recordType: text('record_type').notNull(),
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    /** The person the flow acts for (never asked to approve), when known. */
    requesterId: bigint('requester_id', { mode: 'number' }),
    /** A subflow's parent instance and the parent's token waiting for it. */
    parentId: bigint('parent_id', { mode: 'number' }),
    parentToken: integer('parent_token'),
    status: text('status', { enum: ['running', 'approved', 'rejected', 'cancelled'] }).notNull().default('running'),
    state: jsonb('state').$type<FlowState>().notNull(),
    step: integer('step').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('flow_instance_record_idx').on(t.recordType, t.recordId),
    index('flow_instance_parent_idx').on(t.parentId).where(sql`${t.parentId} IS NOT NULL`),
    index('flow_instance_running_idx').on(t.flow, t.versionId).where(sql`${t.status} = 'running'`),
    /** A record runs at most one instance of a flow at a time. */
    uniqueIndex('flow_instance_one_running_idx').on(t.flow, t.recordType, t.recordId).where(sql`${t.status} = 'running'`),
  ],
);

/**
 * The audit trail of an instance, one row per `audit` effect, numbered within the instance: unique, so a step
 * committed once has its rows once. `actor` is who caused it (a user id, `system`).
 */
export const flowAudit = atrium.table(
  'flow_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    instanceId: bigint('instance_id', { mode: 'number' }).notNull(),
    seq: integer('seq').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    node: text('node'),
    token: integer('token'),
    actor: text('actor'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [uniqueIndex('flow_audit_seq_idx').on(t.instanceId, t.seq)],
);

/** A timer of an instance (an approval's due time, a timer node's wait): claimed when due with SKIP LOCKED. */
export const flowTimer = atrium.table(
  'flow_timer',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    instanceId: bigint('instance_id', { mode: 'number' }).notNull(),
    token: integer('token').notNull(),
    node: text('node').notNull(),
    key: text('key', { enum: ['due', 'wait'] }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('flow_timer_due_idx').on(t.dueAt), uniqueIndex('flow_timer_once_idx').on(t.instanceId, t.token, t.key)],
);

/**
 * An action's effect, applied: its key (instance, token, node, visit) is unique and written in the same
 * transaction as the effect, so a retried job finds it and applies nothing twice.
 */
export const flowEffect = atrium.table('flow_effect', {
  key: text('key').primaryKey(),
  instanceId: bigint('instance_id', { mode: 'number' }).notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
});

/**
 * Out of office: while it is in force, approvals asked of `personId` go to `delegateId` instead (the request
 * records whom it was delegated from).
 */
export const approvalDelegation = atrium.table(
  'approval_delegation',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: bigint('person_id', { mode: 'number' }).notNull(),
    delegateId: bigint('delegate_id', { mode: 'number' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('approval_delegation_person_idx').on(t.personId)],
);
