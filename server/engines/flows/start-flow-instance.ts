import { initialFlowState, type FlowDoc } from '../../../schema/index.js';
import type { Executor } from '../../db/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { EngineContext } from '../engine.js';
import { insertInstance } from './flow-instance-row.js';
import { flowVersionFor } from './flow-version-for.js';
import { runStep, type StepActor } from './run-step.js';

/**
 * Starts an instance of a published flow on a record, in `tx`, and runs its `start` step there: it runs the
 * version of `doc` for life. Resolves to the new instance's id, or null when the record already runs an
 * instance of this flow (a record runs one at a time).
 */
export async function startFlowInstance(
  ctx: EngineContext,
  tx: Executor,
  s: { doc: FlowDoc; recordType: string; recordId: number; requesterId: string | null; parent?: { id: number; token: number }; actor: StepActor },
): Promise<number | null> {
  const start = s.doc.nodes.find((n) => n.kind === 'start');
  if (!start) throw new DomainError(ErrorCode.BAD_USER_INPUT, `the flow "${s.doc.name}" has no start node`);
  const versionId = await flowVersionFor(ctx.db, tx, s.doc);
  const id = await insertInstance(tx, {
    flow: s.doc.name,
    versionId,
    recordType: s.recordType,
    recordId: s.recordId,
    requesterId: s.requesterId,
    parentId: s.parent?.id ?? null,
    parentToken: s.parent?.token ?? null,
    state: initialFlowState(start.id),
    at: ctx.clock.now(),
  });
  if (id === null) return null;
  await runStep(ctx, tx, id, { type: 'start' }, s.actor);
  return id;
}
