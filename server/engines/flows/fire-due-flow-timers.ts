import { sql } from 'drizzle-orm';
import type { TimerKey } from '../../../schema/index.js';
import type { EngineContext } from '../engine.js';
import { runStep, SYSTEM_STEP_ACTOR } from './run-step.js';

/** Timers claimed per transaction: small, since each runs a step. */
const BATCH = 20;

/**
 * The flow timer: claims due `flow_timer` rows (`SKIP LOCKED`: another process takes others), deletes each and
 * passes `timer_fired` to its instance in the same transaction, so a timer fires once. Resolves to how many fired.
 */
export function fireDueFlowTimers(ctx: EngineContext) {
  return async (now: Date): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await ctx.db.transaction(async (tx) => {
        const due = await tx.run<{ id: unknown; instance_id: unknown; token: unknown; key: TimerKey }>(sql`
          SELECT "id", "instance_id", "token", "key" FROM "atrium"."flow_timer" WHERE "due_at" <= ${now.toISOString()}
          ORDER BY "due_at", "id" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`);
        for (const t of due) {
          await tx.run(sql`DELETE FROM "atrium"."flow_timer" WHERE "id" = ${Number(t.id)}`);
          await runStep(ctx, tx, Number(t.instance_id), { type: 'timer_fired', token: Number(t.token), key: t.key }, SYSTEM_STEP_ACTOR);
        }
        return due.length;
      });
      total += n;
      if (n < BATCH) return total;
    }
  };
}
