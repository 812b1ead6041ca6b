import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { EngineHost } from '../../engines/index.js';
import { eventConsumerFailures, eventConsumerStatus } from '../../events/event-consumer-status.js';
import type { AdminContext } from './admin-context.js';
import { DeadJobGql, EventConsumerFailureGql, EventConsumerGql } from './jobs-types.js';

const MAX_FIRST = 500;

/**
 * What runs behind the scenes, for platform administrators: dead jobs (and retrying them), event consumers with
 * their lag, and the events they could not handle. Adapts the engine host's job queue and the event feed.
 */
@Resolver()
export class JobsResolver {
  @Query(() => [DeadJobGql], { description: 'Jobs that failed past their retries, newest failure first. Platform administrators only.' })
  async deadJobs(@Ctx() ctx: AdminContext, @Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<DeadJobGql[]> {
    const engines = platformAdmin(ctx);
    const jobs = await engines.jobs.dead(limit(first));
    return jobs.map((j) => ({
      id: j.id,
      kind: j.kind,
      data: j.data && typeof j.data === 'object' ? (j.data as Record<string, unknown>) : null,
      error: j.error,
      retries: j.retryCount,
      createdAt: j.createdAt,
      failedAt: j.failedAt,
    }));
  }

  @Mutation(() => Boolean, { description: 'Puts a dead job back in line to run again. Platform administrators only.' })
  async retryJob(@Ctx() ctx: AdminContext, @Arg('kind', () => String) kind: string, @Arg('id', () => ID) id: string): Promise<boolean> {
    const engines = platformAdmin(ctx);
    if (!(await engines.jobs.retry(kind, id))) throw new DomainError(ErrorCode.NOT_FOUND, `there is no dead job "${id}" of kind "${kind}"; see deadJobs for the jobs that can be retried`);
    return true;
  }

  @Query(() => [EventConsumerGql], { description: 'Every durable event consumer, where it stands and how many committed events it has still to handle. Platform administrators only.' })
  async eventConsumers(@Ctx() ctx: AdminContext): Promise<EventConsumerGql[]> {
    platformAdmin(ctx);
    return eventConsumerStatus(ctx.db);
  }

  @Query(() => [EventConsumerFailureGql], { description: 'Events a consumer could not handle, newest first. Platform administrators only.' })
  async eventConsumerFailures(@Ctx() ctx: AdminContext, @Arg('first', () => Int, { defaultValue: 50 }) first: number): Promise<EventConsumerFailureGql[]> {
    platformAdmin(ctx);
    const failures = await eventConsumerFailures(ctx.db, limit(first));
    return failures.map((f) => ({ ...f, id: String(f.id) }));
  }
}

/** The gate of this API: platform administrators only (not business-unit admins); resolves the engine host. */
function platformAdmin(ctx: AdminContext): EngineHost {
  if (!ctx.actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in as a platform administrator to see jobs and event consumers');
  if (!ctx.actor.admin) throw new DomainError(ErrorCode.FORBIDDEN, 'only platform administrators can see or retry jobs and event consumers');
  if (!ctx.engines) throw new DomainError(ErrorCode.BAD_REQUEST, 'this server runs no engines, so it has no jobs or event consumers to show');
  return ctx.engines;
}

function limit(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) throw new DomainError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_FIRST} (got ${first})`);
  return first;
}
