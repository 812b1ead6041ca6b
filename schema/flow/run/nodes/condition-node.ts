import type { FlowNodeOf } from '../../flow.js';
import type { FlowToken } from '../flow-state.js';
import type { FlowRun } from '../flow-run.js';
import { audit } from '../audit.js';
import { followEdge } from '../follow-edge.js';

/**
 * Condition: the branches are tried in order on the record as it is now (`env.holds`); the token follows the
 * edge whose port is the first holding branch's id, or `default` when none holds. Decided once, on entry: a
 * later change of the record does not re-route a token that has gone on.
 */
export const conditionNode = {
  enter(run: FlowRun, token: FlowToken, node: FlowNodeOf<'condition'>): void {
    const branch = node.branches.find((b) => run.env.holds(b.condition));
    const port = branch ? branch.id : 'default';
    audit(run, 'branch', node.id, token.id, { port, label: branch?.label ?? null });
    followEdge(run, token, port);
  },
};
