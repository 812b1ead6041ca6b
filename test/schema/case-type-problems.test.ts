import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, validateSnapshot, type CaseTypeDoc, type MetadataSnapshot } from '../../schema/index.js';

const NAME = [{ name: 'name', label: 'Name', type: 'string' as const }];
/** A small world: task (abstract) ← leave (concrete), a plain note type, criteria, units and a form. */
const world = (over: Partial<MetadataSnapshot> = {}): MetadataSnapshot => ({
  ...EMPTY_SNAPSHOT,
  recordTypes: {
    person: { name: 'person', label: 'Person', fields: NAME },
    task: { name: 'task', label: 'Task', abstract: true, fields: [{ name: 'short_description', label: 'S', type: 'string' }] },
    work: { name: 'work', label: 'Work', abstract: true, extends: 'task', fields: [] },
    leave: { name: 'leave', label: 'Leave', extends: 'work', fields: [{ name: 'days', label: 'Days', type: 'integer' }] },
    note: { name: 'note', label: 'Note', fields: NAME },
  },
  userCriteria: { employees: { name: 'employees', label: 'Employees', match: 'any' }, hr_admins: { name: 'hr_admins', label: 'HR admins', match: 'any', roles: ['hr_admin'] } },
  businessUnits: { hr: { name: 'hr', label: 'HR', admins: ['hr_admins'] } },
  forms: {
    leave: { name: 'leave', recordType: 'leave', sections: [{ columns: [['days']] }], relatedLists: [] },
    note: { name: 'note', recordType: 'note', sections: [{ columns: [['name']] }], relatedLists: [] },
  },
  ...over,
});
const caseType = (doc: Partial<CaseTypeDoc> & { name: string }): CaseTypeDoc => ({ businessUnit: 'hr', submitters: [], fulfillers: [], routingRules: [], slas: [], approvalFlows: [], ...doc });
const problems = (s: MetadataSnapshot) => validateSnapshot(s).map((p) => `${p.code} ${p.path}: ${p.message}`);

describe('case types', () => {
  it('accept a concrete type extending task through another type, an existing unit, criteria and a form of that type', () => {
    expect(problems(world({ caseTypes: { leave: caseType({ name: 'leave', submitters: ['employees'], fulfillers: ['hr_admins'], defaultForm: 'leave' }) } }))).toEqual([]);
  });

  it('refuse a record type that is missing, abstract or no task', () => {
    expect(problems(world({ caseTypes: { nothing: caseType({ name: 'nothing' }) } }))).toEqual([
      'UNKNOWN_TYPE caseTypes.nothing.recordType: case type "nothing" is about record type "nothing", which does not exist',
    ]);
    expect(problems(world({ caseTypes: { work: caseType({ name: 'work' }) } }))).toEqual([
      'INVALID_EXTENDS caseTypes.work.name: case type "work" is about abstract record type "work"; a case type needs a concrete record type (its cases are its records)',
    ]);
    expect(problems(world({ caseTypes: { note: caseType({ name: 'note' }) } }))).toEqual([
      'INVALID_EXTENDS caseTypes.note.name: case type "note": record type "note" must extend "task" (directly or through another type) to be a case type',
    ]);
  });

  it('refuse an unknown unit, unknown criteria and a default form that is missing or of another type', () => {
    const bad = caseType({ name: 'leave', businessUnit: 'legal', submitters: ['everyone'], fulfillers: ['employees', 'hr_agents'], defaultForm: 'note' });
    expect(problems(world({ caseTypes: { leave: bad } }))).toEqual([
      'INVALID_DOCUMENT caseTypes.leave.businessUnit: case type "leave" belongs to business unit "legal", which does not exist; create it or name an existing unit',
      'UNKNOWN_CRITERIA caseTypes.leave.submitters.0: case type "leave" names user criteria "everyone" among its submitters, which do not exist',
      'UNKNOWN_CRITERIA caseTypes.leave.fulfillers.1: case type "leave" names user criteria "hr_agents" among its fulfillers, which do not exist',
      'INVALID_DOCUMENT caseTypes.leave.defaultForm: the default form "note" of case type "leave" is a form of "note", not of "leave"',
    ]);
    expect(problems(world({ caseTypes: { leave: caseType({ name: 'leave', defaultForm: 'leave_wide' }) } }))).toEqual([
      'INVALID_DOCUMENT caseTypes.leave.defaultForm: the default form "leave_wide" of case type "leave" does not exist',
    ]);
  });
});

describe('business units', () => {
  it('need their admins to be existing user criteria', () => {
    expect(problems(world({ businessUnits: { hr: { name: 'hr', label: 'HR', admins: ['hr_admins', 'hr_bosses'] } } }))).toEqual([
      'UNKNOWN_CRITERIA businessUnits.hr.admins.1: business unit "hr" names user criteria "hr_bosses" as its admins, which do not exist; create them or name existing criteria',
    ]);
  });
});
