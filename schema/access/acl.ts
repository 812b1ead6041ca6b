import { z } from 'zod';
import { Condition } from '../condition/condition.js';

/** Record operations; `write` is for field rules (may this field be set). */
export const ACL_OPERATIONS = ['read', 'create', 'update', 'delete', 'write'] as const;
export type AclOperation = (typeof ACL_OPERATIONS)[number];

/**
 * One access rule. Without `field` it governs whole records of `recordType` (read, create, update, delete);
 * with `field` it governs that field (read, write) and narrows what the record rules allow. It applies to users
 * matching any of the named user criteria (none named: every signed-in user) and to records matching
 * `condition`. Rules on the same target combine by OR; with none, only admins may. Rules on a type apply to
 * its descendants that have no rules of their own for that operation (the nearest type with rules wins).
 *
 * `through` names a reference field of a record rule: the rule then also requires that the actor may read the
 * record that field points at (under that record's own read rules). It is how a dependent record — a journal
 * entry, an attachment — follows its parent's visibility without restating the parent's rules.
 */
export const AclDoc = z
  .object({
    name: z.string(),
    description: z.string().optional(),
    recordType: z.string(),
    field: z.string().optional(),
    operation: z.enum(ACL_OPERATIONS),
    criteria: z.array(z.string()).default([]),
    condition: Condition.optional(),
    through: z.string().optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type AclDoc = z.infer<typeof AclDoc>;
