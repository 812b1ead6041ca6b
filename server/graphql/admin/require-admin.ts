import { DomainError, ErrorCode } from '../../domain-error.js';
import type { AdminContext } from './admin-context.js';

/** The admin API's one gate: metadata is read and changed by administrators only. Returns the actor's id. */
export function requireAdmin(ctx: AdminContext): string {
  if (!ctx.actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in as an administrator to change metadata');
  if (!ctx.actor.admin) throw new DomainError(ErrorCode.FORBIDDEN, 'only administrators can read or change metadata');
  return ctx.actor.id;
}
