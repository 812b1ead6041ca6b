import type { ApproverSourceDoc, FlowAuditEntry, FlowOutcome, Model } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import type { RecordRow } from '../../records/index.js';

/**
 * The shapes the approval-flow engine shares with its adapters (GraphQL, simulation, registrations). The engine's
 * functions live in this folder, one per file; GraphQL only adapts them.
 */

/** One person asked at an approval node, after delegation. */
export interface ResolvedApprover {
  personId: string;
  /** Who was asked first, when an out-of-office delegation sent it on. */
  delegatedFrom: string | null;
  /** Which source found them (`group:cab`, `manager:1`, `field:assigned_to` …), for the timeline and simulation. */
  via: string;
}

/** Something wrong with who would be asked: the simulation shows these; the engine audits them. */
export interface ApproverFlag {
  kind: 'empty_group' | 'inactive_user' | 'self_approval' | 'no_manager' | 'unknown_user' | 'unknown_group' | 'unknown_role' | 'empty_field' | 'no_account_approver';
  /** The source it concerns, as written (`group:cab`). */
  source: string;
  /** A sentence a person can act on: "group cab has no active members". */
  message: string;
  personId?: string;
}

export interface ApproverResolution {
  approvers: ResolvedApprover[];
  flags: ApproverFlag[];
}

/** What `resolveApprovers` needs: read-only; `tx` may be a transaction (the engine) or the database (simulation). */
export interface ResolveApproversInput {
  tx: Executor;
  sources: ApproverSourceDoc[];
  recordType: string;
  /** The record's stored row (references as ids). */
  row: RecordRow;
  requesterId: string | null;
  now: Date;
  /** The published model: tells whether a `field` source names a person or a group (absent: a person is assumed). */
  model?: Model;
}

/** An approval request (a row of the `approval` record type) as adapters show it. */
export interface ApprovalRequestView {
  id: string;
  state: 'requested' | 'approved' | 'rejected' | 'not_required' | 'cancelled';
  recordType: string;
  recordId: string;
  approverId: string | null;
  requesterId: string | null;
  delegatedFromId: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
  comments: string | null;
  dueAt: Date | null;
  askedAt: Date;
  instanceId: string | null;
  flow: string | null;
  node: string | null;
  nodeLabel: string | null;
}

/** One instance of a flow on a record, with its audit trail: the record's flow timeline. */
export interface FlowInstanceView {
  id: string;
  flow: string;
  flowLabel: string | null;
  versionId: string;
  /** The metadata version it was first run at. */
  version: number;
  status: 'running' | FlowOutcome;
  recordType: string;
  recordId: string;
  requesterId: string | null;
  parentId: string | null;
  startedAt: Date;
  endedAt: Date | null;
  /** Nodes where a token waits now. */
  waitingAt: string[];
  audit: (FlowAuditEntry & { seq: number; at: Date; actor: string | null })[];
}

/**
 * Platform consequences of a flow's outcome on a record type (a registration approved creates its user). Runs in
 * the step's transaction when an instance on `recordType` ends; throwing a DomainError refuses the step (the
 * decision that caused it fails with that error and nothing changes). `options` are what the decision passed on.
 */
export type FlowOutcomeHook = (tx: Executor, ended: { instanceId: string; recordType: string; recordId: string; outcome: FlowOutcome; actorId: string | null; options: Record<string, unknown> }) => Promise<void>;
