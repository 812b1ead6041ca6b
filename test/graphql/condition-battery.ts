import type { Condition } from '../../schema/condition/index.js';

/** The current user's id, resolved from the dynamic context the battery runs with. */
export const me = { dynamic: 'me' } as const;
/** The current time, resolved from the dynamic context the battery runs with. */
export const now = { dynamic: 'now' } as const;

/**
 * Conditions over every field type, operator, dynamic value, path and nesting the condition language has, as
 * [root type, condition] over the types in `condition-fixture.ts`. Ids are written as `$key` (`$x1` → the id of x1)
 * and resolved at run time against the fixture's `ids`.
 */
export const conditionBattery: [string, Condition][] = [
  // text-like fields
  ['gadget', { field: 'title', op: 'eq', value: 'Alpha' }],
  ['gadget', { field: 'title', op: 'ne', value: 'Alpha' }],
  ['gadget', { field: 'title', op: 'eq', value: null }],
  ['gadget', { field: 'notes', op: 'ne', value: null }],
  ['gadget', { field: 'title', op: 'in', value: ['Alpha', 'beta', 'Gamma 100%_ok', null] }],
  ['gadget', { field: 'title', op: 'not_in', value: ['Alpha', ''] }],
  ['gadget', { field: 'title', op: 'in', value: [] }],
  ['gadget', { field: 'title', op: 'not_in', value: [] }],
  ['gadget', { field: 'title', op: 'contains', value: '100%_' }],
  ['gadget', { field: 'title', op: 'contains', value: '%' }],
  ['gadget', { field: 'notes', op: 'contains', value: '_' }],
  ['gadget', { field: 'notes', op: 'contains', value: '\\' }],
  ['gadget', { field: 'title', op: 'starts_with', value: 'AL' }],
  ['gadget', { field: 'notes', op: 'ends_with', value: 'again' }],
  ['gadget', { field: 'title', op: 'contains', value: 'ÉTÉ' }],
  ['gadget', { field: 'notes', op: 'contains', value: 'üN' }],
  ['gadget', { field: 'title', op: 'contains', value: '' }],
  ['gadget', { field: 'contact', op: 'ends_with', value: '@example.ORG' }],
  ['gadget', { field: 'site', op: 'starts_with', value: 'https://' }],
  ['gadget', { field: 'title', op: 'eq', value: 'Alpha and a much longer title than forty characters allow' }],
  // integer, decimal, boolean
  ['gadget', { field: 'qty', op: 'eq', value: 5 }],
  ['gadget', { field: 'qty', op: 'ne', value: '5' }],
  ['gadget', { field: 'qty', op: 'lt', value: 3 }],
  ['gadget', { field: 'qty', op: 'gte', value: 3 }],
  ['gadget', { field: 'qty', op: 'in', value: [1, 5, 99999999999] }],
  ['gadget', { field: 'qty', op: 'not_in', value: [5] }],
  ['gadget', { field: 'price', op: 'eq', value: 12.5 }],
  ['gadget', { field: 'price', op: 'gt', value: '12.499' }],
  ['gadget', { field: 'price', op: 'lte', value: '12.4999' }],
  ['gadget', { field: 'price', op: 'lt', value: '0.051' }],
  ['gadget', { field: 'price', op: 'in', value: ['3.000', '-2.25', 0.05] }],
  ['gadget', { field: 'price', op: 'gte', value: '12.505' }],
  ['gadget', { field: 'active', op: 'eq', value: true }],
  ['gadget', { field: 'active', op: 'ne', value: true }],
  ['gadget', { field: 'active', op: 'in', value: [false] }],
  // dates, datetimes, durations, now
  ['gadget', { field: 'due', op: 'lt', value: '2026-03-01' }],
  ['gadget', { field: 'due', op: 'eq', value: '2026-02-28' }],
  ['gadget', { field: 'due', op: 'in', value: ['2026-03-01', '2026-03-02'] }],
  ['gadget', { field: 'due', op: 'lt', value: now }],
  ['gadget', { field: 'due', op: 'gte', value: now }],
  ['gadget', { field: 'due', op: 'ne', value: now }],
  ['gadget', { field: 'seen_at', op: 'lt', value: now }],
  ['gadget', { field: 'seen_at', op: 'eq', value: now }],
  ['gadget', { field: 'seen_at', op: 'gt', value: '2026-02-01T08:00:00Z' }],
  ['gadget', { field: 'seen_at', op: 'eq', value: '2026-02-01T09:00:00+01:00' }],
  ['gadget', { field: 'seen_at', op: 'in', value: ['2026-02-28T23:59:59.999Z', '2026-03-01T12:00:00Z'] }],
  ['gadget', { field: 'spent', op: 'gt', value: 'PT25H' }],
  ['gadget', { field: 'spent', op: 'eq', value: 'P30D' }],
  ['gadget', { field: 'spent', op: 'lt', value: 'PT1S' }],
  ['gadget', { field: 'spent', op: 'in', value: ['P1D', 'PT26H', 'P1M'] }],
  ['gadget', { field: 'spent', op: 'lte', value: 'P1W' }],
  // choices and multi_choice
  ['gadget', { field: 'status', op: 'eq', value: 'OPEN' }],
  ['gadget', { field: 'status', op: 'ne', value: 'open' }],
  ['gadget', { field: 'status', op: 'in', value: ['On_Hold', 'closed'] }],
  ['gadget', { field: 'status', op: 'not_in', value: ['open'] }],
  ['gadget', { field: 'status', op: 'eq', value: 'bogus' }],
  ['gadget', { field: 'tags', op: 'contains', value: 'RED' }],
  ['gadget', { field: 'tags', op: 'is_empty' }],
  ['gadget', { field: 'tags', op: 'is_not_empty' }],
  // emptiness of every kind
  ['gadget', { field: 'data', op: 'is_empty' }],
  ['gadget', { field: 'data', op: 'is_not_empty' }],
  ['gadget', { field: 'notes', op: 'is_empty' }],
  ['gadget', { field: 'title', op: 'is_not_empty' }],
  ['gadget', { field: 'contact', op: 'is_empty' }],
  ['gadget', { field: 'qty', op: 'is_empty' }],
  ['gadget', { field: 'due', op: 'is_not_empty' }],
  ['gadget', { field: 'status', op: 'is_empty' }],
  ['gadget', { field: 'owner', op: 'is_not_empty' }],
  // dynamic values
  ['gadget', { field: 'owner', op: 'eq', value: me }],
  ['gadget', { field: 'owner', op: 'ne', value: me }],
  ['gadget', { not: { field: 'owner', op: 'eq', value: me } }],
  ['gadget', { field: 'team', op: 'in', value: { dynamic: 'my_groups' } }],
  ['gadget', { field: 'team', op: 'not_in', value: { dynamic: 'my_groups' } }],
  ['gadget', { field: 'account', op: 'eq', value: { dynamic: 'my_account' } }],
  ['gadget', { field: 'account', op: 'in', value: { dynamic: 'my_account_tree' } }],
  ['gadget', { field: 'account', op: 'in', value: { dynamic: 'my_partner_customers' } }],
  ['gadget', { field: 'account', op: 'not_in', value: { dynamic: 'my_partner_customers' } }],
  ['gadget', { field: 'department', op: 'eq', value: { dynamic: 'my_department' } }],
  ['gadget', { field: 'location', op: 'ne', value: { dynamic: 'my_location' } }],
  [
    'gadget',
    {
      or: [
        { field: 'owner', op: 'eq', value: me },
        { field: 'team', op: 'in', value: { dynamic: 'my_groups' } },
      ],
    },
  ],
  // id, number, paths
  ['gadget', { field: 'id', op: 'eq', value: '$x1' }],
  ['gadget', { field: 'id', op: 'not_in', value: ['$x1', '$x2'] }],
  ['gadget', { field: 'number', op: 'starts_with', value: 'gad0' }],
  ['gadget', { field: 'number', op: 'is_empty' }],
  ['gadget', { field: 'owner.name', op: 'eq', value: 'Ada' }],
  ['gadget', { field: 'owner.name', op: 'ne', value: 'Ada' }],
  ['gadget', { field: 'owner.account', op: 'eq', value: { dynamic: 'my_account' } }],
  ['gadget', { field: 'owner.account.parent', op: 'eq', value: '$a1' }],
  ['gadget', { field: 'owner.account.name', op: 'contains', value: 'ACME' }],
  ['gadget', { field: 'owner.manager.name', op: 'not_in', value: ['Grace'] }],
  ['gadget', { field: 'owner.account', op: 'is_empty' }],
  ['gadget', { field: 'owner.id', op: 'eq', value: me }],
  ['gadget', { field: 'parent.title', op: 'eq', value: 'Alpha' }],
  ['gadget', { field: 'parent.owner.name', op: 'starts_with', value: 'a' }],
  ['gadget', { field: 'work.short_description', op: 'contains', value: 'fire' }],
  ['gadget', { field: 'work.state', op: 'in', value: ['new', 'IN_PROGRESS'] }],
  ['gadget', { field: 'work.assigned_to', op: 'eq', value: me }],
  ['gadget', { field: 'work.priority', op: 'gt', value: 2 }],
  // nesting
  ['gadget', { and: [] }],
  ['gadget', { or: [] }],
  ['gadget', { not: { or: [] } }],
  ['gadget', { not: { field: 'qty', op: 'eq', value: 5 } }],
  ['gadget', { not: { field: 'title', op: 'contains', value: 'a' } }],
  ['gadget', { not: { field: 'owner.name', op: 'eq', value: 'Ada' } }],
  [
    'gadget',
    {
      and: [
        { field: 'qty', op: 'gte', value: 2 },
        { or: [{ field: 'status', op: 'eq', value: 'open' }, { not: { field: 'tags', op: 'contains', value: 'green' } }] },
        {
          not: {
            and: [
              { field: 'price', op: 'lt', value: 0 },
              { field: 'active', op: 'eq', value: true },
            ],
          },
        },
      ],
    },
  ],
  ['gadget', { or: [{ field: 'due', op: 'is_empty' }, { and: [{ field: 'due', op: 'lt', value: now }, { not: { field: 'owner', op: 'ne', value: me } }] }] }],
  // the ITSM types: a concrete one and the abstract task view
  ['incident', { field: 'caller', op: 'eq', value: me }],
  ['incident', { field: 'caller.account', op: 'in', value: { dynamic: 'my_account_tree' } }],
  ['incident', { field: 'assignment_group', op: 'in', value: { dynamic: 'my_groups' } }],
  ['incident', { field: 'state', op: 'in', value: ['NEW', 'in_progress'] }],
  [
    'incident',
    {
      and: [
        { field: 'priority', op: 'lte', value: 3 },
        { field: 'short_description', op: 'contains', value: 'N' },
      ],
    },
  ],
  ['task', { field: 'assigned_to', op: 'ne', value: me }],
  [
    'task',
    {
      or: [
        { field: 'state', op: 'eq', value: 'closed' },
        { field: 'assigned_to.name', op: 'eq', value: 'Grace' },
      ],
    },
  ],
];
