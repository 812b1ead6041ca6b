import type { SlaActionDoc, SlaHappening } from '../../../schema/sla/index.js';
import type { Executor } from '../../db/index.js';
import type { EngineContext } from '../engine.js';
import type { CatalogSla } from './sla-catalog.js';

export const SLA_ACTION_JOB = 'sla.action';

/** One action of a warning or the breach, as its job carries it (the action itself: a later publish does not change it). */
export interface SlaActionJob {
  instanceId: number;
  recordType: string;
  recordId: number;
  definition: string;
  /** The warning's percent, or 100 for the breach. */
  threshold: number;
  /** Its place among the threshold's actions: with the threshold, what makes it apply once. */
  index: number;
  action: SlaActionDoc;
}

/**
 * Sends a job per action of the warnings and breach that just fired (in `tx`, so only if the firing commits),
 * keyed so that a second send of the same action is dropped.
 */
export async function sendActions(ctx: EngineContext, tx: Executor, sla: CatalogSla, instance: { id: number; recordType: string; recordId: number }, fired: SlaHappening[]): Promise<void> {
  for (const h of fired) {
    const actions = h.kind === 'breached' && h.threshold === 100 ? sla.def.breachActions : h.kind === 'warning' ? (sla.def.warnings.find((w) => w.percent === h.threshold)?.actions ?? []) : [];
    for (const [index, action] of actions.entries()) {
      const job: SlaActionJob = { instanceId: instance.id, recordType: instance.recordType, recordId: instance.recordId, definition: sla.def.name, threshold: h.threshold, index, action };
      await ctx.jobs.send(SLA_ACTION_JOB, job, { tx, key: `sla:${instance.id}:${h.threshold}:${index}` });
    }
  }
}
