import { z } from 'zod';
import { Condition } from '../condition/condition.js';

/** What a state means, whatever it is called: engines (SLAs, reports) reason with categories, not names. */
export const STATE_CATEGORIES = ['new', 'in_progress', 'on_hold', 'resolved', 'closed', 'cancelled'] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

export const StateDoc = z
  .object({
    /** The stored value (lower-case, as a choice value). */
    name: z.string().min(1),
    label: z.string().min(1),
    category: z.enum(STATE_CATEGORIES),
  })
  .strict();
export type StateDoc = z.infer<typeof StateDoc>;

/**
 * A move from one state to another. Allowed when the record matches `condition` and the user matches any of
 * `criteria` (none: every user who may update the record); `requires` names fields that must have a value once
 * the move is made (resolution notes to resolve).
 */
export const TransitionDoc = z
  .object({
    from: z.string().min(1),
    to: z.string().min(1),
    /** What the action is called on a button (`Resolve`); the target state's label when absent. */
    label: z.string().min(1).optional(),
    condition: Condition.optional(),
    criteria: z.array(z.string().min(1)).default([]),
    requires: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type TransitionDoc = z.infer<typeof TransitionDoc>;

/**
 * The life of records of one record type (and of its descendants that have no model of their own): the states
 * of its `field` (a choice field, `state` by default), where a record starts, and the moves between states.
 * A state's record can change state only through a transition. Removing a state that records still hold needs
 * `retired`: where those records go on publish.
 */
export const StateModelDoc = z
  .object({
    name: z.string(),
    label: z.string().min(1).optional(),
    recordType: z.string().min(1),
    field: z.string().min(1).default('state'),
    states: z.array(StateDoc).min(1),
    initial: z.string().min(1),
    transitions: z.array(TransitionDoc).default([]),
    /** Removed states still held by records: the state each moves to when the model is published. */
    retired: z.array(z.object({ state: z.string().min(1), to: z.string().min(1) }).strict()).default([]),
  })
  .strict();
export type StateModelDoc = z.infer<typeof StateModelDoc>;
