import { sql } from 'drizzle-orm';
import { fireDue } from '../../../schema/sla/index.js';
import type { EngineContext } from '../engine.js';
import { recordHappenings, selectInstances, updateInstance } from './instance-row.js';
import { sendActions } from './send-actions.js';
import { slaByName } from './sla-catalog.js';

/** Instances claimed per transaction. */
const BATCH = 200;

/**
 * The SLA timer: claims running instances due at `now` (`SKIP LOCKED`: another process takes others), fires
 * their warnings and breach in the same transaction (recorded once each by a unique index), stores the next due
 * time and sends the actions as jobs. Resolves to how many instances it moved.
 */
export function fireDueSlas(ctx: EngineContext) {
  return async (now: Date): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await ctx.db.transaction(async (tx) => {
        const due = await selectInstances(tx, sql`"next_due_at" <= ${now.toISOString()} AND "stage" = 'in_progress'`, sql`ORDER BY "next_due_at" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`);
        const model = ctx.graph().model;
        for (const inst of due) {
          const sla = slaByName(model, inst.definition);
          if (!sla) {
            // Its definition was withdrawn: keep the instance as it stands, with nothing pending.
            await updateInstance(tx, inst.id, { ...inst.state, nextDueAt: null }, inst.definitionVersion, now);
            continue;
          }
          const [next, happened] = fireDue(sla, inst.state, now);
          await updateInstance(tx, inst.id, next, inst.definitionVersion, now);
          const fresh = await recordHappenings(tx, inst.id, happened);
          await sendActions(ctx, tx, sla, inst, fresh);
        }
        return due.length;
      });
      total += n;
      if (n < BATCH) return total;
    }
  };
}
