import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { IDENTITY_TYPES } from '../../../schema/index.js';
import type { Actor } from '../../access/actor.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { EngineHost } from '../../engines/index.js';
import { approvalDelegationsOf, endApprovalDelegation, setApprovalDelegation, type ApprovalDelegationView } from '../../engines/flows/approval-delegations.js';
import { approvalPeers } from '../../engines/flows/approval-peers.js';
import type { ApprovalRequestRow } from '../../engines/flows/approval-request-rows.js';
import { myApprovals } from '../../engines/flows/my-approvals.js';
import { approvalRequestsById } from '../../engines/flows/approval-requests-by-id.js';
import { decideApproval } from '../../engines/flows/decide-approval.js';
import { delegateApproval } from '../../engines/flows/delegate-approval.js';
import { fromGlobalId, recordSummaries, toGlobalId, type GraphInfo } from '../../records/index.js';
import { GraphQLDateTimeRfc3339 } from '../scalars.js';
import type { AdminContext } from './admin-context.js';
import { ApprovalDelegationGql } from './approval-delegation-types.js';
import { approvalConnection, approvalRequestGql, ApprovalRequestConnectionGql, ApprovalRequestGql, ApprovalRequestStateEnum } from './approval-types.js';

/** Approvals for the signed-in user: what is asked of them, their decisions, and their out-of-office delegations. */
@Resolver()
export class ApprovalsResolver {
  @Query(() => ApprovalRequestConnectionGql, {
    description: 'The approvals asked of you (delegated ones included), pending by default, the soonest due first: each with its record (when you may read it), the flow step that asked, and who else was asked.',
  })
  async myApprovals(
    @Ctx() ctx: AdminContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many (1 to 100).' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('state', () => ApprovalRequestStateEnum, { nullable: true, description: 'Default REQUESTED: the ones waiting for you.' }) state: ApprovalRequestRow['state'] | null,
  ): Promise<ApprovalRequestConnectionGql> {
    const actor = signedIn(ctx, 'see the approvals asked of you');
    const personId = actor.profile?.userId;
    if (!personId) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const graph = running(ctx).context().graph();
    const page = await myApprovals(ctx.db, personId, { state, first, after });
    return approvalConnection(page, await extrasFor(ctx, graph, actor, page.rows));
  }

  @Mutation(() => ApprovalRequestGql, { description: 'Approves an approval asked of you (administrators: any). Decided once: a decision on a closed request is a CONFLICT saying who decided when.' })
  async approve(@Ctx() ctx: AdminContext, @Arg('id', () => ID) id: string, @Arg('comment', () => String, { nullable: true }) comment: string | null): Promise<ApprovalRequestGql> {
    return decide(ctx, id, 'approved', comment);
  }

  @Mutation(() => ApprovalRequestGql, { description: 'Rejects an approval asked of you (administrators: any); the comment says why. Decided once, like approve.' })
  async reject(@Ctx() ctx: AdminContext, @Arg('id', () => ID) id: string, @Arg('comment', () => String, { nullable: true }) comment: string | null): Promise<ApprovalRequestGql> {
    return decide(ctx, id, 'rejected', comment);
  }

  @Mutation(() => ApprovalRequestGql, { description: 'Hands an approval asked of you to another active person (not the requester): they decide in your place, and the request shows it came from you.' })
  async delegate(
    @Ctx() ctx: AdminContext,
    @Arg('id', () => ID) id: string,
    @Arg('to', () => ID, { description: 'The global id of the person to hand it to.' }) to: string,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
  ): Promise<ApprovalRequestGql> {
    const actor = signedIn(ctx, 'delegate an approval');
    const engines = running(ctx);
    const graph = engines.context().graph();
    const approvalId = approvalIdOf(graph, id);
    await delegateApproval(engines.context(), { approvalId, to: personIdOf(to, 'to'), comment }, actor);
    return shown(ctx, graph, actor, approvalId);
  }

  @Query(() => [ApprovalDelegationGql], { description: 'Your out-of-office delegations in force or to come: while one is in force, approvals asked of you go to its delegate.' })
  async myApprovalDelegations(@Ctx() ctx: AdminContext): Promise<ApprovalDelegationGql[]> {
    const personId = personOf(signedIn(ctx, 'see your delegations'));
    return (await approvalDelegationsOf(ctx.db, personId, running(ctx).clock.now())).map(delegationGql);
  }

  @Mutation(() => ApprovalDelegationGql, { description: 'Out of office: approvals asked of you from `from` (default now) until `until` (default: until you end it) go to `to` instead.' })
  async setApprovalDelegation(
    @Ctx() ctx: AdminContext,
    @Arg('to', () => ID, { description: 'The global id of the person who decides for you.' }) to: string,
    @Arg('from', () => GraphQLDateTimeRfc3339, { nullable: true }) from: Date | null,
    @Arg('until', () => GraphQLDateTimeRfc3339, { nullable: true }) until: Date | null,
  ): Promise<ApprovalDelegationGql> {
    const personId = personOf(signedIn(ctx, 'delegate your approvals'));
    const delegateId = personIdOf(to, 'to');
    return delegationGql(await setApprovalDelegation(ctx.db, { personId, delegateId, startsAt: from ?? null, endsAt: until ?? null }, running(ctx).clock.now()));
  }

  @Mutation(() => ApprovalDelegationGql, { description: 'Ends one of your delegations now: approvals asked from now on come to you again (those already delegated stay with the delegate).' })
  async endApprovalDelegation(@Ctx() ctx: AdminContext, @Arg('id', () => ID) id: string): Promise<ApprovalDelegationGql> {
    const personId = personOf(signedIn(ctx, 'end a delegation'));
    return delegationGql(await endApprovalDelegation(ctx.db, { personId, id }, running(ctx).clock.now()));
  }
}

/** A decision through the engine, then the request as the decider sees it now. */
async function decide(ctx: AdminContext, id: string, decision: 'approved' | 'rejected', comment: string | null): Promise<ApprovalRequestGql> {
  const actor = signedIn(ctx, 'decide an approval');
  const engines = running(ctx);
  const graph = engines.context().graph();
  const approvalId = approvalIdOf(graph, id);
  await decideApproval(engines.context(), { approvalId, decision, comment }, actor);
  // The step may have queued actions (jobs) and ended flows whose consequences wrote identity records.
  engines.jobs.wake();
  if (ctx.identities) ctx.identities.invalidate();
  return shown(ctx, graph, actor, approvalId);
}

async function shown(ctx: AdminContext, graph: GraphInfo, actor: Actor, approvalId: string): Promise<ApprovalRequestGql> {
  const [row] = await approvalRequestsById(ctx.db, [approvalId]);
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, `there is no approval with id ${approvalId}`);
  return oneApprovalGql(ctx, graph, actor, row);
}

/** The summaries (as the actor may read them) and peers of a page of requests: two statements for the page. */
export async function extrasFor(ctx: AdminContext, graph: GraphInfo, actor: Actor, rows: ApprovalRequestRow[]) {
  const [summaries, peers] = await Promise.all([recordSummaries(ctx.db, graph, actor, rows.map((r) => ({ recordType: r.recordType, recordId: r.recordId }))), approvalPeers(ctx.db, rows)]);
  return { approvalGqlName: approvalGqlName(graph), summaries, peers };
}

/** One request as the API shows it to `actor`. */
export async function oneApprovalGql(ctx: AdminContext, graph: GraphInfo, actor: Actor, row: ApprovalRequestRow): Promise<ApprovalRequestGql> {
  return approvalRequestGql(row, await extrasFor(ctx, graph, actor, [row]));
}

export function approvalGqlName(graph: GraphInfo): string {
  return graph.byName.get(IDENTITY_TYPES.approval)?.type.gqlName ?? 'Approval';
}

/** The row id of an approval's global id; anything else is INVALID_ID, saying what was expected. */
export function approvalIdOf(graph: GraphInfo, globalId: string): string {
  let decoded: { typeName: string; id: number | string };
  try {
    decoded = fromGlobalId(globalId);
  } catch {
    throw new DomainError(ErrorCode.INVALID_ID, `"${globalId}" is not an id; pass the id of an approval (myApprovals gives them)`);
  }
  if (decoded.typeName !== approvalGqlName(graph)) throw new DomainError(ErrorCode.INVALID_ID, `"${globalId}" is the id of a ${decoded.typeName}, not of an approval; pass the id myApprovals gives`);
  return String(decoded.id);
}

function personIdOf(globalId: string, field: string): string {
  let decoded: { typeName: string; id: number | string };
  try {
    decoded = fromGlobalId(globalId);
  } catch {
    throw new DomainError(ErrorCode.INVALID_ID, `"${globalId}" is not an id; pass the global id of a person`, { field });
  }
  if (decoded.typeName !== 'Person') throw new DomainError(ErrorCode.INVALID_ID, `"${globalId}" is the id of a ${decoded.typeName}, not of a person`, { field });
  return String(decoded.id);
}

export function signedIn(ctx: AdminContext, what: string): Actor {
  if (!ctx.actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, `sign in to ${what}`);
  return ctx.actor;
}

function personOf(actor: Actor): string {
  const id = actor.profile?.userId;
  if (!id) throw new DomainError(ErrorCode.FORBIDDEN, `you (${actor.id}) are not a person in Atrium, so no approvals are asked of you; sign in as a user`);
  return id;
}

export function running(ctx: AdminContext): EngineHost {
  if (!ctx.engines) throw new DomainError(ErrorCode.BAD_REQUEST, 'the engines do not run on this server, so approvals cannot be listed or decided here');
  return ctx.engines;
}

function delegationGql(d: ApprovalDelegationView): ApprovalDelegationGql {
  return { id: d.id, to: { id: toGlobalId('Person', d.delegateId), name: d.delegateName, userName: null }, from: d.startsAt, until: d.endsAt, active: d.active };
}
