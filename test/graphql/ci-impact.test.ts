import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importItsm } from '../helpers/itsm.js';
import { PATHS, resolutionOf } from '../../seeds/itsm/demo-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The CMDB impact query over HTTP, on a small graph with cycles (parent → child means "the parent needs the child"):
 *
 *   crm (app) ⇄ portal (app)        crm depends_on portal and portal depends_on crm: a cycle
 *   crm → crm_db (database), crm → web1 (server), crm_db → web1, reports (app) → portal
 *   web1 → reports                   a cycle back to web1 through crm and portal
 *   web1 → fw (firewall, restricted, owned by Network), web2 → web1 connected_to (no impact)
 *   lb (load balancer, restricted, owned by Network) → web1, payroll (app) → lb
 *
 * Alice is an agent in Service Desk, Bob an agent in Network, Erin an employee.
 */
let t: TestServer;
const ci: Record<string, string> = {};
const incidents: Record<string, string> = {};
const tokens: Record<string, string> = {};

async function create(type: string, input: Record<string, unknown>): Promise<string> {
  const field = type.charAt(0).toLowerCase() + type.slice(1);
  const d = await t.ok(`mutation($i: Create${type}Input!) { create${type}(input: $i) { ${field} { id } } }`, { i: input });
  return d[`create${type}`][field].id;
}

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  const agent = await create('Role', { name: 'agent', description: 'Agents' });
  const groups: Record<string, string> = {};
  for (const name of ['Service Desk', 'Network']) {
    groups[name] = await create('AssignmentGroup', { name });
    await create('RoleGrant', { role: agent, assignmentGroup: groups[name] });
  }
  const people: Record<string, string> = {};
  for (const [userName, group] of [['alice', 'Service Desk'], ['bob', 'Network'], ['erin', null]] as const) {
    people[userName] = await create('Person', { userName, name: userName, email: `${userName}@example.com` });
    if (group) await create('GroupMember', { assignmentGroup: groups[group], person: people[userName] });
    tokens[userName] = await t.token({ subject: userName });
  }
  const desk = groups['Service Desk'];
  ci.web1 = await create('Server', { name: 'web1', ipAddress: '10.0.0.1', os: 'Debian 12', ownerGroup: desk });
  ci.web2 = await create('Server', { name: 'web2', ipAddress: '10.0.0.2', ownerGroup: desk });
  ci.crm_db = await create('Database', { name: 'crm_db', engine: 'POSTGRESQL', port: 5432, ownerGroup: desk });
  ci.crm = await create('Application', { name: 'crm', softwareVersion: '3.2', ownerGroup: desk });
  ci.portal = await create('Application', { name: 'portal', ownerGroup: desk });
  ci.reports = await create('Application', { name: 'reports', ownerGroup: desk });
  ci.payroll = await create('Application', { name: 'payroll', ownerGroup: desk });
  ci.fw = await create('NetworkDevice', { name: 'fw', deviceType: 'FIREWALL', restricted: true, ownerGroup: groups.Network });
  ci.lb = await create('NetworkDevice', { name: 'lb', deviceType: 'LOAD_BALANCER', restricted: true, ownerGroup: groups.Network });
  const edges: [string, string, string][] = [
    ['crm', 'portal', 'DEPENDS_ON'],
    ['portal', 'crm', 'DEPENDS_ON'],
    ['crm', 'crm_db', 'DEPENDS_ON'],
    ['crm', 'web1', 'RUNS_ON'],
    ['crm_db', 'web1', 'HOSTED_ON'],
    ['reports', 'portal', 'DEPENDS_ON'],
    ['web1', 'reports', 'DEPENDS_ON'],
    ['web1', 'fw', 'DEPENDS_ON'],
    ['web2', 'web1', 'CONNECTED_TO'],
    ['lb', 'web1', 'DEPENDS_ON'],
    ['payroll', 'lb', 'DEPENDS_ON'],
  ];
  for (const [parent, child, relationshipType] of edges) await create('CiRelationship', { parent: ci[parent], child: ci[child], relationshipType });
  // Incidents start new and reach a state by their model's transitions.
  const incident = async (name: string, item: string, state: string, group: string) => {
    const id = await create('Incident', { shortDescription: name, configurationItem: ci[item], assignmentGroup: groups[group] });
    incidents[name] = id;
    let version = 1;
    for (const to of PATHS[state]) {
      const d = await t.ok(`mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { version } } }`, { i: { id, version, to, patch: resolutionOf(to) } });
      version = d.transitionIncident.incident.version;
    }
  };
  await incident('crm down (desk)', 'crm', 'NEW', 'Service Desk');
  await incident('crm slow (network)', 'crm', 'IN_PROGRESS', 'Network');
  await incident('crm fixed', 'crm', 'RESOLVED', 'Service Desk');
  await incident('crm closed', 'crm', 'CLOSED', 'Service Desk');
  await incident('db on hold', 'crm_db', 'ON_HOLD', 'Service Desk');
}, 120_000);
afterAll(() => t?.stop());

const IMPACT = `query($id: ID!, $depth: Int) {
  ciImpact(id: $id, depth: $depth) {
    depth
    item { __typename id name ... on Server { ipAddress } ... on Database { engine } }
    openIncidents(orderBy: [NUMBER_ASC]) { totalCount nodes { shortDescription state } }
  }
}`;

type Entry = { depth: number; item: { __typename: string; id: string; name: string }; openIncidents: { totalCount: number; nodes: { shortDescription: string }[] } };

async function impact(as: string | null, item: string, depth?: number): Promise<Entry[]> {
  const r = await t.gql(IMPACT, { id: ci[item], depth }, as ? tokens[as] : undefined);
  expect(r.errors).toBeUndefined();
  return r.data.ciImpact;
}
const names = (entries: Entry[]) => entries.map((e) => [e.item.name, e.depth]);

describe('ciImpact', () => {
  it('walks from a failing item to everything that needs it, each item once at its shortest depth, through cycles', async () => {
    const all = await impact(null, 'web1');
    expect(names(all)).toEqual([
      ['web1', 0],
      ['crm', 1],
      ['crm_db', 1],
      ['lb', 1],
      ['payroll', 2],
      ['portal', 2],
      ['reports', 3],
    ]);
    expect(all[0].item).toMatchObject({ __typename: 'Server', id: ci.web1, ipAddress: '10.0.0.1' });
    expect(all.find((e) => e.item.name === 'crm_db')!.item).toMatchObject({ __typename: 'Database', engine: 'POSTGRESQL' });
  });

  it('follows depends_on, runs_on and hosted_on but not connected_to', async () => {
    expect(names(await impact(null, 'web1')).map(([n]) => n)).not.toContain('web2');
    expect(names(await impact(null, 'web2'))).toEqual([['web2', 0]]);
  });

  it('stops at the depth asked for; depth 0 is the item alone', async () => {
    expect(names(await impact(null, 'web1', 1))).toEqual([
      ['web1', 0],
      ['crm', 1],
      ['crm_db', 1],
      ['lb', 1],
    ]);
    expect(names(await impact(null, 'fw', 0))).toEqual([['fw', 0]]);
    // fw → web1 → … → reports → web1 again: the cycle through the start ends, web1 stays at depth 1.
    expect(names(await impact(null, 'fw'))).toEqual([
      ['fw', 0],
      ['web1', 1],
      ['crm', 2],
      ['crm_db', 2],
      ['lb', 2],
      ['payroll', 3],
      ['portal', 3],
      ['reports', 4],
    ]);
  });

  it('lists only open incidents on each item', async () => {
    const all = await impact(null, 'web1');
    const open = (name: string) => all.find((e) => e.item.name === name)!.openIncidents;
    expect(open('crm')).toEqual({ totalCount: 2, nodes: [{ shortDescription: 'crm down (desk)', state: 'NEW' }, { shortDescription: 'crm slow (network)', state: 'IN_PROGRESS' }] });
    expect(open('crm_db')).toEqual({ totalCount: 1, nodes: [{ shortDescription: 'db on hold', state: 'ON_HOLD' }] });
    expect(open('web1')).toEqual({ totalCount: 0, nodes: [] });
  });

  it('applies the reader’s access rules: hidden items, what lies only behind them, and hidden incidents are not shown', async () => {
    const alice = await impact('alice', 'web1');
    // lb is restricted to Network; payroll needs web1 only through lb, so Alice does not learn of it either.
    expect(names(alice)).toEqual([
      ['web1', 0],
      ['crm', 1],
      ['crm_db', 1],
      ['portal', 2],
      ['reports', 3],
    ]);
    expect(alice.find((e) => e.item.name === 'crm')!.openIncidents).toEqual({ totalCount: 1, nodes: [{ shortDescription: 'crm down (desk)', state: 'NEW' }] });
    // Bob's group owns lb: he sees it and what lies behind it; his incidents are Network's.
    const bob = await impact('bob', 'web1');
    expect(names(bob)).toEqual(names(await impact(null, 'web1')));
    expect(bob.find((e) => e.item.name === 'crm')!.openIncidents.nodes.map((n) => n.shortDescription)).toEqual(['crm slow (network)']);
    // A start item the reader may not read answers as one that does not exist.
    expect(await impact('alice', 'fw')).toEqual([]);
    expect(await impact('erin', 'web1')).toEqual([]);
  });

  it('is one SQL statement, with the same answer on the fast path and through graphql-js', async () => {
    await impact('alice', 'crm'); // who Alice is gets looked up once and kept: not part of this query
    const { result, sql } = await t.statements(() => t.gql(IMPACT, { id: ci.web1 }, tokens.alice));
    expect(result.errors).toBeUndefined();
    expect(sql[0]).toMatch(/WITH RECURSIVE walk/);
    expect(sql).toHaveLength(1);
    // A directive on the root field sends the query through normal execution and its resolvers.
    const slow = await t.statements(() => t.gql(IMPACT.replace('ciImpact(id: $id, depth: $depth)', 'ciImpact(id: $id, depth: $depth) @include(if: true)'), { id: ci.web1 }, tokens.alice));
    expect(slow.sql).toHaveLength(1);
    expect(slow.result.data).toEqual(result.data);
  });

  it('refuses an id that is not a configuration item, a depth out of range, and anonymous callers', async () => {
    const wrong = await t.gql(IMPACT, { id: incidents['crm fixed'] });
    expect(wrong.errors?.[0].extensions?.code).toBe('INVALID_ID');
    const deep = await t.gql(IMPACT, { id: ci.web1, depth: 51 });
    expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/depth must be a whole number between 0 and 50/) });
    expect((await t.gql(IMPACT, { id: ci.web1, depth: -1 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await t.gql(IMPACT, { id: ci.web1 }, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
