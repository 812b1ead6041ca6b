/**
 * Child script: the engines' cost and timeliness on PostgreSQL, with the engines running in the background as on
 * a server.
 * 1. Creates per second of a case type whose records are routed (round robin over 5 agents) and get two SLAs,
 *    counted until every record is assigned and holds both SLA instances, against creates of the same type whose
 *    records no rule or SLA applies to (the engines still read their events). Interleaved rounds, medians.
 * 2. Breach-detection lag: 100,000 running SLA instances, of which 1,000 breach a few seconds from now; the lag is
 *    how long after its breach time each breach is recorded (worst and median).
 * Prints `BENCH_RESULT {json}`.
 */
import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { DEV_ADMIN, startAtrium } from '../../server/atrium.js';
import { loadConfig } from '../../server/config.js';
import { median } from './bench-results.js';
import { postGraphql } from './post-graphql.js';

const CONCURRENCY = 10;
const ROWS = Number(process.env.BENCH_ENGINE_ROWS ?? 400);
const ROUNDS = Number(process.env.BENCH_ENGINE_ROUNDS ?? 3);
const ACTIVE = Number(process.env.BENCH_SLA_ACTIVE ?? 100_000);
const DUE = 1_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const FILES = [
  {
    path: 'record-types/task.yaml',
    content: `name: task\nlabel: Task\nabstract: true\nnumberPrefix: TASK\ndisplayField: short_description\nfields:
  - { name: short_description, label: Short description, type: string, maxLength: 160, required: true }
  - name: state
    label: State
    type: choice
    required: true
    default: new
    choices: [{ value: new, label: New }, { value: in_progress, label: In progress }, { value: resolved, label: Resolved }, { value: closed, label: Closed }]
  - { name: priority, label: Priority, type: integer, required: true, default: 4 }
  - { name: assignment_group, label: Assignment group, type: reference, reference: assignment_group }
  - { name: assigned_to, label: Assigned to, type: reference, reference: person }
  - { name: opened_at, label: Opened, type: datetime, default: now }
`,
  },
  { path: 'record-types/bench_case.yaml', content: `name: bench_case\nlabel: Bench case\nextends: task\nnumberPrefix: BCS\nfields:\n  - { name: engaged, label: Engaged, type: boolean, default: false }\n  - { name: note, label: Note, type: string, maxLength: 200 }\n` },
  { path: 'user-criteria/unit_admins.yaml', content: 'name: unit_admins\nlabel: Unit administrators\nroles: [unit_admin]\n' },
  { path: 'business-units/bench.yaml', content: 'name: bench\nlabel: Bench unit\nadmins: [unit_admins]\n' },
  { path: 'case-types/bench_case.yaml', content: 'name: bench_case\nbusinessUnit: bench\nroutingRules: [bench_round_robin]\nslas: [bench_response, bench_resolution]\n' },
  {
    path: 'state-models/bench_case.yaml',
    content: `name: bench_case\nrecordType: bench_case\ninitial: new\nstates:\n  - { name: new, label: New, category: new }\n  - { name: in_progress, label: In progress, category: in_progress }\n  - { name: resolved, label: Resolved, category: resolved }\n  - { name: closed, label: Closed, category: closed }\ntransitions:\n  - { from: new, to: in_progress }\n  - { from: in_progress, to: resolved }\n  - { from: resolved, to: closed }\n`,
  },
  {
    path: 'routing-rules/bench_round_robin.yaml',
    content: 'name: bench_round_robin\nrecordType: bench_case\ncondition: { field: engaged, op: eq, value: true }\ntarget: { group: Bench agents }\nstrategy: round_robin\n',
  },
  {
    path: 'slas/bench_response.yaml',
    content: `name: bench_response\nrecordType: bench_case\ntype: response\nappliesTo: { field: engaged, op: eq, value: true }\nstop: { field: state, op: ne, value: new }\ntarget: PT4H\nwarnings:\n  - { percent: 50 }\n  - { percent: 75 }\n`,
  },
  {
    path: 'slas/bench_resolution.yaml',
    content: `name: bench_resolution\nrecordType: bench_case\nappliesTo: { field: engaged, op: eq, value: true }\nstop: { field: state, op: in, value: [resolved, closed] }\ntarget: P2D\nwarnings:\n  - { percent: 50 }\n  - { percent: 75 }\n`,
  },
];

const atrium = await startAtrium({ ...loadConfig({ DATABASE_URL: process.env.DATABASE_URL }), port: 0, devTokenSecret: 'x'.repeat(40) }, { log: pino({ level: 'warn' }) });
const token = await atrium.auth.issueDevToken(DEV_ADMIN);
const url = `${atrium.url}/graphql`;
const gql = (query: string, variables: Record<string, unknown>) => postGraphql(url, query, variables, token);
const count = async (statement: ReturnType<typeof sql>) => Number((await atrium.db.run<{ n: number | string }>(statement))[0].n);

const CREATE = `mutation($i: CreateBenchCaseInput!) { createBenchCase(input: $i) { benchCase { id } } }`;

/** Creates `n` records, `CONCURRENCY` in flight, and waits until `done()` holds; rows per second over the whole. */
async function rate(n: number, engaged: boolean, done: () => Promise<boolean>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < n; i = next++) await gql(CREATE, { i: { shortDescription: `Case ${i}`, engaged, note: 'n', priority: (i % 4) + 1 } });
    }),
  );
  for (let waited = 0; !(await done()); waited += 10) {
    if (waited > 300_000) throw new Error('the engines did not catch up within 5 minutes');
    await sleep(10);
  }
  return n / ((performance.now() - t0) / 1000);
}

async function setUpAgents(): Promise<void> {
  const group = (await gql(`mutation { createAssignmentGroup(input: { name: "Bench agents" }) { assignmentGroup { id } } }`, {})).createAssignmentGroup.assignmentGroup.id;
  for (let i = 0; i < 5; i++) {
    const person = (await gql(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }`, { i: { userName: `bench.agent${i}`, name: `Bench agent ${i}`, email: `agent${i}@example.com` } })).createPerson.person.id;
    await gql(`mutation($i: CreateGroupMemberInput!) { createGroupMember(input: $i) { groupMember { id } } }`, { i: { assignmentGroup: group, person } });
  }
}

/** The routed, SLA-bearing records so far (assigned, with both instances). */
const engagedDone = (expected: number) => async () =>
  (await count(sql`SELECT count(*) AS n FROM atrium.routing_decision WHERE record_type = 'bench_case' AND person_id IS NOT NULL`)) >= expected &&
  (await count(sql`SELECT count(*) AS n FROM atrium.sla_instance WHERE record_type = 'bench_case'`)) >= 2 * expected;

/** Every consumer has handled every committed event. */
const consumersDone = async () => (await count(sql`SELECT count(*) AS n FROM atrium.event_consumer c WHERE (c.tx, c.event_id) < (SELECT tx, id FROM atrium.record_event ORDER BY tx DESC, id DESC LIMIT 1)`)) === 0;

async function breachLag(): Promise<{ active: number; due: number; worstLagMs: number; medianLagMs: number; insertMs: number }> {
  const [template] = await atrium.db.run<{ id: number | string }>(sql`SELECT id FROM atrium.sla_instance WHERE definition = 'bench_resolution' AND stage = 'in_progress' ORDER BY id LIMIT 1`);
  if (!template) throw new Error('no running bench_resolution instance to copy');
  const dueAt = Date.now() + 8_000;
  const t0 = performance.now();
  // Copies of a real instance (its definition version stays right) on record ids no record has: the timer reads only
  // the instance. The many run for another day; the due ones breach at `dueAt`, spread over one second.
  await atrium.db.run(sql`
    INSERT INTO atrium.sla_instance (record_type, record_id, definition, definition_version, stage, has_breached, started_at, target_ms, elapsed_ms, paused_ms, measured_at, breach_at, next_due_at, warnings_fired)
    SELECT s.record_type, 900000000 + g, s.definition, s.definition_version, 'in_progress', false,
      CASE WHEN g <= ${DUE} THEN to_timestamp((${dueAt}::bigint + g)::double precision / 1000) - make_interval(secs => s.target_ms / 1000.0) ELSE now() END,
      s.target_ms, 0, 0,
      CASE WHEN g <= ${DUE} THEN to_timestamp((${dueAt}::bigint + g)::double precision / 1000) - make_interval(secs => s.target_ms / 1000.0) ELSE now() END,
      CASE WHEN g <= ${DUE} THEN to_timestamp((${dueAt}::bigint + g)::double precision / 1000) ELSE now() + make_interval(secs => s.target_ms / 1000.0) END,
      CASE WHEN g <= ${DUE} THEN to_timestamp((${dueAt}::bigint + g)::double precision / 1000) ELSE now() + interval '1 day' END,
      '[50, 75]'::jsonb
    FROM atrium.sla_instance s, generate_series(1, ${ACTIVE}::int) g WHERE s.id = ${Number(template.id)}`);
  await atrium.db.run(sql`ANALYZE atrium.sla_instance`);
  const insertMs = performance.now() - t0;
  const seen = new Map<number, number>();
  const deadline = dueAt + 60_000;
  while (seen.size < DUE && Date.now() < deadline) {
    const rows = await atrium.db.run<{ record_id: number | string }>(
      sql`SELECT i.record_id FROM atrium.sla_instance i WHERE i.record_id BETWEEN 900000001 AND ${900000000 + DUE} AND i.has_breached`,
    );
    const now = Date.now();
    for (const r of rows) if (!seen.has(Number(r.record_id))) seen.set(Number(r.record_id), now - (dueAt + (Number(r.record_id) - 900000000)));
    await sleep(50);
  }
  if (seen.size < DUE) throw new Error(`only ${seen.size} of ${DUE} breaches were recorded within a minute`);
  const lags = [...seen.values()].sort((a, b) => a - b);
  return { active: ACTIVE, due: DUE, worstLagMs: lags.at(-1)!, medianLagMs: lags[Math.floor(lags.length / 2)], insertMs };
}

try {
  await atrium.metadata.importFiles(FILES, DEV_ADMIN.subject, { dryRun: false, message: 'bench: engines' });
  await setUpAgents();
  // Warm-up: compiled schema, prepared statements, the engines' first runs.
  let engaged = 0;
  await rate(50, false, consumersDone);
  await rate(50, true, engagedDone((engaged += 50)));
  const plainRates: number[] = [];
  const engineRates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    plainRates.push(await rate(ROWS, false, consumersDone));
    engineRates.push(await rate(ROWS, true, engagedDone((engaged += ROWS))));
  }
  const perAgent = await atrium.db.run<{ n: number | string }>(
    sql`SELECT count(*) AS n FROM atrium.routing_decision WHERE record_type = 'bench_case' AND person_id IS NOT NULL GROUP BY person_id ORDER BY n`,
  );
  const lag = await breachLag();
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({
      rows: ROWS,
      rounds: ROUNDS,
      plainCreatesPerSec: median(plainRates),
      routedWithTwoSlasPerSec: median(engineRates),
      ratio: median(engineRates) / median(plainRates),
      roundRobinSpread: Number(perAgent.at(-1)?.n ?? 0) - Number(perAgent[0]?.n ?? 0),
      ...lag,
    })}\n`,
  );
} finally {
  await atrium.stop();
}
