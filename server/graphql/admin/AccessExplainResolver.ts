import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { buildModel, validateSnapshot } from '../../../schema/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { accessDiff } from '../../access/access-diff.js';
import { explainAccess } from '../../access/explain-access.js';
import { findRecordByNumber } from '../../access/find-record-by-number.js';
import type { AdminContext } from './admin-context.js';
import { AccessDiffGql, AccessExplanationGql } from './access-explain-types.js';
import { requireAdmin } from './require-admin.js';

/** Explain and preview: why a user may or may not touch a record, and what a rule change would do to whom. */
@Resolver()
export class AccessExplainResolver {
  @Query(() => AccessExplanationGql, {
    description: 'Which access rules grant or deny a user each operation on a record, and each of its fields (published rules). The record is named by its id, or by its type and number (CS0000042).',
  })
  async explainAccess(
    @Ctx() ctx: AdminContext,
    @Arg('userName', () => String) userName: string,
    @Arg('recordId', () => ID, { nullable: true, description: 'The global id of the record; or give recordType and number.' }) recordId?: string | null,
    @Arg('recordType', () => String, { nullable: true, description: 'With number: the record type (or a type above it, e.g. task).' }) recordType?: string | null,
    @Arg('number', () => String, { nullable: true, description: 'With recordType: the record number, e.g. CS0000042.' }) number?: string | null,
  ): Promise<AccessExplanationGql> {
    requireAdmin(ctx);
    const byId = !!recordId;
    const byNumber = !!recordType && !!number?.trim();
    if (byId === byNumber) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'name the record by recordId, or by recordType and number (one of them)');
    const model = buildModel((await ctx.metadata.published()).snapshot);
    const id = byId ? recordId! : await findRecordByNumber(ctx.db, model, recordType!, number!);
    return explainAccess(ctx.db, model, userName, id);
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
