import type { FlowNodeOf, FlowOutcome } from '../../flow.js';
import type { FlowToken } from '../flow-state.js';
import type { FlowRun } from '../flow-run.js';
import { audit } from '../audit.js';
import { followEdge } from '../follow-edge.js';

/** Subflow: starts another published flow on the same record as a child instance and waits for its outcome. */
export const subflowNode = {
  enter(run: FlowRun, token: FlowToken, node: FlowNodeOf<'subflow'>): void {
    run.effects.push({ type: 'start_subflow', token: token.id, node: node.id, flow: node.flow });
    audit(run, 'subflow', node.id, token.id, { flow: node.flow, started: true });
    token.wait = { kind: 'subflow' };
  },

  /** The child ended: `approved` follows port `approved`; `rejected` and `cancelled` follow `rejected`. */
  ended(run: FlowRun, token: FlowToken, node: FlowNodeOf<'subflow'>, outcome: FlowOutcome): void {
    audit(run, 'subflow', node.id, token.id, { flow: node.flow, outcome });
    followEdge(run, token, outcome === 'approved' ? 'approved' : 'rejected');
  },

  /** The path is called off: so is the child flow. */
  withdraw(run: FlowRun, token: FlowToken, node: FlowNodeOf<'subflow'>): void {
    run.effects.push({ type: 'cancel_subflow', token: token.id, node: node.id });
  },
};
