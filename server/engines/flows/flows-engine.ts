import type { Engine } from '../engine.js';
import { fireDueFlowTimers } from './fire-due-flow-timers.js';
import { FLOW_ACTION_JOB, FLOW_EVENT_JOB, type FlowActionJob, type FlowEventJob } from './flow-jobs.js';
import { onRecordEvents } from './on-record-events.js';
import { runFlowAction } from './run-flow-action.js';
import { runStep, SYSTEM_STEP_ACTOR } from './run-step.js';

/**
 * Approval flows: starts instances on the writes their triggers name (an event consumer), runs their steps
 * (decisions call `decideApproval`), applies action nodes as jobs (once each), fires due times and timer nodes
 * (a timer over `flow_timer`), and tells a parent when its subflow ends (a job, so locks go child → parent never).
 */
export const flowsEngine: Engine = {
  name: 'flows',
  install(ctx) {
    // Short batches: starting a flow is a step (approvers, approval rows, timers, audit), and a server killed
    // mid-batch redoes the whole batch; 200 starts at once could outlast a server that crashes often.
    ctx.feed.consume('flows', onRecordEvents(ctx), { from: 'now', batchSize: 20 });
    // Actions apply once (a flow_effect row commits with them), so a failed one is simply tried again at once.
    ctx.jobs.define<FlowActionJob>(FLOW_ACTION_JOB, (job) => runFlowAction(ctx, job), { retryLimit: 5, retryDelay: 0, retryBackoff: false });
    ctx.jobs.define<FlowEventJob>(FLOW_EVENT_JOB, (job) => ctx.db.transaction(async (tx) => void (await runStep(ctx, tx, job.instanceId, job.event, SYSTEM_STEP_ACTOR))), { retryLimit: 5, retryDelay: 0, retryBackoff: false });
    ctx.every('flows', fireDueFlowTimers(ctx));
  },
};
