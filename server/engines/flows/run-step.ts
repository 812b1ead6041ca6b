import type { SQL } from 'drizzle-orm';
import type { FlowDoc, FlowEvent, FlowState } from '../../../schema/index.js';
import { transition } from '../../../schema/flow/run/transition.js';
import type { Executor } from '../../db/index.js';
import type { RecordRow } from '../../records/index.js';
import type { EngineContext } from '../engine.js';
import { flowEnv } from './flow-env.js';
import { lockInstance, saveInstance, type FlowInstanceRow } from './flow-instance-row.js';
import { flowVersionDoc } from './flow-version-for.js';
import { loadRecordRow } from './load-record-row.js';
import { flushAudit, performEffect } from './perform-effect.js';

/** Who caused a step: the actor id writes record (`system`, a user name) and their person id, when a person. */
export interface StepActor {
  id: string;
  personId: string | null;
}

export const SYSTEM_STEP_ACTOR: StepActor = { id: 'system', personId: null };

/** One step in progress: what its effects need, and what they change (the state, the audit counter, more events). */
export interface StepRun {
  ctx: EngineContext;
  tx: Executor;
  instance: FlowInstanceRow;
  doc: FlowDoc;
  /** The record as stored when the step began (null: deleted). */
  row: RecordRow | null;
  now: Date;
  actor: StepActor;
  state: FlowState;
  /** Audit rows numbered so far (the instance's `step`). */
  step: number;
  /** Events the effects fed back (approvers resolved, a subflow that could not start), run in this step. */
  queue: FlowEvent[];
  /** What the decision passed on, for outcome hooks. */
  options: Record<string, unknown>;
  /**
   * Per token, what resolving its approvers found beyond who (which source, delegations, flags): added to the
   * `asked` audit the transition writes when it hears who was asked, so the trail has one line per asking.
   */
  asking: Map<number, Record<string, unknown>>;
  /** Audit rows numbered but not yet written (one INSERT at the end of the step). */
  audit: SQL[];
}

/**
 * Runs one event on one instance, in `tx`: locks the instance (steps of an instance run one after another), runs
 * the pure `transition` and performs its effects in order in the same transaction (events they feed back run
 * too), then stores the new state. An event for an instance that is no longer running is a late event and does
 * nothing (resolves to null); else resolves to the instance as the step left it.
 */
export async function runStep(ctx: EngineContext, tx: Executor, instanceId: number, event: FlowEvent, actor: StepActor = SYSTEM_STEP_ACTOR, options: Record<string, unknown> = {}): Promise<FlowInstanceRow | null> {
  const instance = await lockInstance(tx, instanceId);
  if (!instance || instance.status !== 'running') return null;
  const doc = await flowVersionDoc(ctx.db, tx, instance.versionId);
  const now = ctx.clock.now();
  const row = await loadRecordRow(tx, instance.recordType, instance.recordId);
  const env = flowEnv(ctx.graph().model, instance.recordType, row, now, (err) => ctx.log.warn({ err, instanceId, flow: instance.flow }, 'a flow condition could not be evaluated; it does not hold'));
  const run: StepRun = { ctx, tx, instance, doc, row, now, actor, state: instance.state, step: instance.step, queue: [event], options, asking: new Map(), audit: [] };
  // A guard against a transition that keeps feeding events back: a flow is finite, a bug should not hang a tx.
  for (let i = 0; run.queue.length; i++) {
    if (i > 1000) throw new Error(`flow instance ${instanceId} kept producing events within one step`);
    const next = transition(doc, run.state, run.queue.shift()!, env);
    run.state = next.state;
    for (const effect of next.effects) await performEffect(run, effect);
  }
  await flushAudit(run);
  await saveInstance(tx, instanceId, run.state, run.step, now);
  return { ...instance, state: run.state, step: run.step, status: run.state.status, endedAt: run.state.status === 'running' ? null : (instance.endedAt ?? now) };
}
