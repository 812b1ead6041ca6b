import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { UserCriteriaDoc } from '../../../schema/index.js';
import { criteriaMatches } from '../../access/criteria-matches.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { AdminContext } from './admin-context.js';
import { CriteriaMatchesGql } from './criteria-matches-types.js';
import { requireAdmin } from './require-admin.js';

/** The users cap, as accessDiff's: beyond it the count is a lower bound (`truncated`). */
const USERS_CHECKED = 5000;

/** Who user criteria match before they are saved: the studio's live preview while an admin edits them. */
@Resolver()
export class CriteriaMatchesResolver {
  @Query(() => CriteriaMatchesGql, { description: 'Which active users a user criteria document (saved or not) matches under the published metadata, decided as access rules decide.' })
  async userCriteriaMatches(
    @Ctx() ctx: AdminContext,
    @Arg('criteria', () => GraphQLJSONObject, { description: 'A user criteria document.' }) criteria: Record<string, unknown>,
    @Arg('sample', () => Int, { defaultValue: 8, description: 'Return at most this many matching users (0 to 100).' }) sample: number,
  ): Promise<CriteriaMatchesGql> {
    // Criteria are shared by every business unit, so only the platform admin may probe who they reach.
    requireAdmin(ctx);
    const parsed = UserCriteriaDoc.safeParse(criteria);
    if (!parsed.success) throw new DomainError(ErrorCode.BAD_USER_INPUT, `invalid user criteria: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`).join('; ')}`);
    const head = await ctx.metadata.published();
    return criteriaMatches(ctx.db, head.snapshot, parsed.data, { limit: USERS_CHECKED, sample: Math.min(Math.max(sample, 0), 100) });
  }
}
