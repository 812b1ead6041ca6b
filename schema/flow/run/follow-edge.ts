import type { FlowToken } from './flow-state.js';
import type { FlowRun } from './flow-run.js';
import { endFlow } from './end-flow.js';

/**
 * Moves `token` along the outgoing edge of its node whose port is `port` (absent: the edge without a port, or
 * the only edge) and queues it to enter the next node first. A node with no such edge is a dead end the
 * validator rejects; should a published flow still have one, the flow ends `cancelled` with the reason in the
 * audit, rather than leaving a token stuck where no event can ever move it.
 */
export function followEdge(run: FlowRun, token: FlowToken, port?: string): void {
  const from = token.node;
  const edges = run.flow.edges.filter((e) => e.from === from);
  const edge = port === undefined ? (edges.find((e) => e.port === undefined) ?? (edges.length === 1 ? edges[0] : undefined)) : edges.find((e) => e.port === port);
  if (!edge || !run.nodes.has(edge.to)) {
    endFlow(run, 'cancelled', { kind: 'cancelled', node: from, token: token.id, detail: { reason: 'dead_end', port: port ?? null } });
    return;
  }
  token.node = edge.to;
  token.wait = null;
  run.arrivals.unshift(token.id);
}
