import type { ApproverFlag, ApproverResolution, ResolveApproversInput, ResolvedApprover } from '../flow-types.js';
import { applyDelegations } from './apply-delegations.js';
import { sourceLabel, sourcePeople } from './source-people.js';

/**
 * Who an approval node asks, resolved now, read-only (the engine passes its step's transaction, the simulation
 * the database). Sources are read in order; inside one, people in id order; a person found twice keeps the first
 * source as `via`. Inactive users are left out (flag `inactive_user`), the requester too (`self_approval`); a
 * group or role with nobody active is flagged `empty_group`; unknown names, empty fields, a missing manager or
 * account approver are flagged by their source. Out-of-office delegation is applied last (see applyDelegations).
 * The same input gives the same answer: approvers and flags come in a fixed order.
 */
export async function resolveApprovers(input: ResolveApproversInput): Promise<ApproverResolution> {
  const flags: ApproverFlag[] = [];
  const seenFlags = new Set<string>();
  const addFlag = (f: ApproverFlag) => {
    const key = `${f.kind}|${f.source}|${f.personId ?? ''}`;
    if (!seenFlags.has(key)) (seenFlags.add(key), flags.push(f));
  };
  const chosen = new Map<string, ResolvedApprover>();
  for (const source of input.sources) {
    const via = sourceLabel(source);
    const found = await sourcePeople(input, source);
    found.flags.forEach(addFlag);
    let active = 0;
    for (const person of found.people) {
      if (!person.active) {
        addFlag({ kind: 'inactive_user', source: via, message: `${person.userName} is inactive and is not asked`, personId: person.id });
        continue;
      }
      active++;
      if (person.id === input.requesterId) {
        addFlag({ kind: 'self_approval', source: via, message: `${person.userName} is the requester and never approves their own request`, personId: person.id });
        continue;
      }
      if (!chosen.has(person.id)) chosen.set(person.id, { personId: person.id, delegatedFrom: null, via });
    }
    if (found.pool && active === 0)
      addFlag({ kind: 'empty_group', source: via, message: `${found.pool} has no active ${found.pool.startsWith('role') ? 'holders' : 'members'}, so nobody is asked through it` });
  }
  const approvers = await applyDelegations(input.tx, [...chosen.values()], input.requesterId, input.now);
  return { approvers, flags };
}
