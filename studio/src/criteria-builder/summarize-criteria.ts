import type { Condition } from '../../../schema/condition/index.js';
import type { UserCriteriaDoc } from '../../../schema/access/index.js';

const list = (singular: string, plural: string, names: readonly string[]) => `${names.length === 1 ? singular : plural} ${names.join(', ')}`;

/**
 * Who criteria are for, in one line: "role agent, or group Network", "account Globex (and below) and location
 * Berlin", "everyone signed in". `describeCondition` words the condition on the person (the condition builder's
 * summary), so this stays pure.
 */
export function summarizeCriteria(doc: UserCriteriaDoc, describeCondition: (condition: Condition) => string): string {
  const parts: string[] = [];
  if (doc.users?.length) parts.push(list('user', 'users', doc.users));
  if (doc.groups?.length) parts.push(list('group', 'groups', doc.groups));
  if (doc.roles?.length) parts.push(list('role', 'roles', doc.roles));
  if (doc.accounts?.length)
    parts.push(list('account', 'accounts', doc.accounts.map((a) => (a.includeChildren ? `${a.account} (and below)` : a.account))));
  if (doc.departments?.length) parts.push(list('department', 'departments', doc.departments));
  if (doc.locations?.length) parts.push(list('location', 'locations', doc.locations));
  if (doc.condition) parts.push(`person: ${describeCondition(doc.condition)}`);
  if (!parts.length) return 'everyone signed in';
  return parts.join(doc.match === 'all' ? ', and ' : ', or ');
}
