import { describe, expect, it } from 'vitest';
import type { UserCriteriaDoc } from '../../../schema/access/index.js';
import { EMPTY_SNAPSHOT, type MetadataSnapshot } from '../../../schema/metadata/index.js';
import { dimensionCount, withAccounts, withChildren, withList } from '../../../studio/src/criteria-builder/criteria-edits.js';
import { criteriaUsage } from '../../../studio/src/criteria-builder/criteria-usage.js';
import { summarizeCriteria } from '../../../studio/src/criteria-builder/summarize-criteria.js';
import { withChosen } from '../../../studio/src/criteria-builder/use-directory.js';

const base: UserCriteriaDoc = { name: 'net', label: 'Network people', match: 'any' };
const words = (c: unknown) => `<${JSON.stringify(c)}>`;

describe('summarizeCriteria', () => {
  it('says everyone for criteria that list nothing', () => {
    expect(summarizeCriteria(base, words)).toBe('everyone signed in');
  });
  it('joins dimensions with "or" for any and "and" for all, marking accounts taken with their children', () => {
    const doc: UserCriteriaDoc = { ...base, groups: ['Network'], roles: ['agent', 'admin'], accounts: [{ account: 'Globex', includeChildren: true }, { account: 'Umbrella' }] };
    expect(summarizeCriteria(doc, words)).toBe('group Network, or roles agent, admin, or accounts Globex (and below), Umbrella');
    expect(summarizeCriteria({ ...doc, match: 'all' }, words)).toBe('group Network, and roles agent, admin, and accounts Globex (and below), Umbrella');
  });
  it('words the condition through the given describer', () => {
    expect(summarizeCriteria({ ...base, users: ['erin'], condition: { field: 'account', op: 'is_empty' } }, words)).toBe('user erin, or person: <{"field":"account","op":"is_empty"}>');
  });
});

describe('criteria edits', () => {
  it('leaves an emptied list out of the document', () => {
    const withGroups = withList(base, 'groups', ['Network']);
    expect(withGroups.groups).toEqual(['Network']);
    expect('groups' in withList(withGroups, 'groups', [])).toBe(false);
  });
  it('keeps "include child accounts" of the accounts kept, and stores off as absent', () => {
    let doc = withAccounts(base, ['Globex', 'Umbrella']);
    doc = withChildren(doc, 'Globex', true);
    expect(doc.accounts).toEqual([{ account: 'Globex', includeChildren: true }, { account: 'Umbrella' }]);
    doc = withAccounts(doc, ['Globex']);
    expect(doc.accounts).toEqual([{ account: 'Globex', includeChildren: true }]);
    expect(withChildren(doc, 'Globex', false).accounts).toEqual([{ account: 'Globex' }]);
    expect('accounts' in withAccounts(doc, [])).toBe(false);
  });
  it('counts the dimensions tested, the condition as one', () => {
    expect(dimensionCount(base)).toBe(0);
    expect(dimensionCount({ ...base, groups: [], roles: ['agent'], condition: { field: 'account', op: 'is_empty' } })).toBe(2);
  });
});

describe('withChosen', () => {
  it('keeps a chosen name the directory lacks, marked, and reports it', () => {
    const { options, unknown } = withChosen([{ value: 'Network', label: 'Network' }], ['Network', 'Gone']);
    expect(unknown).toEqual(['Gone']);
    expect(options.map((o) => [o.value, o.hint])).toEqual([['Network', undefined], ['Gone', 'not found']]);
  });
});

describe('criteriaUsage', () => {
  const snapshot = {
    ...EMPTY_SNAPSHOT,
    acls: {
      inc_read: { name: 'inc_read', recordType: 'incident', operation: 'read', criteria: ['agents', 'x'] },
      inc_field: { name: 'inc_field', recordType: 'incident', field: 'time_worked', operation: 'write', criteria: ['agents'] },
      other: { name: 'other', recordType: 'incident', operation: 'read', criteria: ['employees'] },
    },
    caseTypes: { hr_case: { name: 'hr_case', businessUnit: 'hr', submitters: ['employees'], fulfillers: ['agents'] } },
    stateModels: {
      incident: { name: 'incident', recordType: 'incident', initial: 'new', states: [], transitions: [{ from: 'new', to: 'in_progress', criteria: ['agents'] }, { from: 'new', to: 'closed', criteria: [] }] },
    },
    businessUnits: { it: { name: 'it', label: 'IT', admins: ['agents'] } },
  } as unknown as MetadataSnapshot;

  it('finds every document naming the criteria, with what they decide there, business units first', () => {
    expect(criteriaUsage(snapshot, 'agents').map((u) => [u.kind, u.document, u.role, u.to])).toEqual([
      ['businessUnit', 'it', 'administrators', '/'],
      ['caseType', 'hr_case', 'fulfillers', '/case-types/hr_case'],
      ['stateModel', 'incident', 'new → in_progress', '/state-models/incident'],
      ['acl', 'inc_field', 'write incident.time_worked', '/access-rules/incident'],
      ['acl', 'inc_read', 'read incident', '/access-rules/incident'],
    ]);
  });
  it('finds nothing for criteria no document names', () => {
    expect(criteriaUsage(snapshot, 'nobody')).toEqual([]);
    expect(criteriaUsage(snapshot, 'employees').map((u) => u.role)).toEqual(['submitters', 'read incident']);
  });
});
