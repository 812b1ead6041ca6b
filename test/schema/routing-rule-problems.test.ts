import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, RoutingRuleDoc, validateSnapshot, type CaseTypeDoc, type MetadataSnapshot } from '../../schema/index.js';

const world = (over: Partial<MetadataSnapshot> = {}): MetadataSnapshot => ({
  ...EMPTY_SNAPSHOT,
  recordTypes: {
    person: { name: 'person', label: 'Person', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
    assignment_group: { name: 'assignment_group', label: 'Group', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
    task: {
      name: 'task',
      label: 'Task',
      abstract: true,
      fields: [
        { name: 'short_description', label: 'S', type: 'string' },
        { name: 'priority', label: 'P', type: 'integer' },
        { name: 'assigned_to', label: 'A', type: 'reference', reference: 'person' },
        { name: 'assignment_group', label: 'G', type: 'reference', reference: 'assignment_group' },
      ],
    },
    incident: { name: 'incident', label: 'Incident', extends: 'task', fields: [{ name: 'category', label: 'C', type: 'string' }] },
  },
  userCriteria: { agents: { name: 'agents', label: 'Agents', match: 'any' } },
  businessUnits: { it: { name: 'it', label: 'IT', admins: [] } },
  ...over,
});
const rule = (doc: Partial<RoutingRuleDoc> & { name: string }) => RoutingRuleDoc.parse({ recordType: 'incident', target: { group: 'network' }, ...doc });
const rules = (...docs: RoutingRuleDoc[]) => world({ routingRules: Object.fromEntries(docs.map((d) => [d.name, d])) });
const caseType = (doc: Partial<CaseTypeDoc> & { name: string }): CaseTypeDoc => ({ businessUnit: 'it', submitters: [], fulfillers: [], routingRules: [], slas: [], approvalFlows: [], ...doc });
const problems = (s: MetadataSnapshot) => validateSnapshot(s).map((p) => `${p.code} ${p.path}: ${p.message}`);

describe('routing rules', () => {
  it('accept every strategy with a group target, fixed with a user, skills with skills and capacity with a member-picking strategy', () => {
    const ok = rules(
      rule({ name: 'net', condition: { field: 'category', op: 'eq', value: 'network' }, strategy: 'round_robin', capacity: 5 }),
      rule({ name: 'p1', recordType: 'task', condition: { field: 'priority', op: 'eq', value: 1 }, strategy: 'least_loaded', fallback: { user: 'ada' } }),
      rule({ name: 'db', strategy: 'skills', skills: [{ skill: 'postgres', minLevel: 3 }] }),
      rule({ name: 'vip', target: { user: 'ada' } }),
    );
    expect(problems({ ...ok, caseTypes: { incident: caseType({ name: 'incident', routingRules: ['net', 'p1'] }) } })).toEqual([]);
  });

  it('refuse a condition the language does not accept, naming the field', () => {
    expect(problems(rules(rule({ name: 'bad', condition: { and: [{ field: 'category', op: 'eq', value: 'x' }, { field: 'urgency', op: 'eq', value: 1 }] } })))).toEqual([
      expect.stringMatching(/^INVALID_CONDITION routingRules\.bad\.condition\.and\.1\.field: .*urgency/),
    ]);
    expect(problems(rules(rule({ name: 'deep', condition: { field: 'assigned_to.name', op: 'eq', value: 'Ada' } })))).toEqual([
      'INVALID_CONDITION routingRules.deep.condition.field: routing rule "deep" tests "assigned_to.name", a path through a reference; a routing rule tests the record\'s own fields (it is evaluated on the record as written)',
    ]);
  });

  it('refuse skills without the skills strategy, the skills strategy without skills, and member strategies or capacity without a group', () => {
    expect(problems(rules(rule({ name: 'a', strategy: 'skills' })))).toEqual([
      'INVALID_DOCUMENT routingRules.a.skills: routing rule "a" uses strategy "skills" but requires no skills; list the skills (and minimum levels) an assignee must hold',
    ]);
    expect(problems(rules(rule({ name: 'b', strategy: 'round_robin', skills: [{ skill: 'x', minLevel: 1 }] })))).toEqual([
      'INVALID_DOCUMENT routingRules.b.skills: routing rule "b" lists skills, which only strategy "skills" uses; choose strategy "skills" or remove the skills',
    ]);
    expect(problems(rules(rule({ name: 'c', target: { user: 'ada' }, strategy: 'least_loaded', capacity: 3 })))).toEqual([
      'INVALID_DOCUMENT routingRules.c.strategy: routing rule "c" picks a member with strategy "least_loaded", which needs a group target; target a group or use strategy "fixed"',
      'INVALID_DOCUMENT routingRules.c.capacity: routing rule "c" sets a capacity, which limits members of a group; target a group or remove the capacity',
    ]);
    expect(problems(rules(rule({ name: 'd', capacity: 3 })))).toEqual([
      'INVALID_DOCUMENT routingRules.d.capacity: routing rule "d" sets a capacity, but strategy "fixed" assigns the group only and picks no member; choose a strategy that picks one or remove the capacity',
    ]);
  });

  it('refuse a case type listing a rule that is missing or routes another type', () => {
    const s = rules(rule({ name: 'people', recordType: 'person' }));
    expect(problems({ ...s, caseTypes: { incident: caseType({ name: 'incident', routingRules: ['people', 'ghost'] }) } })).toEqual([
      'INVALID_FIELD routingRules.people.recordType: routing rule "people" routes "person", which has no assignment_group or assigned_to reference field to assign; route a type that extends task',
      'INVALID_DOCUMENT caseTypes.incident.routingRules.0: case type "incident" lists routing rule "people", which routes "person" records, not "incident" ones',
      'INVALID_DOCUMENT caseTypes.incident.routingRules.1: case type "incident" lists routing rule "ghost", which does not exist; create it or remove it from the list',
    ]);
  });
});
