import { describe, expect, it } from 'vitest';
import { checkCondition, type Condition } from '../../schema/condition/index.js';
import { buildModel, MetadataSnapshot } from '../../schema/metadata/index.js';

const ref = (name: string, reference: string) => ({ name, label: name, type: 'reference' as const, reference });
const model = buildModel(
  MetadataSnapshot.parse({
    recordTypes: {
      person: { name: 'person', label: 'Person', fields: [{ name: 'name', label: 'Name', type: 'string' }, ref('account', 'account')] },
      assignment_group: { name: 'assignment_group', label: 'Group', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
      account: { name: 'account', label: 'Account', fields: [{ name: 'name', label: 'Name', type: 'string' }, ref('parent', 'account')] },
      department: { name: 'department', label: 'Department', fields: [] },
      location: { name: 'location', label: 'Location', fields: [] },
      gadget: {
        name: 'gadget',
        label: 'Gadget',
        fields: [
          { name: 'title', label: 'Title', type: 'string' },
          { name: 'qty', label: 'Qty', type: 'integer' },
          { name: 'price', label: 'Price', type: 'decimal' },
          { name: 'active', label: 'Active', type: 'boolean' },
          { name: 'due', label: 'Due', type: 'date' },
          { name: 'seen_at', label: 'Seen', type: 'datetime' },
          { name: 'spent', label: 'Spent', type: 'duration' },
          {
            name: 'status',
            label: 'Status',
            type: 'choice',
            choices: [
              { value: 'open', label: 'Open' },
              { value: 'closed', label: 'Closed' },
            ],
          },
          { name: 'tags', label: 'Tags', type: 'multi_choice', choices: [{ value: 'red', label: 'Red' }] },
          { name: 'data', label: 'Data', type: 'json' },
          { name: 'old', label: 'Old', type: 'string', archived: true },
          ref('owner', 'person'),
          ref('group', 'assignment_group'),
          ref('account', 'account'),
          ref('department', 'department'),
          ref('location', 'location'),
        ],
      },
    },
  }),
);

const check = (c: Condition, type = 'gadget') => checkCondition(model, type, c, 'cond');
const one = (c: Condition, type = 'gadget') => {
  const problems = check(c, type);
  expect(problems).toHaveLength(1);
  return problems[0];
};

describe('checkCondition', () => {
  it('accepts well-formed conditions of every kind', () => {
    const ok: Condition = {
      and: [
        { field: 'title', op: 'contains', value: 'x' },
        { field: 'title', op: 'is_empty' },
        { field: 'qty', op: 'in', value: [1, 2] },
        { field: 'price', op: 'gte', value: '1.50' },
        { field: 'active', op: 'eq', value: false },
        { field: 'due', op: 'lt', value: { dynamic: 'now' } },
        { field: 'seen_at', op: 'gt', value: '2026-01-01T00:00:00Z' },
        { field: 'spent', op: 'lte', value: 'PT2H30M' },
        { field: 'status', op: 'eq', value: 'OPEN' },
        { field: 'tags', op: 'contains', value: 'red' },
        { field: 'data', op: 'is_not_empty' },
        { field: 'owner', op: 'eq', value: { dynamic: 'me' } },
        { field: 'owner', op: 'ne', value: null },
        { field: 'group', op: 'in', value: { dynamic: 'my_groups' } },
        { field: 'account', op: 'not_in', value: { dynamic: 'my_account_tree' } },
        { field: 'owner.account', op: 'in', value: { dynamic: 'my_partner_customers' } },
        { field: 'owner.account.parent', op: 'eq', value: { dynamic: 'my_account' } },
        { field: 'department', op: 'eq', value: { dynamic: 'my_department' } },
        { field: 'location', op: 'ne', value: { dynamic: 'my_location' } },
        { field: 'id', op: 'in', value: ['1', 2] },
        { field: 'number', op: 'starts_with', value: 'GAD' },
        { or: [] },
        { not: { and: [] } },
      ],
    };
    expect(check(ok)).toEqual([]);
    expect(check({ field: 'id', op: 'eq', value: { dynamic: 'me' } }, 'person')).toEqual([]);
    expect(check({ field: 'id', op: 'in', value: { dynamic: 'my_account_tree' } }, 'account')).toEqual([]);
  });

  it('names the type and the field that does not exist, and archived fields', () => {
    expect(
      one({
        and: [
          { field: 'qty', op: 'eq', value: 1 },
          { field: 'colour', op: 'eq', value: 'x' },
        ],
      }),
    ).toEqual({
      path: 'cond.and.1.field',
      message: 'record type "gadget" has no field "colour"',
    });
    expect(one({ field: 'owner.shoe', op: 'is_empty' }).message).toBe('record type "person" (reached through owner) has no field "shoe"');
    expect(one({ field: 'old', op: 'is_empty' }).message).toMatch(/"old" of record type "gadget" is archived/);
    expect(one({ field: 'qty', op: 'is_empty' }, 'nothing')).toEqual({ path: 'cond', message: 'record type "nothing" does not exist' });
  });

  it('refuses a path through a field that is not a reference', () => {
    const p = one({ not: { field: 'title.length', op: 'gt', value: 1 } });
    expect(p.path).toBe('cond.not.field');
    expect(p.message).toMatch(/"title" is a string field, not a reference/);
  });

  it('refuses operators that do not fit the field type', () => {
    for (const [field, op] of [
      ['active', 'lt'],
      ['status', 'gt'],
      ['tags', 'lte'],
      ['data', 'gte'],
      ['title', 'lt'],
      ['qty', 'starts_with'],
      ['status', 'contains'],
      ['owner', 'contains'],
      ['tags', 'eq'],
      ['data', 'ne'],
      ['tags', 'in'],
    ] as const) {
      const p = one({ field, op, value: 1 });
      expect(p.path).toBe('cond.op');
      expect(p.message).toContain(`${op} does not apply to "${field}"`);
    }
  });

  it('wants a list for in/not_in and one value for the others', () => {
    expect(one({ field: 'qty', op: 'in', value: 1 })).toEqual({ path: 'cond.value', message: 'in needs a list of values; use eq to compare with one value' });
    expect(one({ field: 'owner', op: 'not_in', value: { dynamic: 'me' } }).message).toBe('me is one value, not a list; use ne');
    expect(one({ field: 'qty', op: 'in' }).message).toMatch(/needs a list/);
    expect(one({ field: 'qty', op: 'eq', value: [1] }).message).toMatch(/not a list; use in/);
    expect(one({ field: 'qty', op: 'lt', value: [1] }).message).toMatch(/not a list/);
    expect(one({ field: 'group', op: 'eq', value: { dynamic: 'my_groups' } }).message).toBe('my_groups is a list of records; use in or not_in');
  });

  it('wants a value where one is needed, and none for is_empty', () => {
    expect(one({ field: 'qty', op: 'eq' }).message).toMatch(/eq needs a value/);
    expect(one({ field: 'qty', op: 'gt', value: null }).message).toBe('gt needs a value');
    expect(one({ field: 'title', op: 'contains' }).message).toBe('contains needs a value');
    expect(one({ field: 'qty', op: 'is_empty', value: 3 }).message).toMatch(/takes no value/);
  });

  it('matches dynamic values to the type they stand for', () => {
    expect(one({ field: 'group', op: 'eq', value: { dynamic: 'me' } }).message).toBe(
      'me stands for a record of "person"; "group" points to "assignment_group"',
    );
    expect(one({ field: 'owner', op: 'in', value: { dynamic: 'my_groups' } }).message).toMatch(/my_groups stands for records of "assignment_group"/);
    expect(one({ field: 'owner', op: 'eq', value: { dynamic: 'my_account' } }).message).toMatch(/"account"/);
    expect(one({ field: 'account', op: 'in', value: { dynamic: 'my_groups' } }).message).toMatch(/assignment_group/);
    expect(one({ field: 'location', op: 'eq', value: { dynamic: 'my_department' } }).message).toMatch(/department/);
    expect(one({ field: 'department', op: 'eq', value: { dynamic: 'my_location' } }).message).toMatch(/location/);
    expect(one({ field: 'title', op: 'eq', value: { dynamic: 'me' } }).message).toBe('me stands for a record of "person"; "title" is a string field');
    expect(one({ field: 'qty', op: 'lt', value: { dynamic: 'now' } }).message).toMatch(/now is a point in time; "qty" is an integer field/);
    expect(one({ field: 'title', op: 'contains', value: { dynamic: 'me' } }).message).toMatch(/me is not text/);
  });

  it('refuses values of the wrong shape for the field', () => {
    expect(one({ field: 'qty', op: 'eq', value: 1.5 }).message).toMatch(/not a whole number/);
    expect(one({ field: 'price', op: 'eq', value: 'cheap' }).message).toMatch(/not a number/);
    expect(one({ field: 'active', op: 'eq', value: 'yes' }).message).toMatch(/not true or false/);
    expect(one({ field: 'due', op: 'eq', value: '2026-02-30' }).message).toMatch(/not a date/);
    expect(one({ field: 'seen_at', op: 'lt', value: '2026-01-01T09:00' }).message).toMatch(/with an offset/);
    expect(one({ field: 'spent', op: 'lt', value: '2 hours' }).message).toMatch(/ISO 8601 duration/);
    expect(one({ field: 'owner', op: 'eq', value: 'UGVyc29uOjE=' }).message).toMatch(/not a record id/);
    expect(one({ field: 'qty', op: 'in', value: [1, 'x'] }).path).toBe('cond.value');
  });

  it('reports a choice that does not exist, listing the choices', () => {
    expect(one({ field: 'status', op: 'in', value: ['open', 'Pending'] })).toEqual({
      path: 'cond.value',
      message: '"Pending" is not a choice of "status" (open, closed); it never matches',
    });
    expect(one({ field: 'tags', op: 'contains', value: 'blue' }).message).toMatch(/not a choice of "tags"/);
  });
});
