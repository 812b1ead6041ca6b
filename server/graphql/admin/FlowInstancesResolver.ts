import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Actor } from '../../access/actor.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { cancelFlowInstance } from '../../engines/flows/cancel-flow-instance.js';
import type { FlowInstanceRow } from '../../engines/flows/flow-instance-row.js';
import { flowTimeline } from '../../engines/flows/flow-timeline.js';
import type { FlowInstanceView } from '../../engines/flows/flow-types.js';
import { flowNodeLabels, listFlowInstances, peopleByUserName } from '../../engines/flows/list-flow-instances.js';
import { migrateFlowInstances } from '../../engines/flows/migrate-flow-instances.js';
import { authorizeChange } from '../../metadata/index.js';
import { fromGlobalId, recordSummaries, toGlobalId, type GraphInfo } from '../../records/index.js';
import type { AdminContext } from './admin-context.js';
import { running, signedIn } from './ApprovalsResolver.js';
import { FlowInstanceGql, FlowInstanceStatusEnum, FlowMigrationGql, NodeMappingInput } from './flow-instance-types.js';
import { ownershipView, requireMetadataAuthority } from './require-metadata-authority.js';

/** Flow instances: a record's timeline for whoever may read the record; the running ones managed by administrators. */
@Resolver()
export class FlowInstancesResolver {
  @Query(() => [FlowInstanceGql], { description: "The approval flows run on a record, newest first, each with its trail: who was asked, who decided, when and why. A record you may not read is not found." })
  async flowTimeline(@Ctx() ctx: AdminContext, @Arg('record', () => ID, { description: 'The global id of the record.' }) record: string): Promise<FlowInstanceGql[]> {
    const actor = signedIn(ctx, "see a record's approval flows");
    const graph = running(ctx).context().graph();
    const { recordType, recordId } = readableRecord(graph, record);
    const summary = (await recordSummaries(ctx.db, graph, actor, [{ recordType, recordId }])).get(`${recordType}:${recordId}`);
    if (!summary || summary === 'hidden') throw new DomainError(ErrorCode.NOT_FOUND, `there is no record with id ${record}`);
    const views = await flowTimeline(ctx.db, recordType, recordId);
    const [labels, people] = await Promise.all([
      flowNodeLabels(ctx.db, views.map((v) => v.versionId)),
      peopleByUserName(ctx.db, views.flatMap((v) => v.audit.map((a) => a.actor ?? ''))),
    ]);
    return views.map((v) => ({
      ...instanceGql(graph, v),
      audit: v.audit.map((a) => {
        const person = a.actor ? people.get(a.actor) : undefined;
        return {
          seq: a.seq,
          at: a.at,
          kind: a.kind,
          node: a.node,
          nodeLabel: a.node ? (labels.get(v.versionId)?.get(a.node) ?? null) : null,
          actorId: a.actor,
          actor: person ? { id: toGlobalId('Person', person.id), name: person.name, userName: a.actor } : null,
          detail: a.detail ?? {},
        };
      }),
    }));
  }

  @Query(() => [FlowInstanceGql], { description: 'Flow instances, newest first (at most `first`): of one flow or of every flow you administer. Administrators, and business-unit administrators for their units’ flows.' })
  async flowInstances(
    @Ctx() ctx: AdminContext,
    @Arg('flow', () => String, { nullable: true }) flow: string | null,
    @Arg('status', () => FlowInstanceStatusEnum, { nullable: true, description: 'Default: every status.' }) status: FlowInstanceRow['status'] | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many (1 to 500).' }) first: number,
  ): Promise<FlowInstanceGql[]> {
    const flows = await manageableFlows(ctx, flow);
    const graph = running(ctx).context().graph();
    return (await listFlowInstances(ctx.db, { flows, status, limit: first })).map((i) => instanceGql(graph, i));
  }

  @Mutation(() => FlowInstanceGql, { description: 'Cancels a running flow instance (and its subflows): open approvals close, the outcome is CANCELLED; the reason goes in its trail. Administrators, and unit administrators for their flows.' })
  async cancelFlowInstance(@Ctx() ctx: AdminContext, @Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string): Promise<FlowInstanceGql> {
    const engines = running(ctx);
    const graph = engines.context().graph();
    if (!/^[1-9][0-9]{0,17}$/.test(id)) throw new DomainError(ErrorCode.INVALID_ID, `"${id}" is not a flow instance id; flowInstances gives them`);
    const [found] = await listFlowInstances(ctx.db, { flows: null, ids: [id], limit: 1 });
    if (!found) throw new DomainError(ErrorCode.NOT_FOUND, `there is no flow instance with id ${id}`);
    const actor = await flowManager(ctx, found.flow);
    await cancelFlowInstance(engines.context(), id, reason, actor);
    engines.jobs.wake();
    const [after] = await listFlowInstances(ctx.db, { flows: null, ids: [id], limit: 1 });
    return instanceGql(graph, after);
  }

  @Mutation(() => FlowMigrationGql, { description: 'Moves the running instances of older versions of a flow onto the version published now. Every node where a token waits must be mapped (or exist with the same id and kind); otherwise nothing moves and the error names the unmapped nodes.' })
  async migrateFlowInstances(@Ctx() ctx: AdminContext, @Arg('flow', () => String) flow: string, @Arg('mapping', () => [NodeMappingInput]) mapping: NodeMappingInput[]): Promise<FlowMigrationGql> {
    const engines = running(ctx);
    const actor = await flowManager(ctx, flow);
    const byNode: Record<string, string> = {};
    for (const m of mapping) {
      if (byNode[m.from] !== undefined && byNode[m.from] !== m.to) throw new DomainError(ErrorCode.BAD_USER_INPUT, `node "${m.from}" is mapped twice (to "${byNode[m.from]}" and "${m.to}"); map it once`, { field: 'mapping' });
      byNode[m.from] = m.to;
    }
    const result = await migrateFlowInstances(engines.context(), { flow, mapping: byNode }, actor);
    engines.jobs.wake();
    return { versionId: String(result.versionId), migrated: result.migrated.map(String) };
  }
}

/** The record a global id names, or NOT_FOUND as for node(id). */
function readableRecord(graph: GraphInfo, globalId: string): { recordType: string; recordId: string } {
  let decoded: { typeName: string; id: number | string };
  try {
    decoded = fromGlobalId(globalId);
  } catch {
    throw new DomainError(ErrorCode.INVALID_ID, `"${globalId}" is not a record id; pass the global id of a record`);
  }
  const info = graph.byGqlName.get(decoded.typeName);
  if (!info || info.type.abstract) throw new DomainError(ErrorCode.NOT_FOUND, `there is no record with id ${globalId}`);
  return { recordType: info.type.name, recordId: String(decoded.id) };
}

/**
 * The flows the caller may manage: the one named (when they may), or every flow (null) for the platform admin, or
 * the published flows of their units for a unit administrator. Anyone else is refused.
 */
async function manageableFlows(ctx: AdminContext, flow: string | null): Promise<string[] | null> {
  if (flow) {
    await flowManager(ctx, flow);
    return [flow];
  }
  const authority = await requireMetadataAuthority(ctx);
  if (!authority.units) return null;
  const view = await ownershipView(ctx);
  return Object.keys(view.published.flows ?? {}).filter((name) => {
    try {
      authorizeChange(authority, view, 'flow', name);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The actor to run a flow-management step as: the platform admin as it is; a unit administrator of the flow's
 * unit as an administrator of that step (the engine's functions admit administrators only; the unit check is
 * made here, on the flow's placement, as for any metadata change).
 */
async function flowManager(ctx: AdminContext, flow: string): Promise<Actor> {
  const authority = await requireMetadataAuthority(ctx);
  if (!authority.units) return ctx.actor!;
  authorizeChange(authority, await ownershipView(ctx), 'flow', flow);
  return { ...ctx.actor!, admin: true };
}


function instanceGql(graph: GraphInfo, v: FlowInstanceView): FlowInstanceGql {
  const gqlName = graph.byName.get(v.recordType)?.type.gqlName ?? v.recordType;
  return {
    id: v.id,
    flow: v.flow,
    flowLabel: v.flowLabel,
    version: v.version,
    status: v.status,
    recordType: v.recordType,
    record: toGlobalId(gqlName, v.recordId),
    requester: v.requesterId ? { id: toGlobalId('Person', v.requesterId), name: null, userName: null } : null,
    parent: v.parentId,
    startedAt: v.startedAt,
    endedAt: v.endedAt,
    waitingAt: v.waitingAt,
    audit: [],
  };
}
