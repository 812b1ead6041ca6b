import type { FlowNodeDoc } from '../flow.js';
import type { FlowToken, TokenWait } from './flow-state.js';
import type { FlowRun } from './flow-run.js';

/**
 * The token `id` if it is live and waits for `kind` at a node `nodeKind` of the flow, else null. Events for a
 * token that moved on, was withdrawn or never existed find nothing: the runner may deliver late events.
 */
export function waitingToken<K extends FlowNodeDoc['kind']>(run: FlowRun, id: number, kind: TokenWait['kind'], nodeKind: K): { token: FlowToken; node: Extract<FlowNodeDoc, { kind: K }> } | null {
  const token = run.state.tokens.find((t) => t.id === id);
  if (!token || token.wait?.kind !== kind) return null;
  const node = run.nodes.get(token.node);
  if (!node || node.kind !== nodeKind) return null;
  return { token, node: node as Extract<FlowNodeDoc, { kind: K }> };
}
