import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITSM_PACK, readPack } from '../../seeds/load-pack.js';
import { evaluateCondition, type Condition, type DynamicContext } from '../../schema/condition/index.js';
import type { Model, ModelField } from '../../schema/metadata/index.js';
import { columnType, tableRef } from '../../server/ddl/index.js';
import { CompileContext, compileCondition } from '../../server/graphql/records/compile/index.js';
import type { GraphInfo } from '../../server/graphql/records/record-info.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The SQL predicate and the TS evaluator must accept exactly the same records: the same battery of conditions
 * runs through both on one database (PGlite or PostgreSQL) and the selected ids are compared.
 */

// Identity types this test needs; added as minimal documents only when neither the platform nor the pack has them.
const IDENTITY_FALLBACK: Record<string, string> = {
  person: `name: person
label: User
displayField: name
fields:
  - { name: name, label: Name, type: string, maxLength: 120, required: true }
  - { name: account, label: Account, type: reference, reference: account }
  - { name: manager, label: Manager, type: reference, reference: person }
`,
  assignment_group: `name: assignment_group
label: Assignment group
displayField: name
fields:
  - { name: name, label: Name, type: string, maxLength: 80, required: true }
`,
  account: `name: account
label: Account
displayField: name
fields:
  - { name: name, label: Name, type: string, maxLength: 160, required: true }
  - { name: parent, label: Parent, type: reference, reference: account }
`,
  department: `name: department
label: Department
fields:
  - { name: name, label: Name, type: string, maxLength: 80, required: true }
`,
  location: `name: location
label: Location
fields:
  - { name: name, label: Name, type: string, maxLength: 80, required: true }
`,
};

// One field of every type, references to each identity type, one to an abstract type and one to itself.
const GADGET = `name: gadget
label: Gadget
numberPrefix: GAD
displayField: title
fields:
  - { name: title, label: Title, type: string, maxLength: 40 }
  - { name: notes, label: Notes, type: text }
  - { name: qty, label: Quantity, type: integer }
  - { name: price, label: Price, type: decimal, scale: 2 }
  - { name: active, label: Active, type: boolean }
  - { name: due, label: Due, type: date }
  - { name: seen_at, label: Seen at, type: datetime }
  - { name: spent, label: Spent, type: duration }
  - { name: contact, label: Contact, type: email }
  - { name: site, label: Site, type: url }
  - name: status
    label: Status
    type: choice
    choices: [{ value: open, label: Open }, { value: on_hold, label: On hold }, { value: closed, label: Closed }]
  - name: tags
    label: Tags
    type: multi_choice
    choices: [{ value: red, label: Red }, { value: green, label: Green }, { value: blue, label: Blue }]
  - { name: data, label: Data, type: json }
  - { name: owner, label: Owner, type: reference, reference: person }
  - { name: team, label: Team, type: reference, reference: assignment_group }
  - { name: account, label: Account, type: reference, reference: account }
  - { name: department, label: Department, type: reference, reference: department }
  - { name: location, label: Location, type: reference, reference: location }
  - { name: work, label: Work, type: reference, reference: task }
  - { name: parent, label: Parent, type: reference, reference: gadget, reverseName: children }
`;

const NOW = new Date('2026-03-01T12:00:00.000Z');
/** A JSON null stored as jsonb 'null' (not SQL NULL): the evaluator sees null for both. */
const JSON_NULL = Symbol('json null');

let t: TestServer;
let model: Model;
let graph: GraphInfo;
const rows = new Map<string, Map<string, Record<string, unknown>>>();
const ids: Record<string, string> = {};
let someone: DynamicContext;
let nobody: DynamicContext;
let unseen = 0;

/** A value for a required field the test does not care about (identity types may require more than it sets). */
function filler(f: ModelField): unknown {
  unseen += 1;
  switch (f.type) {
    case 'email':
      return `filler${unseen}@example.com`;
    case 'choice':
      return (f.default as string | undefined) ?? f.choices?.[0]?.value ?? null;
    case 'integer':
      return 0;
    case 'decimal':
      return '0';
    case 'boolean':
      return false;
    case 'date':
      return '2026-01-01';
    case 'datetime':
      return NOW.toISOString();
    case 'duration':
      return 'PT0S';
    case 'multi_choice':
      return [];
    case 'json':
      return {};
    default:
      return `${f.name}-${unseen}`;
  }
}

function param(f: ModelField, v: unknown): SQL {
  if (v === null) return sql`NULL`;
  if (v === JSON_NULL) return sql`'null'::jsonb`;
  if (f.type === 'multi_choice') return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(v)}::jsonb))`;
  if (f.type === 'json') return sql`${JSON.stringify(v)}::jsonb`;
  return sql`${v}::${columnType(f)}`;
}

async function insert(typeName: string, key: string, values: Record<string, unknown>): Promise<string> {
  const type = model.types.get(typeName)!;
  const cols: SQL[] = [];
  const vals: SQL[] = [];
  for (const f of type.activeFields) {
    const given = f.name in values;
    if (!given && !f.required) continue;
    const v = given ? values[f.name] : filler(f);
    cols.push(sql`${sql.identifier(f.name)}`);
    vals.push(param(f, v));
  }
  if ('number' in values) {
    cols.push(sql`"number"`);
    vals.push(sql`${values.number}::varchar(20)`);
  }
  const [r] = await t.atrium.db.run<{ id: unknown }>(
    sql`INSERT INTO ${tableRef(typeName)} (${sql.join(cols, sql`, `)}) VALUES (${sql.join(vals, sql`, `)}) RETURNING "id"`,
  );
  ids[key] = String(r.id);
  return ids[key];
}

async function publish(): Promise<void> {
  const published = t.atrium.registry.current.graph.model.snapshot.recordTypes;
  const files = await readPack(ITSM_PACK);
  const inPack = new Set(files.map((f) => f.path.replace(/^record-types\/|\.yaml$/g, '')));
  for (const [name, content] of Object.entries(IDENTITY_FALLBACK))
    if (!published[name] && !inPack.has(name)) files.push({ path: `record-types/${name}.yaml`, content });
  files.push({ path: 'record-types/gadget.yaml', content: GADGET });
  await t.ok(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "conditions") { applied } }`, { f: files });
  graph = t.atrium.registry.current.graph;
  model = graph.model;
}

async function loadData(): Promise<void> {
  const a1 = await insert('account', 'a1', { name: 'Acme Group' });
  const a2 = await insert('account', 'a2', { name: 'Acme Retail', parent: a1 });
  const a3 = await insert('account', 'a3', { name: 'Globex' });
  const d1 = await insert('department', 'd1', { name: 'IT' });
  await insert('department', 'd2', { name: 'HR' });
  const l1 = await insert('location', 'l1', { name: 'Berlin' });
  await insert('location', 'l2', { name: 'Lisbon' });
  const g1 = await insert('assignment_group', 'g1', { name: 'Network' });
  const g2 = await insert('assignment_group', 'g2', { name: 'Service Desk' });
  await insert('assignment_group', 'g3', { name: 'Database' });
  const p2 = await insert('person', 'p2', { name: 'Grace' });
  const p1 = await insert('person', 'p1', { name: 'Ada', account: a2, manager: p2 });
  const p3 = await insert('person', 'p3', { name: 'Linus', account: a3 });
  const task = { short_description: 'Printer on fire', state: 'new', priority: 1, assignment_group: g1, caller: p1, assigned_to: p2 };
  const i1 = await insert('incident', 'i1', task);
  const i2 = await insert('incident', 'i2', {
    ...task,
    short_description: 'VPN down',
    state: 'in_progress',
    priority: 3,
    assignment_group: g2,
    caller: null,
    assigned_to: p1,
  });
  const i3 = await insert('incident', 'i3', {
    ...task,
    short_description: 'Mail slow',
    state: 'closed',
    priority: 5,
    assignment_group: null,
    caller: p3,
    assigned_to: null,
  });

  const g = (key: string, v: Record<string, unknown>) => insert('gadget', key, v);
  const full = {
    title: 'Alpha',
    notes: 'Jammed AGAIN',
    qty: 5,
    price: '12.50',
    active: true,
    due: '2026-02-28',
    seen_at: '2026-02-01T08:00:00.000Z',
    spent: 'P1DT2H',
    contact: 'ada@example.com',
    site: 'https://example.com/a',
    status: 'open',
    tags: ['red', 'blue'],
    data: { a: 1 },
    owner: p1,
    team: g1,
    account: a2,
    department: d1,
    location: l1,
    work: i1,
    number: 'GAD0001001',
  };
  const x1 = await g('x1', full);
  await g('x2', {
    ...full,
    title: 'beta',
    notes: '',
    qty: 1,
    price: '0.05',
    active: false,
    due: '2026-03-01',
    seen_at: '2026-03-01T12:00:00.000Z',
    spent: 'P1M',
    status: 'on_hold',
    tags: [],
    data: JSON_NULL,
    owner: p2,
    team: g2,
    account: a3,
    department: null,
    location: null,
    work: i2,
    parent: x1,
    number: 'GAD0001002',
  });
  await g('x3', {
    title: null,
    notes: null,
    qty: null,
    price: null,
    active: null,
    due: null,
    seen_at: null,
    spent: null,
    contact: null,
    site: null,
    status: null,
    tags: null,
    data: null,
    owner: null,
    team: null,
    account: null,
    department: null,
    location: null,
    work: null,
  });
  await g('x4', {
    ...full,
    title: 'Gamma 100%_ok',
    notes: 'back\\slash',
    qty: 7,
    price: '-2.25',
    due: '2026-03-02',
    seen_at: '2026-02-01T09:00:00+01:00',
    spent: 'PT26H',
    contact: 'LINUS@Example.org',
    site: 'http://intranet/x',
    status: 'closed',
    tags: ['green'],
    owner: p3,
    team: g1,
    account: a1,
    location: l1,
    work: i3,
    parent: x1,
    number: null,
  });
  await g('x5', {
    ...full,
    title: 'un été à Berlin',
    notes: 'Ünïcode',
    qty: 3,
    price: '3',
    due: '2025-12-31',
    seen_at: '2026-03-01T12:00:00.001Z',
    spent: 'PT0.5S',
    status: 'open',
    tags: ['red'],
    owner: p1,
    team: g2,
    account: a3,
    department: d1,
    location: null,
    work: null,
    parent: null,
    number: 'GAD0001005',
  });
  await g('x6', {
    ...full,
    title: 'alpha',
    notes: 'x_y',
    qty: 5,
    price: '12.5',
    active: false,
    spent: 'P30D',
    status: 'closed',
    tags: ['blue', 'green'],
    owner: p2,
    team: null,
    account: a2,
    department: null,
    work: i2,
    parent: null,
    number: 'gad-lower',
  });
  await g('x7', {
    ...full,
    title: '',
    notes: 'Ends with again',
    qty: 2,
    price: '12.49',
    due: '2026-03-01',
    seen_at: '2026-02-28T23:59:59.999Z',
    spent: 'P-1DT2H',
    contact: '',
    site: '',
    status: 'on_hold',
    tags: ['red', 'green', 'blue'],
    data: [],
    owner: p1,
    team: g2,
    account: a1,
    location: l1,
    number: 'GAD0001007',
  });

  for (const name of ['gadget', 'person', 'account', 'department', 'location', 'assignment_group', 'incident']) {
    const loaded = await t.atrium.db.run(sql`SELECT * FROM ${tableRef(name)}`);
    rows.set(name, new Map(loaded.map((r) => [String(r.id), r])));
  }
  someone = { me: p1, myGroups: [g1, g2], myAccount: a2, myAccountTree: [a2], myPartnerCustomers: [a3], myDepartment: d1, myLocation: l1, now: NOW };
  nobody = { me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now: NOW };
}

const lookup = (typeName: string, id: string): Record<string, unknown> | undefined => {
  for (const concrete of model.types.get(typeName)?.concreteTypes ?? []) {
    const r = rows.get(concrete)?.get(id);
    if (r) return r;
  }
  return undefined;
};

beforeAll(async () => {
  t = await startTestServer();
  await publish();
  await loadData();
});
afterAll(() => t?.stop());

const me = { dynamic: 'me' } as const;
const now = { dynamic: 'now' } as const;

/** [root type, condition]; ids are resolved at run time through `ids` (`$x1` → the id of x1). */
const BATTERY: [string, Condition][] = [
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

function withIds(c: Condition): Condition {
  const id = (v: unknown) => (typeof v === 'string' && v.startsWith('$') ? ids[v.slice(1)] : v);
  if ('and' in c) return { and: c.and.map(withIds) };
  if ('or' in c) return { or: c.or.map(withIds) };
  if ('not' in c) return { not: withIds(c.not) };
  return { ...c, value: Array.isArray(c.value) ? c.value.map(id) : (id(c.value) as typeof c.value) } as Condition;
}

async function sqlIds(typeName: string, condition: Condition, dyn: DynamicContext): Promise<string[]> {
  const ctx = new CompileContext(graph, { defaultPageSize: 10, maxPageSize: 100 });
  const info = graph.byName.get(typeName)!;
  const a = ctx.alias();
  const found = await t.atrium.db.run<{ id: unknown }>(
    sql`SELECT ${a}."id" FROM ${tableRef(typeName)} ${a} WHERE ${compileCondition(ctx, info, a, condition, dyn)}`,
  );
  return found.map((r) => String(r.id)).sort();
}

function tsIds(typeName: string, condition: Condition, dyn: DynamicContext): string[] {
  const candidates = model.types.get(typeName)!.concreteTypes.flatMap((name) => [...rows.get(name)!.values()]);
  return candidates
    .filter((r) => evaluateCondition(model, typeName, condition, r, dyn, lookup))
    .map((r) => String(r.id))
    .sort();
}

/** Ids as the keys the data was loaded under (x1, i2 …), for readable failures. */
const keysOf = (found: string[]) => found.map((id) => Object.keys(ids).find((k) => ids[k] === id) ?? id).join(' ');

describe('condition agreement: SQL predicate and TS evaluator', () => {
  it('has a battery worth running', () => {
    expect(BATTERY.length).toBeGreaterThanOrEqual(30);
    expect(rows.get('gadget')!.size).toBe(7);
  });

  for (const who of ['someone', 'nobody'] as const) {
    it(`select the same records for ${who === 'someone' ? 'a user with every dynamic value' : 'a user with none resolved'}`, async () => {
      const dyn = who === 'someone' ? someone : nobody;
      const mismatches: string[] = [];
      let split = 0;
      for (const [typeName, raw] of BATTERY) {
        const condition = withIds(raw);
        const [fromSql, fromTs] = [await sqlIds(typeName, condition, dyn), tsIds(typeName, condition, dyn)];
        if (JSON.stringify(fromSql) !== JSON.stringify(fromTs))
          mismatches.push(`${typeName} ${JSON.stringify(raw)}: SQL ${keysOf(fromSql)} TS ${keysOf(fromTs)}`);
        const total = model.types.get(typeName)!.concreteTypes.reduce((n, name) => n + rows.get(name)!.size, 0);
        if (fromTs.length > 0 && fromTs.length < total) split += 1;
      }
      expect(mismatches).toEqual([]);
      // Most conditions must tell records apart, or agreement would prove little.
      expect(split).toBeGreaterThan(BATTERY.length * (who === 'someone' ? 0.75 : 0.6));
    });
  }

  it('sees expected answers for a few conditions (the battery is not vacuous)', async () => {
    const get = async (typeName: string, c: Condition, dyn = someone) =>
      keysOf(await sqlIds(typeName, withIds(c), dyn))
        .split(' ')
        .filter(Boolean)
        .sort();
    expect(await get('gadget', { field: 'owner', op: 'eq', value: me })).toEqual(['x1', 'x5', 'x7']);
    expect(await get('gadget', { field: 'owner', op: 'ne', value: me }, nobody)).toEqual([]);
    expect(await get('gadget', { not: { field: 'owner', op: 'eq', value: me } }, nobody)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
    expect(await get('gadget', { field: 'title', op: 'contains', value: '100%_' })).toEqual(['x4']);
    expect(await get('gadget', { field: 'spent', op: 'eq', value: 'P30D' })).toEqual(['x2', 'x6']);
    expect(await get('gadget', { field: 'price', op: 'eq', value: 12.5 })).toEqual(['x1', 'x6']);
    expect(await get('gadget', { field: 'data', op: 'is_empty' })).toEqual(['x2', 'x3']);
    expect(await get('gadget', { field: 'owner.account.parent', op: 'eq', value: '$a1' })).toEqual(['x1', 'x5', 'x7']);
    expect(await get('gadget', { field: 'due', op: 'gte', value: now })).toEqual(['x4']);
  });
});
