import { sql } from 'drizzle-orm';
import { applyWrite, isOpen, shouldStart, startSla, type SlaHappening, type SlaState } from '../../../schema/sla/index.js';
import type { Executor } from '../../db/index.js';
import type { EngineEvent } from '../../events/engine-event.js';
import type { EngineContext } from '../engine.js';
import { entitled } from './entitled.js';
import { insertInstance, recordHappenings, selectInstances, updateInstance } from './instance-row.js';
import { sendActions } from './send-actions.js';
import { slasFor, type CatalogSla } from './sla-catalog.js';
import { slaTestOf } from './sla-test-of.js';

/**
 * The SLA engine's event consumer: in the consumer's transaction, attaches the SLAs a written record now
 * qualifies for (once per definition and record) and moves its open instances (pause, resume, stop, cancel,
 * and warnings or breach that fell due). A deleted record's open instances are cancelled. The write counts at
 * the engine clock's time when handled (on a server, moments after commit).
 */
export function onRecordEvents(ctx: EngineContext) {
  return async (tx: Executor, events: EngineEvent[]): Promise<void> => {
    for (const event of events) await onEvent(ctx, tx, event);
  };
}

async function onEvent(ctx: EngineContext, tx: Executor, event: EngineEvent): Promise<void> {
  const at = ctx.clock.now();
  const graph = ctx.graph();
  if (event.kind === 'deleted') {
    for (const inst of await selectInstances(tx, sql`"record_id" = ${event.recordId} AND "stage" IN ('in_progress', 'paused')`, sql`FOR UPDATE`)) {
      await move(ctx, tx, inst.id, inst.definitionVersion, { ...inst.state, stage: 'cancelled', stoppedAt: at, nextDueAt: null, breachAt: null }, [{ kind: 'cancelled', threshold: 0, at }], null);
    }
    return;
  }
  const slas = slasFor(graph.model, event.recordType);
  if (!slas.length || !event.row) return;
  const row = event.row;
  const test = slaTestOf(graph.model, event.recordType, at)(row);
  const existing = await selectInstances(tx, sql`"record_id" = ${event.recordId} AND "record_type" = ${event.recordType}`, sql`ORDER BY "id" FOR UPDATE`);
  for (const sla of slas) {
    try {
      const mine = existing.filter((i) => i.definition === sla.def.name);
      const open = mine.find((i) => isOpen(i.state));
      if (open) {
        const [next, happened] = applyWrite(sla, open.state, at, test);
        await move(ctx, tx, open.id, open.definitionVersion, next, happened, sla, event);
      } else if (!mine.length && shouldStart(sla.def, test) && (await entitled(tx, graph, sla.def, row, at))) {
        const [state, happened] = startSla(sla, at, row, test);
        const id = await insertInstance(tx, { recordType: event.recordType, recordId: event.recordId, definition: sla.def.name, definitionVersion: sla.version, state }, at);
        await move(ctx, tx, id, sla.version, null, happened, sla, event, at);
      }
    } catch (err) {
      // A definition that cannot be evaluated on this record must not hold up the others (or the feed).
      ctx.log.error({ err, sla: sla.def.name, recordId: event.recordId }, 'an SLA could not be evaluated on a write');
    }
  }
}

/** Stores a moved instance (null: already stored) and what happened, and sends the actions of what newly fired. */
async function move(
  ctx: EngineContext,
  tx: Executor,
  id: number,
  version: number,
  state: SlaState | null,
  happened: SlaHappening[],
  sla: CatalogSla | null,
  event?: EngineEvent,
  attachedAt?: Date,
): Promise<void> {
  const at = ctx.clock.now();
  if (state) await updateInstance(tx, id, state, version, at);
  const fresh = await recordHappenings(tx, id, happened, event ? { recordVersion: event.version } : null);
  // An SLA attached late (a retroactive start, a backdated import, an engine catching up on old records) records
  // the warnings and breach it had already passed, but runs their actions only for what crossed while it existed:
  // escalations are for live work, not a flood of notices and reassignments about the past.
  const live = attachedAt ? fresh.filter((h) => h.at.getTime() >= attachedAt.getTime() - LATE_TOLERANCE_MS) : fresh;
  if (sla && event) await sendActions(ctx, tx, sla, { id, recordType: event.recordType, recordId: event.recordId }, live);
}

/** How far before the attach a crossing still counts as live (the record's own write and its handling). */
const LATE_TOLERANCE_MS = 60_000;
