import { UnreachableCaseError } from '../metadata/field-types.js';
import type { FlowEdgeDoc, FlowNodeDoc } from './flow.js';
import { nodeName, type FlowCheck } from './flow-problem-context.js';

/** The ports a node's outgoing edges may name (`null`: none, the edge has no port). */
function portsOf(node: FlowNodeDoc): (string | null)[] {
  switch (node.kind) {
    case 'condition':
      return [...node.branches.map((b) => b.id), 'default'];
    case 'approval':
    case 'subflow':
      return ['approved', 'rejected'];
    case 'start':
    case 'action':
    case 'parallel':
    case 'join':
    case 'timer':
      return [null];
    case 'end':
      return [];
    default:
      throw new UnreachableCaseError(node);
  }
}

/** Nodes a token may wait in: a loop through one of them cannot spin without something happening outside. */
const WAITS: ReadonlySet<FlowNodeDoc['kind']> = new Set(['timer', 'approval']);

/** Beyond this many open splits a path is going round a loop that splits without joining; it is not followed further. */
const MAX_OPEN_SPLITS = 32;

/**
 * Problems of a flow's graph: exactly one start; node ids distinct; edges join existing nodes, leave no end,
 * enter no start and name a port of their source (a branch id or `default` from a condition, `approved` or
 * `rejected` from an approval or a subflow, none from the rest), one edge per port; every node has the outgoing
 * edges its kind needs (start, action, timer and join exactly one; a split at least two; a condition a default
 * branch and an edge per branch; an approval and a subflow both outcomes); every node is reachable from the start
 * and has a path to an end; every path into a join comes from one parallel split; and no loop lacks a timer or
 * an approval (a token could go round it forever without anyone acting).
 */
export function flowGraphProblems(c: FlowCheck): void {
  const { flow } = c;
  const index = new Map<string, number>();
  flow.nodes.forEach((n, i) => {
    const first = index.get(n.id);
    if (first !== undefined) c.add(`nodes.${i}.id`, 'DUPLICATE_NAME', `${nodeName(n)} reuses the id of node ${first}; give every node its own id (edges name nodes by id)`);
    else index.set(n.id, i);
  });
  const nodeOf = (id: string): FlowNodeDoc | undefined => {
    const i = index.get(id);
    return i === undefined ? undefined : flow.nodes[i];
  };

  const starts = flow.nodes.map((n, i) => [n, i] as const).filter(([n]) => n.kind === 'start');
  if (!starts.length) c.add('nodes', 'INVALID_DOCUMENT', `flow "${flow.name}" has no start node; add one and connect it to the first step`);
  for (const [n, i] of starts.slice(1))
    c.add(`nodes.${i}`, 'INVALID_DOCUMENT', `${nodeName(n)} is a second start; a flow has exactly one (the first is "${starts[0][0].id}")`);

  /** Usable edges by source id, with their index. */
  const out = new Map<string, { edge: FlowEdgeDoc; i: number }[]>();
  const seenPorts = new Set<string>();
  flow.edges.forEach((e, i) => {
    const from = nodeOf(e.from);
    const to = nodeOf(e.to);
    if (!from) c.add(`edges.${i}.from`, 'INVALID_DOCUMENT', `edge ${i} leaves node "${e.from}", which does not exist in flow "${flow.name}"`);
    if (!to) c.add(`edges.${i}.to`, 'INVALID_DOCUMENT', `edge ${i} enters node "${e.to}", which does not exist in flow "${flow.name}"`);
    if (!from || !to) return;
    if (from.kind === 'end') return c.add(`edges.${i}`, 'INVALID_DOCUMENT', `edge ${i} leaves ${nodeName(from)}; an end node finishes the flow and has no outgoing edges`);
    if (to.kind === 'start') return c.add(`edges.${i}`, 'INVALID_DOCUMENT', `edge ${i} enters ${nodeName(to)}; nothing leads back to the start (loop to the step after it instead)`);
    const ports = portsOf(from);
    const port = e.port ?? null;
    if (!ports.includes(port)) {
      const allowed = ports.filter((p): p is string => p !== null);
      return c.add(
        `edges.${i}.port`,
        'INVALID_DOCUMENT',
        port === null
          ? `edge ${i} leaves ${nodeName(from)} without a port; say which outcome it follows: ${allowed.join(', ')}`
          : allowed.length
            ? `edge ${i} leaves ${nodeName(from)} on port "${port}", which it does not have; use one of ${allowed.join(', ')}`
            : `edge ${i} leaves ${nodeName(from)} on port "${port}", but a ${from.kind} node has no ports; remove the port`,
      );
    }
    if (port !== null) {
      const key = `${from.id}\u0000${port}`;
      if (seenPorts.has(key)) return c.add(`edges.${i}.port`, 'INVALID_DOCUMENT', `edge ${i} is a second edge out of ${nodeName(from)} on port "${port}"; an outcome leads to one step`);
      seenPorts.add(key);
    }
    out.set(from.id, [...(out.get(from.id) ?? []), { edge: e, i }]);
  });

  // A node already reported for missing outgoing edges counts as an end below: the nodes before it are not
  // reported again for having no path to an end.
  const incomplete = new Set<string>();
  flow.nodes.forEach((n, i) => {
    if (index.get(n.id) !== i) return;
    if (!outgoingProblems(c, n, i, out.get(n.id) ?? [])) incomplete.add(n.id);
  });

  const successors = (id: string) => (out.get(id) ?? []).map((x) => x.edge.to);
  const reachable = walk(starts.length ? [starts[0][0].id] : [], successors);
  const predecessors = new Map<string, string[]>();
  for (const list of out.values()) for (const { edge } of list) predecessors.set(edge.to, [...(predecessors.get(edge.to) ?? []), edge.from]);
  const toEnd = walk(
    flow.nodes.filter((n) => n.kind === 'end' || incomplete.has(n.id)).map((n) => n.id),
    (id) => predecessors.get(id) ?? [],
  );
  flow.nodes.forEach((n, i) => {
    if (index.get(n.id) !== i || !starts.length || (n.kind === 'start' && n !== starts[0][0])) return;
    if (!reachable.has(n.id)) c.add(`nodes.${i}`, 'INVALID_DOCUMENT', `${nodeName(n)} is not reachable from the start; connect it or remove it`);
    else if (!toEnd.has(n.id)) c.add(`nodes.${i}`, 'INVALID_DOCUMENT', `${nodeName(n)} has no path to an end; a token there could never finish the flow`);
  });

  if (starts.length) joinProblems(c, starts[0][0].id, nodeOf, successors, index);
  loopProblems(c, nodeOf, successors, index);
}

/** Reports what the node lacks or has too much of in outgoing edges; false when it lacks an edge it needs. */
function outgoingProblems(c: FlowCheck, n: FlowNodeDoc, i: number, edges: { edge: FlowEdgeDoc }[]): boolean {
  const at = `nodes.${i}`;
  const has = (port: string) => edges.some((e) => e.edge.port === port);
  switch (n.kind) {
    case 'start':
    case 'action':
    case 'timer':
    case 'join':
      if (edges.length === 0) {
        c.add(at, 'INVALID_DOCUMENT', `${nodeName(n)} has no outgoing edge; connect it to the next step`);
        return false;
      }
      if (edges.length > 1)
        c.add(at, 'INVALID_DOCUMENT', `${nodeName(n)} has ${edges.length} outgoing edges; ${n.kind === 'action' ? 'an' : 'a'} ${n.kind} node goes on along exactly one (use a parallel split to run branches at once)`);
      return true;
    case 'parallel':
      if (edges.length < 2) c.add(at, 'INVALID_DOCUMENT', `${nodeName(n)} has ${edges.length} outgoing edge${edges.length === 1 ? '' : 's'}; a parallel split starts at least two branches`);
      return edges.length > 0;
    case 'condition': {
      const ids = new Set<string>();
      let complete = true;
      n.branches.forEach((b, j) => {
        if (b.id === 'default') c.add(`${at}.branches.${j}.id`, 'INVALID_DOCUMENT', `${nodeName(n)} has a branch called "default", the name of the branch taken when none holds; rename it`);
        else if (ids.has(b.id)) c.add(`${at}.branches.${j}.id`, 'DUPLICATE_NAME', `${nodeName(n)} has two branches "${b.id}"; give each branch its own id`);
        else if (!has(b.id)) {
          c.add(`${at}.branches.${j}`, 'INVALID_DOCUMENT', `${nodeName(n)}: branch "${b.id}" leads nowhere; connect its port to the next step`);
          complete = false;
        }
        ids.add(b.id);
      });
      if (!has('default')) {
        c.add(at, 'INVALID_DOCUMENT', `${nodeName(n)} has no default branch; connect its "default" port to the step taken when no branch holds`);
        complete = false;
      }
      return complete;
    }
    case 'approval':
    case 'subflow': {
      const missing = ['approved', 'rejected'].filter((p) => !has(p));
      if (missing.length)
        c.add(at, 'INVALID_DOCUMENT', `${nodeName(n)} has no edge for ${missing.map((p) => `"${p}"`).join(' or ')}; connect every outcome to the next step`);
      return !missing.length;
    }
    case 'end':
      return true;
    default:
      throw new UnreachableCaseError(n);
  }
}

function walk(from: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  while (queue.length) for (const m of next(queue.pop()!)) if (!seen.has(m)) (seen.add(m), queue.push(m));
  return seen;
}

/**
 * Follows every path from the start carrying the stack of parallel splits it is inside; a join closes the
 * innermost. A join is right when every path into it carries the same innermost split.
 */
function joinProblems(c: FlowCheck, start: string, nodeOf: (id: string) => FlowNodeDoc | undefined, successors: (id: string) => string[], index: Map<string, number>): void {
  const seen = new Map<string, Set<string>>();
  const splitsInto = new Map<string, Set<string>>();
  const outside = new Set<string>();
  const queue: [string, string[]][] = [[start, []]];
  while (queue.length) {
    const [id, stack] = queue.pop()!;
    const key = stack.join('/');
    const at = seen.get(id) ?? new Set<string>();
    if (at.has(key)) continue;
    at.add(key);
    seen.set(id, at);
    const node = nodeOf(id)!;
    let next = stack;
    if (node.kind === 'parallel') next = [...stack, id];
    else if (node.kind === 'join') {
      if (!stack.length) outside.add(id);
      else splitsInto.set(id, (splitsInto.get(id) ?? new Set()).add(stack[stack.length - 1]));
      next = stack.slice(0, -1);
    }
    if (next.length > MAX_OPEN_SPLITS) continue;
    for (const m of successors(id)) queue.push([m, next]);
  }
  for (const id of outside) {
    const i = index.get(id)!;
    c.add(`nodes.${i}`, 'INVALID_DOCUMENT', `${nodeName(nodeOf(id)!)} is reached by a path that passes no parallel split; a join closes the branches of one split`);
  }
  for (const [id, splits] of splitsInto) {
    if (splits.size < 2 || outside.has(id)) continue;
    const i = index.get(id)!;
    c.add(
      `nodes.${i}`,
      'INVALID_DOCUMENT',
      `${nodeName(nodeOf(id)!)} joins branches of several splits (${[...splits].sort().map((s) => `"${s}"`).join(', ')}); every path into a join must come from one parallel split`,
    );
  }
}

/** Loops among nodes that never wait (no timer, no approval): Tarjan's strongly connected components. */
function loopProblems(c: FlowCheck, nodeOf: (id: string) => FlowNodeDoc | undefined, successors: (id: string) => string[], index: Map<string, number>): void {
  const eager = [...index.keys()].filter((id) => !WAITS.has(nodeOf(id)!.kind));
  const isEager = new Set(eager);
  const next = (id: string) => successors(id).filter((m) => isEager.has(m));
  let counter = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string): void => {
    order.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!order.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      components.push(comp);
    }
  };
  for (const v of eager) if (!order.has(v)) connect(v);
  for (const comp of components) {
    if (comp.length === 1 && !next(comp[0]).includes(comp[0])) continue;
    const ids = comp.sort((a, b) => index.get(a)! - index.get(b)!);
    const first = nodeOf(ids[0])!;
    c.add(
      `nodes.${index.get(ids[0])}`,
      'INVALID_DOCUMENT',
      `${nodeName(first)} is in a loop (${ids.map((id) => `"${id}"`).join(', ')}) with no timer or approval in it; a token could go round it forever — add a timer or an approval to the loop, or break it`,
    );
  }
}
