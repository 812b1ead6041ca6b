import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRef } from '../../server/ddl/sql-names.js';
import { fromGlobalId } from '../../server/records/index.js';
import { importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
const p: Record<string, string> = {};
const incidents: Record<string, string> = {};

const SIMULATE = `query($flow: JSON!, $records: [ID!], $sample: Int, $assume: FlowAssumption) {
  simulateFlow(flow: $flow, records: $records, sample: $sample, assume: $assume) {
    flow assumed
    records { id path outcome stuck expectedSeconds expectedReason
      approvals { node label approvers { userName name delegatedFrom via } flags { kind source userName message } expected { seconds basis decisions reason } } }
    nodes { node kind records expected { seconds basis } }
    skipped { id reason }
  } }`;

/** High priority (1) goes to the CAB (plus a group nobody is in, and the caller, who may not approve); else to the caller's manager. */
const flow = {
  name: 'sim_change',
  label: 'Simulated approval',
  trigger: { recordType: 'incident', on: 'create', requesterField: 'caller' },
  nodes: [
    { id: 'start', kind: 'start' },
    { id: 'risk', kind: 'condition', branches: [{ id: 'high', condition: { field: 'priority', op: 'eq', value: 1 } }] },
    { id: 'cab', kind: 'approval', label: 'CAB', approvers: [{ group: 'sim_cab' }, { group: 'sim_ghosts' }, { user: 'sim_ada' }], policy: { kind: 'all' } },
    { id: 'mgr', kind: 'approval', label: 'Manager', approvers: [{ manager: { levels: 1 } }] },
    { id: 'note', kind: 'action', action: { kind: 'set_fields', values: { category: 'software' } } },
    { id: 'ok', kind: 'end', outcome: 'approved' },
    { id: 'no', kind: 'end', outcome: 'rejected' },
  ],
  edges: [
    { from: 'start', to: 'risk' },
    { from: 'risk', to: 'cab', port: 'high' },
    { from: 'risk', to: 'mgr', port: 'default' },
    { from: 'cab', to: 'ok', port: 'approved' },
    { from: 'cab', to: 'no', port: 'rejected' },
    { from: 'mgr', to: 'note', port: 'approved' },
    { from: 'mgr', to: 'no', port: 'rejected' },
    { from: 'note', to: 'ok' },
  ],
};

async function insert(type: string, values: Record<string, unknown>): Promise<string> {
  const cols = Object.keys(values);
  const [row] = await t.atrium.db.run<{ id: string | number }>(
    sql`INSERT INTO ${tableRef(type)} (${sql.join([...cols, 'sys_created_by', 'sys_updated_by'].map((c) => sql.identifier(c)), sql`, `)})
        VALUES (${sql.join([...cols.map((c) => sql`${values[c]}`), sql`'test'`, sql`'test'`], sql`, `)}) RETURNING "id"`,
  );
  return String(row.id);
}

/** Rows per table of the platform (atrium) and the records, with every table's greatest sys_version sum: any write shows. */
async function census(): Promise<Record<string, string>> {
  const tables = await t.atrium.db.run<{ s: string; n: string }>(
    sql`SELECT table_schema AS s, table_name AS n FROM information_schema.tables WHERE table_schema IN ('atrium', 'records') AND table_type = 'BASE TABLE' ORDER BY 1, 2`,
  );
  const out: Record<string, string> = {};
  for (const { s, n } of tables) {
    const hasVersion = s === 'records';
    const [c] = await t.atrium.db.run<{ c: string | number; v: string | number | null }>(
      sql`SELECT count(*) AS c, ${hasVersion ? sql`sum("sys_version")` : sql`NULL`} AS v FROM ${sql.identifier(s)}.${sql.identifier(n)}`,
    );
    out[`${s}.${n}`] = `${c.c}/${c.v ?? ''}`;
  }
  return out;
}

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  for (const name of ['ada', 'bob', 'carl', 'dee', 'erin', 'fay']) p[name] = await insert('person', { user_name: `sim_${name}`, name: name.toUpperCase(), active: name !== 'dee' });
  await t.atrium.db.run(sql`UPDATE ${tableRef('person')} SET "manager" = ${p.bob}::bigint WHERE "id" = ${p.ada}::bigint`);
  const cab = await insert('assignment_group', { name: 'sim_cab' });
  await insert('assignment_group', { name: 'sim_ghosts' });
  for (const who of ['carl', 'dee', 'erin', 'ada']) await insert('group_member', { assignment_group: cab, person: p[who] });
  // Out of office: erin's approvals go to fay.
  await t.atrium.db.run(sql`INSERT INTO atrium.approval_delegation (person_id, delegate_id, starts_at) VALUES (${p.erin}::bigint, ${p.fay}::bigint, now() - interval '1 day')`);
  const create = async (key: string, priority: number) => {
    const d = await t.ok(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id } } }`, { i: { shortDescription: key, priority, caller: fromGlobalIdOf(p.ada) } });
    incidents[key] = d.createIncident.incident.id;
  };
  await create('urgent', 1);
  await create('routine', 4);
  await create('routine2', 3);
  // Past decisions: CAB decisions of this flow took 2 h and 4 h (median 3 h); another approval outside flows took 1 h.
  const [inst] = await t.atrium.db.run<{ id: string | number }>(
    sql`INSERT INTO atrium.flow_instance (flow, version_id, record_type, record_id, status, state, started_at) VALUES ('sim_change', 1, 'incident', 1, 'approved', '{}'::jsonb, now()) RETURNING id`,
  );
  for (const [node, hours, instance] of [['cab', 2, inst.id], ['cab', 4, inst.id], [null, 1, null]] as const)
    await t.atrium.db.run(sql`INSERT INTO ${tableRef('approval')} ("document", "document_type", "state", "decided_at", "sys_created_at", "flow_instance", "flow_node", "sys_created_by", "sys_updated_by")
      VALUES ('x', 'incident', 'approved', now(), now() - make_interval(hours => ${hours}), ${instance}, ${node}, 'test', 'test')`);
}, 180_000);
afterAll(() => t?.stop());

/** The person global id the data API takes, from a row id. */
function fromGlobalIdOf(id: string): string {
  return Buffer.from(`Person:${id}`).toString('base64url');
}

describe('simulateFlow over HTTP', () => {
  it('reports per record the path, who would be asked with flags, expected times and per-node counts, and changes no row', async () => {
    const before = await census();
    const res = await t.ok(SIMULATE, { flow, records: [incidents.urgent, incidents.routine] });
    expect(await census()).toEqual(before);
    const sim = res.simulateFlow;
    expect(sim.flow).toBe('sim_change');
    expect(sim.assumed).toBe('APPROVED');
    expect(sim.skipped).toEqual([]);
    const [urgent, routine] = sim.records;
    expect(urgent.id).toBe(incidents.urgent);
    expect(urgent.path).toEqual(['start', 'risk', 'cab', 'ok']);
    expect(urgent.outcome).toBe('approved');
    expect(urgent.approvals).toHaveLength(1);
    const cab = urgent.approvals[0];
    expect(cab.node).toBe('cab');
    // carl asked; dee inactive; erin away (fay asked for her); ada is the requester.
    expect(cab.approvers).toEqual([
      { userName: 'sim_carl', name: 'CARL', delegatedFrom: null, via: 'group:sim_cab' },
      { userName: 'sim_fay', name: 'FAY', delegatedFrom: 'sim_erin', via: 'group:sim_cab' },
    ]);
    expect(cab.flags.map((f: { kind: string; source: string; userName: string | null }) => [f.kind, f.source, f.userName])).toEqual([
      ['self_approval', 'group:sim_cab', 'sim_ada'],
      ['inactive_user', 'group:sim_cab', 'sim_dee'],
      ['empty_group', 'group:sim_ghosts', null],
      ['self_approval', 'user:sim_ada', 'sim_ada'],
    ]);
    expect(cab.expected).toEqual({ seconds: 3 * 3600, basis: 'node', decisions: 2, reason: null });
    expect(urgent.expectedSeconds).toBe(3 * 3600);

    expect(routine.path).toEqual(['start', 'risk', 'mgr', 'note', 'ok']);
    expect(routine.approvals[0].approvers).toEqual([{ userName: 'sim_bob', name: 'BOB', delegatedFrom: null, via: 'manager:1' }]);
    // No past decision at mgr: the median of every decided approval (1 h, 2 h, 4 h).
    expect(routine.approvals[0].expected).toEqual({ seconds: 2 * 3600, basis: 'all', decisions: 3, reason: null });
    expect(routine.expectedSeconds).toBe(2 * 3600);

    const counts = Object.fromEntries(sim.nodes.map((n: { node: string; records: number }) => [n.node, n.records]));
    expect(counts).toEqual({ start: 2, risk: 2, cab: 1, mgr: 1, note: 1, ok: 2, no: 0 });
  });

  it('assumes rejections when asked, and samples the newest records the trigger matches', async () => {
    const rejected = (await t.ok(SIMULATE, { flow, records: [incidents.urgent], assume: 'REJECTED' })).simulateFlow;
    expect(rejected.records[0].path).toEqual(['start', 'risk', 'cab', 'no']);
    expect(rejected.records[0].outcome).toBe('rejected');

    const before = await census();
    const onlyLow = { ...flow, trigger: { ...flow.trigger, condition: { field: 'priority', op: 'gt', value: 2 } } };
    const sampled = (await t.ok(SIMULATE, { flow: onlyLow, sample: 5 })).simulateFlow;
    expect(await census()).toEqual(before);
    // Newest first: routine2 then routine; urgent does not match the trigger.
    expect(sampled.records.map((r: { id: string }) => r.id)).toEqual([incidents.routine2, incidents.routine]);
    expect(sampled.nodes.find((n: { node: string }) => n.node === 'mgr').records).toBe(2);
  });

  it('refuses an invalid draft with its problems, skips records of another type, and is for administrators only', async () => {
    const broken = { ...flow, nodes: flow.nodes.filter((n) => n.id !== 'no') };
    const bad = await t.gql(SIMULATE, { flow: broken, records: [incidents.urgent] });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/the flow is not valid: .*no/);
    const notAFlow = await t.gql(SIMULATE, { flow: { name: 'x' } });
    expect(notAFlow.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const person = fromGlobalIdOf(p.bob);
    const skipped = (await t.ok(SIMULATE, { flow, records: [person, incidents.routine] })).simulateFlow;
    expect(skipped.records.map((r: { id: string }) => r.id)).toEqual([incidents.routine]);
    expect(skipped.skipped).toEqual([{ id: person, reason: expect.stringMatching(/runs on incident records; this is a person/) }]);
    expect(fromGlobalId(skipped.records[0].id).typeName).toBe('Incident');

    const token = await t.token({ subject: 'sim_carl' });
    const refused = await t.gql(SIMULATE, { flow, records: [incidents.urgent] }, token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("lets a unit administrator simulate flows of the unit's types, on the records they may read, and no other flows", async () => {
    const [role] = await t.atrium.db.run<{ id: string | number }>(sql`SELECT "id" FROM ${tableRef('role')} WHERE "name" = 'it_admin'`);
    const roleId = role ? String(role.id) : await insert('role', { name: 'it_admin' });
    await insert('role_grant', { role: roleId, person: p.bob });
    t.atrium.identities.invalidate();
    const token = await t.token({ subject: 'sim_bob' });
    const res = await t.gql(SIMULATE, { flow, records: [incidents.urgent, incidents.routine] }, token);
    expect(res.errors).toBeUndefined();
    const sim = res.data.simulateFlow;
    // Whatever bob may read is simulated, the rest is skipped with the same words as a missing record.
    const canRead: string[] = [];
    for (const id of [incidents.urgent, incidents.routine]) if ((await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, token)).data?.node) canRead.push(id);
    expect(sim.records.map((r: { id: string }) => r.id)).toEqual(canRead);
    expect(sim.skipped.map((s: { id: string }) => s.id)).toEqual([incidents.urgent, incidents.routine].filter((id) => !canRead.includes(id)));
    for (const s of sim.skipped) expect(s.reason).toBe('there is no such record, or you may not read it');

    const outside = { ...flow, name: 'sim_people', trigger: { recordType: 'person', on: 'create' }, nodes: flow.nodes, edges: flow.edges };
    const refused = await t.gql(SIMULATE, { flow: { ...outside, nodes: outside.nodes.filter((n) => n.id !== 'risk' && n.id !== 'cab'), edges: [{ from: 'start', to: 'mgr' }, ...outside.edges.filter((e) => e.from === 'mgr' || e.from === 'note')] }, sample: 1 }, token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
