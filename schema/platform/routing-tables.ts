import { bigint, bigserial, boolean, index, integer, jsonb, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { atrium } from './tables.js';

/** One candidate a routing strategy weighed: the member, its open items, its levels of the required skills. */
export interface RoutingCandidate {
  personId: number;
  userName: string;
  /** Open items assigned to the member when the decision was made. */
  load: number;
  /** Required skill → the member's level (absent: not held). */
  skills?: Record<string, number>;
  /** Why the member was passed over (null: it qualified). */
  excluded: string | null;
}

/**
 * Why a record went where it went (one row per routing of a record version): the rule that matched, the
 * candidates considered, the winner and the reason in words. At most one per record version, so a retried or
 * repeated handling of one event routes it once.
 */
export const routingDecision = atrium.table(
  'routing_decision',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordType: text('record_type').notNull(),
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    /** The record version that was routed (the event's). */
    version: integer('version').notNull(),
    /** The rule that decided (null: rules matched but none found an assignee). */
    rule: text('rule'),
    strategy: text('strategy'),
    /** The rule's target as written: `{ group }` or `{ user }`. */
    target: jsonb('target'),
    groupId: bigint('group_id', { mode: 'number' }),
    personId: bigint('person_id', { mode: 'number' }),
    candidates: jsonb('candidates').$type<RoutingCandidate[]>().notNull(),
    reason: text('reason').notNull(),
    fellBack: boolean('fell_back').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('routing_decision_once_idx').on(t.recordType, t.recordId, t.version), index('routing_decision_record_idx').on(t.recordId)],
);

/** Round robin's place per rule: the member who got the last item, so the next goes to the one after. */
export const routingCursor = atrium.table('routing_cursor', {
  rule: text('rule').primaryKey(),
  lastPersonId: bigint('last_person_id', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
