import type { Condition } from '../../condition/condition.js';
import type { ApproverSourceDoc, FlowActionDoc, FlowOutcome } from '../flow.js';

/**
 * The running state of one flow instance: plain JSON, stored whole in `flow_instance.state` and replaced by each
 * step. The engine's core, `transition`, is a pure function of it.
 */
export interface FlowState {
  status: 'running' | FlowOutcome;
  /** The next token id (tokens are numbered from 1 in the order they are made). */
  nextToken: number;
  /** The next parallel group id. */
  nextGroup: number;
  /** Where the flow is: one token per live path. A token waits at a node or has just arrived there. */
  tokens: FlowToken[];
  /** Per parallel group opened by a split: how many branches it has and which have reached their join. */
  groups: Record<string, FlowGroup>;
  /** Per node id: what happened there (for the timeline, simulation counts and loop guards). */
  visits: Record<string, number>;
  /** How it ended (null while running). */
  outcome: FlowOutcome | null;
}

export interface FlowToken {
  id: number;
  node: string;
  /** The parallel groups this path is inside, innermost last (a join closes the innermost). */
  groups: number[];
  /** What the token waits for at its node (null: nothing, it moves on within the step). */
  wait: TokenWait | null;
}

export type TokenWait =
  | { kind: 'approval'; tally: ApprovalTally; escalated: boolean }
  | { kind: 'timer' }
  | { kind: 'action' }
  | { kind: 'subflow' }
  | { kind: 'join' };

/** The answers so far at an approval node, for one token. `asked` are person ids; each answers at most once. */
export interface ApprovalTally {
  asked: string[];
  approved: string[];
  rejected: string[];
  /** False until the runner has resolved who is asked (then `asked` is final, possibly empty). */
  resolved: boolean;
}

export interface FlowGroup {
  /** The split node that opened it. */
  split: string;
  branches: number;
  /** Tokens of the group that arrived at its join (ids). */
  arrived: number[];
  /** The join it closes at, once the first branch arrives. */
  join: string | null;
}

/** What moves an instance. Every event a runner passes in is one step (one transaction). */
export type FlowEvent =
  /** The instance was just created: leave the start node. */
  | { type: 'start' }
  /** The runner resolved who is asked at an approval (answer to a `request_approvals` effect). */
  | { type: 'approvers_resolved'; token: number; approvers: string[] }
  /** A person answered an approval request of this token (the runner recorded it exactly once first). */
  | { type: 'decision'; token: number; person: string; decision: 'approved' | 'rejected' }
  /** A timer the runner set fired (`key` as in the `set_timer` effect). */
  | { type: 'timer_fired'; token: number; key: TimerKey }
  /** The record was written: timers waiting `until` a condition re-check it (through `env.holds`). */
  | { type: 'record_changed' }
  /** An action's job applied its effect. */
  | { type: 'action_done'; token: number }
  /** A subflow started for this token ended. */
  | { type: 'subflow_ended'; token: number; outcome: FlowOutcome }
  /** An administrator (or a parent flow) cancels the instance. */
  | { type: 'cancel'; reason: string };

/** `due`: an approval's due time; `wait`: a timer node's duration. */
export type TimerKey = 'due' | 'wait';

/** What the runner must do for a step, in order, in the step's transaction (or as durable jobs it enqueues there). */
export type FlowEffect =
  /** Resolve `sources` to people and ask each (an approval request row per person), then pass `approvers_resolved`. */
  | { type: 'request_approvals'; token: number; node: string; sources: ApproverSourceDoc[]; escalation: boolean }
  /** Withdraw the token's approval requests still open at `node` (they become `not_required`). */
  | { type: 'withdraw_approvals'; token: number; node: string }
  /** Set a timer: fire `timer_fired` after `after` of business time under `schedule` (absent: 24×7). */
  | { type: 'set_timer'; token: number; node: string; key: TimerKey; after: string; schedule?: string }
  | { type: 'cancel_timer'; token: number; node: string; key: TimerKey }
  /** Apply an action as a durable job, exactly once; the job passes `action_done` when applied. */
  | { type: 'run_action'; token: number; node: string; action: FlowActionDoc }
  /** Start the published flow `flow` on the same record as a child instance; its end passes `subflow_ended`. */
  | { type: 'start_subflow'; token: number; node: string; flow: string }
  /** Cancel the token's child instance (its parent was cancelled, or a join went on without it). */
  | { type: 'cancel_subflow'; token: number; node: string }
  /** One line of the instance's audit trail. */
  | { type: 'audit'; entry: FlowAuditEntry }
  /** The instance ended; the runner records the outcome, runs outcome hooks, and tells a parent. */
  | { type: 'ended'; outcome: FlowOutcome };

/** What the audit trail and the timeline show; `detail` is for people (who, which branch, why). */
export interface FlowAuditEntry {
  kind:
    | 'started'
    | 'entered'
    | 'branch'
    | 'asked'
    | 'decided'
    | 'outcome'
    | 'expired'
    | 'escalated'
    | 'timer_set'
    | 'timer_fired'
    | 'action'
    | 'subflow'
    | 'joined'
    | 'withdrawn'
    | 'cancelled'
    | 'ended'
    /** An administrator moved the instance onto another version of its flow (tokens, timers and requests with it). */
    | 'migrated';
  node: string | null;
  token: number | null;
  detail: Record<string, unknown>;
}

/** What `transition` may ask of the world, read-only: whether a condition holds on the record now. */
export interface FlowEnv {
  holds(condition: Condition): boolean;
}

export interface FlowStep {
  state: FlowState;
  effects: FlowEffect[];
}

/** The state of an instance before its `start` event. */
export function initialFlowState(startNode: string): FlowState {
  return { status: 'running', nextToken: 2, nextGroup: 1, tokens: [{ id: 1, node: startNode, groups: [], wait: null }], groups: {}, visits: {}, outcome: null };
}
