import { z } from 'zod';
import { Condition } from '../condition/condition.js';

/** What a policy does to one field while its condition holds. Unset: the policy leaves that aspect alone. */
export const UiPolicyActionDoc = z
  .object({
    field: z.string().min(1),
    mandatory: z.boolean().optional(),
    visible: z.boolean().optional(),
    readOnly: z.boolean().optional(),
  })
  .strict();
export type UiPolicyActionDoc = z.infer<typeof UiPolicyActionDoc>;

/**
 * Condition → mandatory, visible or read-only fields of a record type (and its descendants). One definition:
 * the server enforces mandatory and read-only on create, update and transition, and a form evaluates the same
 * policies with the same code to show them live. Visibility is presentation only; ACLs guard data. Policies
 * apply in `order` (lower first; a later one wins on the same aspect of a field). With `reverseIfFalse` (the
 * default) the actions are reversed while the condition does not hold.
 */
export const UiPolicyDoc = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    recordType: z.string().min(1),
    /** Absent: always applies. */
    condition: Condition.optional(),
    actions: z.array(UiPolicyActionDoc).min(1),
    order: z.number().int().default(100),
    reverseIfFalse: z.boolean().default(true),
    active: z.boolean().optional(),
  })
  .strict();
export type UiPolicyDoc = z.infer<typeof UiPolicyDoc>;
