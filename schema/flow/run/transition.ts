import { UnreachableCaseError } from '../../metadata/field-types.js';
import type { FlowDoc } from '../flow.js';
import type { FlowEnv, FlowEvent, FlowState, FlowStep } from './flow-state.js';
import { audit } from './audit.js';
import { drive } from './drive.js';
import { endFlow } from './end-flow.js';
import { newFlowRun, type FlowRun } from './flow-run.js';
import { actionNode } from './nodes/action-node.js';
import { approvalNode } from './nodes/approval-node.js';
import { subflowNode } from './nodes/subflow-node.js';
import { timerNode } from './nodes/timer-node.js';
import { waitingToken } from './waiting-token.js';

/** Applies `event` to the run; false when the event concerns nothing live (late, duplicate or foreign). */
function apply(run: FlowRun, event: FlowEvent): boolean {
  switch (event.type) {
    case 'start': {
      // Only a flow that has not left its start node starts: a duplicate `start` changes nothing.
      const token = run.state.tokens.find((t) => t.wait === null && run.nodes.get(t.node)?.kind === 'start');
      if (!token || Object.keys(run.state.visits).length > 0) return false;
      audit(run, 'started', null, null, { flow: run.flow.name });
      run.arrivals.push(token.id);
      return true;
    }
    case 'approvers_resolved': {
      const at = waitingToken(run, event.token, 'approval', 'approval');
      return at !== null && approvalNode.resolved(run, at.token, at.node, event.approvers);
    }
    case 'decision': {
      const at = waitingToken(run, event.token, 'approval', 'approval');
      return at !== null && approvalNode.decided(run, at.token, at.node, event.person, event.decision);
    }
    case 'timer_fired': {
      if (event.key === 'due') {
        const at = waitingToken(run, event.token, 'approval', 'approval');
        return at !== null && approvalNode.expired(run, at.token, at.node);
      }
      const at = waitingToken(run, event.token, 'timer', 'timer');
      if (!at || !at.node.after) return false;
      timerNode.elapsed(run, at.token, at.node);
      return true;
    }
    case 'record_changed': {
      let moved = false;
      for (const token of [...run.state.tokens]) {
        const at = waitingToken(run, token.id, 'timer', 'timer');
        if (at && run.state.status === 'running' && timerNode.recheck(run, at.token, at.node)) {
          moved = true;
          drive(run);
        }
      }
      return moved;
    }
    case 'action_done': {
      const at = waitingToken(run, event.token, 'action', 'action');
      if (!at) return false;
      actionNode.done(run, at.token, at.node);
      return true;
    }
    case 'subflow_ended': {
      const at = waitingToken(run, event.token, 'subflow', 'subflow');
      if (!at) return false;
      subflowNode.ended(run, at.token, at.node, event.outcome);
      return true;
    }
    case 'cancel':
      endFlow(run, 'cancelled', { kind: 'cancelled', node: null, token: null, detail: { reason: event.reason } });
      return true;
    default:
      throw new UnreachableCaseError(event);
  }
}

/**
 * The engine's core: the next state of a flow instance after `event`, and the effects the runner must carry
 * out for it, in order. Pure and deterministic — no I/O, no clock (time arrives as `timer_fired` events); the
 * only question it asks the world is `env.holds(condition)` on the record as it is in this step.
 *
 * A step runs every path it moves until each waits (for approvers, an answer, a timer, an action's job, a child
 * flow or a join) or the flow ends. Events that concern nothing live — for a token that moved on or was
 * withdrawn, a duplicate answer, anything after the flow ended — are not errors (the runner may deliver late
 * events): they return the very same `state` object and no effects, so `step.state === state` means "nothing
 * to write". `state` itself is never changed.
 */
export function transition(flow: FlowDoc, state: FlowState, event: FlowEvent, env: FlowEnv): FlowStep {
  if (state.status !== 'running') return { state, effects: [] };
  const run = newFlowRun(flow, structuredClone(state), env);
  if (!apply(run, event)) return { state, effects: [] };
  drive(run);
  return { state: run.state, effects: run.effects };
}
