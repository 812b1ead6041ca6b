import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { listNotifications, myNotifications, retryNotification, type NotificationRow } from '../../engines/notify/index.js';
import type { EngineHost } from '../../engines/index.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { AdminContext } from './admin-context.js';
import { NotificationConnectionGql, NotificationGql, NotificationStatusEnum, notificationConnection, notificationGql } from './notification-types.js';
import { requireAdmin } from './require-admin.js';

/** The notification outbox: administrators see and retry every message; a signed-in user sees the e-mail sent to them. */
@Resolver()
export class NotificationsResolver {
  @Query(() => NotificationConnectionGql, { description: 'Every notification (e-mail and webhook calls), newest first: what was sent, what failed and why. Administrators only.' })
  async notifications(
    @Ctx() ctx: AdminContext,
    @Arg('status', () => NotificationStatusEnum, { nullable: true }) status: NotificationRow['status'] | null,
    @Arg('recordId', () => ID, { nullable: true, description: 'Only notifications about this record.' }) recordId: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many (1 to 100).' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<NotificationConnectionGql> {
    requireAdmin(ctx);
    const engines = enginesOf(ctx);
    const graph = engines.context().graph();
    return notificationConnection(graph, await listNotifications(ctx.db, graph, { status, recordId, first, after }));
  }

  @Query(() => NotificationConnectionGql, { description: 'The e-mail sent to the signed-in user, newest first, about records they may read.' })
  async myNotifications(
    @Ctx() ctx: AdminContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many (1 to 100).' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<NotificationConnectionGql> {
    if (!ctx.actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in to see the notifications sent to you');
    const graph = enginesOf(ctx).context().graph();
    return notificationConnection(graph, await myNotifications(ctx.db, graph, ctx.actor, { first, after }));
  }

  @Mutation(() => NotificationGql, { description: 'Puts a dead notification back in line with a fresh count of attempts. Administrators only.' })
  async retryNotification(@Ctx() ctx: AdminContext, @Arg('id', () => ID) id: string): Promise<NotificationGql> {
    requireAdmin(ctx);
    if (!/^[1-9][0-9]{0,17}$/.test(id)) throw new DomainError(ErrorCode.INVALID_ID, `"${id}" is not a notification id`);
    const engines = enginesOf(ctx);
    const row = await retryNotification(ctx.db, engines.clock, Number(id));
    engines.jobs.wake();
    return notificationGql(engines.context().graph(), row);
  }
}

function enginesOf(ctx: AdminContext): EngineHost {
  if (!ctx.engines) throw new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, 'the engines are not running on this server');
  return ctx.engines;
}
