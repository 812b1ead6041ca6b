import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { authorizeChange } from '../../metadata/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { explainAssignment, simulateRouting } from '../../engines/routing/index.js';
import type { EngineHost } from '../../engines/index.js';
import type { AdminContext } from './admin-context.js';
import { ownershipView, requireMetadataAuthority } from './require-metadata-authority.js';
import { AssignmentDecisionGql, RoutingSimulationGql } from './routing-types.js';

/** Routing, explained and previewed: adapts the routing engine's functions. */
@Resolver()
export class RoutingResolver {
  @Query(() => [AssignmentDecisionGql], { description: 'Why a record went where it went: its routing decisions, newest first. A record you may not read is not found.' })
  async explainAssignment(@Ctx() ctx: AdminContext, @Arg('recordId', () => ID) recordId: string): Promise<AssignmentDecisionGql[]> {
    if (!ctx.actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in to see why a record was assigned');
    const engines = running(ctx.engines);
    const decisions = await explainAssignment(ctx.db, engines.context().graph(), ctx.actor, recordId);
    return decisions.map((d) => ({ ...d, candidates: d.candidates.map((c) => ({ ...c, skills: c.skills ?? null })) }));
  }

  @Query(() => RoutingSimulationGql, {
    description: 'Runs draft routing rules read-only over the newest records of a type (that you may read): where each went, where the draft sends it, counts per target. Nothing is written.',
  })
  async simulateRouting(
    @Ctx() ctx: AdminContext,
    @Arg('rules', () => [GraphQLJSONObject], { description: 'Routing rule documents, as in a routing-rules file.' }) rules: Record<string, unknown>[],
    @Arg('recordType', () => String) recordType: string,
    @Arg('sample', () => Int, { defaultValue: 100, description: 'How many of the newest records (1–1000).' }) sample: number,
  ): Promise<RoutingSimulationGql> {
    const authority = await requireMetadataAuthority(ctx);
    if (authority.units) {
      const view = await ownershipView(ctx);
      for (const rule of rules) authorizeChange(authority, view, 'routingRule', String(rule.name ?? ''), { ...rule, recordType } as never);
    }
    const engines = running(ctx.engines);
    return simulateRouting(ctx.db, engines.context().graph(), ctx.actor!, { rules, recordType, sample, now: engines.clock.now() });
  }
}

function running(engines: EngineHost | undefined): EngineHost {
  if (!engines) throw new DomainError(ErrorCode.BAD_REQUEST, 'the engines do not run on this server, so routing cannot be explained or simulated here');
  return engines;
}
