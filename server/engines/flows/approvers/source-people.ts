import { sql } from 'drizzle-orm';
import { IDENTITY_TYPES, type ApproverSourceDoc } from '../../../../schema/index.js';
import { UnreachableCaseError } from '../../../../schema/metadata/field-types.js';
import { ACCOUNT_ADMIN_ROLE } from '../../../access/registrations.js';
import type { ApproverFlag, ResolveApproversInput } from '../flow-types.js';
import { accountChain, groupMembers, idByName, managerOf, peopleById, personByUserName, roleHolders, type Candidate } from './identity-reads.js';

/**
 * Who one source names, before the resolver leaves out the inactive and the requester. `pool` names the set the
 * people came from (a group or a role) when the source stands for one: the resolver flags it when none of them is
 * active. Flags are the source's own (unknown names, an empty field, no manager, no account approver).
 */
export interface SourcePeople {
  people: Candidate[];
  flags: ApproverFlag[];
  pool: string | null;
}

const T = IDENTITY_TYPES;

/** How a source is written in `via` and in flags: `user:ada`, `group:cab`, `manager:2`, `field:assigned_to` … */
export function sourceLabel(source: ApproverSourceDoc): string {
  if ('user' in source) return `user:${source.user}`;
  if ('group' in source) return `group:${source.group}`;
  if ('role' in source) return `role:${source.role}`;
  if ('manager' in source) return `manager:${source.manager.levels ?? 1}`;
  if ('field' in source) return `field:${source.field}`;
  if ('accountApprover' in source) return `accountApprover:${source.accountApprover.field ?? 'account'}`;
  throw new UnreachableCaseError(source);
}

const none = (flags: ApproverFlag[] = []): SourcePeople => ({ people: [], flags, pool: null });
const flag = (kind: ApproverFlag['kind'], source: string, message: string): ApproverFlag => ({ kind, source, message });

/** Reads who `source` names for the record in `input`. Read-only. */
export async function sourcePeople(input: ResolveApproversInput, source: ApproverSourceDoc): Promise<SourcePeople> {
  const { tx } = input;
  const label = sourceLabel(source);
  if ('user' in source) {
    const person = await personByUserName(tx, source.user);
    return person ? { people: [person], flags: [], pool: null } : none([flag('unknown_user', label, `there is no user "${source.user}"`)]);
  }
  if ('group' in source) {
    const id = await idByName(tx, T.group, source.group);
    if (!id) return none([flag('unknown_group', label, `there is no group "${source.group}"`)]);
    return { people: await groupMembers(tx, id), flags: [], pool: `group ${source.group}` };
  }
  if ('role' in source) {
    const id = await idByName(tx, T.role, source.role);
    if (!id) return none([flag('unknown_role', label, `there is no role "${source.role}"`)]);
    return { people: await roleHolders(tx, id), flags: [], pool: `role ${source.role}` };
  }
  if ('manager' in source) return managerPeople(input, source.manager.levels ?? 1, label);
  if ('field' in source) return fieldPeople(input, source.field, label);
  if ('accountApprover' in source) return accountApproverPeople(input, source.accountApprover.field ?? 'account', label);
  throw new UnreachableCaseError(source);
}

/** The requester's manager `levels` up (the chain as stored: an inactive manager in between still passes it on). */
async function managerPeople(input: ResolveApproversInput, levels: number, label: string): Promise<SourcePeople> {
  if (!input.requesterId) return none([flag('no_manager', label, 'the record has no requester, so there is no manager to ask')]);
  let current = input.requesterId;
  for (let level = 1; level <= levels; level++) {
    const manager = await managerOf(input.tx, current);
    if (!manager) {
      const whose = level === 1 ? 'the requester has no manager' : `the requester's chain of managers ends ${level - 1} level${level > 2 ? 's' : ''} up`;
      return none([flag('no_manager', label, `${whose}; set the manager on the user record`)]);
    }
    current = manager;
  }
  return { people: await peopleById(input.tx, [current]), flags: [], pool: null };
}

/** A reference field of the record naming a person, or a group (then its members). */
async function fieldPeople(input: ResolveApproversInput, field: string, label: string): Promise<SourcePeople> {
  const value = input.row[field];
  if (value === null || value === undefined || value === '') return none([flag('empty_field', label, `the record's field ${field} is empty, so nobody is named there`)]);
  const target = referenceTarget(input, field);
  if (target === T.group) {
    const members = await groupMembers(input.tx, String(value));
    return { people: members, flags: [], pool: `the group in field ${field}` };
  }
  if (target !== null && target !== T.user)
    return none([flag('empty_field', label, `field ${field} of ${input.recordType} refers to ${target}, not to a user or a group`)]);
  return { people: await peopleById(input.tx, [String(value)]), flags: [], pool: null };
}

/** What `field` of the record type refers to; null when the model is not given (then a person is assumed). */
function referenceTarget(input: ResolveApproversInput, field: string): string | null {
  if (!input.model) return null;
  const f = input.model.types.get(input.recordType)?.activeFields.find((x) => x.name === field);
  return f?.type === 'reference' ? (f.reference ?? null) : `no reference (${f ? f.type : 'no such field'})`;
}

/**
 * The designated approver of the account the record's `field` names; without one (or when that person is
 * inactive), the active account administrators of that account; without any, the same one level up, and so on to
 * the top: the nearest account that has someone wins.
 */
async function accountApproverPeople(input: ResolveApproversInput, field: string, label: string): Promise<SourcePeople> {
  const value = input.row[field];
  if (value === null || value === undefined || value === '') return none([flag('no_account_approver', label, `the record's field ${field} names no account`)]);
  const roleId = await idByName(input.tx, T.role, ACCOUNT_ADMIN_ROLE);
  const flags: ApproverFlag[] = [];
  for (const account of await accountChain(input.tx, String(value))) {
    if (account.approver) {
      const [approver] = await peopleById(input.tx, [account.approver]);
      if (approver?.active) return { people: [approver], flags, pool: null };
      if (approver) flags.push({ ...flag('inactive_user', label, `${approver.userName}, the designated approver of account ${account.name}, is inactive`), personId: approver.id });
    }
    if (roleId) {
      const admins = (await roleHolders(input.tx, roleId, sql`p."account" = ${account.id}::bigint`)).filter((p) => p.active);
      if (admins.length) return { people: admins, flags, pool: null };
    }
  }
  flags.push(flag('no_account_approver', label, `account #${value} and the accounts above it have no designated approver and no active account administrator`));
  return none(flags);
}
