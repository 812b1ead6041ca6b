import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../server/records/global-id.js';
import { asUser, createSmallData, importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/*
 * serviceKpis over GraphQL HTTP, on records made through the public mutations and moved through their state
 * model. The write pipeline stamps history with the database's now(), so the test then pins those instants
 * (and inserts SLA instances, which no engine fills on this branch) to make every number computable by hand.
 *
 * The incidents (createSmallData: I0–I5 opened 2026-01-01 00:00 + i h; even ones Network, odd ones Service
 * Desk; priority i % 5 + 1; callers Ada, Grace, Linus, Ada, Grace, Linus) and I6 (Network, priority 3, opened
 * 2025-12-15, before the window):
 *   I0 cancelled · I1 assigned 03:00, resolved 05:00 (MTTR 4 h, response 2 h) · I2 new, SLA breached Jan 10 ·
 *   I3 assigned 04:00, resolved Jan 2 03:00 (24 h, 1 h), closed later, SLA breached Jan 1 20:00 and stopped ·
 *   I4 new, SLA achieved in March (outside) · I5 assigned 06:00 (1 h), resolved Feb 5 (outside), SLA achieved ·
 *   I1's SLA achieved · I6 new.
 */
const FROM = '2026-01-01T00:00:00Z';
const TO = '2026-02-01T00:00:00Z';
const VALUES = 'opened resolved meanTimeToResolveSeconds responded meanFirstResponseSeconds slaMet slaBreached slaCompliancePercent breaches backlog';
const KPIS = `query($rt: String!, $from: DateTime!, $to: DateTime!, $g: [KpiDimension!], $f: JSON) {
  serviceKpis(recordType: $rt, from: $from, to: $to, groupBy: $g, filter: $f) {
    total { ${VALUES} }
    groups { assignmentGroup { name } priority state values { ${VALUES} } }
  } }`;

let t: TestServer;
const tokens: Record<string, string> = {};
const id: Record<string, string> = {};
const rid = (gid: string) => Number(fromGlobalId(gid).id);

const kpis = async (who: string | null, vars: Record<string, unknown> = {}) => {
  const r = await t.gql(KPIS, { rt: 'incident', from: FROM, to: TO, ...vars }, who ? tokens[who] : undefined);
  return r;
};
const okKpis = async (who: string | null, vars: Record<string, unknown> = {}) => {
  const r = await kpis(who, vars);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.serviceKpis as { total: Record<string, unknown>; groups: Record<string, any>[] };
};

const v = (opened: number, resolved: number, mttr: number | null, responded: number, response: number | null, met: number, missed: number, pct: number | null, breaches: number, backlog: number) => ({
  opened,
  resolved,
  meanTimeToResolveSeconds: mttr,
  responded,
  meanFirstResponseSeconds: response,
  slaMet: met,
  slaBreached: missed,
  slaCompliancePercent: pct,
  breaches,
  backlog,
});
const NETWORK = v(3, 0, null, 0, null, 0, 0, null, 1, 3);
const SERVICE_DESK = v(3, 2, 50_400, 3, 4_800, 2, 1, 66.67, 1, 0);
const ALL = v(6, 2, 50_400, 3, 4_800, 2, 1, 66.67, 2, 3);

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  const small = await createSmallData(t, 6);
  const make = async (type: string, input: Record<string, unknown>) => {
    const field = type.charAt(0).toLowerCase() + type.slice(1);
    const r = await t.ok(`mutation($i: Create${type}Input!) { create${type}(input: $i) { ${field} { id } } }`, { i: input });
    return r[`create${type}`][field].id as string;
  };
  const role = await make('Role', { name: 'agent' });
  for (const [user, group] of [['sam.agent', small.groups[1]], ['nora.agent', small.groups[0]]] as const) {
    id[user] = await make('Person', { userName: user, name: user, email: `${user}@example.com` });
    await make('GroupMember', { assignmentGroup: group, person: id[user] });
    await make('RoleGrant', { role, person: id[user] });
    tokens[user] = await t.token({ subject: user });
  }
  tokens.ada = await t.token({ subject: 'ada' });
  const inc = small.incidents;
  inc.push(
    await make('Incident', { shortDescription: 'Old one', priority: 3, caller: small.people[1], assignmentGroup: small.groups[0], openedAt: '2025-12-15T09:00:00Z' }),
  );
  const run = asUser(t);
  const transition = (gid: string, version: number, to: string, patch?: Record<string, unknown>) =>
    run(`mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { version } } }`, { i: { id: gid, version, to, patch } });
  const assign = (gid: string, version: number) => run(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { version } } }`, { i: { id: gid, version, patch: { assignedTo: id['sam.agent'] } } });
  const resolution = { resolutionNotes: 'Fixed', closeCode: 'SOLVED' };
  await transition(inc[0], 1, 'CANCELLED');
  for (const i of [1, 3, 5]) {
    await assign(inc[i], 2);
    await transition(inc[i], 3, 'RESOLVED', resolution);
  }
  await transition(inc[3], 4, 'CLOSED');

  const pin = (i: number, field: string, value: string | null, at: string) =>
    t.atrium.db.run(
      sql`UPDATE atrium.record_history SET changed_at = ${at}::timestamptz WHERE record_id = ${rid(inc[i])} AND field_name = ${field} AND ${value === null ? sql`new_value IS NOT NULL` : sql`new_value = to_jsonb(${value}::text)`}`,
    );
  await pin(1, 'assigned_to', null, '2026-01-01T03:00:00Z');
  await pin(1, 'state', 'resolved', '2026-01-01T05:00:00Z');
  await pin(3, 'assigned_to', null, '2026-01-01T04:00:00Z');
  await pin(3, 'state', 'resolved', '2026-01-02T03:00:00Z');
  await pin(5, 'assigned_to', null, '2026-01-01T06:00:00Z');
  await pin(5, 'state', 'resolved', '2026-02-05T00:00:00Z');

  const sla = (i: number, stage: string, breached: boolean, stoppedAt: string | null, breachedAt: string | null) =>
    t.atrium.db.run(sql`INSERT INTO atrium.sla_instance (record_type, record_id, definition, definition_version, stage, has_breached, started_at, stopped_at, target_ms, measured_at, breached_at)
      VALUES ('incident', ${rid(inc[i])}, 'resolve', 1, ${stage}, ${breached}, '2026-01-01T00:00:00Z', ${stoppedAt}::timestamptz, 3600000, '2026-01-01T00:00:00Z', ${breachedAt}::timestamptz)`);
  await sla(1, 'achieved', false, '2026-01-01T05:00:00Z', null);
  await sla(2, 'in_progress', true, null, '2026-01-10T00:00:00Z');
  await sla(3, 'breached', true, '2026-01-02T03:00:00Z', '2026-01-01T20:00:00Z');
  await sla(4, 'achieved', false, '2026-03-01T00:00:00Z', null);
  await sla(5, 'achieved', false, '2026-01-01T07:00:00Z', null);
}, 180_000);
afterAll(() => t?.stop());

describe('serviceKpis', () => {
  it('gives the hand-computed totals and breaks them down by assignment group (admin)', async () => {
    const k = await okKpis(null, { g: ['ASSIGNMENT_GROUP'] });
    expect(k.total).toEqual(ALL);
    expect(k.groups).toEqual([
      { assignmentGroup: { name: 'Network' }, priority: null, state: null, values: NETWORK },
      { assignmentGroup: { name: 'Service Desk' }, priority: null, state: null, values: SERVICE_DESK },
    ]);
    // "task" covers every task type: here only incidents exist.
    expect((await okKpis(null, { rt: 'task' })).total).toEqual(ALL);
  });

  it('breaks breaches down by priority, and the backlog by state and group', async () => {
    const byPriority = await okKpis(null, { g: ['PRIORITY'] });
    expect(byPriority.groups.map((g) => [g.priority, g.values.opened, g.values.breaches, g.values.backlog, g.values.slaCompliancePercent])).toEqual([
      [1, 2, 0, 0, 100],
      [2, 1, 0, 0, 100],
      [3, 1, 1, 2, null],
      [4, 1, 1, 0, 0],
      [5, 1, 0, 1, null],
    ]);
    const byState = await okKpis(null, { g: ['STATE', 'ASSIGNMENT_GROUP'] });
    expect(byState.groups.map((g) => [g.assignmentGroup.name, g.state, g.values.backlog, g.values.resolved])).toEqual([
      ['Network', 'cancelled', 0, 0],
      ['Service Desk', 'closed', 0, 1],
      ['Network', 'new', 3, 0],
      ['Service Desk', 'resolved', 0, 1],
    ]);
  });

  it('applies a filter in the shared condition language', async () => {
    const k = await okKpis(null, { f: { field: 'priority', op: 'lte', value: 2 } });
    // I0 (cancelled), I1 (resolved in the window), I5 (resolved after it).
    expect(k.total).toEqual(v(3, 1, 14_400, 2, 5_400, 2, 0, 100, 0, 0));
  });

  it('counts only what the reader may read: an agent sees its group, a requester her own incidents', async () => {
    expect((await okKpis('sam.agent')).total).toEqual(SERVICE_DESK);
    expect((await okKpis('nora.agent')).total).toEqual(NETWORK);
    // Ada called I0 (cancelled) and I3 (resolved in 24 h, its SLA breached).
    const ada = await okKpis('ada', { g: ['ASSIGNMENT_GROUP'] });
    expect(ada.total).toEqual(v(2, 1, 86_400, 1, 3_600, 0, 1, 0, 1, 0));
    expect(ada.groups.map((g) => [g.assignmentGroup.name, g.values.opened, g.values.resolved])).toEqual([
      ['Network', 1, 0],
      ['Service Desk', 1, 1],
    ]);
  });

  it('answers in one SQL statement', async () => {
    await okKpis('sam.agent', { g: ['PRIORITY'] });
    const { result, sql: statements } = await t.statements(() => kpis('sam.agent', { g: ['ASSIGNMENT_GROUP', 'STATE'] }));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    const started = performance.now();
    for (let i = 0; i < 10; i++) await okKpis(null, { g: ['ASSIGNMENT_GROUP', 'PRIORITY'] });
    console.log(`serviceKpis (admin, grouped by group and priority): ${((performance.now() - started) / 10).toFixed(1)} ms per query over HTTP`);
  });

  it('refuses a bad window, a non-task type and a malformed filter with BAD_USER_INPUT saying what to change', async () => {
    const refused = async (vars: Record<string, unknown>, text: string) => {
      const r = await kpis(null, vars);
      expect(r.errors?.map((e) => e.extensions?.code), JSON.stringify(r.errors)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].message).toContain(text);
    };
    await refused({ from: TO, to: FROM }, 'must come before');
    await refused({ from: FROM, to: FROM }, 'must come before');
    await refused({ from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'at most 400 days');
    await refused({ rt: 'person' }, '"person" is not a task type');
    await refused({ rt: 'nothing' }, 'there is no record type "nothing"');
    await refused({ f: { field: 'caller.name', op: 'eq', value: 'Ada' } }, 'goes through a reference');
    await refused({ f: { field: 'no_such_field', op: 'eq', value: 1 } }, 'no_such_field');
    await refused({ f: { priority: { eq: 1 } } }, 'filter is not a condition');
    const anonymous = await t.gql(KPIS, { rt: 'incident', from: FROM, to: TO }, null);
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
