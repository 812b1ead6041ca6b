/**
 * Child script: approval steps on PostgreSQL with many flows in flight. BENCH_FLOW_INSTANCES (10,000) requests
 * each start a flow of five approval steps in a row (one approver, policy any), so every decision is a step
 * that records the decision, moves the instance and asks the next approval (the last one ends the flow); the
 * engines run in the background as on a server. Then, in interleaved rounds of BENCH_FLOW_SECONDS each with
 * BENCH_FLOW_DECIDERS decisions in flight (each `decideApproval`, one transaction):
 * - approval steps per second and step latency (p50, p99) through the engine;
 * - the baseline: the bare minimum of a step, one transaction of `UPDATE … RETURNING` on a copy of the
 *   approval rows and one audit insert, with the same concurrency over the same pool.
 * Statements per step are counted in the process (db.onStatement); one step's statements are listed, to show
 * where the time goes. Prints `BENCH_RESULT {json}`.
 */
import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { stringify } from 'yaml';
import { DEV_ADMIN, startAtrium } from '../../server/atrium.js';
import { loadConfig } from '../../server/config.js';
import { decideApproval } from '../../server/engines/flows/decide-approval.js';
import type { FlowDoc } from '../../schema/index.js';
import { median } from './bench-results.js';

const INSTANCES = Number(process.env.BENCH_FLOW_INSTANCES ?? 10_000);
const DECIDERS = Number(process.env.BENCH_FLOW_DECIDERS ?? 8);
const SECONDS = Number(process.env.BENCH_FLOW_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_FLOW_ROUNDS ?? 3);
const APPROVER = 'bench.approver';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const STEPS = ['first', 'second', 'third', 'fourth', 'fifth'];
const FLOW: FlowDoc = {
  name: 'bench_chain',
  label: 'Five approvals in a row',
  trigger: { recordType: 'bench_request', on: 'create' },
  nodes: [
    { id: 'start', kind: 'start' },
    ...STEPS.map((id) => ({ id, kind: 'approval' as const, approvers: [{ user: APPROVER }], policy: { kind: 'any' as const }, ifNoApprovers: 'reject' as const })),
    { id: 'approved', kind: 'end', outcome: 'approved' },
    { id: 'rejected', kind: 'end', outcome: 'rejected' },
  ],
  edges: [
    { from: 'start', to: STEPS[0] },
    ...STEPS.flatMap((id, i) => [
      { from: id, to: STEPS[i + 1] ?? 'approved', port: 'approved' },
      { from: id, to: 'rejected', port: 'rejected' },
    ]),
  ],
};
const FILES = [
  { path: 'record-types/bench_request.yaml', content: `name: bench_request\nlabel: Bench request\nnumberPrefix: BRQ\ndisplayField: title\nfields:\n  - { name: title, label: Title, type: string, maxLength: 120 }\n` },
  { path: 'flows/bench_chain.yaml', content: stringify(FLOW) },
];

const atrium = await startAtrium({ ...loadConfig({ DATABASE_URL: process.env.DATABASE_URL }), port: 0, devTokenSecret: 'x'.repeat(40) }, { log: pino({ level: 'warn' }) });
const ctx = atrium.engines.context();
const db = atrium.db;
const count = async (statement: ReturnType<typeof sql>) => Number((await db.run<{ n: number | string }>(statement))[0].n);
let statements = 0;
atrium.db.onStatement(() => statements++);

/** Runs `one(id)` over `ids` with DECIDERS in flight for SECONDS; steps per second and latencies (ms). */
async function measure(ids: number[], one: (id: number) => Promise<void>): Promise<{ perSec: number; p50: number; p99: number; steps: number; statementsPerStep: number }> {
  const latencies: number[] = [];
  let next = 0;
  const s0 = statements;
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: DECIDERS }, async () => {
      while (performance.now() < end && next < ids.length) {
        const id = ids[next++];
        const a = performance.now();
        await one(id);
        latencies.push(performance.now() - a);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSec: latencies.length / seconds, p50: at(0.5), p99: at(0.99), steps: latencies.length, statementsPerStep: (statements - s0) / latencies.length };
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

const openApprovals = async () => shuffle((await db.run<{ id: number | string }>(sql`SELECT id FROM records.approval WHERE state = 'requested' AND flow_instance IS NOT NULL`)).map((r) => Number(r.id)));

try {
  await atrium.metadata.importFiles(FILES, DEV_ADMIN.subject, { dryRun: false, message: 'bench: approval flows' });
  await ctx.write({ op: 'create', type: 'person', values: { userName: APPROVER, name: 'Bench approver', email: 'approver@example.com', active: true } });
  const approver = await atrium.identities.actorFor({ subject: APPROVER, name: APPROVER, admin: false, via: 'dev', expiresAt: null });

  // The instances in flight: created through the write pipeline, started by the flow engine's consumer.
  const t0 = performance.now();
  let made = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = made++; i < INSTANCES; i = made++) await ctx.write({ op: 'create', type: 'bench_request', values: { title: `Request ${i}` } });
    }),
  );
  for (let waited = 0; (await count(sql`SELECT count(*) AS n FROM records.approval WHERE state = 'requested'`)) < INSTANCES; waited += 100) {
    if (waited > 600_000) throw new Error(`the flow engine had not asked ${INSTANCES} approvals after 10 minutes`);
    await sleep(100);
  }
  const startMs = performance.now() - t0;
  await db.run(sql`ANALYZE records.approval`);
  await db.run(sql`ANALYZE atrium.flow_instance`);
  await db.run(sql`ANALYZE atrium.flow_audit`);

  // The baseline's rows, apart from the engine's: the approval rows copied five times over (as many as the
  // engine has steps to take) and an audit table of the same shape as the engine's.
  await db.run(sql`CREATE TABLE public.bench_base_approval AS SELECT (row_number() OVER ())::bigint AS bid, a.* FROM records.approval a, generate_series(1, ${STEPS.length}::int)`);
  await db.run(sql`ALTER TABLE public.bench_base_approval ADD PRIMARY KEY (bid)`);
  await db.run(sql`CREATE TABLE public.bench_base_audit (LIKE atrium.flow_audit INCLUDING ALL)`);
  await db.run(sql`ANALYZE public.bench_base_approval`);
  const baseIds = shuffle((await db.run<{ bid: number | string }>(sql`SELECT bid FROM public.bench_base_approval`)).map((r) => Number(r.bid)));
  const baseline = (id: number) =>
    db.transaction(async (tx) => {
      const [row] = await tx.run<{ flow_instance: number | string }>(
        sql`UPDATE public.bench_base_approval SET state = 'approved', decided_at = now(), comments = 'ok' WHERE bid = ${id} AND state = 'requested' RETURNING flow_instance`,
      );
      await tx.run(sql`INSERT INTO public.bench_base_audit (instance_id, seq, at, kind, node, token, actor, detail) VALUES (${Number(row.flow_instance)}, ${id}, now(), 'decided', 'first', 1, ${APPROVER}, '{}'::jsonb)`);
    });
  const step = async (id: number) => {
    await decideApproval(ctx, { approvalId: String(id), decision: 'approved', comment: 'ok' }, approver);
  };

  // Warm-up, then one step's statements (what the time is spent on).
  let ids = await openApprovals();
  for (const id of ids.splice(0, 50)) await step(id);
  for (const id of baseIds.splice(0, 50)) await baseline(id);
  const seen: string[] = [];
  const off = atrium.db.onStatement((s) => seen.push(s.replace(/\s+/g, ' ').slice(0, 140)));
  await step(ids.shift()!);
  off();

  const engine: Awaited<ReturnType<typeof measure>>[] = [];
  const base: Awaited<ReturnType<typeof measure>>[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    base.push(await measure(baseIds, baseline));
    baseIds.splice(0, base.at(-1)!.steps);
    ids = await openApprovals();
    engine.push(await measure(ids, step));
  }
  const inFlight = await count(sql`SELECT count(*) AS n FROM atrium.flow_instance WHERE status = 'running'`);
  const pick = (rs: typeof engine, k: 'perSec' | 'p50' | 'p99' | 'statementsPerStep') => median(rs.map((x) => x[k]));
  process.stdout.write(
    `BENCH_RESULT ${JSON.stringify({
      instances: INSTANCES,
      inFlightAtEnd: inFlight,
      deciders: DECIDERS,
      seconds: SECONDS,
      rounds: ROUNDS,
      startedPerSec: INSTANCES / (startMs / 1000),
      stepsPerSec: pick(engine, 'perSec'),
      stepP50Ms: pick(engine, 'p50'),
      stepP99Ms: pick(engine, 'p99'),
      statementsPerStep: pick(engine, 'statementsPerStep'),
      baselinePerSec: pick(base, 'perSec'),
      baselineP50Ms: pick(base, 'p50'),
      baselineP99Ms: pick(base, 'p99'),
      baselineStatementsPerStep: pick(base, 'statementsPerStep'),
      ratio: pick(engine, 'perSec') / pick(base, 'perSec'),
      oneStep: seen,
    })}\n`,
  );
} finally {
  await atrium.stop();
}
