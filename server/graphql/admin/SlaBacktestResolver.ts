import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { SlaDefinitionDoc } from '../../../schema/sla/index.js';
import { backtestSla } from '../../engines/sla/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { authorizeChange } from '../../metadata/index.js';
import type { AdminContext } from './admin-context.js';
import { ownershipView, requireMetadataAuthority } from './require-metadata-authority.js';
import { SlaBacktestGql } from './sla-backtest-types.js';

/** The SLA designer's what-if: a draft definition replayed over recent records. */
@Resolver()
export class SlaBacktestResolver {
  @Query(() => SlaBacktestGql, { description: 'How an SLA definition (saved or not) would have done on the records opened in the last `weeks` weeks: breach rate, per assignment group and priority. Read-only.' })
  async backtestSla(
    @Ctx() ctx: AdminContext,
    @Arg('definition', () => GraphQLJSONObject, { description: 'An SLA definition document.' }) definition: Record<string, unknown>,
    @Arg('weeks', () => Int, { defaultValue: 4, description: 'How far back records were opened (1 to 104 weeks).' }) weeks: number,
  ): Promise<SlaBacktestGql> {
    const authority = await requireMetadataAuthority(ctx);
    const parsed = SlaDefinitionDoc.safeParse(definition);
    if (!parsed.success) throw new DomainError(ErrorCode.BAD_USER_INPUT, `invalid SLA definition: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`).join('; ')}`);
    // A unit administrator backtests only SLAs of record types inside their units (as they could edit them).
    if (authority.units) authorizeChange(authority, await ownershipView(ctx), 'slaDefinition', parsed.data.name, parsed.data);
    if (!ctx.engines) throw new DomainError(ErrorCode.BAD_REQUEST, 'backtesting needs the engines, which this server does not run');
    return backtestSla(ctx.engines.context(), parsed.data, weeks);
  }
}
