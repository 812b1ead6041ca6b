import type { FlowActionDoc, FlowEvent } from '../../../schema/index.js';

/** Applies an action node's action once, then passes `action_done`. */
export const FLOW_ACTION_JOB = 'flow.action';
/** Passes an event to an instance in a transaction of its own (a child's end to its parent). */
export const FLOW_EVENT_JOB = 'flow.event';

export interface FlowActionJob {
  instanceId: number;
  token: number;
  node: string;
  /** How many times the node had been entered: with instance, token and node, what makes the action apply once. */
  visit: number;
  action: FlowActionDoc;
}

export interface FlowEventJob {
  instanceId: number;
  event: FlowEvent;
}

/** The `flow_effect` key of an action: one per instance, token, node and visit (a loop back applies it again). */
export function actionKey(job: Pick<FlowActionJob, 'instanceId' | 'token' | 'node' | 'visit'>): string {
  return `${job.instanceId}:${job.token}:${job.node}:${job.visit}`;
}
