import { evaluateCondition, type DynamicContext, type Model, type RoutingRuleDoc, type RoutingTargetDoc } from '../../../schema/index.js';
import type { RoutingCandidate } from '../../../schema/platform/index.js';
import type { Executor } from '../../db/index.js';
import { pickMember } from './pick-member.js';
import { findGroup, findUser, memberCandidates } from './routing-reads.js';

/** Where a record goes and why; `rule` null when rules matched but none found an assignee (then nothing changes). */
export interface RoutingDecision {
  rule: string | null;
  strategy: RoutingRuleDoc['strategy'] | null;
  target: RoutingTargetDoc | null;
  groupId: number | null;
  personId: number | null;
  candidates: RoutingCandidate[];
  reason: string;
  fellBack: boolean;
}

/** What routing reads besides the records and identity rows: round robin's place per rule, and load not yet stored. */
export interface RoutingMemory {
  lastPicked(rule: string): Promise<number | null>;
  /** Items given to a member that the database does not show yet (a simulation assigns nothing). */
  pendingLoad?(personId: number): number;
}

/** The dynamic values a rule's condition sees: no user (the system routes), the engine's time. */
export function systemDynamics(now: Date): DynamicContext {
  return { me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now };
}

/**
 * Routes one record (its row by column name) over `rules` (already those of its type, in order): the first rule
 * whose condition holds and that finds an assignee — through its strategy or its fallback — decides. Null when
 * no rule matched. Reads only: the caller writes the assignment, the decision and the round-robin place.
 */
export async function routeRecord(tx: Executor, model: Model, row: Record<string, unknown>, rules: readonly RoutingRuleDoc[], memory: RoutingMemory, now: Date): Promise<RoutingDecision | null> {
  const dyn = systemDynamics(now);
  const misses: string[] = [];
  for (const rule of rules) {
    if (rule.condition && !evaluateCondition(model, rule.recordType, rule.condition, row, dyn)) continue;
    const outcome = await tryRule(tx, model, rule, memory);
    if ('decision' in outcome) return outcome.decision;
    misses.push(outcome.miss);
  }
  if (!misses.length) return null;
  return { rule: null, strategy: null, target: null, groupId: null, personId: null, candidates: [], reason: `no rule found an assignee: ${misses.join('; ')}`, fellBack: false };
}

type Outcome = { decision: RoutingDecision } | { miss: string };

async function tryRule(tx: Executor, model: Model, rule: RoutingRuleDoc, memory: RoutingMemory): Promise<Outcome> {
  const base = { rule: rule.name, strategy: rule.strategy, target: rule.target, candidates: [] as RoutingCandidate[], fellBack: false };
  const fallback = async (why: string, candidates: RoutingCandidate[] = []): Promise<Outcome> => {
    if (!rule.fallback) return { miss: `rule "${rule.name}": ${why}, and it has no fallback` };
    const to = await resolveTarget(tx, rule.fallback);
    if (!to) return { miss: `rule "${rule.name}": ${why}, and its fallback ${describe(rule.fallback)} does not exist either` };
    return { decision: { ...base, ...to, candidates, fellBack: true, reason: `rule "${rule.name}" matched; ${why}, so it fell back to ${describe(rule.fallback)}` } };
  };
  if ('user' in rule.target) {
    const personId = await findUser(tx, rule.target.user);
    if (personId === null) return fallback(`its target user "${rule.target.user}" no longer exists or is inactive`);
    return { decision: { ...base, groupId: null, personId, reason: `rule "${rule.name}" matched and assigns user "${rule.target.user}"` } };
  }
  const groupName = rule.target.group;
  const groupId = await findGroup(tx, groupName);
  if (groupId === null) return fallback(`its target group "${groupName}" no longer exists`);
  if (rule.strategy === 'fixed') return { decision: { ...base, groupId, personId: null, reason: `rule "${rule.name}" matched and assigns group "${groupName}"` } };

  const candidates = (await memberCandidates(tx, model, groupId, rule.skills)).map((c) => {
    const load = c.load + (memory.pendingLoad?.(c.personId) ?? 0);
    return { ...c, load, excluded: exclusion(rule, { ...c, load }) };
  });
  if (!candidates.length) return fallback(`group "${groupName}" has no active members`);
  const pick = pickMember(rule.strategy, candidates, rule.strategy === 'round_robin' ? await memory.lastPicked(rule.name) : null);
  if (!pick) return fallback(`no member of group "${groupName}" qualifies (${candidates.map((c) => `${c.userName}: ${c.excluded}`).join(', ')})`, candidates);
  return { decision: { ...base, groupId, personId: pick.winner.personId, candidates, reason: `rule "${rule.name}" matched; ${pick.reason}` } };
}

/** Why a member may not take the item (null: it may). */
function exclusion(rule: RoutingRuleDoc, c: RoutingCandidate): string | null {
  for (const need of rule.skills) {
    const level = c.skills?.[need.skill];
    if (level === undefined) return `lacks skill "${need.skill}"`;
    if (level < need.minLevel) return `holds skill "${need.skill}" at level ${level}, below ${need.minLevel}`;
  }
  if (rule.capacity !== undefined && c.load >= rule.capacity) return `at capacity (${c.load} open items, limit ${rule.capacity})`;
  return null;
}

async function resolveTarget(tx: Executor, target: RoutingTargetDoc): Promise<{ groupId: number | null; personId: number | null } | null> {
  if ('user' in target) {
    const personId = await findUser(tx, target.user);
    return personId === null ? null : { groupId: null, personId };
  }
  const groupId = await findGroup(tx, target.group);
  return groupId === null ? null : { groupId, personId: null };
}

const describe = (target: RoutingTargetDoc): string => ('user' in target ? `user "${target.user}"` : `group "${target.group}"`);
