import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AclDoc, MetadataSnapshot, UserCriteriaDoc } from '../../../schema/index.js';
import { draftName } from '../../metadata/index.js';
import type { AdminContext } from './admin-context.js';
import { AclGql, AclInput, UserCriteriaGql, UserCriteriaInput } from './access-rule-types.js';
import { requireAdmin } from './require-admin.js';

function criteriaOut(doc: UserCriteriaDoc, hasDraft: boolean): UserCriteriaGql {
  return {
    ...doc,
    users: doc.users ?? [],
    groups: doc.groups ?? [],
    roles: doc.roles ?? [],
    accounts: (doc.accounts ?? []).map((a) => ({ account: a.account, includeChildren: a.includeChildren ?? false })),
    departments: doc.departments ?? [],
    locations: doc.locations ?? [],
    condition: doc.condition as Record<string, unknown> | undefined,
    hasDraft,
  };
}

function aclOut(doc: AclDoc, hasDraft: boolean): AclGql {
  return { ...doc, condition: doc.condition as Record<string, unknown> | undefined, active: doc.active ?? true, hasDraft };
}

/**
 * type-graphql hands over class instances where an unset argument is null; documents leave it out. Conditions
 * pass as they are (a null there is a value to compare with).
 */
function document<T extends object>(input: T): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? document(x) : x)) : v]),
  );
}

/** User criteria and ACLs as metadata: drafted, validated and published with the record types. */
@Resolver()
export class AccessRulesResolver {
  @Query(() => [UserCriteriaGql], { description: 'User criteria; as they would be after publishing the drafts unless published is true.' })
  async userCriteria(@Ctx() ctx: AdminContext, @Arg('published', () => Boolean, { nullable: true, defaultValue: false }) published: boolean | null): Promise<UserCriteriaGql[]> {
    const { snapshot, draftNames } = await view(ctx, published);
    return Object.values(snapshot.userCriteria)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => criteriaOut(d, draftNames.has(draftName('userCriteria', d.name))));
  }

  @Query(() => [AclGql], { description: 'ACLs, all or those on one record type; as they would be after publishing the drafts unless published is true.' })
  async acls(
    @Ctx() ctx: AdminContext,
    @Arg('recordType', () => String, { nullable: true }) recordType: string | null | undefined,
    @Arg('published', () => Boolean, { nullable: true, defaultValue: false }) published: boolean | null,
  ): Promise<AclGql[]> {
    const { snapshot, draftNames } = await view(ctx, published);
    return Object.values(snapshot.acls)
      .filter((d) => recordType == null || d.recordType === recordType)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => aclOut(d, draftNames.has(draftName('acl', d.name))));
  }

  @Mutation(() => UserCriteriaGql, { description: 'Save whole user criteria as a draft (created or replaced).' })
  async saveUserCriteriaDraft(@Ctx() ctx: AdminContext, @Arg('input', () => UserCriteriaInput) input: UserCriteriaInput): Promise<UserCriteriaGql> {
    return criteriaOut(await ctx.metadata.saveUserCriteriaDraft(document(input), requireAdmin(ctx)), true);
  }

  @Mutation(() => Boolean, { description: 'Draft the removal of user criteria; the publish fails while an ACL still names them.' })
  async removeUserCriteria(@Ctx() ctx: AdminContext, @Arg('name', () => String) name: string): Promise<boolean> {
    await ctx.metadata.removeUserCriteria(name, requireAdmin(ctx));
    return true;
  }

  @Mutation(() => AclGql, { description: 'Save a whole ACL as a draft (created or replaced).' })
  async saveAclDraft(@Ctx() ctx: AdminContext, @Arg('input', () => AclInput) input: AclInput): Promise<AclGql> {
    return aclOut(await ctx.metadata.saveAclDraft(document(input), requireAdmin(ctx)), true);
  }

  @Mutation(() => Boolean, { description: 'Draft the removal of an ACL.' })
  async removeAcl(@Ctx() ctx: AdminContext, @Arg('name', () => String) name: string): Promise<boolean> {
    await ctx.metadata.removeAcl(name, requireAdmin(ctx));
    return true;
  }
}

async function view(ctx: AdminContext, published: boolean | null): Promise<{ snapshot: MetadataSnapshot; draftNames: Set<string> }> {
  requireAdmin(ctx);
  return published ? { snapshot: (await ctx.metadata.published()).snapshot, draftNames: new Set() } : ctx.metadata.working();
}
