import type { UserCriteriaDoc } from './user-criteria.js';

/** What user criteria can test about a user, by name (criteria name things, not record ids). */
export interface UserFacts {
  userName: string | null;
  /** Groups the user belongs to, directly or through a nested group. */
  groups: ReadonlySet<string>;
  /** Roles granted to the user or to one of its groups. */
  roles: ReadonlySet<string>;
  account: string | null;
  /** The user's account's parent, its parent, … (nearest first). */
  accountAncestors: readonly string[];
  department: string | null;
  location: string | null;
}

/**
 * Whether a user matches criteria. `conditionHolds` evaluates the criteria's condition on the user's record
 * (the caller owns the evaluation, with the user's record and dynamic values). Criteria listing nothing match
 * every signed-in user. Pure: the studio previews criteria with the same function.
 */
export function matchCriteria(doc: UserCriteriaDoc, facts: UserFacts, conditionHolds: (doc: UserCriteriaDoc) => boolean): boolean {
  const tests: boolean[] = [];
  if (doc.users?.length) tests.push(facts.userName !== null && doc.users.includes(facts.userName));
  if (doc.groups?.length) tests.push(doc.groups.some((g) => facts.groups.has(g)));
  if (doc.roles?.length) tests.push(doc.roles.some((r) => facts.roles.has(r)));
  if (doc.accounts?.length)
    tests.push(doc.accounts.some((a) => a.account === facts.account || (a.includeChildren === true && facts.accountAncestors.includes(a.account))));
  if (doc.departments?.length) tests.push(facts.department !== null && doc.departments.includes(facts.department));
  if (doc.locations?.length) tests.push(facts.location !== null && doc.locations.includes(facts.location));
  if (doc.condition) tests.push(conditionHolds(doc));
  if (!tests.length) return true;
  return doc.match === 'all' ? tests.every(Boolean) : tests.some(Boolean);
}
