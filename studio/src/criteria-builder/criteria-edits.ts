import type { UserCriteriaDoc } from '../../../schema/access/index.js';

type ListKey = 'users' | 'groups' | 'roles' | 'departments' | 'locations';

/** Sets one list of names; an empty list is left out, so a saved document says only what it tests. */
export function withList(doc: UserCriteriaDoc, key: ListKey, names: readonly string[]): UserCriteriaDoc {
  const next = { ...doc };
  if (names.length) next[key] = [...names];
  else delete next[key];
  return next;
}

/** Sets the accounts, keeping each kept account's "include child accounts" as it was. */
export function withAccounts(doc: UserCriteriaDoc, names: readonly string[]): UserCriteriaDoc {
  const before = new Map((doc.accounts ?? []).map((a) => [a.account, a]));
  const next = { ...doc };
  if (names.length) next.accounts = names.map((account) => before.get(account) ?? { account });
  else delete next.accounts;
  return next;
}

/** Turns "include child accounts" on or off for one account (off is stored as absent). */
export function withChildren(doc: UserCriteriaDoc, account: string, includeChildren: boolean): UserCriteriaDoc {
  return { ...doc, accounts: (doc.accounts ?? []).map((a) => (a.account !== account ? a : includeChildren ? { account, includeChildren: true } : { account })) };
}

/** How many dimensions the criteria test: with `all`, every one must hold; with none, everyone matches. */
export function dimensionCount(doc: UserCriteriaDoc): number {
  return [doc.users, doc.groups, doc.roles, doc.accounts, doc.departments, doc.locations].filter((l) => l?.length).length + (doc.condition ? 1 : 0);
}
