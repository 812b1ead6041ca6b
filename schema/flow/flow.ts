import { z } from 'zod';
import { Condition } from '../condition/condition.js';
import { RecipientDoc } from '../sla/sla-definition.js';

/** An ISO 8601 duration of business time (PT4H, P2D, P1DT12H; a day is 24 business hours). */
export const BusinessDuration = z.string().regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'an ISO 8601 duration such as PT4H or P1DT12H');

/** A node's id: stable across edits (edges, running instances and migrations name nodes by it). */
export const NodeId = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _, starting with a letter');

/**
 * When a flow starts on a record of `recordType` (or a descendant; a case type's name is a record type):
 * - `create`: the record is created (and `condition`, when given, holds on it);
 * - `update`: a write makes `condition` hold that did not hold before (edge-triggered: a record that keeps
 *   matching does not start the flow again on every write);
 * - `transition`: the record's state field (`stateField`, default `state`) moves to `to` (from `from`, when given).
 * A record runs at most one instance of a flow at a time: a trigger while one runs starts nothing.
 * `requesterField` names the reference to the person the flow acts for (the one who may never approve their own
 * request, and whose manager "manager" approvers are); absent: the person whose write started the flow.
 */
export const FlowTriggerDoc = z
  .object({
    recordType: z.string().min(1),
    on: z.enum(['create', 'update', 'transition']),
    condition: Condition.optional(),
    stateField: z.string().optional(),
    from: z.array(z.string().min(1)).optional(),
    to: z.array(z.string().min(1)).optional(),
    requesterField: z.string().optional(),
  })
  .strict();
export type FlowTriggerDoc = z.infer<typeof FlowTriggerDoc>;

/**
 * Who is asked, resolved when the approval node is entered:
 * - `user`: a user by user name; `group`: the group's active members; `role`: active holders of the role;
 * - `manager`: the requester's manager, `levels` up (1: the direct manager);
 * - `field`: a reference field of the record naming a person or a group;
 * - `accountApprover`: the designated approver of the account the record's `field` (default `account`) names;
 *   without one, the account administrators of that account or the nearest account above it.
 * Inactive users are left out; a requester never approves their own request.
 */
export const ApproverSourceDoc = z.union([
  z.object({ user: z.string().min(1) }).strict(),
  z.object({ group: z.string().min(1) }).strict(),
  z.object({ role: z.string().min(1) }).strict(),
  z.object({ manager: z.object({ levels: z.number().int().min(1).max(5).default(1) }).strict() }).strict(),
  z.object({ field: z.string().min(1) }).strict(),
  z.object({ accountApprover: z.object({ field: z.string().min(1).default('account') }).strict() }).strict(),
]);
export type ApproverSourceDoc = z.infer<typeof ApproverSourceDoc>;

/**
 * How the answers of the people asked make the node's outcome:
 * - `any`: approved at the first approval; rejected once everyone has rejected;
 * - `all`: approved once everyone has approved; rejected at the first rejection;
 * - `percentage`: approved once `percent` % of those asked (rounded up) approved; rejected once that can no
 *   longer happen;
 * - `first`: the first answer decides, either way.
 * Once the outcome is known, requests still open are withdrawn (`not_required`).
 */
export const ApprovalPolicyDoc = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('any') }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('percentage'), percent: z.number().int().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('first') }).strict(),
]);
export type ApprovalPolicyDoc = z.infer<typeof ApprovalPolicyDoc>;

/** When an approval is due (business time under `schedule`, absent: 24×7) and what happens if no outcome by then. */
export const ApprovalDueDoc = z
  .object({
    after: BusinessDuration,
    schedule: z.string().optional(),
    onExpiry: z.enum(['approve', 'reject', 'escalate']),
    /** With `escalate`: who is asked next (open requests are withdrawn; the due time starts again once). */
    escalateTo: z.array(ApproverSourceDoc).optional(),
  })
  .strict();
export type ApprovalDueDoc = z.infer<typeof ApprovalDueDoc>;

/** What an action node does, on the flow's record unless it says otherwise. */
export const FlowActionDoc = z.discriminatedUnion('kind', [
  /** Sets fields of the record (values as the write API takes them: reference ids, choice values). */
  z.object({ kind: z.literal('set_fields'), values: z.record(z.string(), z.unknown()) }).strict(),
  /** Moves the record to a state of its state model (the model's transition rules apply, as the system). */
  z.object({ kind: z.literal('transition'), to: z.string().min(1) }).strict(),
  /** Assigns the record to a group (by name) and/or a user (by user name). */
  z.object({ kind: z.literal('assign'), group: z.string().optional(), user: z.string().optional() }).strict(),
  /** A message through the notification engine; `template` names a notification template, else subject and body. */
  z.object({ kind: z.literal('notify'), to: z.array(z.union([RecipientDoc, z.object({ requester: z.literal(true) }).strict()])).min(1), template: z.string().optional(), subject: z.string().optional(), body: z.string().optional() }).strict(),
  /** Creates a task of `recordType` with `values`, its `parent` set to the flow's record when the type has such a field. */
  z.object({ kind: z.literal('create_task'), recordType: z.string().min(1), values: z.record(z.string(), z.unknown()).default({}) }).strict(),
]);
export type FlowActionDoc = z.infer<typeof FlowActionDoc>;

const node = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z
    .object({
      id: NodeId,
      kind: z.literal(kind),
      label: z.string().optional(),
      description: z.string().optional(),
      /** Where the studio draws it; ignored by the engine. */
      position: z.object({ x: z.number(), y: z.number() }).strict().optional(),
      ...shape,
    })
    .strict();

/**
 * The node kinds. Outgoing edges name the outcome they follow with `port`:
 * - start, action, parallel (one edge per branch), join, timer: no port (`parallel` follows every edge);
 * - condition: a branch id, or `default` (taken when no branch holds; required);
 * - approval and subflow: `approved` or `rejected` (a subflow that ends `cancelled` takes `rejected`);
 * - end: no outgoing edges.
 */
export const FlowNodeDoc = z.discriminatedUnion('kind', [
  node('start', {}),
  /** Branches are tried in order; the first whose condition holds on the record is taken. */
  node('condition', { branches: z.array(z.object({ id: NodeId, label: z.string().optional(), condition: Condition }).strict()).min(1) }),
  node('approval', {
    approvers: z.array(ApproverSourceDoc).min(1),
    policy: ApprovalPolicyDoc.default({ kind: 'any' }),
    due: ApprovalDueDoc.optional(),
    /** When nobody is left to ask (an empty group, only the requester, inactive users): the node's outcome. */
    ifNoApprovers: z.enum(['approve', 'reject']).default('reject'),
  }),
  node('parallel', {}),
  /** `all`: waits for every branch of its split; `any`: goes on at the first, withdrawing the others' open work. */
  node('join', { mode: z.enum(['all', 'any']).default('all') }),
  node('action', { action: FlowActionDoc }),
  /** Waits `after` (business time under `schedule`), or `until` the condition holds on the record (checked on each write), whichever is given; with both, whichever comes first. */
  node('timer', { after: BusinessDuration.optional(), schedule: z.string().optional(), until: Condition.optional() }),
  /** Runs another published flow on the same record and waits for its outcome. */
  node('subflow', { flow: z.string().min(1) }),
  node('end', { outcome: z.enum(['approved', 'rejected', 'cancelled']) }),
]);
export type FlowNodeDoc = z.infer<typeof FlowNodeDoc>;
export type FlowNodeKind = FlowNodeDoc['kind'];
export type FlowNodeOf<K extends FlowNodeKind> = Extract<FlowNodeDoc, { kind: K }>;
export const FLOW_NODE_KINDS = ['start', 'condition', 'approval', 'parallel', 'join', 'action', 'timer', 'subflow', 'end'] as const satisfies readonly FlowNodeKind[];

export const FlowEdgeDoc = z
  .object({
    from: NodeId,
    to: NodeId,
    port: z.string().optional(),
    label: z.string().optional(),
  })
  .strict();
export type FlowEdgeDoc = z.infer<typeof FlowEdgeDoc>;

/** How a flow ends (and what its instance and a parent's subflow node see). */
export type FlowOutcome = FlowNodeOf<'end'>['outcome'];

/**
 * An approval flow: a trigger and a graph. Published versions are immutable; a running instance keeps the
 * version it started on. Validated by `flowProblems` (the studio runs the same code).
 */
export const FlowDoc = z
  .object({
    name: z.string(),
    label: z.string().optional(),
    description: z.string().optional(),
    trigger: FlowTriggerDoc,
    nodes: z.array(FlowNodeDoc).min(1),
    edges: z.array(FlowEdgeDoc).default([]),
    active: z.boolean().optional(),
  })
  .strict();
export type FlowDoc = z.infer<typeof FlowDoc>;
