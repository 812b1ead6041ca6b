import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES, type FlowActionDoc, type RecipientDoc } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { tableRef } from '../../ddl/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { toGlobalId, type RecordValues } from '../../records/index.js';
import type { EngineContext } from '../engine.js';
import { queueNotification } from '../notify/queue-notification.js';
import { recordValues } from '../record-values.js';
import { appendAudit } from './append-audit.js';
import { actionKey, type FlowActionJob } from './flow-jobs.js';
import { lockInstance, toInstanceRow, type FlowInstanceRow } from './flow-instance-row.js';
import { runStep, SYSTEM_STEP_ACTOR } from './run-step.js';

/** A seam for tests: runs inside an action's transaction before it is applied (throw to make the job fail). */
export const flowActionHooks: { beforeApply: ((job: FlowActionJob) => void) | null } = { beforeApply: null };

/**
 * The `flow.action` job: applies an action node's action once and moves the flow on (`action_done`), in one
 * transaction. A `flow_effect` row keyed by instance, token, node and visit commits with the effect, so a job run
 * twice (a retry after a crash) finds it and applies nothing again.
 *
 * An action the platform refuses (a state model forbids the move, a required field is missing) leaves the flow
 * visibly stuck rather than pretending it was done: the refusal is audited on the instance (`action` with the
 * error, once per message), and the job fails, is retried, and ends among the dead jobs for an administrator —
 * who fixes the cause and retries it, or cancels the instance.
 */
export async function runFlowAction(ctx: EngineContext, job: FlowActionJob): Promise<void> {
  try {
    await ctx.db.transaction(async (tx) => {
      // The instance first, as every step does (its lock orders this against decisions and timers).
      const inst = await lockInstance(tx, job.instanceId);
      if (!inst || inst.status !== 'running') return; // cancelled meanwhile: nothing to do
      const [marker] = await tx.run(sql`INSERT INTO "atrium"."flow_effect" ("key", "instance_id", "detail") VALUES (${actionKey(job)}, ${job.instanceId}, ${JSON.stringify({ node: job.node, kind: job.action.kind })}::jsonb) ON CONFLICT ("key") DO NOTHING RETURNING "key"`);
      if (!marker) return; // applied already
      flowActionHooks.beforeApply?.(job);
      await applyAction(ctx, tx, inst, job);
      await runStep(ctx, tx, job.instanceId, { type: 'action_done', token: job.token }, SYSTEM_STEP_ACTOR);
    });
  } catch (err) {
    if (err instanceof DomainError) await auditRefusal(ctx, job, err);
    throw err;
  }
}

async function applyAction(ctx: EngineContext, tx: Executor, inst: FlowInstanceRow, job: FlowActionJob): Promise<void> {
  const graph = ctx.graph();
  const info = graph.byName.get(inst.recordType);
  if (!info) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the flow "${inst.flow}" acts on "${inst.recordType}", which is no longer a live record type`);
  const [row] = await tx.run<Record<string, unknown>>(sql`SELECT "sys_version" FROM ${tableRef(inst.recordType)} WHERE "id" = ${inst.recordId} FOR UPDATE`);
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `the ${info.type.doc.label} record ${inst.recordId} the flow "${inst.flow}" acts on no longer exists`);
  const version = Number(row.sys_version);
  const action: FlowActionDoc = job.action;
  const update = (values: Record<string, unknown>) => ctx.write({ op: 'update', type: inst.recordType, id: inst.recordId, version, values: recordValues(graph, info, values) }, { tx });
  switch (action.kind) {
    case 'set_fields':
      await update(action.values);
      return;
    case 'transition':
      await ctx.write({ op: 'transition', type: inst.recordType, id: inst.recordId, version, to: action.to, values: {} as RecordValues }, { tx });
      return;
    case 'assign': {
      const values: Record<string, unknown> = {};
      if (action.group) values.assignment_group = await idOf(tx, IDENTITY_TYPES.group, 'name', action.group, `the group "${action.group}"`);
      if (action.user) values.assigned_to = await idOf(tx, IDENTITY_TYPES.user, 'user_name', action.user, `the user "${action.user}"`);
      await update(values);
      return;
    }
    case 'notify': {
      const recipients: RecipientDoc[] = [];
      for (const to of action.to) {
        if (!('requester' in to)) recipients.push(to);
        else if (inst.requesterId) {
          const [p] = await tx.run<{ user_name: string }>(sql`SELECT "user_name" FROM ${tableRef(IDENTITY_TYPES.user)} WHERE "id" = ${inst.requesterId}::bigint`);
          if (p) recipients.push({ user: p.user_name });
        }
      }
      if (!recipients.length) return; // nobody to tell (no requester): the action is done
      await queueNotification(ctx.jobs, tx, { key: `flow:${actionKey(job)}`, recordType: inst.recordType, recordId: inst.recordId, recipients, template: action.template, subject: action.subject, body: action.body, payload: { flow: inst.flow, node: job.node } });
      return;
    }
    case 'create_task': {
      const task = graph.byName.get(action.recordType);
      if (!task) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the flow "${inst.flow}" creates a "${action.recordType}", which is not a live record type`);
      const values: Record<string, unknown> = { ...recordValues(graph, task, action.values) };
      const parent = task.type.activeFields.find((f) => f.name === 'parent' && f.type === 'reference');
      if (parent) values[parent.gqlName] = toGlobalId(info.type.gqlName, inst.recordId);
      await ctx.write({ op: 'create', type: action.recordType, values: values as RecordValues }, { tx });
      return;
    }
    default: {
      const never: never = action;
      throw new Error(`unknown flow action ${JSON.stringify(never)}`);
    }
  }
}

async function idOf(tx: Executor, type: string, column: string, value: string, what: string): Promise<number> {
  const [r] = await tx.run<{ id: unknown }>(sql`SELECT "id" FROM ${tableRef(type)} WHERE ${sql.identifier(column)} = ${value} LIMIT 1`);
  if (!r) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${what} does not exist`);
  return Number(r.id);
}

/** Audits a refused action on its instance, in a transaction of its own (the action's rolled back), once per message. */
async function auditRefusal(ctx: EngineContext, job: FlowActionJob, err: DomainError): Promise<void> {
  try {
    await ctx.db.transaction(async (tx) => {
      const [r] = await tx.run(sql`SELECT * FROM "atrium"."flow_instance" WHERE "id" = ${job.instanceId} FOR UPDATE`);
      if (!r || toInstanceRow(r).status !== 'running') return;
      const [seen] = await tx.run(sql`SELECT 1 FROM "atrium"."flow_audit" WHERE "instance_id" = ${job.instanceId} AND "kind" = 'action' AND "node" = ${job.node} AND "detail"->>'error' = ${err.message} AND "detail"->>'visit' = ${String(job.visit)}`);
      if (seen) return;
      await appendAudit(tx, job.instanceId, { kind: 'action', node: job.node, token: job.token, detail: { action: job.action.kind, error: err.message, code: err.code, visit: String(job.visit) } }, 'system', ctx.clock.now());
    });
  } catch (e) {
    ctx.log.error({ err: e, instanceId: job.instanceId }, 'a refused flow action could not be audited');
  }
}
