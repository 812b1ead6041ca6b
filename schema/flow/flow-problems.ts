import type { Model } from '../metadata/model.js';
import type { MetadataProblem, MetadataProblemCode } from '../metadata/validate.js';
import type { FlowDoc } from './flow.js';
import { flowGraphProblems } from './flow-graph-problems.js';
import { flowNodeProblems } from './flow-node-problems.js';
import type { FlowCheck } from './flow-problem-context.js';
import { flowTriggerProblems } from './flow-trigger-problems.js';

/**
 * Problems of the flows in a snapshot beyond the checks every document gets (a valid name, an existing record
 * type: `documentProblems`): the trigger, the graph, what each node says, and subflows that would run each other
 * in a circle. Each problem's path points into the flow (`flows.<name>.nodes.<index>`, `.edges.<index>`,
 * `.trigger.<key>`) and its message names the node by kind, id and label. Pure: the studio runs the same checks.
 */
export function flowProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const [key, flow] of Object.entries(model.snapshot.flows ?? {})) {
    const path = `flows.${key}`;
    const type = model.types.get(flow.trigger.recordType);
    const check: FlowCheck = {
      model,
      flow,
      path,
      type: type && !type.archived ? type : null,
      add: (where: string, code: MetadataProblemCode, message: string) => problems.push({ path: `${path}.${where}`, code, message }),
    };
    flowTriggerProblems(check);
    flowGraphProblems(check);
    flowNodeProblems(check);
  }
  problems.push(...subflowCycleProblems(model.snapshot.flows ?? {}));
  return problems;
}

/**
 * A flow that runs itself through other flows' subflow nodes would start instances without end. Reported once
 * per subflow node that closes a circle, on the flow whose name sorts first in it.
 */
function subflowCycleProblems(flows: Record<string, FlowDoc>): MetadataProblem[] {
  const calls = (name: string) => (flows[name]?.nodes ?? []).flatMap((n) => (n.kind === 'subflow' && n.flow !== name && flows[n.flow] ? [n.flow] : []));
  const problems: MetadataProblem[] = [];
  for (const name of Object.keys(flows).sort()) {
    flows[name].nodes.forEach((n, i) => {
      if (n.kind !== 'subflow' || n.flow === name || !flows[n.flow]) return;
      const circle = pathBack(n.flow, name, calls);
      // Reported on the first flow of the circle by name only, so a circle of three is one problem, not three.
      if (!circle || [name, ...circle].some((f) => f < name)) return;
      problems.push({
        path: `flows.${name}.nodes.${i}.flow`,
        code: 'INVALID_DOCUMENT',
        message: `subflow "${n.id}"${n.label ? ` ("${n.label}")` : ''} of flow "${name}" runs "${n.flow}", which runs "${name}" again (${[name, ...circle].join(' → ')}); subflows must not call each other in a circle`,
      });
    });
  }
  return problems;
}

/** The chain of flows from `from` that reaches `to` through subflow nodes (`from` first, `to` last), or null. */
function pathBack(from: string, to: string, calls: (name: string) => string[]): string[] | null {
  const prev = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const cur = queue.shift()!;
    if (cur === to) {
      const chain: string[] = [];
      for (let x: string | null = cur; x !== null; x = prev.get(x)!) chain.unshift(x);
      return chain;
    }
    for (const m of calls(cur)) if (!prev.has(m)) (prev.set(m, cur), queue.push(m));
  }
  return null;
}
