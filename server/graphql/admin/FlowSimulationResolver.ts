import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { IDENTITY_TYPES, type FlowDoc } from '../../../schema/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { simulateFlow, type FlowSimulation } from '../../engines/flows/simulate-flow.js';
import { authorizeChange } from '../../metadata/index.js';
import { toGlobalId } from '../../records/index.js';
import type { AdminContext } from './admin-context.js';
import { FlowAssumption, FlowSimulationGql } from './flow-simulation-types.js';
import { ownershipView, requireMetadataAuthority } from './require-metadata-authority.js';

/** Flow simulation: adapts `simulateFlow` (server/engines/flows) to the admin API. */
@Resolver()
export class FlowSimulationResolver {
  @Query(() => FlowSimulationGql, {
    description:
      'Runs a draft approval flow read-only against real records (those given, else the newest the trigger matches; only records you may read): per record the path, who would be asked now (with flags) and the expected time to decision; per node, counts. For platform administrators, and unit administrators for flows of their units. Nothing is written.',
  })
  async simulateFlow(
    @Ctx() ctx: AdminContext,
    @Arg('flow', () => GraphQLJSON, { description: 'The flow document, as in a flows file.' }) flow: unknown,
    @Arg('records', () => [ID], { nullable: true, description: 'Global ids of the records to run it on.' }) records: string[] | null,
    @Arg('sample', () => Int, { nullable: true, description: 'Without records: how many of the most recently updated records the trigger matches (1–200, default 20).' }) sample: number | null,
    @Arg('assume', () => FlowAssumption, { nullable: true, description: 'What everyone asked answers (default APPROVED).' }) assume: FlowAssumption | null,
  ): Promise<FlowSimulationGql> {
    const authority = await requireMetadataAuthority(ctx);
    if (authority.units) {
      const doc = flow as Partial<FlowDoc> | null;
      if (!doc || typeof doc !== 'object' || typeof doc.name !== 'string') throw new DomainError(ErrorCode.BAD_USER_INPUT, 'the flow is not valid: it needs a name and a trigger');
      authorizeChange(authority, await ownershipView(ctx), 'flow', doc.name, doc as FlowDoc);
    }
    if (!ctx.engines) throw new DomainError(ErrorCode.BAD_REQUEST, 'the engines do not run on this server, so flows cannot be simulated here');
    const result = await simulateFlow(ctx.engines.context(), { flow, recordIds: records, sample, assume }, ctx.actor!);
    return toGql(result, ctx.engines.context().graph().byName.get(IDENTITY_TYPES.user)?.type.gqlName ?? 'Person');
  }
}

function toGql(s: FlowSimulation, personType: string): FlowSimulationGql {
  return {
    ...s,
    assumed: s.assumed as FlowAssumption,
    records: s.records.map((r) => ({
      ...r,
      approvals: r.approvals.map((a) => ({
        ...a,
        approvers: a.approvers.map((p) => ({ id: toGlobalId(personType, Number(p.personId)), userName: p.userName, name: p.name, delegatedFrom: p.delegatedFromUserName, via: p.via })),
        flags: a.flags.map((f) => ({ kind: f.kind, source: f.source, message: f.message, userName: f.userName })),
      })),
    })),
  };
}
