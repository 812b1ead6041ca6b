import { Ctx, Query, Resolver } from 'type-graphql';
import { DomainError } from '../../domain-error.js';
import type { AdminContext } from './admin-context.js';
import { requireMetadataAuthority } from './require-metadata-authority.js';
import { StudioAccessGql } from './studio-access-types.js';

const NEEDED =
  "The studio is for administrators: the platform administrator (the admin role), or a business unit's administrator (a user matching the unit's admins criteria), who designs inside that unit.";

/** The studio's first question. Never refuses: a user without rights gets an answer that names the rights. */
@Resolver()
export class StudioAccessResolver {
  @Query(() => StudioAccessGql, { description: 'What the signed-in user may do in the studio (never an error: missingRights says what is needed).' })
  async studioAccess(@Ctx() ctx: AdminContext): Promise<StudioAccessGql> {
    const actor = ctx.actor;
    const none = { platformAdmin: false, administeredUnits: [], canDesign: false };
    if (!actor) return { ...none, signedIn: false, userName: null, displayName: null, missingRights: `Sign in first. ${NEEDED}` };
    const who = { signedIn: true, userName: actor.id, displayName: actor.name };
    try {
      const authority = await requireMetadataAuthority(ctx);
      if (authority.units === null) {
        const head = await ctx.metadata.published();
        return { ...who, platformAdmin: true, administeredUnits: Object.keys(head.snapshot.businessUnits).sort(), canDesign: true, missingRights: null };
      }
      return { ...who, platformAdmin: false, administeredUnits: [...authority.units].sort(), canDesign: true, missingRights: null };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return { ...who, ...none, missingRights: `${actor.name} (${actor.id}) has neither right. ${NEEDED}` };
    }
  }
}
