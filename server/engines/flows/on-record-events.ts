import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import type { EngineEvent } from '../../events/engine-event.js';
import type { EngineContext } from '../engine.js';
import { flowEnv } from './flow-env.js';
import { toInstanceRow, type FlowInstanceRow } from './flow-instance-row.js';
import { flowsFor, rowBefore, triggerMatches } from './flow-triggers.js';
import { flowVersionDoc } from './flow-version-for.js';
import { personOfActor } from './person-of-actor.js';
import { runStep, SYSTEM_STEP_ACTOR, type StepActor } from './run-step.js';
import { startFlowInstance } from './start-flow-instance.js';

/**
 * The flow engine's event consumer, in the consumer's transaction: a write passes `record_changed` to the
 * record's running instances that wait on a timer `until` a condition; a deletion cancels them; then each
 * published flow the write triggers starts (at most one running instance per flow and record). One flow that
 * fails on a record is logged and left out (a savepoint undoes its part), never holding up the feed.
 */
export function onRecordEvents(ctx: EngineContext) {
  return async (tx: Executor, events: EngineEvent[]): Promise<void> => {
    for (const event of events) {
      // Approval requests are the engine's own writes, two or more per step: no flow runs on them.
      if (event.recordType === IDENTITY_TYPES.approval) continue;
      const running = await tx.run(sql`SELECT * FROM "atrium"."flow_instance" WHERE "record_type" = ${event.recordType} AND "record_id" = ${event.recordId} AND "status" = 'running' ORDER BY "id"`);
      if (running.length) await guarded(ctx, tx, { recordId: event.recordId, what: 'running instances' }, () => moveRunning(ctx, tx, event, running.map(toInstanceRow)));
      const graph = ctx.graph();
      const flows = event.kind === 'deleted' ? [] : flowsFor(graph.model, event.recordType);
      if (!flows.length || !event.row) continue;
      const now = ctx.clock.now();
      const after = flowEnv(graph.model, event.recordType, event.row, now);
      const before = flowEnv(graph.model, event.recordType, rowBefore(event), now);
      for (const doc of flows) {
        if (!triggerMatches(doc, event, after, before)) continue;
        await guarded(ctx, tx, { recordId: event.recordId, what: doc.name }, async () => {
          const field = doc.trigger.requesterField;
          const fromField = field ? event.row![field] : undefined;
          const requesterId = fromField !== undefined && fromField !== null ? String(fromField) : field ? null : await personOfActor(tx, event.actor);
          const actor: StepActor = { id: event.actor, personId: await personOfActor(tx, event.actor) };
          await startFlowInstance(ctx, tx, { doc, recordType: event.recordType, recordId: event.recordId, requesterId, actor });
        });
      }
    }
  };
}

async function moveRunning(ctx: EngineContext, tx: Executor, event: EngineEvent, running: FlowInstanceRow[]): Promise<void> {
  for (const inst of running) {
    if (event.kind === 'deleted') {
      // A child is cancelled by its parent's cancel; cancelling parents only keeps the lock order parent → child.
      if (inst.parentId === null) await runStep(ctx, tx, inst.id, { type: 'cancel', reason: 'the record was deleted' }, SYSTEM_STEP_ACTOR);
      continue;
    }
    const timers = inst.state.tokens.filter((t) => t.wait?.kind === 'timer');
    if (!timers.length) continue;
    const doc = await flowVersionDoc(ctx.db, tx, inst.versionId);
    const until = timers.some((t) => doc.nodes.some((n) => n.id === t.node && n.kind === 'timer' && n.until));
    if (until) await runStep(ctx, tx, inst.id, { type: 'record_changed' }, SYSTEM_STEP_ACTOR);
  }
}

let savepoints = 0;

/** Runs `fn` under a savepoint: a failure is logged and undone, and the consumer's transaction goes on. */
async function guarded(ctx: EngineContext, tx: Executor, about: { recordId: number; what: string }, fn: () => Promise<void>): Promise<void> {
  const name = sql.raw(`flow_sp_${++savepoints}`);
  await tx.run(sql`SAVEPOINT ${name}`);
  try {
    await fn();
    await tx.run(sql`RELEASE SAVEPOINT ${name}`);
  } catch (err) {
    await tx.run(sql`ROLLBACK TO SAVEPOINT ${name}`);
    ctx.log.error({ err, recordId: about.recordId, flow: about.what }, 'a flow could not be run on a write; left out');
  }
}
