import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/engines/clock.js';
import { slaActionHooks } from '../../../server/engines/sla/index.js';
import { fromGlobalId } from '../../../server/records/index.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { eventsOf, instancesOf, publishSlas } from './sla-fixture.js';

const H = 3_600_000;
const clock = new ManualClock('2026-01-05T08:00:00Z');
let t: TestServer;
let groups: Record<string, string>;

const RESOLUTION = {
  name: 't_resolution',
  recordType: 'incident',
  appliesTo: { field: 'priority', op: 'gte', value: 2 },
  pause: { field: 'state', op: 'eq', value: 'on_hold' },
  stop: { field: 'state', op: 'in', value: ['resolved', 'closed'] },
  cancel: { field: 'state', op: 'eq', value: 'cancelled' },
  target: 'PT4H',
  schedule: 't_office',
  warnings: [
    { percent: 50, actions: [{ kind: 'notify', to: [{ field: 'assignment_group' }], subject: 'Half the time is gone' }] },
    { percent: 75, actions: [{ kind: 'work_note', body: 'Three quarters of the resolution time used' }] },
  ],
  breachActions: [
    { kind: 'reassign', group: 'Escalations' },
    { kind: 'raise_priority', by: 1 },
    { kind: 'work_note', body: 'Resolution SLA breached' },
    { kind: 'notify', to: [{ group: 'Escalations' }], subject: 'Breached' },
  ],
};
/** Backdated P5 incidents: their breach is recorded at once, but its action runs only for one that breaches live. */
const LATE = { name: 't_late', recordType: 'incident', appliesTo: { field: 'priority', op: 'eq', value: 5 }, retroactiveStart: 'opened_at', stop: { field: 'state', op: 'eq', value: 'resolved' }, target: 'PT1H', breachActions: [{ kind: 'raise_priority', by: 1 }] };
const RETRO = { name: 't_retro', recordType: 'incident', appliesTo: { field: 'priority', op: 'eq', value: 1 }, retroactiveStart: 'opened_at', stop: { field: 'state', op: 'eq', value: 'resolved' }, target: 'PT1H' };

async function createIncident(values: Record<string, unknown>): Promise<{ gid: string; id: number }> {
  const d = await t.ok(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id } } }`, { i: { shortDescription: 'Printer on fire', priority: 3, assignmentGroup: groups.Network, ...values } });
  const gid = d.createIncident.incident.id as string;
  return { gid, id: fromGlobalId(gid).id };
}

async function transition(gid: string, to: string, patch?: Record<string, unknown>): Promise<void> {
  const v = await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { version } } }`, { id: gid });
  await t.ok(`mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { id } } }`, { i: { id: gid, version: v.node.version, to, patch } });
}

async function at(iso: string): Promise<void> {
  clock.set(iso);
  await t.atrium.engines.drain();
}

beforeAll(async () => {
  t = await startTestServer({ clock });
  await publishSlas(t, [RESOLUTION, RETRO, LATE]);
  groups = {};
  for (const name of ['Network', 'Escalations']) {
    const d = await t.ok(`mutation($i: CreateAssignmentGroupInput!) { createAssignmentGroup(input: $i) { assignmentGroup { id } } }`, { i: { name } });
    groups[name] = d.createAssignmentGroup.assignmentGroup.id;
  }
}, 120_000);

afterAll(async () => {
  slaActionHooks.beforeApply = null;
  await t?.stop();
});

describe('the SLA engine', () => {
  it('counts business hours only, across a holiday, and not while paused', async () => {
    // Tuesday 16:00 in Berlin: one hour on Tuesday, Wednesday is a holiday, three hours on Thursday.
    await at('2026-01-06T15:00:00Z');
    const inc = await createIncident({});
    await t.atrium.engines.drain();
    let [inst] = await instancesOf(t, inc.id);
    expect(inst).toMatchObject({ definition: 't_resolution', stage: 'in_progress', started_at: '2026-01-06T15:00:00.000Z', breach_at: '2026-01-08T11:00:00.000Z', target_ms: 4 * H });
    // Thursday 9:30: started work at once, then on hold (1.5 h used).
    await at('2026-01-08T08:30:00Z');
    await transition(inc.gid, 'IN_PROGRESS');
    await transition(inc.gid, 'ON_HOLD');
    await t.atrium.engines.drain();
    [inst] = await instancesOf(t, inc.id);
    expect(inst).toMatchObject({ stage: 'paused', elapsed_ms: 1.5 * H, breach_at: null, next_due_at: null });
    // Resumed Friday 10:00: 7.5 h of Thursday and 1 h of Friday paused; 2.5 h left, breach 12:30.
    await at('2026-01-09T09:00:00Z');
    await transition(inc.gid, 'IN_PROGRESS');
    await t.atrium.engines.drain();
    [inst] = await instancesOf(t, inc.id);
    expect(inst).toMatchObject({ stage: 'in_progress', elapsed_ms: 1.5 * H, paused_ms: 8.5 * H, breach_at: '2026-01-09T11:30:00.000Z' });
    await at('2026-01-09T10:00:00Z');
    await transition(inc.gid, 'RESOLVED', { resolutionNotes: 'Replaced the toner', closeCode: 'SOLVED' });
    await t.atrium.engines.drain();
    [inst] = await instancesOf(t, inc.id);
    expect(inst).toMatchObject({ stage: 'achieved', has_breached: false, elapsed_ms: 2.5 * H, stopped_at: '2026-01-09T10:00:00.000Z', next_due_at: null });
    expect(await eventsOf(t, inst.id)).toEqual(['started', 'resumed', 'paused', 'resumed', 'warning@50', 'achieved'].filter((k, i) => i !== 1));
  });

  it('fires warnings and the breach once each, and applies each action once though a job fails once', async () => {
    await at('2026-01-12T08:00:00Z'); // Monday 9:00 in Berlin
    const inc = await createIncident({ priority: 3 });
    await t.atrium.engines.drain();
    const [{ id }] = await instancesOf(t, inc.id);
    await at('2026-01-12T10:00:00Z');
    await at('2026-01-12T10:00:00Z');
    expect(await eventsOf(t, id)).toEqual(['started', 'warning@50']);
    await at('2026-01-12T11:00:00Z');
    expect(await eventsOf(t, id)).toEqual(['started', 'warning@50', 'warning@75']);
    let failures = 0;
    slaActionHooks.beforeApply = (job) => {
      if (job.action.kind === 'raise_priority' && failures++ === 0) throw new Error('the priority write failed once');
    };
    await at('2026-01-12T12:30:00Z');
    await at('2026-01-12T13:00:00Z');
    await at('2026-01-13T13:00:00Z');
    slaActionHooks.beforeApply = null;
    expect(failures).toBe(2);
    expect(await eventsOf(t, id)).toEqual(['started', 'warning@50', 'warning@75', 'breached@100']);
    const d = await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { priority assignedTo { id } assignmentGroup { name } journalEntries { edges { node { kind body } } } } } }`, { id: inc.gid });
    expect(d.node.priority).toBe(2);
    expect(d.node.assignmentGroup.name).toBe('Escalations');
    const notes = d.node.journalEntries.edges.map((e: { node: { body: string } }) => e.node.body).sort();
    expect(notes).toEqual(['Resolution SLA breached', 'Three quarters of the resolution time used']);
    const sent = await t.atrium.db.run<{ key: string }>(sql`SELECT "key" FROM "atrium"."notification" WHERE "record_id" = ${inc.id} ORDER BY "key"`);
    expect(sent.map((r) => r.key)).toEqual([`sla:${id}:100:3`, `sla:${id}:50`]);
    const [inst] = await instancesOf(t, inc.id);
    expect(inst).toMatchObject({ stage: 'in_progress', has_breached: true, next_due_at: null });
    // Stopping late closes it as breached.
    await transition(inc.gid, 'IN_PROGRESS');
    await transition(inc.gid, 'RESOLVED', { resolutionNotes: 'Late', closeCode: 'SOLVED' });
    await t.atrium.engines.drain();
    expect((await instancesOf(t, inc.id))[0].stage).toBe('breached');
  });

  it('starts retroactively from the time the incident was opened', async () => {
    await at('2026-01-14T10:00:00Z');
    const inc = await createIncident({ priority: 1, openedAt: '2026-01-14T09:20:00Z' });
    await t.atrium.engines.drain();
    const retro = (await instancesOf(t, inc.id)).find((i) => i.definition === 't_retro')!;
    expect(retro).toMatchObject({ started_at: '2026-01-14T09:20:00.000Z', elapsed_ms: 40 * 60_000, breach_at: '2026-01-14T10:20:00.000Z' });
    // Priority 1 is not for the resolution SLA (appliesTo).
    expect((await instancesOf(t, inc.id)).map((i) => i.definition)).toEqual(['t_retro']);
    await at('2026-01-14T10:21:00Z');
    expect(await eventsOf(t, retro.id)).toEqual(['started', 'breached@100']);
  });

  it('records the breach of an SLA attached after it passed, without running its actions; a live breach runs them', async () => {
    await at('2026-01-20T10:00:00Z');
    const priority = async (gid: string) => (await t.ok(`query($id: ID!) { node(id: $id) { ... on Incident { priority } } }`, { id: gid })).node.priority;
    const backdated = await createIncident({ priority: 5, openedAt: '2026-01-19T10:00:00Z' });
    await t.atrium.engines.drain();
    const late = (await instancesOf(t, backdated.id)).find((i) => i.definition === 't_late')!;
    expect(await eventsOf(t, late.id)).toEqual(['started', 'breached@100']);
    expect(late.has_breached).toBe(true);
    expect(await priority(backdated.gid)).toBe(5);
    const fresh = await createIncident({ priority: 5 });
    await t.atrium.engines.drain();
    await at('2026-01-20T11:01:00Z');
    expect(await priority(fresh.gid)).toBe(4);
    expect(await priority(backdated.gid)).toBe(5);
  });

  it('shows SLAs on the record through GraphQL, measured at the clock, in one statement, only to who may read the record', async () => {
    const people: Record<string, string> = {};
    for (const name of ['erin', 'mallory']) {
      const d = await t.ok(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }`, { i: { userName: name, name, email: `${name}@example.com` } });
      people[name] = d.createPerson.person.id;
    }
    await at('2026-01-16T08:00:00Z'); // Friday 9:00 in Berlin
    const inc = await createIncident({ caller: people.erin });
    await t.atrium.engines.drain();
    clock.set('2026-01-16T09:30:00Z'); // not drained: measured now, not at the last write
    const q = `query($id: ID!) { node(id: $id) { ... on Incident { slas { definition label type stage hasBreached startedAt stoppedAt target targetMs elapsed elapsedMs remaining remainingMs paused pausedMs breachAt percentElapsed } } } }`;
    const erin = await t.token({ subject: 'erin' });
    await t.gql(q, { id: inc.gid }, erin); // signs erin in (her profile is read once per token)
    const { result, sql: statements } = await t.statements(() => t.gql(q, { id: inc.gid }, erin));
    expect(result.errors).toBeUndefined();
    expect(statements).toHaveLength(1);
    expect(result.data.node.slas).toEqual([
      {
        definition: 't_resolution',
        label: 't_resolution',
        type: 'resolution',
        stage: 'IN_PROGRESS',
        hasBreached: false,
        startedAt: '2026-01-16T08:00:00.000Z',
        stoppedAt: null,
        target: 'PT4H',
        targetMs: 4 * H,
        elapsed: 'PT1H30M',
        elapsedMs: 1.5 * H,
        remaining: 'PT2H30M',
        remainingMs: 2.5 * H,
        paused: 'PT0S',
        pausedMs: 0,
        breachAt: '2026-01-16T12:00:00.000Z',
        percentElapsed: 37.5,
      },
    ]);
    // Someone who may not read the incident sees neither it nor its SLAs.
    const mallory = await t.token({ subject: 'mallory' });
    const hidden = await t.gql(q, { id: inc.gid }, mallory);
    expect(hidden.data?.node ?? null).toBeNull();
    const listed = await t.gql(`{ incidents(first: 50) { nodes { id slas { definition } } } }`, {}, mallory);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.incidents.nodes).toEqual([]);
  });

  it('cancels with the record', async () => {
    await at('2026-01-15T08:00:00Z');
    const inc = await createIncident({});
    await t.atrium.engines.drain();
    await transition(inc.gid, 'CANCELLED');
    await t.atrium.engines.drain();
    expect((await instancesOf(t, inc.id))[0]).toMatchObject({ stage: 'cancelled', next_due_at: null });
  });
});
