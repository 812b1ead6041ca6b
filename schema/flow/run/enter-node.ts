import { UnreachableCaseError } from '../../metadata/field-types.js';
import type { FlowNodeDoc } from '../flow.js';
import type { FlowToken } from './flow-state.js';
import type { FlowRun } from './flow-run.js';
import { actionNode } from './nodes/action-node.js';
import { approvalNode } from './nodes/approval-node.js';
import { conditionNode } from './nodes/condition-node.js';
import { endNode } from './nodes/end-node.js';
import { joinNode } from './nodes/join-node.js';
import { parallelNode } from './nodes/parallel-node.js';
import { startNode } from './nodes/start-node.js';
import { subflowNode } from './nodes/subflow-node.js';
import { timerNode } from './nodes/timer-node.js';

/** `token` enters `node`: the visit is counted and audited (`entered`), then the node kind's rule runs. */
export function enterNode(run: FlowRun, token: FlowToken, node: FlowNodeDoc): void {
  run.entries++;
  run.state.visits[node.id] = (run.state.visits[node.id] ?? 0) + 1;
  run.effects.push({ type: 'audit', entry: { kind: 'entered', node: node.id, token: token.id, detail: { kind: node.kind, label: node.label ?? null } } });
  switch (node.kind) {
    case 'start':
      return startNode.enter(run, token, node);
    case 'condition':
      return conditionNode.enter(run, token, node);
    case 'approval':
      return approvalNode.enter(run, token, node);
    case 'parallel':
      return parallelNode.enter(run, token, node);
    case 'join':
      return joinNode.enter(run, token, node);
    case 'action':
      return actionNode.enter(run, token, node);
    case 'timer':
      return timerNode.enter(run, token, node);
    case 'subflow':
      return subflowNode.enter(run, token, node);
    case 'end':
      return endNode.enter(run, token, node);
    default:
      throw new UnreachableCaseError(node);
  }
}
