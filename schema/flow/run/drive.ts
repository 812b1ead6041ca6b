import type { FlowRun } from './flow-run.js';
import { endFlow } from './end-flow.js';
import { enterNode } from './enter-node.js';

/** More node entries than this in one step is a loop with no wait in it: the flow is stopped. */
export const MAX_ENTRIES_PER_STEP = 1000;

/**
 * Enters every queued arrival until each token waits or the flow has ended; nodes that complete at once (start,
 * condition, parallel, a complete join, a satisfied timer) move their token on within the same call. A runaway
 * loop (more than MAX_ENTRIES_PER_STEP entries) ends the flow `cancelled` with reason `loop`.
 */
export function drive(run: FlowRun): void {
  while (run.arrivals.length > 0 && run.state.status === 'running') {
    const id = run.arrivals.shift()!;
    const token = run.state.tokens.find((t) => t.id === id);
    if (!token) continue;
    const node = run.nodes.get(token.node);
    if (!node) {
      endFlow(run, 'cancelled', { kind: 'cancelled', node: token.node, token: token.id, detail: { reason: 'unknown_node' } });
      return;
    }
    if (run.entries >= MAX_ENTRIES_PER_STEP) {
      endFlow(run, 'cancelled', { kind: 'cancelled', node: node.id, token: token.id, detail: { reason: 'loop', entries: run.entries } });
      return;
    }
    enterNode(run, token, node);
  }
}
