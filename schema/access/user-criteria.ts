import { z } from 'zod';
import { Condition } from '../condition/condition.js';

/** An account a criterion names, optionally with every account below it. */
export const CriteriaAccount = z.object({ account: z.string().min(1), includeChildren: z.boolean().optional() }).strict();

/**
 * Who a rule is for. Users, groups, roles, departments and locations are named by their unique names (users by
 * `user_name`), so criteria move between environments; accounts by name. `condition` tests the user's own
 * record (`person`). `match: all` needs every listed dimension to match, `any` one of them. Criteria listing
 * nothing match every signed-in user.
 */
export const UserCriteriaDoc = z
  .object({
    name: z.string(),
    label: z.string().min(1),
    description: z.string().optional(),
    match: z.enum(['all', 'any']).default('any'),
    users: z.array(z.string().min(1)).optional(),
    groups: z.array(z.string().min(1)).optional(),
    roles: z.array(z.string().min(1)).optional(),
    accounts: z.array(CriteriaAccount).optional(),
    departments: z.array(z.string().min(1)).optional(),
    locations: z.array(z.string().min(1)).optional(),
    condition: Condition.optional(),
  })
  .strict();
export type UserCriteriaDoc = z.infer<typeof UserCriteriaDoc>;
