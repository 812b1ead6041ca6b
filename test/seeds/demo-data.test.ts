import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/itsm/demo-data.js';
import { loadItsmDemoData } from '../../seeds/itsm/demo-itsm.js';
import { asUser, importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let records = 0;
const steps: string[] = [];
let loadMs = 0;

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  const t0 = performance.now();
  const base = await loadDemoData(asUser(t), (s) => steps.push(s));
  const itsm = await loadItsmDemoData(asUser(t), base, (s) => steps.push(s));
  loadMs = performance.now() - t0;
  records = base.records + itsm.records;
  console.log(`demo data over HTTP: ${records} records in ${Math.round(loadMs)} ms`);
}, 300_000);
afterAll(() => t?.stop());

const count = async (table: string) => Number((await t.atrium.db.run<{ n: string }>(sql`SELECT count(*) AS n FROM ${sql.identifier('records')}.${sql.identifier(table)}`))[0].n);

describe('the ITSM demo data', () => {
  it('writes thousands of records through the public mutations, telling its progress', async () => {
    expect(records).toBeGreaterThan(2500);
    expect(steps[0]).toBe('people, groups and accounts');
    expect(steps).toContain('service catalog and requests');
    expect(await count('configuration_item')).toBe(530);
    expect(await count('ci_relationship')).toBeGreaterThan(900);
    expect(await count('problem')).toBe(50);
    expect(await count('change_request')).toBe(150);
    expect(await count('sc_request')).toBe(250);
    expect(await count('incident')).toBe(450);
    const [linked] = await t.atrium.db.run<{ ci: string; problem: string }>(sql`SELECT count(configuration_item) AS ci, count(problem) AS problem FROM records.incident`);
    expect(Number(linked.ci)).toBe(300);
    expect(Number(linked.problem)).toBeGreaterThan(100);
  });

  it('has a relationship graph with cycles, which the impact query walks to the end', async () => {
    const [cycle] = await t.atrium.db.run<{ n: string }>(
      sql`SELECT count(*) AS n FROM records.ci_relationship a JOIN records.ci_relationship b ON a.parent = b.child AND a.child = b.parent WHERE a.relationship_type = 'depends_on' AND b.relationship_type = 'depends_on'`,
    );
    expect(Number(cycle.n)).toBeGreaterThan(0);
    const router = (await t.ok(`{ networkDevices(filter: { name: { eq: "lon-core-rtr" } }) { nodes { id } } }`)).networkDevices.nodes[0].id;
    const query = `query($id: ID!, $depth: Int) { ciImpact(id: $id, depth: $depth) { depth item { id name } openIncidents { totalCount } } }`;
    const t0 = performance.now();
    const { result, sql: statements } = await t.statements(() => t.gql(query, { id: router, depth: 50 }));
    console.log(`ciImpact from lon-core-rtr (admin, depth 50): ${result.data.ciImpact.length} items in ${Math.round(performance.now() - t0)} ms`);
    expect(statements).toHaveLength(1);
    const items = result.data.ciImpact as { depth: number; item: { id: string }; openIncidents: { totalCount: number } }[];
    expect(new Set(items.map((i) => i.item.id)).size).toBe(items.length);
    expect(items.length).toBeGreaterThan(100);
    expect(Math.max(...items.map((i) => i.depth))).toBeGreaterThanOrEqual(4);
    expect(items.some((i) => i.openIncidents.totalCount > 0)).toBe(true);
    // Depths only grow along the list, and a deeper walk finds no less.
    expect(items.map((i) => i.depth)).toEqual([...items.map((i) => i.depth)].sort((a, b) => a - b));
    const shallow = (await t.ok(query, { id: router, depth: 2 })).ciImpact;
    expect(shallow.length).toBeLessThan(items.length);
    // Alice (Service Desk) does not see the Network groups' restricted firewalls and load balancers, nor Payroll data.
    const alice = (await asUser(t)(query, { id: router, depth: 50 }, 'alice.agent')).ciImpact as typeof items;
    expect(alice.length).toBeLessThan(items.length);
    expect(alice.length).toBeGreaterThan(0);
  });

  it('lets each persona see what a ServiceNow user would expect', async () => {
    const run = asUser(t);
    const counts = `{ problems { totalCount } changeRequests { totalCount } scRequests { totalCount } configurationItems { totalCount } catalogItems { totalCount } }`;
    const total = (d: Record<string, { totalCount: number }>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.totalCount]));
    const admin = total(await t.ok(counts));
    expect(admin).toEqual({ problems: 50, changeRequests: 150, scRequests: 250, configurationItems: 530, catalogItems: 16 });
    const alice = total(await run(counts, {}, 'alice.agent'));
    expect(alice.problems).toBe(50);
    expect(alice.changeRequests).toBe(150);
    expect(alice.scRequests).toBeGreaterThan(0);
    expect(alice.scRequests).toBeLessThan(250);
    expect(alice.configurationItems).toBeLessThan(530);
    expect(alice.catalogItems).toBe(16);
    // Erin, an employee: the requests made for her and the catalog items on offer; no CMDB, problems or changes.
    const erin = total(await run(counts, {}, 'erin.employee'));
    expect(erin).toEqual({ problems: 0, changeRequests: 0, scRequests: expect.any(Number), configurationItems: 0, catalogItems: 15 });
    expect(erin.scRequests).toBeGreaterThanOrEqual(32);
  });
});
