import type { FlowDoc, FlowNodeDoc } from '../flow.js';
import type { FlowEffect, FlowEnv, FlowState } from './flow-state.js';

/**
 * The working copy of one step: the flow, a private clone of the state that the step's rules change in place,
 * the effects emitted so far, and the tokens that arrived at a node and still have to enter it.
 * Lives only inside one `transition` call, so mutating it keeps `transition` pure.
 */
export interface FlowRun {
  readonly flow: FlowDoc;
  readonly nodes: ReadonlyMap<string, FlowNodeDoc>;
  readonly env: FlowEnv;
  readonly state: FlowState;
  readonly effects: FlowEffect[];
  /** Token ids to enter their node, next first (a path runs until it waits before the next path moves). */
  readonly arrivals: number[];
  /** Node entries made in this step (the runaway-loop guard counts them). */
  entries: number;
}

/** A run over `state`, which the run owns from now on (pass a clone). */
export function newFlowRun(flow: FlowDoc, state: FlowState, env: FlowEnv): FlowRun {
  return { flow, nodes: new Map(flow.nodes.map((n) => [n.id, n])), env, state, effects: [], arrivals: [], entries: 0 };
}
