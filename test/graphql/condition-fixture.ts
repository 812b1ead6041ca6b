import { sql, type SQL } from 'drizzle-orm';
import { ITSM_PACK, readPack } from '../../seeds/load-pack.js';
import type { DynamicContext } from '../../schema/condition/index.js';
import type { Model, ModelField } from '../../schema/metadata/index.js';
import { columnType, tableRef } from '../../server/ddl/index.js';
import type { GraphInfo } from '../../server/records/record-info.js';
import type { TestServer } from '../helpers/test-server.js';

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

/** The records the condition battery runs against, as both backends see them. */
export interface ConditionFixture {
  graph: GraphInfo;
  model: Model;
  /** Every loaded row by concrete type and id, as the TS evaluator reads them. */
  rows: Map<string, Map<string, Record<string, unknown>>>;
  /** Ids by the key each record was loaded under (x1, i2, p1 …). */
  ids: Record<string, string>;
  /** A user with every dynamic value resolved. */
  someone: DynamicContext;
  /** A user with no dynamic value resolved. */
  nobody: DynamicContext;
  /** Finds a loaded row of a type or any of its concrete types, for the evaluator's path traversal. */
  lookup: (typeName: string, id: string) => Record<string, unknown> | undefined;
}

type Insert = (typeName: string, key: string, values: Record<string, unknown>) => Promise<string>;

/**
 * Publishes the ITSM pack with the gadget type on a fresh test server and loads the same small data set every
 * time: accounts, departments, locations, groups, people, incidents and seven gadgets covering edge values.
 */
export async function conditionFixture(t: TestServer): Promise<ConditionFixture> {
  const graph = await publish(t);
  const model = graph.model;
  const ids: Record<string, string> = {};
  let unseen = 0;
  const insert: Insert = async (typeName, key, values) => {
    const type = model.types.get(typeName)!;
    const cols: SQL[] = [];
    const vals: SQL[] = [];
    for (const f of type.activeFields) {
      const given = f.name in values;
      if (!given && !f.required) continue;
      const v = given ? values[f.name] : filler(f, ++unseen);
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
  };
  const { someone, nobody } = await loadData(insert);

  const rows = new Map<string, Map<string, Record<string, unknown>>>();
  // Every concrete type (the pack's other task types have no rows here, but `work` may point at any task).
  for (const name of [...model.types.values()].filter((x) => !x.abstract && !x.archived).map((x) => x.name)) {
    const loaded = await t.atrium.db.run(sql`SELECT * FROM ${tableRef(name)}`);
    rows.set(name, new Map(loaded.map((r) => [String(r.id), r])));
  }
  const lookup = (typeName: string, id: string): Record<string, unknown> | undefined => {
    for (const concrete of model.types.get(typeName)?.concreteTypes ?? []) {
      const r = rows.get(concrete)?.get(id);
      if (r) return r;
    }
    return undefined;
  };
  return { graph, model, rows, ids, someone, nobody, lookup };
}

/** The identity types come with the platform (installed at start); the pack adds the ITSM types, the test the gadget. */
async function publish(t: TestServer): Promise<GraphInfo> {
  const files = await readPack(ITSM_PACK);
  files.push({ path: 'record-types/gadget.yaml', content: GADGET });
  await t.ok(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "conditions") { applied } }`, { f: files });
  return t.atrium.registry.current.graph;
}

/** A value for a required field the test does not care about (identity types may require more than it sets). */
function filler(f: ModelField, unseen: number): unknown {
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

async function loadData(insert: Insert): Promise<Pick<ConditionFixture, 'someone' | 'nobody'>> {
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

  const someone: DynamicContext = { me: p1, myGroups: [g1, g2], myAccount: a2, myAccountTree: [a2], myPartnerCustomers: [a3], myDepartment: d1, myLocation: l1, now: NOW };
  const nobody: DynamicContext = { me: null, myGroups: [], myAccount: null, myAccountTree: [], myPartnerCustomers: [], myDepartment: null, myLocation: null, now: NOW };
  return { someone, nobody };
}
