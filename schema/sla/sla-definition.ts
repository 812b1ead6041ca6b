import { z } from 'zod';
import { Condition } from '../condition/condition.js';

/** Who a notification goes to: a user, a group's members, or the user a reference field of the record names. */
export const RecipientDoc = z.union([
  z.object({ user: z.string().min(1) }).strict(),
  z.object({ group: z.string().min(1) }).strict(),
  /** A reference field of the record pointing at a person (`assigned_to`, `caller`) or a group (`assignment_group`). */
  z.object({ field: z.string().min(1) }).strict(),
]);
export type RecipientDoc = z.infer<typeof RecipientDoc>;

/** What happens when an SLA crosses a warning threshold or breaches. */
export const SlaActionDoc = z.discriminatedUnion('kind', [
  /** Assign the record to another group (and clear the assignee). */
  z.object({ kind: z.literal('reassign'), group: z.string().min(1) }).strict(),
  /** Make the priority more urgent by `by` steps (1 is the most urgent), never past 1. */
  z.object({ kind: z.literal('raise_priority'), by: z.number().int().min(1).max(4).default(1) }).strict(),
  /** A message to people; `template` names a notification template, else subject and body are given here. */
  z.object({ kind: z.literal('notify'), to: z.array(RecipientDoc).min(1), template: z.string().optional(), subject: z.string().optional(), body: z.string().optional() }).strict(),
  /** A work note on the record's journal. */
  z.object({ kind: z.literal('work_note'), body: z.string().min(1) }).strict(),
]);
export type SlaActionDoc = z.infer<typeof SlaActionDoc>;

/** A point on the way to the target (percent of it elapsed) and what happens there. */
export const SlaWarningDoc = z
  .object({
    percent: z.number().int().min(1).max(99),
    actions: z.array(SlaActionDoc).default([]),
  })
  .strict();
export type SlaWarningDoc = z.infer<typeof SlaWarningDoc>;

/**
 * A promise about records of a type: once `start` holds (and `appliesTo` chose the record), the clock runs in
 * business time (`schedule`) while `pause` does not hold, until `stop` holds (met, or breached if the target
 * passed first); `cancel` withdraws it. Conditions are the shared condition language, evaluated on each write.
 */
export const SlaDefinitionDoc = z
  .object({
    name: z.string(),
    label: z.string().optional(),
    description: z.string().optional(),
    /** The record type (or an ancestor: it applies to every descendant). */
    recordType: z.string().min(1),
    /** What is measured: the first response, the resolution, or something else. */
    type: z.enum(['response', 'resolution', 'other']).default('resolution'),
    /** Which records get this SLA (absent: all of the type). */
    appliesTo: Condition.optional(),
    /** When the clock starts (absent: as soon as the record gets the SLA). */
    start: Condition.optional(),
    pause: Condition.optional(),
    stop: Condition,
    cancel: Condition.optional(),
    /** ISO 8601 duration of business time, e.g. PT4H, P2D (a day is 24 business hours). */
    target: z.string().regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'an ISO 8601 duration such as PT4H or P1DT12H'),
    /** A schedule by name; absent: every hour counts (24×7). */
    schedule: z.string().optional(),
    /**
     * A datetime field the clock starts from instead of the moment the start condition first held (an
     * incident opened on the phone at 9:00 and logged at 9:20 starts at 9:00).
     */
    retroactiveStart: z.string().optional(),
    warnings: z.array(SlaWarningDoc).default([]),
    breachActions: z.array(SlaActionDoc).default([]),
    /**
     * Customer cases: the SLA applies only when the case's account holds an active entitlement at one of these
     * support levels (for the case's product, when it names one).
     */
    entitlementLevels: z.array(z.string().min(1)).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type SlaDefinitionDoc = z.infer<typeof SlaDefinitionDoc>;
