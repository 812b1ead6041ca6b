import type { Engine } from '../engine.js';
import { fireDueSlas } from './fire-due-slas.js';
import { onRecordEvents } from './on-record-events.js';
import { recomputeSlas, SLA_RECOMPUTE_JOB, watchDefinitions, type SlaRecomputeJob } from './recompute-slas.js';
import { runSlaAction } from './run-sla-action.js';
import { SLA_ACTION_JOB, type SlaActionJob } from './send-actions.js';

/**
 * SLAs: attaches them to records and moves them on every write (an event consumer), fires warnings and breaches
 * when due (a timer over `sla_instance.next_due_at`), applies their actions as jobs, and recomputes open
 * instances after a publish changes their definition.
 */
export const slaEngine: Engine = {
  name: 'sla',
  install(ctx) {
    ctx.feed.consume('sla', onRecordEvents(ctx), { from: 'start' });
    // Actions apply once (a marker commits with them), so a failed one is simply tried again at once.
    ctx.jobs.define<SlaActionJob>(SLA_ACTION_JOB, (job) => runSlaAction(ctx, job), { retryLimit: 5, retryDelay: 0, retryBackoff: false });
    ctx.jobs.define<SlaRecomputeJob>(SLA_RECOMPUTE_JOB, (job) => recomputeSlas(ctx, job), { retryLimit: 5, retryDelay: 5, retryBackoff: true });
    const watch = watchDefinitions(ctx);
    const fire = fireDueSlas(ctx);
    ctx.every('sla', async (now) => (await watch()) + (await fire(now)));
  },
};
