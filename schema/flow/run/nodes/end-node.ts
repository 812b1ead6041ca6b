import type { FlowNodeOf } from '../../flow.js';
import type { FlowToken } from '../flow-state.js';
import type { FlowRun } from '../flow-run.js';
import { endFlow } from '../end-flow.js';

/**
 * End: the first token to reach any end ends the whole flow with that end's outcome (as ServiceNow does):
 * every other live path is withdrawn — its open approvals, timers and child flows called off.
 */
export const endNode = {
  enter(run: FlowRun, token: FlowToken, node: FlowNodeOf<'end'>): void {
    endFlow(run, node.outcome, { kind: 'ended', node: node.id, token: token.id, detail: { outcome: node.outcome } }, token.id);
  },
};
