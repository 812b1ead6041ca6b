import { initialFlowState, type ApproverSourceDoc, type Condition, type FlowDoc, type FlowEnv, type FlowEvent, type FlowOutcome, type FlowState } from '../../../schema/index.js';
import { UnreachableCaseError } from '../../../schema/metadata/field-types.js';
import { transition } from '../../../schema/flow/run/transition.js';
import type { ApproverResolution } from './flow-types.js';

/** Who an approval node would ask on this record, as resolved now. */
export interface SimulatedAsking extends ApproverResolution {
  node: string;
  token: number;
  /** Asked again after the node's due time passed (never in a simulation: due times are not reached). */
  escalation: boolean;
}

/** How one record would go through the flow under the simulation's assumptions. */
export interface RecordRun {
  /** Node ids in the order tokens entered them (a node entered twice, in a loop or by two branches, is listed twice). */
  path: string[];
  outcome: FlowOutcome | null;
  askings: SimulatedAsking[];
  /** Why the run did not reach an end (null when it did). */
  stuck: string | null;
}

/** At most this many events per record: a flow looping through approvals that keep rejecting stops here. */
const MAX_EVENTS = 2_000;

/**
 * Runs the pure `transition` on one record from start to end, answering each effect as the world is assumed to:
 * approvers are resolved (by `resolve`, over the database now) and each person asked answers `assume`; timers
 * fire (a timer waiting only `until` a condition is assumed to see it hold); actions are done; subflows end
 * `assume`. Conditions are evaluated on the record as stored (`holds`). Nothing is written: the effects that
 * would write (approval requests, timers, action jobs) are only answered.
 */
export async function simulateRecord(flow: FlowDoc, holds: (c: Condition) => boolean, resolve: (sources: ApproverSourceDoc[]) => Promise<ApproverResolution>, assume: 'approved' | 'rejected'): Promise<RecordRun> {
  const start = flow.nodes.find((n) => n.kind === 'start');
  if (!start) return { path: [], outcome: null, askings: [], stuck: 'the flow has no start node' };
  const forced = new Set<Condition>();
  const env: FlowEnv = { holds: (c) => forced.has(c) || holds(c) };
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  let state: FlowState = initialFlowState(start.id);
  const path: string[] = [];
  const askings: SimulatedAsking[] = [];
  const queue: FlowEvent[] = [{ type: 'start' }];
  let events = 0;
  for (;;) {
    while (queue.length) {
      if (++events > MAX_EVENTS) return { path, outcome: null, askings, stuck: `stopped after ${MAX_EVENTS} steps: the flow keeps looping under the assumption that approvals are ${assume}` };
      const step = transition(flow, state, queue.shift()!, env);
      state = step.state;
      for (const effect of step.effects) {
        switch (effect.type) {
          case 'audit':
            if (effect.entry.kind === 'entered' && effect.entry.node) path.push(effect.entry.node);
            break;
          case 'request_approvals': {
            const resolution = await resolve(effect.sources);
            askings.push({ node: effect.node, token: effect.token, escalation: effect.escalation, ...resolution });
            const asked = resolution.approvers.map((a) => a.personId);
            queue.push({ type: 'approvers_resolved', token: effect.token, approvers: asked });
            // Answers after the outcome is known are late events the transition ignores.
            for (const person of asked) queue.push({ type: 'decision', token: effect.token, person, decision: assume });
            break;
          }
          case 'set_timer':
            // An approval's due time is not reached: everyone asked answers first.
            if (effect.key === 'wait') queue.push({ type: 'timer_fired', token: effect.token, key: 'wait' });
            break;
          case 'run_action':
            queue.push({ type: 'action_done', token: effect.token });
            break;
          case 'start_subflow':
            queue.push({ type: 'subflow_ended', token: effect.token, outcome: assume });
            break;
          case 'withdraw_approvals':
          case 'cancel_timer':
          case 'cancel_subflow':
          case 'ended':
            break;
          default:
            throw new UnreachableCaseError(effect);
        }
      }
    }
    if (state.status !== 'running') return { path, outcome: state.outcome, askings, stuck: null };
    // Timers waiting only for a condition: assume it comes to hold, once per timer.
    const untils = state.tokens
      .filter((t) => t.wait?.kind === 'timer')
      .map((t) => nodes.get(t.node))
      .flatMap((n) => (n?.kind === 'timer' && n.until && !forced.has(n.until) ? [n.until] : []));
    if (!untils.length) {
      const waiting = state.tokens.map((t) => `${t.node} (${t.wait?.kind ?? 'moving'})`).join(', ');
      return { path, outcome: null, askings, stuck: `the flow would wait at ${waiting || 'no node'} with nothing left to happen` };
    }
    untils.forEach((c) => forced.add(c));
    queue.push({ type: 'record_changed' });
  }
}
