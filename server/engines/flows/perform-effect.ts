import { sql } from 'drizzle-orm';
import type { FlowAuditEntry, FlowEffect } from '../../../schema/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { flowDueAt } from './flow-due-at.js';
import { FLOW_ACTION_JOB, FLOW_EVENT_JOB, actionKey, type FlowActionJob, type FlowEventJob } from './flow-jobs.js';
import { flowOutcomeHooks } from './flow-outcome-hooks.js';
import { requestApprovals } from './request-approvals.js';
import { runStep, type StepRun } from './run-step.js';
import { startFlowInstance } from './start-flow-instance.js';
import { closeApprovals, withdrawApprovals } from './withdraw-approvals.js';

/** Performs one effect of a step, in the step's transaction (jobs it sends exist only if the step commits). */
export async function performEffect(run: StepRun, effect: FlowEffect): Promise<void> {
  const { ctx, tx, instance, now } = run;
  switch (effect.type) {
    case 'request_approvals': {
      const approvers = await requestApprovals(run, effect);
      run.queue.push({ type: 'approvers_resolved', token: effect.token, approvers });
      return;
    }
    case 'withdraw_approvals':
      await withdrawApprovals(tx, { instanceId: instance.id, token: effect.token, node: effect.node, actor: run.actor.id, at: now, model: run.ctx.graph().model });
      return;
    case 'set_timer': {
      const due = flowDueAt(ctx.graph().model, effect.after, effect.schedule, now);
      await tx.run(sql`INSERT INTO "atrium"."flow_timer" ("instance_id", "token", "node", "key", "due_at") VALUES (${instance.id}, ${effect.token}, ${effect.node}, ${effect.key}, ${due.toISOString()}) ON CONFLICT DO NOTHING`);
      return;
    }
    case 'cancel_timer':
      await tx.run(sql`DELETE FROM "atrium"."flow_timer" WHERE "instance_id" = ${instance.id} AND "token" = ${effect.token} AND "key" = ${effect.key}`);
      return;
    case 'run_action': {
      const job: FlowActionJob = { instanceId: instance.id, token: effect.token, node: effect.node, visit: run.state.visits[effect.node] ?? 0, action: effect.action };
      await ctx.jobs.send(FLOW_ACTION_JOB, job, { tx, key: actionKey(job) });
      return;
    }
    case 'start_subflow': {
      const doc = ctx.graph().model.snapshot.flows[effect.flow];
      const child = doc && doc.active !== false ? await startFlowInstance(ctx, tx, { doc, recordType: instance.recordType, recordId: instance.recordId, requesterId: instance.requesterId, parent: { id: instance.id, token: effect.token }, actor: run.actor }) : null;
      if (child === null) {
        // Nothing to wait for (the flow is not published, inactive, or already runs on this record): the node
        // goes on as a subflow that was cancelled, and the audit says why.
        const why = !doc ? `the flow "${effect.flow}" is not published` : doc.active === false ? `the flow "${effect.flow}" is inactive` : `the flow "${effect.flow}" already runs on this record`;
        await audit(run, { kind: 'subflow', node: effect.node, token: effect.token, detail: { flow: effect.flow, error: why } });
        run.queue.push({ type: 'subflow_ended', token: effect.token, outcome: 'cancelled' });
      }
      return;
    }
    case 'cancel_subflow': {
      const children = await tx.run<{ id: unknown }>(sql`SELECT "id" FROM "atrium"."flow_instance" WHERE "parent_id" = ${instance.id} AND "parent_token" = ${effect.token} AND "status" = 'running' ORDER BY "id"`);
      // Parent before child: the only lock order inside a step (a child tells its parent through a job).
      for (const c of children) await runStep(ctx, tx, Number(c.id), { type: 'cancel', reason: `the parent flow ${instance.flow} no longer waits for it` }, run.actor);
      return;
    }
    case 'audit':
      await audit(run, effect.entry);
      return;
    case 'ended': {
      await tx.run(sql`DELETE FROM "atrium"."flow_timer" WHERE "instance_id" = ${instance.id}`);
      // Whatever the transition left open closes with the instance: a cancelled flow's requests are cancelled.
      await closeApprovals(tx, { instanceId: instance.id, actor: run.actor.id, at: now, state: effect.outcome === 'cancelled' ? 'cancelled' : 'not_required', model: run.ctx.graph().model });
      // Hooks give the record's flow outcome its consequences: a subflow's outcome is its parent's to act on.
      if (instance.parentId === null)
        for (const hook of flowOutcomeHooks(instance.recordType))
          await hook(tx, { instanceId: String(instance.id), recordType: instance.recordType, recordId: String(instance.recordId), outcome: effect.outcome, actorId: run.actor.personId, options: run.options });
      if (instance.parentId !== null && instance.parentToken !== null) {
        const job: FlowEventJob = { instanceId: instance.parentId, event: { type: 'subflow_ended', token: instance.parentToken, outcome: effect.outcome } };
        await ctx.jobs.send(FLOW_EVENT_JOB, job, { tx, key: `ended:${instance.id}` });
      }
      return;
    }
    default: {
      const never: never = effect;
      throw new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, `unknown flow effect ${JSON.stringify(never)}`);
    }
  }
}

/** One audit row, numbered by the instance's step counter (unique: a step committed once has its rows once). */
export async function audit(run: StepRun, entry: FlowAuditEntry): Promise<void> {
  run.step += 1;
  let detail = entry.detail ?? {};
  if (entry.kind === 'asked' && entry.token !== null && run.asking.has(entry.token)) {
    detail = { ...detail, ...run.asking.get(entry.token) };
    run.asking.delete(entry.token);
  }
  if (entry.kind === 'decided' && typeof run.options.comment === 'string') detail = { ...detail, comment: run.options.comment };
  // Written with the step's state, in one statement (see runStep).
  run.audit.push(sql`(${run.instance.id}, ${run.step}, ${run.now.toISOString()}, ${entry.kind}, ${entry.node}, ${entry.token}, ${run.actor.id}, ${JSON.stringify(detail)}::jsonb)`);
}

/** Writes the audit rows a step numbered, in one statement; the unique (instance, seq) keeps them once. */
export async function flushAudit(run: StepRun): Promise<void> {
  if (!run.audit.length) return;
  await run.tx.run(sql`INSERT INTO "atrium"."flow_audit" ("instance_id", "seq", "at", "kind", "node", "token", "actor", "detail") VALUES ${sql.join(run.audit, sql`, `)}`);
  run.audit = [];
}
