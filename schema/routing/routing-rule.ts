import { z } from 'zod';
import { Condition } from '../condition/condition.js';

export const ROUTING_STRATEGIES = ['fixed', 'round_robin', 'least_loaded', 'skills'] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

/** Where work goes: a group (by name) or a user (by user name). */
export const RoutingTargetDoc = z.union([z.object({ group: z.string().min(1) }).strict(), z.object({ user: z.string().min(1) }).strict()]);
export type RoutingTargetDoc = z.infer<typeof RoutingTargetDoc>;

/** A skill an assignee must hold, at least at `minLevel` (1–5). */
export const RequiredSkillDoc = z
  .object({
    skill: z.string().min(1),
    minLevel: z.number().int().min(1).max(5).default(1),
  })
  .strict();
export type RequiredSkillDoc = z.infer<typeof RequiredSkillDoc>;

/**
 * Assignment: records of `recordType` (and its descendants) matching `condition` go to `target`. Rules are tried
 * in `order` (lower first); the first that matches and finds an assignee wins. With a group target the strategy
 * picks a member: `fixed` assigns the group only; `round_robin` takes members in turn; `least_loaded` the member
 * with the fewest open items; `skills` members holding every required skill, least loaded first. Members at
 * `capacity` open items are passed over. When no one qualifies (or the target no longer exists), `fallback`
 * takes the record, and the assignment says why.
 */
export const RoutingRuleDoc = z
  .object({
    name: z.string(),
    label: z.string().optional(),
    description: z.string().optional(),
    recordType: z.string().min(1),
    order: z.number().int().default(100),
    /** Absent: every record of the type. */
    condition: Condition.optional(),
    target: RoutingTargetDoc,
    strategy: z.enum(ROUTING_STRATEGIES).default('fixed'),
    skills: z.array(RequiredSkillDoc).default([]),
    /** Most open items a member may hold to be chosen; absent: no limit. */
    capacity: z.number().int().min(1).optional(),
    fallback: RoutingTargetDoc.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type RoutingRuleDoc = z.infer<typeof RoutingRuleDoc>;
