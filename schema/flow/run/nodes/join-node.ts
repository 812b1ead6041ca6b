import type { FlowNodeOf } from '../../flow.js';
import type { FlowToken } from '../flow-state.js';
import type { FlowRun } from '../flow-run.js';
import { audit } from '../audit.js';
import { followEdge } from '../follow-edge.js';
import { withdrawToken } from '../withdraw-token.js';

/** Drops groups no live token is inside any more (inner groups of paths a join `any` withdrew). */
function dropOrphanGroups(run: FlowRun): void {
  const live = new Set(run.state.tokens.flatMap((t) => t.groups));
  for (const id of Object.keys(run.state.groups)) if (!live.has(Number(id))) delete run.state.groups[id];
}

/**
 * Join: closes the innermost group of the arriving token.
 * - `all`: each arriving path waits; when every branch of the group has arrived, the waiting tokens are removed
 *   and one new token (outside the group) goes on.
 * - `any`: the first path to arrive goes on (outside the group); every other path of the group, nested ones
 *   included, is withdrawn with its open approvals, timers and child flows.
 * A token in no group (the validator forbids a join without its split) passes straight through.
 */
export const joinNode = {
  enter(run: FlowRun, token: FlowToken, node: FlowNodeOf<'join'>): void {
    const innermost = token.groups.at(-1);
    const group = innermost === undefined ? undefined : run.state.groups[String(innermost)];
    if (innermost === undefined || !group) {
      followEdge(run, token);
      return;
    }
    const outer = token.groups.slice(0, -1);
    group.join ??= node.id;
    if (node.mode === 'any') {
      audit(run, 'joined', node.id, token.id, { group: innermost, mode: 'any', arrived: 1, branches: group.branches });
      for (const other of [...run.state.tokens]) if (other.id !== token.id && other.groups.includes(innermost)) withdrawToken(run, other, 'join_any');
      delete run.state.groups[String(innermost)];
      token.groups = outer;
      dropOrphanGroups(run);
      followEdge(run, token);
      return;
    }
    group.arrived.push(token.id);
    token.wait = { kind: 'join' };
    audit(run, 'joined', node.id, token.id, { group: innermost, mode: 'all', arrived: group.arrived.length, branches: group.branches });
    if (group.arrived.length < group.branches) return;
    const arrived = new Set(group.arrived);
    run.state.tokens = run.state.tokens.filter((t) => !arrived.has(t.id));
    delete run.state.groups[String(innermost)];
    const next: FlowToken = { id: run.state.nextToken++, node: node.id, groups: outer, wait: null };
    run.state.tokens.push(next);
    followEdge(run, next);
  },
};
