import { checkCondition } from '../condition/check-condition.js';
import { referencePaths } from '../condition/reference-paths.js';
import type { Model } from '../metadata/model.js';
import type { MetadataProblem } from '../metadata/validate.js';

/** The fields routing sets, and the record types they must refer to. */
const ASSIGNMENT_REFERENCES = { assignment_group: 'assignment_group', assigned_to: 'person' } as const;
const ASSIGNMENT_FIELDS = Object.keys(ASSIGNMENT_REFERENCES) as (keyof typeof ASSIGNMENT_REFERENCES)[];

/**
 * Problems of the routing rules in a snapshot beyond the checks every document gets: the condition is one the
 * condition language accepts for the rule's record type and tests the record's own fields (the engine evaluates
 * it on the record as the write left it); a strategy that picks a member (everything but `fixed`) needs a group
 * target; `skills` are required by, and only by, the `skills` strategy; `capacity` limits group members, so it
 * needs a group target; the record type has the task's assignment fields (the engine sets them). Case types may
 * list only rules that exist and are about their record type or an ancestor of it. Whether the target group or
 * user exists is data, not metadata: the engine falls back at run time and says so. Pure: the studio runs it too.
 */
export function routingRuleProblems(model: Model): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const { routingRules, caseTypes } = model.snapshot;
  for (const [key, rule] of Object.entries(routingRules)) {
    const path = `routingRules.${key}`;
    const add = (where: string, message: string, code: MetadataProblem['code'] = 'INVALID_DOCUMENT') => problems.push({ path: `${path}.${where}`, code, message });
    const type = model.types.get(rule.recordType);
    // documentProblems reports a missing or archived record type.
    if (type && !type.archived && rule.condition) {
      for (const p of checkCondition(model, rule.recordType, rule.condition, `${path}.condition`)) problems.push({ path: p.path, code: 'INVALID_CONDITION', message: p.message });
      for (const at of referencePaths(rule.condition, `${path}.condition`))
        problems.push({
          path: at.path,
          code: 'INVALID_CONDITION',
          message: `routing rule "${rule.name}" tests "${at.field}", a path through a reference; a routing rule tests the record's own fields (it is evaluated on the record as written)`,
        });
    }
    if (type && !type.archived) {
      const lacking = ASSIGNMENT_FIELDS.filter((f) => !type.activeFields.some((x) => x.name === f && x.type === 'reference' && x.reference === ASSIGNMENT_REFERENCES[f]));
      if (lacking.length)
        add('recordType', `routing rule "${rule.name}" routes "${rule.recordType}", which has no ${lacking.join(' or ')} reference field to assign; route a type that extends task`, 'INVALID_FIELD');
    }
    const toGroup = 'group' in rule.target;
    if (rule.strategy !== 'fixed' && !toGroup)
      add('strategy', `routing rule "${rule.name}" picks a member with strategy "${rule.strategy}", which needs a group target; target a group or use strategy "fixed"`);
    if (rule.strategy === 'skills' && rule.skills.length === 0)
      add('skills', `routing rule "${rule.name}" uses strategy "skills" but requires no skills; list the skills (and minimum levels) an assignee must hold`);
    if (rule.strategy !== 'skills' && rule.skills.length > 0)
      add('skills', `routing rule "${rule.name}" lists skills, which only strategy "skills" uses; choose strategy "skills" or remove the skills`);
    if (rule.capacity !== undefined && !toGroup)
      add('capacity', `routing rule "${rule.name}" sets a capacity, which limits members of a group; target a group or remove the capacity`);
    if (rule.capacity !== undefined && rule.strategy === 'fixed')
      add('capacity', `routing rule "${rule.name}" sets a capacity, but strategy "fixed" assigns the group only and picks no member; choose a strategy that picks one or remove the capacity`);
  }
  for (const [key, ct] of Object.entries(caseTypes)) {
    const type = model.types.get(ct.name);
    ct.routingRules.forEach((name, i) => {
      const path = `caseTypes.${key}.routingRules.${i}`;
      const rule = routingRules[name];
      if (!rule) problems.push({ path, code: 'INVALID_DOCUMENT', message: `case type "${ct.name}" lists routing rule "${name}", which does not exist; create it or remove it from the list` });
      else if (type && rule.recordType !== ct.name && !type.ancestors.includes(rule.recordType))
        problems.push({ path, code: 'INVALID_DOCUMENT', message: `case type "${ct.name}" lists routing rule "${name}", which routes "${rule.recordType}" records, not "${ct.name}" ones` });
    });
  }
  return problems;
}
