import { z } from 'zod';

/**
 * A case type: the record type of the same name (which extends `task` or a descendant of it) as a business unit
 * offers it. The record type, its state model, forms and UI policies are documents of their own, linked by the
 * record type name; this document says whose it is, who may submit one, who works it, and which routing rules,
 * SLAs and approval flows apply (the engines that run those read these links).
 */
export const CaseTypeDoc = z
  .object({
    /** The record type's name. */
    name: z.string(),
    businessUnit: z.string().min(1),
    description: z.string().optional(),
    /**
     * User criteria whose users may submit (create) one; none: creation is governed by the ACLs alone. Both
     * apply: to let employees submit, a unit lists `employees` here and ships a create ACL for them on the
     * record type (usually "for themselves": a condition on the requester field, `{ dynamic: me }`).
     */
    submitters: z.array(z.string().min(1)).default([]),
    /** User criteria whose users work these cases (fulfillers: they see and write work notes). */
    fulfillers: z.array(z.string().min(1)).default([]),
    /** The form shown by default (a form document for this record type); absent: the type's first form by name. */
    defaultForm: z.string().optional(),
    /** Routing rules, SLA definitions and approval flows that apply, by name. */
    routingRules: z.array(z.string().min(1)).default([]),
    slas: z.array(z.string().min(1)).default([]),
    approvalFlows: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type CaseTypeDoc = z.infer<typeof CaseTypeDoc>;
