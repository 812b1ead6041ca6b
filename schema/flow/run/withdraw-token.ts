import { UnreachableCaseError } from '../../metadata/field-types.js';
import type { FlowToken } from './flow-state.js';
import type { FlowRun } from './flow-run.js';
import { audit } from './audit.js';
import { approvalNode } from './nodes/approval-node.js';
import { timerNode } from './nodes/timer-node.js';
import { subflowNode } from './nodes/subflow-node.js';

/**
 * Takes `token` out of the flow: the work it waits on is called off (open approval requests withdrawn, timers
 * and child flows cancelled; an action already handed to its job still runs — it is applied exactly once and
 * cannot be recalled), a `withdrawn` audit line says `why`, and the token is gone.
 */
export function withdrawToken(run: FlowRun, token: FlowToken, why: string): void {
  const node = run.nodes.get(token.node);
  if (node && token.wait) {
    switch (node.kind) {
      case 'approval':
        approvalNode.withdraw(run, token, node);
        break;
      case 'timer':
        timerNode.withdraw(run, token, node);
        break;
      case 'subflow':
        subflowNode.withdraw(run, token, node);
        break;
      case 'start':
      case 'condition':
      case 'parallel':
      case 'join':
      case 'action':
      case 'end':
        break;
      default:
        throw new UnreachableCaseError(node);
    }
  }
  audit(run, 'withdrawn', token.node, token.id, { reason: why, waiting: token.wait?.kind ?? null });
  run.state.tokens = run.state.tokens.filter((t) => t.id !== token.id);
  const queued = run.arrivals.indexOf(token.id);
  if (queued >= 0) run.arrivals.splice(queued, 1);
}
