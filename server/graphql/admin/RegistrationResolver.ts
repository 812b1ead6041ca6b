import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Registrations, type Registration } from '../../access/registrations.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import type { RequestContext } from '../context.js';
import { fromGlobalId, toGlobalId } from '../../records/global-id.js';
import { ContactRegistrationGql, ContactRegistrationReceiptGql, RegisterContactInput } from './registration-types.js';

const RECEIVED =
  'Thank you: if the details are in order, your registration awaits approval by an administrator of your account or an agent. You can sign in once it is approved.';

const MESSAGES: Record<Registration['state'], string> = {
  requested: 'Your registration has been received and awaits approval by an administrator of your account or an agent. You can sign in once it is approved.',
  approved: 'The registration is approved: the user can sign in.',
  rejected: 'The registration is rejected.',
};

function out(r: Registration): ContactRegistrationGql {
  return {
    id: r.globalId,
    state: r.state,
    message: MESSAGES[r.state],
    userName: r.userName,
    account: toGlobalId('Account', r.accountId),
    user: r.userId ? toGlobalId('Person', r.userId) : null,
    approval: r.approvalId ? toGlobalId('Approval', r.approvalId) : null,
    decidedAt: r.decidedAt ? new Date(r.decidedAt) : null,
  };
}

function rowId(globalId: string, typeName: string, what: string): string {
  const { typeName: got, id } = fromGlobalId(globalId);
  if (got !== typeName) throw new DomainError(ErrorCode.INVALID_ID, `"${globalId}" is not the id of ${what}`);
  return String(id);
}

/** Contact self-registration: anyone registers; admins, agents and the account's admins decide. */
@Resolver()
export class RegistrationResolver {
  @Mutation(() => ContactRegistrationReceiptGql, {
    nullable: true,
    description:
      'Ask to join an account as a contact. No sign-in needed; the registration waits for approval and gives no access until then. The answer is the same whether or not the user name, e-mail address or account is known; clashes are settled when it is approved.',
  })
  async registerContact(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterContactInput) input: RegisterContactInput): Promise<ContactRegistrationReceiptGql> {
    const account = rowId(input.account, 'Account', 'an account');
    const r = await new Registrations(ctx.db, ctx.identities).register({ userName: input.userName, name: input.name, email: input.email, accountId: account, message: input.message ?? null });
    return { message: RECEIVED, userName: r.userName, email: r.email, account: toGlobalId('Account', r.accountId) };
  }

  @Mutation(() => ContactRegistrationGql, { nullable: true, description: 'Approve (creating the user) or reject a registration awaiting approval. Decided once; a second decision is a CONFLICT, and so is approving one whose user name or e-mail address a user has by then.' })
  async decideRegistration(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null | undefined,
    @Arg('userName', () => String, { nullable: true, description: 'Approve under this user name instead of the one asked for (when that one is taken).' }) userName: string | null | undefined,
  ): Promise<ContactRegistrationGql> {
    if (!ctx.actor) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'sign in to decide a registration');
    const r = await new Registrations(ctx.db, ctx.identities, ctx.engines).decide(rowId(id, 'Registration', 'a registration'), approve, comment, ctx.actor, { userName });
    return out(r);
  }
}
