import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { buildModel, validateSnapshot } from '../../../schema/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { accessDiff } from '../../access/access-diff.js';
import { explainAccess } from '../../access/explain-access.js';
import type { AdminContext } from './admin-context.js';
import { AccessDiffGql, AccessExplanationGql } from './access-explain-types.js';
import { requireAdmin } from './require-admin.js';

/** Explain and preview: why a user may or may not touch a record, and what a rule change would do to whom. */
@Resolver()
export class AccessExplainResolver {
  @Query(() => AccessExplanationGql, { description: 'Which access rules grant or deny a user each operation on a record, and each of its fields (published rules).' })
  async explainAccess(@Ctx() ctx: AdminContext, @Arg('userName', () => String) userName: string, @Arg('recordId', () => ID) recordId: string): Promise<AccessExplanationGql> {
    requireAdmin(ctx);
    const head = await ctx.metadata.published();
    return explainAccess(ctx.db, buildModel(head.snapshot), userName, recordId);
  }

  @Query(() => AccessDiffGql, { description: 'Before publishing: which users gain or lose read access, and to how many records per type, if the drafts were published.' })
  async accessDiff(@Ctx() ctx: AdminContext, @Arg('limit', () => Int, { defaultValue: 500, description: 'At most this many users (by user name).' }) limit: number): Promise<AccessDiffGql> {
    requireAdmin(ctx);
    const [head, working] = await Promise.all([ctx.metadata.published(), ctx.metadata.working()]);
    const problems = validateSnapshot(working.snapshot);
    if (problems.length)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `the drafts are not valid, so their effect cannot be previewed: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return accessDiff(ctx.db, buildModel(head.snapshot), buildModel(working.snapshot), Math.min(Math.max(limit, 1), 5000));
  }
}
