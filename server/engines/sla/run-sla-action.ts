import { sql } from 'drizzle-orm';
import { tableRef } from '../../ddl/index.js';
import type { Executor } from '../../db/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { toGlobalId } from '../../records/index.js';
import type { EngineContext } from '../engine.js';
import { queueNotification } from '../notify/queue-notification.js';
import { recordValues } from '../record-values.js';
import type { SlaActionJob } from './send-actions.js';

/** A seam for tests: runs inside an action's transaction before it is applied (throw to make the job fail). */
export const slaActionHooks: { beforeApply: ((job: SlaActionJob) => void) | null } = { beforeApply: null };

/**
 * Applies one warning or breach action through the write pipeline, once: a marker row (unique per instance,
 * threshold and action) commits in the same transaction as the action's write, so a retried job finds it and
 * does nothing, and a failed one leaves neither.
 */
export async function runSlaAction(ctx: EngineContext, job: SlaActionJob): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const marker = await tx.run(sql`
      INSERT INTO "atrium"."sla_instance_event" ("instance_id", "kind", "threshold", "at", "detail")
      VALUES (${job.instanceId}, 'action', ${job.threshold}, ${ctx.clock.now().toISOString()}, ${JSON.stringify({ action: String(job.index), kind: job.action.kind })}::jsonb)
      ON CONFLICT DO NOTHING RETURNING "id"`);
    if (!marker.length) return;
    slaActionHooks.beforeApply?.(job);
    await apply(ctx, tx, job);
  });
}

async function apply(ctx: EngineContext, tx: Executor, job: SlaActionJob): Promise<void> {
  const graph = ctx.graph();
  const info = graph.byName.get(job.recordType);
  if (!info) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the SLA "${job.definition}" acts on "${job.recordType}", which is no longer a live record type`);
  const [row] = await tx.run<Record<string, unknown>>(sql`SELECT * FROM ${tableRef(job.recordType)} WHERE "id" = ${job.recordId} FOR UPDATE`);
  if (!row) return; // the record was deleted: nothing to act on
  const update = (values: Record<string, unknown>) =>
    ctx.write({ op: 'update', type: job.recordType, id: job.recordId, version: Number(row.sys_version), values: recordValues(graph, info, values) }, { tx });
  const action = job.action;
  switch (action.kind) {
    case 'reassign': {
      const [group] = await tx.run<{ id: number | string }>(sql`SELECT "id" FROM ${tableRef('assignment_group')} WHERE "name" = ${action.group} LIMIT 1`);
      if (!group) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the SLA "${job.definition}" reassigns to the group "${action.group}", which does not exist`);
      if (Number(row.assignment_group) === Number(group.id) && row.assigned_to === null) return;
      await update({ assignment_group: Number(group.id), assigned_to: null });
      return;
    }
    case 'raise_priority': {
      const next = Math.max(1, Number(row.priority) - action.by);
      if (next !== Number(row.priority)) await update({ priority: next });
      return;
    }
    case 'work_note': {
      const journal = graph.byName.get('journal_entry');
      if (!journal) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the SLA "${job.definition}" adds a work note, but there is no journal_entry record type`);
      const values = { ...recordValues(graph, journal, { kind: 'work_note', body: action.body }), record: toGlobalId(info.type.gqlName, job.recordId) };
      await ctx.write({ op: 'create', type: 'journal_entry', values: values as never }, { tx });
      return;
    }
    case 'notify': {
      const key = `sla:${job.instanceId}:${job.threshold}${job.index ? `:${job.index}` : ''}`;
      await queueNotification(ctx.jobs, tx, { key, recordType: job.recordType, recordId: job.recordId, recipients: action.to, template: action.template, subject: action.subject, body: action.body, payload: { sla: job.definition, threshold: job.threshold } });
      return;
    }
    default: {
      const never: never = action;
      throw new Error(`unknown SLA action ${JSON.stringify(never)}`);
    }
  }
}
