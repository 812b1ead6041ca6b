import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/engines/clock.js';
import { toGlobalId } from '../../../server/records/index.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { assignments, createIncident as create, createOrg, packWith, publishRules, tally } from './routing-fixture.js';

let t: TestServer;
let org: Awaited<ReturnType<typeof createOrg>>;
const clock = new ManualClock('2026-03-02T09:00:00Z');

beforeAll(async () => {
  t = await startTestServer({ clock });
  await publishRules(t, []);
  // The routing consumer starts at the events committed when it first runs: before any record exists.
  await t.atrium.engines.drain();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t?.stop());

/** An incident called in by zed (access incidents need a caller). */
const createIncident = (tt: TestServer, values: Record<string, unknown>) => create(tt, values, org.people.zed);
/**
 * Drains the engines until the routing consumer has read every committed event. On a shared PostgreSQL the feed
 * holds back events behind any older transaction running anywhere in the cluster (transaction ids are
 * cluster-wide), so one drain may return before our events are readable: drain again after a short pause.
 */
async function drain(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await t.atrium.engines.drain();
    const [{ behind }] = await t.atrium.db.run<{ behind: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM atrium.record_event e, atrium.event_consumer c WHERE c.name = 'routing' AND (e.tx, e.id) > (c.tx, c.event_id)) AS behind`,
    );
    if (!behind) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the routing consumer did not catch up with the committed events');
}
const spread = (counts: Record<string, number>) => Math.max(...Object.values(counts)) - Math.min(...Object.values(counts));
const decisionsOf = async (id: string) => (await t.ok(`query($id: ID!) { explainAssignment(recordId: $id) { rule strategy target group assignedTo reason fellBack candidates { userName load skills excluded } } }`, { id })).explainAssignment;

describe('the routing engine', () => {
  it('assigns a group with a fixed rule, a user with a user target, and leaves an explicit assignment alone', async () => {
    await publishRules(t, [
      { name: 'access_fixed', recordType: 'incident', order: 10, condition: { field: 'category', op: 'eq', value: 'access' }, target: { group: 'Service Desk' } },
      { name: 'vip_user', recordType: 'task', order: 20, condition: { field: 'priority', op: 'eq', value: 2 }, target: { user: 'ada' } },
    ]);
    const fixed = await createIncident(t, { category: 'ACCESS' });
    const vip = await createIncident(t, { category: 'OTHER', priority: 2 });
    const explicit = await createIncident(t, { category: 'ACCESS', assignmentGroup: org.groups.DBA });
    await drain();
    expect(await assignments(t, [fixed, vip, explicit])).toEqual([
      { group: 'Service Desk', user: null },
      { group: null, user: 'ada' },
      { group: 'DBA', user: null },
    ]);
    expect(await decisionsOf(fixed)).toEqual([expect.objectContaining({ rule: 'access_fixed', strategy: 'fixed', target: 'group Service Desk', group: 'Service Desk', fellBack: false })]);
    expect(await decisionsOf(explicit)).toEqual([]);
  });

  it('routes an unassigned record again when a field its rules read changes, and never routes its own writes', async () => {
    await publishRules(t, [{ name: 'access_fixed', recordType: 'incident', condition: { field: 'category', op: 'eq', value: 'access' }, target: { group: 'Service Desk' } }]);
    const id = await createIncident(t, { category: 'OTHER' });
    await drain();
    expect(await assignments(t, [id])).toEqual([{ group: null, user: null }]);
    await t.ok(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id } } }`, { i: { id, version: 1, patch: { category: 'ACCESS' } } });
    await drain();
    expect(await assignments(t, [id])).toEqual([{ group: 'Service Desk', user: null }]);
    // Its own write (version 3) is not routed: one decision; a later change of a routed-on field leaves the owner alone.
    await t.ok(`mutation($i: UpdateIncidentInput!) { updateIncident(input: $i) { incident { id } } }`, { i: { id, version: 3, patch: { category: 'OTHER', description: 'more' } } });
    await drain();
    expect(await decisionsOf(id)).toHaveLength(1);
    expect(await assignments(t, [id])).toEqual([{ group: 'Service Desk', user: null }]);
  });

  // Before the 50 creates below, which give grace (DBA and Network) open items.
  it('skills with capacity: members lacking the skill level or at capacity are passed over, and the decision says why', async () => {
    await publishRules(t, [
      { name: 'db_skills', recordType: 'incident', condition: { field: 'category', op: 'eq', value: 'hardware' }, target: { group: 'DBA' }, strategy: 'skills', skills: [{ skill: 'postgres', minLevel: 3 }], capacity: 2 },
    ]);
    // mia (postgres 5) already holds two open items, given explicitly (routing leaves those alone).
    for (let i = 0; i < 2; i++) await createIncident(t, { category: 'SOFTWARE', assignedTo: org.people.mia });
    const id = await createIncident(t, { category: 'HARDWARE' });
    await drain();
    expect(await assignments(t, [id])).toEqual([{ group: 'DBA', user: 'grace' }]);
    const [why] = await decisionsOf(id);
    expect(why.candidates).toEqual([
      expect.objectContaining({ userName: 'grace', skills: { postgres: 4 }, excluded: null }),
      expect.objectContaining({ userName: 'linus', skills: { postgres: 2 }, excluded: 'holds skill "postgres" at level 2, below 3' }),
      expect.objectContaining({ userName: 'mia', load: 2, skills: { postgres: 5 }, excluded: 'at capacity (2 open items, limit 2)' }),
    ]);
  });

  it('round robin stays fair under 50 concurrent creates (spread within 1), least loaded too', async () => {
    await publishRules(t, [
      { name: 'net_rr', recordType: 'incident', order: 10, condition: { field: 'category', op: 'eq', value: 'network' }, target: { group: 'Network' }, strategy: 'round_robin' },
      { name: 'p1_least', recordType: 'incident', order: 20, condition: { field: 'priority', op: 'eq', value: 1 }, target: { group: 'Service Desk' }, strategy: 'least_loaded' },
    ]);
    const net = await Promise.all(Array.from({ length: 50 }, () => createIncident(t, { category: 'NETWORK', priority: 3 })));
    const p1 = await Promise.all(Array.from({ length: 50 }, () => createIncident(t, { category: 'SOFTWARE', priority: 1 })));
    await drain();
    const rr = tally((await assignments(t, net)).map((a) => a.user));
    expect(Object.keys(rr).sort()).toEqual(['ada', 'grace', 'linus']);
    expect(spread(rr)).toBeLessThanOrEqual(1);
    const ll = tally((await assignments(t, p1)).map((a) => a.user));
    expect(Object.keys(ll).sort()).toEqual(['kim', 'lee']);
    expect(spread(ll)).toBeLessThanOrEqual(1);
    const [why] = await decisionsOf(p1[0]);
    expect(why).toMatchObject({ rule: 'p1_least', strategy: 'least_loaded', group: 'Service Desk', fellBack: false, reason: expect.stringMatching(/least loaded: (kim|lee) has the fewest open items/) });
    expect(why.candidates.map((c: { userName: string }) => c.userName)).toEqual(['kim', 'lee']);
  }, 120_000);

  it('a rule naming a deleted group falls back, and the decision says so', async () => {
    await publishRules(t, [
      { name: 'ghost', recordType: 'incident', condition: { field: 'category', op: 'eq', value: 'other' }, target: { group: 'Ghost' }, strategy: 'least_loaded', fallback: { group: 'Network' } },
    ]);
    const ghost = (await t.ok(`query($id: ID!) { node(id: $id) { ... on AssignmentGroup { version } } }`, { id: org.groups.Ghost })).node;
    await t.ok(`mutation($i: DeleteAssignmentGroupInput!) { deleteAssignmentGroup(input: $i) { clientMutationId } }`, { i: { id: org.groups.Ghost, version: ghost.version } });
    const id = await createIncident(t, { category: 'OTHER' });
    await drain();
    expect(await assignments(t, [id])).toEqual([{ group: 'Network', user: null }]);
    expect(await decisionsOf(id)).toEqual([
      expect.objectContaining({ rule: 'ghost', target: 'group Ghost', group: 'Network', fellBack: true, reason: 'rule "ghost" matched; its target group "Ghost" no longer exists, so it fell back to group "Network"' }),
    ]);
  });

  it('refuses a malformed rule at validation, naming the field', async () => {
    const r = await t.gql(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: true) { applied } }`, {
      f: await packWith([{ path: 'routing-rules/bad.yaml', content: JSON.stringify({ name: 'bad', recordType: 'incident', target: { group: 'DBA' }, strategy: 'skills', condition: { field: 'urgency', op: 'eq', value: 1 } }) }]),
    });
    expect(r.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/routingRules\.bad\.condition\.field/);
    expect(r.errors?.[0].message).toMatch(/routingRules\.bad\.skills: routing rule "bad" uses strategy "skills" but requires no skills/);
  });

  it('a version is routed once even if its event were handled twice (the decision row is unique per version)', async () => {
    const [{ n }] = await t.atrium.db.run<{ n: string | number }>(sql`SELECT count(*) AS n FROM (SELECT record_id, version FROM atrium.routing_decision GROUP BY record_id, version HAVING count(*) > 1) d`);
    expect(Number(n)).toBe(0);
  });
});

describe('explainAssignment', () => {
  it('answers only someone who may read the record; anyone else gets what a missing record gets', async () => {
    await publishRules(t, [{ name: 'access_fixed', recordType: 'incident', condition: { field: 'category', op: 'eq', value: 'access' }, target: { group: 'Service Desk' } }]);
    const id = await createIncident(t, { category: 'ACCESS' });
    await drain();
    const q = `query($id: ID!) { explainAssignment(recordId: $id) { rule group reason } }`;
    // zed called it in (callers read their incidents); kim is no agent and no caller.
    const asZed = await t.gql(q, { id }, await t.token({ subject: 'zed' }));
    expect(asZed.errors).toBeUndefined();
    expect(asZed.data.explainAssignment).toEqual([{ rule: 'access_fixed', group: 'Service Desk', reason: 'rule "access_fixed" matched and assigns group "Service Desk"' }]);
    const kim = await t.token({ subject: 'kim' });
    const hidden = await t.gql(q, { id }, kim);
    const missing = await t.gql(q, { id: toGlobalId('Incident', 987654321) }, kim);
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(hidden.errors?.[0].message.replace(id, 'ID')).toBe(missing.errors?.[0].message.replace(toGlobalId('Incident', 987654321), 'ID'));
    expect(hidden.data).toBeNull();
  });
});

describe('simulateRouting', () => {
  const q = `query($rules: [JSONObject!]!, $n: Int) { simulateRouting(rules: $rules, recordType: "incident", sample: $n) { records { id number actualGroup actualAssignee simulatedGroup simulatedAssignee rule reason changed } counts { target count } } }`;
  const draft = [
    { name: 'net_to_desk', recordType: 'incident', order: 10, condition: { field: 'category', op: 'eq', value: 'network' }, target: { group: 'Service Desk' }, strategy: 'round_robin' },
    { name: 'rest_to_dba', recordType: 'task', order: 20, target: { group: 'DBA' } },
  ];
  const footprint = async () =>
    (
      await t.atrium.db.run(sql`SELECT (SELECT count(*) FROM records.incident)::int AS incidents, (SELECT coalesce(sum(sys_version), 0) FROM records.incident)::int AS versions,
        (SELECT count(*) FROM atrium.record_event)::int AS events, (SELECT count(*) FROM atrium.record_history)::int AS history,
        (SELECT count(*) FROM atrium.routing_decision)::int AS decisions, (SELECT coalesce(string_agg(rule || ':' || last_person_id, ',' ORDER BY rule), '') FROM atrium.routing_cursor) AS cursors`)
    )[0];

  it('reports where the draft would send the newest records and counts per target, writing nothing', async () => {
    const before = await footprint();
    const d = await t.ok(q, { rules: draft, n: 30 });
    expect(await footprint()).toEqual(before);
    const { records, counts } = d.simulateRouting;
    expect(records).toHaveLength(30);
    const rows = await t.atrium.db.run<{ number: string; category: string | null }>(sql`SELECT number, category FROM records.incident ORDER BY id DESC LIMIT 30`);
    expect(records.map((r: { number: string }) => r.number)).toEqual(rows.map((r) => r.number));
    for (const [i, r] of records.entries()) {
      if (rows[i].category === 'network') expect(r).toMatchObject({ rule: 'net_to_desk', simulatedGroup: 'Service Desk', simulatedAssignee: expect.stringMatching(/^(kim|lee)$/) });
      else expect(r).toMatchObject({ rule: 'rest_to_dba', simulatedGroup: 'DBA', simulatedAssignee: null });
      expect(r.changed).toBe(r.actualGroup !== r.simulatedGroup || r.actualAssignee !== r.simulatedAssignee);
    }
    expect(counts.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(30);
    const network = records.filter((r: { rule: string }) => r.rule === 'net_to_desk');
    const desk = tally(network.map((r: { simulatedAssignee: string }) => r.simulatedAssignee));
    expect(spread(desk)).toBeLessThanOrEqual(1);
  });

  it('refuses a malformed draft with the field named, and anyone who may not design rules', async () => {
    const bad = await t.gql(q, { rules: [{ ...draft[0], strategy: 'skills' }] });
    expect(bad.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(bad.errors?.[0].message).toMatch(/routingRules\.net_to_desk\.skills/);
    const asKim = await t.gql(q, { rules: draft }, await t.token({ subject: 'kim' }));
    expect(asKim.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
