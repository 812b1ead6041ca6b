import { describe, expect, it } from 'vitest';
import { evaluateCondition, type Condition, type DynamicContext } from '../../schema/condition/index.js';
import { buildModel, MetadataSnapshot, type Model } from '../../schema/metadata/index.js';

function conditionTestModel(): Model {
  const ref = (name: string, reference: string) => ({ name, label: name, type: 'reference' as const, reference });
  return buildModel(
    MetadataSnapshot.parse({
      recordTypes: {
        person: {
          name: 'person',
          label: 'Person',
          fields: [{ name: 'name', label: 'Name', type: 'string' }, ref('account', 'account'), ref('manager', 'person')],
        },
        assignment_group: { name: 'assignment_group', label: 'Group', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
        account: { name: 'account', label: 'Account', fields: [{ name: 'name', label: 'Name', type: 'string' }, ref('parent', 'account')] },
        department: { name: 'department', label: 'Department', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
        location: { name: 'location', label: 'Location', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
        gadget: {
          name: 'gadget',
          label: 'Gadget',
          numberPrefix: 'GAD',
          fields: [
            { name: 'title', label: 'Title', type: 'string', maxLength: 20 },
            { name: 'notes', label: 'Notes', type: 'text' },
            { name: 'qty', label: 'Qty', type: 'integer' },
            { name: 'price', label: 'Price', type: 'decimal', scale: 2 },
            { name: 'active', label: 'Active', type: 'boolean' },
            { name: 'due', label: 'Due', type: 'date' },
            { name: 'seen_at', label: 'Seen', type: 'datetime' },
            { name: 'spent', label: 'Spent', type: 'duration' },
            { name: 'contact', label: 'Contact', type: 'email' },
            { name: 'site', label: 'Site', type: 'url' },
            {
              name: 'status',
              label: 'Status',
              type: 'choice',
              choices: [
                { value: 'open', label: 'Open' },
                { value: 'on_hold', label: 'On hold' },
                { value: 'closed', label: 'Closed' },
              ],
            },
            {
              name: 'tags',
              label: 'Tags',
              type: 'multi_choice',
              choices: [
                { value: 'red', label: 'Red' },
                { value: 'green', label: 'Green' },
                { value: 'blue', label: 'Blue' },
              ],
            },
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
}

const model = conditionTestModel();

const dyn = (over: Partial<DynamicContext> = {}): DynamicContext => ({
  me: '10',
  myGroups: ['20', '21'],
  myAccount: '30',
  myAccountTree: ['30', '31'],
  myPartnerCustomers: ['32'],
  myDepartment: '40',
  myLocation: '50',
  now: new Date('2026-03-01T12:00:00Z'),
  ...over,
});
const nobody = dyn({ me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null });

const people: Record<string, Record<string, unknown>> = {
  '10': { id: '10', name: 'Ada', account: '30', manager: '11' },
  '11': { id: 11, name: 'Grace', account: null, manager: null },
};
const accounts: Record<string, Record<string, unknown>> = {
  '30': { id: '30', name: 'Acme', parent: '31' },
  '31': { id: '31', name: 'Acme Group', parent: null },
};
const lookup = (type: string, id: string) => (type === 'person' ? people[id] : type === 'account' ? accounts[id] : undefined);

const row = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 1n,
  number: 'GAD0001001',
  title: 'Printer 100%_ok',
  notes: 'Jammed AGAIN',
  qty: 5,
  price: '12.50',
  active: true,
  due: '2026-02-28',
  seen_at: new Date('2026-02-01T08:00:00.000Z'),
  spent: 'P1DT2H',
  contact: 'ada@example.com',
  site: 'https://example.com/x',
  status: 'on_hold',
  tags: ['red', 'blue'],
  data: { a: 1 },
  owner: 10,
  group: '20',
  account: '30',
  department: '40',
  location: '50',
  ...over,
});

const ev = (c: Condition, r = row(), d = dyn()) => evaluateCondition(model, 'gadget', c, r, d, lookup);

describe('evaluateCondition', () => {
  it('eq and ne: ne is IS DISTINCT FROM, a literal null tests for null', () => {
    expect(ev({ field: 'qty', op: 'eq', value: 5 })).toBe(true);
    expect(ev({ field: 'qty', op: 'eq', value: '5' })).toBe(true);
    expect(ev({ field: 'qty', op: 'ne', value: 5 })).toBe(false);
    expect(ev({ field: 'qty', op: 'eq', value: 5 }, row({ qty: null }))).toBe(false);
    expect(ev({ field: 'qty', op: 'ne', value: 5 }, row({ qty: null }))).toBe(true);
    expect(ev({ field: 'qty', op: 'eq', value: null }, row({ qty: null }))).toBe(true);
    expect(ev({ field: 'qty', op: 'ne', value: null }, row({ qty: null }))).toBe(false);
    expect(ev({ field: 'title', op: 'eq', value: 'printer 100%_ok' })).toBe(false);
    expect(ev({ field: 'active', op: 'eq', value: true })).toBe(true);
    expect(ev({ field: 'active', op: 'ne', value: true }, row({ active: false }))).toBe(true);
  });

  it('compares references as ids whatever their JS type, and `id` as the record itself', () => {
    expect(ev({ field: 'owner', op: 'eq', value: '10' })).toBe(true);
    expect(ev({ field: 'owner', op: 'eq', value: 10 }, row({ owner: 10n }))).toBe(true);
    expect(ev({ field: 'id', op: 'eq', value: '1' })).toBe(true);
    expect(ev({ field: 'id', op: 'in', value: ['2', '001'] })).toBe(true);
  });

  it('lower-cases choice literals and compares with the stored value', () => {
    expect(ev({ field: 'status', op: 'eq', value: 'ON_HOLD' })).toBe(true);
    expect(ev({ field: 'status', op: 'in', value: ['Open', 'On_Hold'] })).toBe(true);
    expect(ev({ field: 'status', op: 'eq', value: 'nonexistent' })).toBe(false);
  });

  it('in and not_in: null is in nothing and not in everything; empty lists', () => {
    expect(ev({ field: 'qty', op: 'in', value: [1, 5] })).toBe(true);
    expect(ev({ field: 'qty', op: 'not_in', value: [1, 5] })).toBe(false);
    expect(ev({ field: 'qty', op: 'in', value: [] })).toBe(false);
    expect(ev({ field: 'qty', op: 'not_in', value: [] })).toBe(true);
    expect(ev({ field: 'qty', op: 'in', value: [5] }, row({ qty: null }))).toBe(false);
    expect(ev({ field: 'qty', op: 'not_in', value: [5] }, row({ qty: null }))).toBe(true);
    expect(ev({ field: 'qty', op: 'in', value: [null, 5] })).toBe(true);
    expect(ev({ field: 'price', op: 'in', value: ['12.5', '3'] })).toBe(true);
    expect(ev({ field: 'due', op: 'in', value: ['2026-02-28'] })).toBe(true);
  });

  it('orders integers, exact decimals, dates, datetimes and durations; false on null', () => {
    expect(ev({ field: 'qty', op: 'lt', value: 6 })).toBe(true);
    expect(ev({ field: 'qty', op: 'lte', value: 5 })).toBe(true);
    expect(ev({ field: 'qty', op: 'gt', value: 5 })).toBe(false);
    expect(ev({ field: 'qty', op: 'gte', value: 5 })).toBe(true);
    expect(ev({ field: 'qty', op: 'lt', value: 6 }, row({ qty: null }))).toBe(false);
    expect(ev({ field: 'price', op: 'eq', value: 12.5 })).toBe(true);
    expect(ev({ field: 'price', op: 'gt', value: '12.499999999999999999' })).toBe(true);
    expect(ev({ field: 'price', op: 'lt', value: '12.500000000000000001' })).toBe(true);
    expect(ev({ field: 'price', op: 'eq', value: 0.1 }, row({ price: '0.10' }))).toBe(true);
    expect(ev({ field: 'price', op: 'lt', value: '-1' }, row({ price: -2.25 }))).toBe(true);
    expect(ev({ field: 'due', op: 'lt', value: '2026-03-01' })).toBe(true);
    expect(ev({ field: 'due', op: 'eq', value: '2026-02-28' }, row({ due: new Date('2026-02-28T00:00:00Z') }))).toBe(true);
    expect(ev({ field: 'seen_at', op: 'eq', value: '2026-02-01T09:00:00+01:00' })).toBe(true);
    expect(ev({ field: 'seen_at', op: 'gt', value: '2026-02-01T07:59:59.999Z' }, row({ seen_at: '2026-02-01T08:00:00Z' }))).toBe(true);
    expect(ev({ field: 'spent', op: 'gt', value: 'PT25H' })).toBe(true);
    expect(ev({ field: 'spent', op: 'eq', value: 'PT26H' })).toBe(true);
    expect(ev({ field: 'spent', op: 'eq', value: 'P30D' }, row({ spent: 'P1M' }))).toBe(true);
    expect(ev({ field: 'spent', op: 'lt', value: 'PT1S' }, row({ spent: 'PT0.5S' }))).toBe(true);
    expect(ev({ field: 'spent', op: 'lt', value: 'PT0S' }, row({ spent: 'P-1DT2H' }))).toBe(true);
  });

  it('contains, starts_with and ends_with ignore case and take %, _ and \\ literally', () => {
    expect(ev({ field: 'title', op: 'contains', value: '100%_OK' })).toBe(true);
    expect(ev({ field: 'title', op: 'contains', value: '100%x' })).toBe(false);
    expect(ev({ field: 'title', op: 'starts_with', value: 'PRINTER' })).toBe(true);
    expect(ev({ field: 'notes', op: 'ends_with', value: 'again' })).toBe(true);
    expect(ev({ field: 'contact', op: 'ends_with', value: '@EXAMPLE.com' })).toBe(true);
    expect(ev({ field: 'notes', op: 'contains', value: 'x' }, row({ notes: null }))).toBe(false);
    expect(ev({ field: 'title', op: 'contains', value: 'ÉTÉ' }, row({ title: 'un été' }))).toBe(true);
  });

  it('contains on multi_choice tests membership', () => {
    expect(ev({ field: 'tags', op: 'contains', value: 'RED' })).toBe(true);
    expect(ev({ field: 'tags', op: 'contains', value: 'green' })).toBe(false);
    expect(ev({ field: 'tags', op: 'contains', value: 'red' }, row({ tags: null }))).toBe(false);
  });

  it('is_empty: null, or "" for text, or [] for multi_choice', () => {
    expect(ev({ field: 'notes', op: 'is_empty' }, row({ notes: '' }))).toBe(true);
    expect(ev({ field: 'notes', op: 'is_empty' }, row({ notes: null }))).toBe(true);
    expect(ev({ field: 'notes', op: 'is_not_empty' })).toBe(true);
    expect(ev({ field: 'tags', op: 'is_empty' }, row({ tags: [] }))).toBe(true);
    expect(ev({ field: 'qty', op: 'is_empty' }, row({ qty: 0 }))).toBe(false);
    expect(ev({ field: 'data', op: 'is_empty' }, row({ data: null }))).toBe(true);
    expect(ev({ field: 'status', op: 'is_empty' }, row({ status: undefined }))).toBe(true);
  });

  it('resolves dynamic values; an unresolved one fails the test whatever the operator', () => {
    expect(ev({ field: 'owner', op: 'eq', value: { dynamic: 'me' } })).toBe(true);
    expect(ev({ field: 'owner', op: 'ne', value: { dynamic: 'me' } }, row({ owner: null }))).toBe(true);
    expect(ev({ field: 'owner', op: 'eq', value: { dynamic: 'me' } }, row({ owner: null }), nobody)).toBe(false);
    expect(ev({ field: 'owner', op: 'ne', value: { dynamic: 'me' } }, row({ owner: null }), nobody)).toBe(false);
    expect(ev({ not: { field: 'owner', op: 'eq', value: { dynamic: 'me' } } }, row(), nobody)).toBe(true);
    expect(ev({ field: 'group', op: 'in', value: { dynamic: 'my_groups' } })).toBe(true);
    expect(ev({ field: 'group', op: 'in', value: { dynamic: 'my_groups' } }, row(), nobody)).toBe(false);
    expect(ev({ field: 'group', op: 'not_in', value: { dynamic: 'my_groups' } }, row(), nobody)).toBe(true);
    expect(ev({ field: 'account', op: 'eq', value: { dynamic: 'my_account' } })).toBe(true);
    expect(ev({ field: 'account', op: 'in', value: { dynamic: 'my_account_tree' } })).toBe(true);
    expect(ev({ field: 'account', op: 'in', value: { dynamic: 'my_partner_customers' } })).toBe(false);
    expect(ev({ field: 'department', op: 'eq', value: { dynamic: 'my_department' } })).toBe(true);
    expect(ev({ field: 'location', op: 'ne', value: { dynamic: 'my_location' } }, row(), nobody)).toBe(false);
  });

  it('compares now as an instant with datetimes and with dates at UTC midnight', () => {
    expect(ev({ field: 'seen_at', op: 'lt', value: { dynamic: 'now' } })).toBe(true);
    expect(ev({ field: 'due', op: 'lt', value: { dynamic: 'now' } })).toBe(true);
    expect(ev({ field: 'due', op: 'lt', value: { dynamic: 'now' } }, row({ due: '2026-03-01' }))).toBe(true);
    expect(ev({ field: 'due', op: 'gte', value: { dynamic: 'now' } }, row({ due: '2026-03-01' }), dyn({ now: new Date('2026-03-01T00:00:00Z') }))).toBe(true);
    expect(ev({ field: 'due', op: 'lt', value: { dynamic: 'now' } }, row({ due: null }))).toBe(false);
  });

  it('and, or, not; empty and is true, empty or is false', () => {
    expect(ev({ and: [] })).toBe(true);
    expect(ev({ or: [] })).toBe(false);
    expect(ev({ not: { or: [] } })).toBe(true);
    expect(
      ev({
        and: [
          { field: 'qty', op: 'gt', value: 1 },
          { or: [{ field: 'status', op: 'eq', value: 'open' }, { not: { field: 'tags', op: 'contains', value: 'green' } }] },
        ],
      }),
    ).toBe(true);
  });

  it('walks reference paths with lookup; a missing link or no lookup gives null', () => {
    expect(ev({ field: 'owner.name', op: 'eq', value: 'Ada' })).toBe(true);
    expect(ev({ field: 'owner.manager.name', op: 'eq', value: 'Grace' })).toBe(true);
    expect(ev({ field: 'owner.account.parent', op: 'eq', value: '31' })).toBe(true);
    expect(ev({ field: 'owner.manager.manager.name', op: 'is_empty' })).toBe(true);
    expect(ev({ field: 'owner.name', op: 'eq', value: 'Ada' }, row({ owner: '99' }))).toBe(false);
    expect(ev({ field: 'owner.name', op: 'ne', value: 'Ada' }, row({ owner: '99' }))).toBe(true);
    expect(evaluateCondition(model, 'gadget', { field: 'owner.name', op: 'is_empty' }, row(), dyn())).toBe(true);
    expect(ev({ field: 'owner.account', op: 'eq', value: { dynamic: 'my_account' } })).toBe(true);
    expect(ev({ field: 'owner.id', op: 'eq', value: { dynamic: 'me' } })).toBe(true);
  });

  it('reads the system number as text', () => {
    expect(ev({ field: 'number', op: 'starts_with', value: 'gad' })).toBe(true);
    expect(ev({ field: 'number', op: 'is_empty' }, row({ number: null }))).toBe(true);
  });

  it('throws on a test that has no meaning', () => {
    expect(() => ev({ field: 'nope', op: 'eq', value: 1 })).toThrow(/has no field "nope"/);
    expect(() => ev({ field: 'status', op: 'lt', value: 'open' })).toThrow(/lt does not apply/);
    expect(() => ev({ field: 'owner', op: 'in', value: { dynamic: 'me' } })).toThrow(/not a list/);
  });
});
