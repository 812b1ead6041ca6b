import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../server/access/actor.js';
import { startAtrium, type Atrium } from '../../../server/atrium.js';
import { loadConfig } from '../../../server/config.js';
import { DomainError, ErrorCode } from '../../../server/domain-error.js';
import { decideApproval } from '../../../server/engines/flows/decide-approval.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { actorOf, APPROVER, count, createRequests, killFlow, openApprovals, setUpFlowWorld } from './approval-flow-fixture.js';

/**
 * kill -9 of the server while approval flows are in flight. A child process runs Atrium with every engine in the
 * background (the flow engine's event consumer, its timers every 100 ms, its action jobs); this process creates
 * the records and makes decisions through `decideApproval` on its own connections, and kills the child with
 * SIGKILL at random moments, restarting it each time. At the end every flow must have ended, each action applied
 * once, no audit row or decision doubled.
 */
const RECORDS = Number(process.env.FLOW_KILL_RECORDS ?? 1000);
const KILLS = Number(process.env.FLOW_KILL_ROUNDS ?? 20);
/** How long the last server may take to finish every flow after the last kill (s). */
const SETTLE_S = Number(process.env.FLOW_KILL_SETTLE_S ?? 300);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server process's script compiled to one JavaScript file (our code bundled, packages from node_modules), in
 * the git-ignored .scratch/: a restart then costs what starting the server costs, not tsx compiling it again
 * each of the 20 times. `import.meta.url` keeps naming each source file, so files beside them are found.
 */
async function bundleServer(): Promise<string> {
  const esbuild = await import('esbuild');
  const out = path.join(ROOT, '.scratch', `flow-process-${process.pid}.js`);
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(HERE, 'flow-process.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
    plugins: [
      {
        name: 'source-import-meta-url',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, async (args) => {
            if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
            const text = await readFile(args.path, 'utf8');
            return text.includes('import.meta.url') ? { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' } : undefined;
          });
        },
      },
    ],
  });
  return out;
}
let script = '';

/** The server process now running (killed in any case when the test ends). */
let running: ChildProcess | null = null;

/** Starts the server process and resolves once its engines run; rejects if it exits first. */
function startServer(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, DURABILITY_DB: url, DURABILITY_TICK_MS: '100' }, stdio: ['ignore', 'pipe', 'pipe'] });
  running = child;
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      // With LOG_LEVEL set, the server's log (pino, on stdout) is passed on.
      if (process.env.LOG_LEVEL) process.stderr.write(chunk);
      if (chunk.toString().includes('started')) resolve(child);
    });
    child.on('exit', (code, signal) => reject(new Error(`the server process ended (${code ?? signal}) before the test killed it: ${errors}`)));
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe.skipIf(!process.env.DATABASE_URL)('approval flows under kill -9 of the server (PostgreSQL only: the server and this process share one database over the wire; set DATABASE_URL)', () => {
  let database: TestDatabase;
  let atrium: Atrium;
  let approver: Actor;

  beforeAll(async () => {
    script = await bundleServer();
    database = await openTestDatabase();
    // This process writes and decides; its engines never run (the child's do).
    const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', devTokenSecret: 'flow-kill-secret-of-sufficient-length', engines: { background: false, tickMs: 1_000 } };
    atrium = await startAtrium(config, { db: database.db, keepDatabase: true, log: pino({ level: 'silent' }) });
    await setUpFlowWorld(atrium, [killFlow('PT4S', 'PT2S')]);
    approver = await actorOf(atrium, APPROVER);
  }, 120_000);

  afterAll(async () => {
    if (running) await kill(running);
    await atrium?.stop();
    await database?.drop();
    if (script) await rm(script, { force: true });
  });

  it(`ends every one of ${RECORDS} flows, applies each action once and records each decision once across ${KILLS} kills`, async () => {
    const ctx = atrium.engines.context();
    const db = atrium.db;
    let child = await startServer(database.url!);

    // Decisions from this process all along, racing the server's expiry timers: one in four rejects.
    const won = new Map<number, 'approved' | 'rejected'>();
    const refused: string[] = [];
    let conflicts = 0;
    let deciding = true;
    const decider = (async () => {
      while (deciding) {
        const ids = await openApprovals(db, 8);
        await Promise.all(
          ids.map(async (id) => {
            const decision = Math.random() < 0.75 ? 'approved' : 'rejected';
            try {
              await decideApproval(ctx, { approvalId: String(id), decision, comment: 'kill test' }, approver);
              won.set(id, decision);
            } catch (err) {
              if (err instanceof DomainError && err.code === ErrorCode.CONFLICT) conflicts++;
              else refused.push(String((err as Error).message));
            }
          }),
        );
        await sleep(40);
      }
    })();

    // Records arrive through the kill phase, so every kill lands among starts, decisions, timers and actions.
    const perRound = Math.ceil(RECORDS / KILLS);
    let created = 0;
    const t0 = performance.now();
    const restarts: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const batch = Math.min(perRound, RECORDS - created);
      const creating = createRequests(ctx, batch, 4);
      await sleep(300 + Math.random() * 2_200);
      await kill(child);
      const r0 = performance.now();
      child = await startServer(database.url!);
      restarts.push(performance.now() - r0);
      created += (await creating).length;
      if (process.env.FLOW_KILL_PROGRESS) {
        const [p] = await db.run<Record<string, string>>(sql`SELECT (SELECT count(*) FROM atrium.flow_instance) AS started, (SELECT count(*) FROM atrium.flow_instance WHERE status <> 'running') AS ended`);
        console.log(`kill ${k + 1}: ${created} created, ${p.started} started, ${p.ended} ended, restart ${(restarts.at(-1)! / 1000).toFixed(1)} s, ${won.size} decided`);
      }
    }
    if (created < RECORDS) created += (await createRequests(ctx, RECORDS - created, 4)).length;
    const killPhaseMs = performance.now() - t0;
    deciding = false;
    await decider;

    // Let the last server finish: every request's flow started (the consumer may be held back by transactions of
    // other databases of the cluster), none running, no flow job waiting — jobs the killed processes held come
    // back once their expiry passes.
    const deadline = Date.now() + SETTLE_S * 1000;
    const left = async () =>
      (await count(db, sql`SELECT count(*) AS n FROM records.dur_request r WHERE NOT EXISTS (SELECT 1 FROM atrium.flow_instance i WHERE i.record_type = 'dur_request' AND i.record_id = r.id)`)) +
      (await count(db, sql`SELECT count(*) AS n FROM atrium.flow_instance WHERE status = 'running'`)) +
      (await count(db, sql`SELECT count(*) AS n FROM atrium_jobs.job WHERE name LIKE 'flow.%' AND state IN ('created', 'retry', 'active')`));
    while ((await left()) > 0 && Date.now() < deadline) {
      await atrium.engines.jobs.recover();
      await sleep(500);
    }
    const settleMs = performance.now() - t0 - killPhaseMs;
    await kill(child);

    const instances = await db.run<{ status: string; n: number | string }>(sql`SELECT status, count(*) AS n FROM atrium.flow_instance GROUP BY status`);
    const byStatus = Object.fromEntries(instances.map((r) => [r.status, Number(r.n)]));
    console.log(
      `flow kill test: ${created} records, ${KILLS} kills in ${(killPhaseMs / 1000).toFixed(1)} s (a restart to engines running took ${(restarts.reduce((a, b) => a + b, 0) / restarts.length / 1000).toFixed(1)} s on average), settled in ${(settleMs / 1000).toFixed(1)} s; ` +
        `${won.size} decisions won, ${conflicts} lost to the server's expiry (CONFLICT); instances ${JSON.stringify(byStatus)}`,
    );
    expect(refused).toEqual([]);
    // Every record ran exactly one instance, and none is still running.
    expect(await count(db, sql`SELECT count(*) AS n FROM atrium.flow_instance`)).toBe(RECORDS);
    expect(await count(db, sql`SELECT count(DISTINCT record_id) AS n FROM atrium.flow_instance`)).toBe(RECORDS);
    expect(byStatus.running ?? 0).toBe(0);
    expect((byStatus.approved ?? 0) + (byStatus.rejected ?? 0)).toBe(RECORDS);
    expect(await count(db, sql`SELECT count(*) AS n FROM atrium.flow_timer`)).toBe(0);

    // Each action applied once: two effect keys per approved instance, none for a rejected one; and on the
    // records, one child task per approved request, none per rejected one, and `done` set exactly where approved.
    const wrongEffects = await db.run(sql`
      SELECT i.id, i.status, (SELECT count(*) FROM atrium.flow_effect e WHERE e.instance_id = i.id) AS effects
      FROM atrium.flow_instance i
      WHERE (SELECT count(*) FROM atrium.flow_effect e WHERE e.instance_id = i.id) <> CASE WHEN i.status = 'approved' THEN 2 ELSE 0 END LIMIT 5`);
    expect(wrongEffects).toEqual([]);
    const wrongRecords = await db.run(sql`
      SELECT r.id, i.status, r.done, (SELECT count(*) FROM records.dur_task t WHERE t.parent = r.id) AS tasks
      FROM records.dur_request r JOIN atrium.flow_instance i ON i.record_type = 'dur_request' AND i.record_id = r.id
      WHERE (SELECT count(*) FROM records.dur_task t WHERE t.parent = r.id) <> CASE WHEN i.status = 'approved' THEN 1 ELSE 0 END
         OR r.done IS DISTINCT FROM (i.status = 'approved') LIMIT 5`);
    expect(wrongRecords).toEqual([]);
    expect(await count(db, sql`SELECT count(*) AS n FROM records.dur_task`)).toBe(byStatus.approved ?? 0);

    // The audit trail: numbered without gaps up to the instance's step (a step committed once wrote its rows once),
    // and no line twice for the same instance, kind, node and token.
    const gaps = await db.run(sql`
      SELECT i.id, i.step, count(a.id) AS rows, max(a.seq) AS top FROM atrium.flow_instance i LEFT JOIN atrium.flow_audit a ON a.instance_id = i.id
      GROUP BY i.id, i.step HAVING count(a.id) <> i.step OR max(a.seq) <> i.step LIMIT 5`);
    expect(gaps).toEqual([]);
    const doubled = await db.run(sql`
      SELECT instance_id, kind, node, token, count(*) AS n FROM atrium.flow_audit
      GROUP BY instance_id, kind, node, token HAVING count(*) > 1 LIMIT 5`);
    expect(doubled).toEqual([]);

    // Each instance asked once, and each request left `requested` exactly once: decided by the approver (the
    // decisions this process won, and only those), or closed by the server at expiry.
    expect(await count(db, sql`SELECT count(*) AS n FROM records.approval WHERE flow_instance IS NOT NULL`)).toBe(RECORDS);
    expect(await count(db, sql`SELECT count(DISTINCT flow_instance) AS n FROM records.approval WHERE flow_instance IS NOT NULL`)).toBe(RECORDS);
    expect(await count(db, sql`SELECT count(*) AS n FROM records.approval WHERE state = 'requested'`)).toBe(0);
    const changedTwice = await db.run(sql`
      SELECT a.id, (SELECT count(*) FROM atrium.record_history h WHERE h.record_type = 'approval' AND h.record_id = a.id AND h.field_name = 'state' AND h.old_value IS NOT NULL) AS n
      FROM records.approval a WHERE (SELECT count(*) FROM atrium.record_history h WHERE h.record_type = 'approval' AND h.record_id = a.id AND h.field_name = 'state' AND h.old_value IS NOT NULL) <> 1 LIMIT 5`);
    expect(changedTwice).toEqual([]);
    const [person] = await db.run<{ id: number | string }>(sql`SELECT id FROM records.person WHERE user_name = ${APPROVER}`);
    const decidedByApprover = await db.run<{ id: number | string; state: string; status: string }>(sql`
      SELECT a.id, a.state, i.status FROM records.approval a JOIN atrium.flow_instance i ON i.id = a.flow_instance WHERE a.decided_by = ${Number(person.id)}`);
    expect(decidedByApprover.length).toBe(won.size);
    for (const a of decidedByApprover) {
      expect(won.get(Number(a.id))).toBe(a.state);
      expect(a.status).toBe(a.state);
    }

    // Nothing failed for good: no dead flow job, no event the flow consumer gave up on.
    expect(await count(db, sql`SELECT count(*) AS n FROM atrium_jobs.job WHERE name LIKE 'flow.%' AND state = 'failed'`)).toBe(0);
    expect(await count(db, sql`SELECT count(*) AS n FROM atrium.event_consumer_failure`)).toBe(0);
  }, 900_000);
});
