import type { FlowNodeOf } from '../../flow.js';
import type { FlowToken } from '../flow-state.js';
import type { FlowRun } from '../flow-run.js';
import { endFlow } from '../end-flow.js';

/**
 * Parallel split: the arriving token is consumed and one new token leaves along each outgoing edge, all inside
 * a new group (`groups` gains its id, innermost last) that the matching join closes. The branches run in edge
 * order within the step, each until it waits.
 */
export const parallelNode = {
  enter(run: FlowRun, token: FlowToken, node: FlowNodeOf<'parallel'>): void {
    const edges = run.flow.edges.filter((e) => e.from === node.id);
    if (edges.length === 0 || edges.some((e) => !run.nodes.has(e.to))) {
      endFlow(run, 'cancelled', { kind: 'cancelled', node: node.id, token: token.id, detail: { reason: 'dead_end', port: null } });
      return;
    }
    const state = run.state;
    const group = state.nextGroup++;
    state.groups[String(group)] = { split: node.id, branches: edges.length, arrived: [], join: null };
    state.tokens = state.tokens.filter((t) => t.id !== token.id);
    const children = edges.map((e) => ({ id: state.nextToken++, node: e.to, groups: [...token.groups, group], wait: null }));
    state.tokens.push(...children);
    run.arrivals.unshift(...children.map((c) => c.id));
  },
};
