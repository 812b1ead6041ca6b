import type { FlowNodeOf } from '../../flow.js';
import type { FlowToken } from '../flow-state.js';
import type { FlowRun } from '../flow-run.js';
import { audit } from '../audit.js';
import { followEdge } from '../follow-edge.js';

/**
 * Action: handed to the runner as a durable job (`run_action`), applied exactly once; the token waits for
 * `action_done` so that what follows sees the action's effect on the record.
 */
export const actionNode = {
  enter(run: FlowRun, token: FlowToken, node: FlowNodeOf<'action'>): void {
    run.effects.push({ type: 'run_action', token: token.id, node: node.id, action: node.action });
    audit(run, 'action', node.id, token.id, { action: node.action.kind });
    token.wait = { kind: 'action' };
  },

  /** The job applied the action: the token goes on. */
  done(run: FlowRun, token: FlowToken, _node: FlowNodeOf<'action'>): void {
    followEdge(run, token);
  },
};
