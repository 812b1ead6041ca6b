import { sql } from 'drizzle-orm';
import { fireDue, isOpen, replaySla, type RecordWrite, type SlaHappening, type SlaState } from '../../../schema/sla/index.js';
import type { Model } from '../../../schema/metadata/index.js';
import type { EngineContext } from '../engine.js';
import { recordHappenings, selectInstances, updateInstance } from './instance-row.js';
import { recordWrites } from './record-writes.js';
import { sendActions } from './send-actions.js';
import { allSlas, slaByName } from './sla-catalog.js';
import { slaTestOf } from './sla-test-of.js';

export const SLA_RECOMPUTE_JOB = 'sla.recompute';

export interface SlaRecomputeJob {
  definition: string;
  version: number;
}

const BATCH = 200;

/**
 * Watches for publishes: on the first tick after the published model changed, sends a recompute job for each
 * definition that has open instances computed under another version of it. Resolves to the jobs sent.
 */
export function watchDefinitions(ctx: EngineContext) {
  let seen: Model | null = null;
  return async (): Promise<number> => {
    const model = ctx.graph().model;
    if (model === seen) return 0;
    let sent = 0;
    for (const sla of allSlas(model)) {
      const stale = await ctx.db.run(sql`SELECT 1 FROM "atrium"."sla_instance" WHERE "definition" = ${sla.def.name} AND "stage" IN ('in_progress', 'paused') AND "definition_version" <> ${sla.version} LIMIT 1`);
      if (!stale.length) continue;
      const job: SlaRecomputeJob = { definition: sla.def.name, version: sla.version };
      if (await ctx.jobs.send(SLA_RECOMPUTE_JOB, job, { key: `sla-recompute:${sla.def.name}:${sla.version}` })) sent++;
    }
    seen = model;
    return sent;
  };
}

/**
 * Recomputes the open instances of a definition from their records' field history under the definition as now
 * published, batch by batch, each batch one transaction. Warnings and a breach that already fired stay fired
 * (their actions ran); ones the new definition makes due now fire, with their actions. Records `recomputed`.
 */
export async function recomputeSlas(ctx: EngineContext, job: SlaRecomputeJob): Promise<void> {
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      const model = ctx.graph().model;
      const sla = slaByName(model, job.definition);
      if (!sla || sla.version !== job.version) return 0; // a newer publish sent its own job
      const now = ctx.clock.now();
      const stale = await selectInstances(tx, sql`"definition" = ${job.definition} AND "stage" IN ('in_progress', 'paused') AND "definition_version" <> ${sla.version}`, sql`ORDER BY "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`);
      const byType = new Map<string, number[]>();
      for (const inst of stale) byType.set(inst.recordType, [...(byType.get(inst.recordType) ?? []), inst.recordId]);
      const history = new Map<string, Map<number, RecordWrite[]>>();
      for (const [type, ids] of byType) history.set(type, await recordWrites(tx, type, ids));
      for (const inst of stale) {
        const writes = history.get(inst.recordType)?.get(inst.recordId) ?? [];
        const { state } = replaySla(sla, writes, now, slaTestOf(model, inst.recordType, now));
        const before = inst.state;
        let next: SlaState;
        let happened: SlaHappening[] = [];
        if (!state) {
          next = { ...before, stage: 'cancelled', stoppedAt: now, nextDueAt: null, breachAt: null };
          happened.push({ kind: 'cancelled', threshold: 0, at: now });
        } else {
          // What fired stays fired; the replay's own firings are not actions that ran.
          const merged: SlaState = isOpen(state)
            ? { ...state, warningsFired: [...before.warningsFired], hasBreached: before.hasBreached, breachedAt: before.breachedAt }
            : state;
          [next, happened] = fireDue(sla, merged, now);
        }
        await updateInstance(tx, inst.id, next, sla.version, now);
        await recordHappenings(tx, inst.id, [{ kind: 'recomputed', threshold: 0, at: now }], { from: inst.definitionVersion, to: sla.version, elapsedMs: [before.elapsedMs, next.elapsedMs] });
        const fresh = await recordHappenings(tx, inst.id, happened);
        await sendActions(ctx, tx, sla, inst, fresh);
      }
      return stale.length;
    });
    if (n < BATCH) return;
  }
}
