import type { FlowNodeOf } from '../../flow.js';
import type { FlowToken } from '../flow-state.js';
import type { FlowRun } from '../flow-run.js';
import { followEdge } from '../follow-edge.js';

/** Start: the flow's one entry; its token leaves at once along the single outgoing edge. */
export const startNode = {
  enter(run: FlowRun, token: FlowToken, _node: FlowNodeOf<'start'>): void {
    followEdge(run, token);
  },
};
