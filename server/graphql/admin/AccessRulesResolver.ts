import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AclDoc, MetadataSnapshot, UserCriteriaDoc } from '../../../schema/index.js';
import { draftName, type DraftMeta } from '../../metadata/index.js';
import type { AdminContext } from './admin-context.js';
import { AclGql, AclInput, UserCriteriaGql, UserCriteriaInput } from './access-rule-types.js';
import { requireAdmin } from './require-admin.js';

const DRAFT_VERSION = {
  nullable: true,
  description: 'The draft version you read (0: there was no draft). A newer draft fails with CONFLICT. Without it a removal applies to the latest draft; a save may not replace a draft.',
} as const;

function criteriaOut(doc: UserCriteriaDoc, draft: DraftMeta | undefined): UserCriteriaGql {
  return {
    ...doc,
    users: doc.users ?? [],
    groups: doc.groups ?? [],
    roles: doc.roles ?? [],
    accounts: (doc.accounts ?? []).map((a) => ({ account: a.account, includeChildren: a.includeChildren ?? false })),
    departments: doc.departments ?? [],
    locations: doc.locations ?? [],
    condition: doc.condition as Record<string, unknown> | undefined,
    hasDraft: !!draft,
    draftVersion: draft?.version ?? null,
  };
}

function aclOut(doc: AclDoc, draft: DraftMeta | undefined): AclGql {
  return { ...doc, condition: doc.condition as Record<string, unknown> | undefined, active: doc.active ?? true, hasDraft: !!draft, draftVersion: draft?.version ?? null };
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
    const { snapshot, drafts } = await view(ctx, published);
    return Object.values(snapshot.userCriteria)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => criteriaOut(d, drafts.get(draftName('userCriteria', d.name))));
  }

  @Query(() => [AclGql], { description: 'ACLs, all or those on one record type; as they would be after publishing the drafts unless published is true.' })
  async acls(
    @Ctx() ctx: AdminContext,
    @Arg('recordType', () => String, { nullable: true }) recordType: string | null | undefined,
    @Arg('published', () => Boolean, { nullable: true, defaultValue: false }) published: boolean | null,
  ): Promise<AclGql[]> {
    const { snapshot, drafts } = await view(ctx, published);
    return Object.values(snapshot.acls)
      .filter((d) => recordType == null || d.recordType === recordType)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => aclOut(d, drafts.get(draftName('acl', d.name))));
  }

  @Mutation(() => UserCriteriaGql, { description: 'Save whole user criteria as a draft (created or replaced). Replacing a draft needs the draftVersion you read.' })
  async saveUserCriteriaDraft(
    @Ctx() ctx: AdminContext,
    @Arg('input', () => UserCriteriaInput) input: UserCriteriaInput,
    @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null,
  ): Promise<UserCriteriaGql> {
    const { document: doc, draft } = await ctx.metadata.saveUserCriteriaDraft(document(input), requireAdmin(ctx), draftVersion ?? undefined);
    return criteriaOut(doc, draft);
  }

  @Mutation(() => Boolean, { description: 'Draft the removal of user criteria; the publish fails while an ACL still names them.' })
  async removeUserCriteria(@Ctx() ctx: AdminContext, @Arg('name', () => String) name: string, @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null): Promise<boolean> {
    await ctx.metadata.removeUserCriteria(name, requireAdmin(ctx), draftVersion ?? undefined);
    return true;
  }

  @Mutation(() => AclGql, { description: 'Save a whole ACL as a draft (created or replaced). Replacing a draft needs the draftVersion you read.' })
  async saveAclDraft(@Ctx() ctx: AdminContext, @Arg('input', () => AclInput) input: AclInput, @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null): Promise<AclGql> {
    const { document: doc, draft } = await ctx.metadata.saveAclDraft(document(input), requireAdmin(ctx), draftVersion ?? undefined);
    return aclOut(doc, draft);
  }

  @Mutation(() => Boolean, { description: 'Draft the removal of an ACL.' })
  async removeAcl(@Ctx() ctx: AdminContext, @Arg('name', () => String) name: string, @Arg('draftVersion', () => Int, DRAFT_VERSION) draftVersion?: number | null): Promise<boolean> {
    await ctx.metadata.removeAcl(name, requireAdmin(ctx), draftVersion ?? undefined);
    return true;
  }
}

async function view(ctx: AdminContext, published: boolean | null): Promise<{ snapshot: MetadataSnapshot; drafts: Map<string, DraftMeta> }> {
  requireAdmin(ctx);
  return published ? { snapshot: (await ctx.metadata.published()).snapshot, drafts: new Map() } : ctx.metadata.working();
}
