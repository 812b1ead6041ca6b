import { buildModel, type AnyDoc, type KindName, type MetadataSnapshot, type Model } from '../../../schema/index.js';
import { matchesAnyCriteria } from '../../access/criteria-matcher.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { OwnershipView } from '../../../schema/index.js';
import { authorizeChange, unitsAdministered, type MetadataAuthority } from '../../metadata/index.js';
import type { AdminContext } from './admin-context.js';

/**
 * The model of the newest published version, built once per version (per installation: one process may serve
 * several databases in tests): criteria conditions are evaluated on it.
 */
const models = new WeakMap<object, { id: number; model: Model }>();

function modelOf(service: object, head: { id: number; snapshot: MetadataSnapshot }): Model {
  let last = models.get(service);
  if (last?.id !== head.id) models.set(service, (last = { id: head.id, model: buildModel(head.snapshot) }));
  return last.model;
}

/**
 * The gate of the metadata workflow: the platform admin (every change), or a business unit's administrator (a
 * user matching one of a unit's `admins` criteria: changes inside its units, checked per document by
 * `authorizeChange`). Anyone else is refused. Unit admins read all metadata: it is configuration, not data, and
 * a unit builds on shared types (`task`, people, groups) and criteria it must see to refer to them.
 */
export async function requireMetadataAuthority(ctx: AdminContext): Promise<MetadataAuthority> {
  const actor = ctx.actor;
  if (!actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in as an administrator to change metadata');
  if (actor.admin) return { author: actor.id, units: null };
  const head = await ctx.metadata.published();
  const model = modelOf(ctx.metadata, head);
  const units = unitsAdministered(head.snapshot, (criteria) => matchesAnyCriteria(actor, model, criteria));
  if (!units.size) throw new DomainError(ErrorCode.FORBIDDEN, "only administrators can read or change metadata (the platform administrator, or a business unit's administrators inside their unit)");
  return { author: actor.id, units };
}

/** What ownership is decided on: the published metadata and the metadata with every draft laid over it. */
export async function ownershipView(ctx: AdminContext): Promise<OwnershipView> {
  const [head, working] = await Promise.all([ctx.metadata.published(), ctx.metadata.working()]);
  return { published: head.snapshot, working: working.snapshot };
}

/**
 * Passes the platform admin; a unit administrator only for a change of a document inside its units (see
 * `authorizeChange`: `after` undefined for an edit, null for a removal). Returns the author to record.
 */
export async function authorizeDocument(ctx: AdminContext, kind: KindName, name: string, after?: AnyDoc | null): Promise<string> {
  const authority = await requireMetadataAuthority(ctx);
  if (authority.units) authorizeChange(authority, await ownershipView(ctx), kind, name, after);
  return authority.author;
}
