import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../../server/db/index.js';
import { ManualClock } from '../../../server/engines/index.js';
import { openTestDatabase, type TestDatabase } from '../../helpers/test-database.js';
import { FIRE_JOB, outcome, seedTimers, timerEngine, timerHost } from './timer-engine.js';

const TIMERS = 120;
const NOW = '2026-03-02T09:00:00.000Z';
const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'timer-process.ts');

/** Where the child and the restarted host meet: a PostgreSQL database, or a PGlite data folder on disk. */
interface Target {
  /** DURABILITY_DB for the child. */
  address: string;
  /** Opens the database in this process (after the child is gone: PGlite has one owner at a time). */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

async function makeTarget(): Promise<Target> {
  if (process.env.DATABASE_URL) {
    const database: TestDatabase = await openTestDatabase();
    await seedTimers(database.db, TIMERS, new Date(NOW));
    return { address: database.url!, open: () => openPostgres({ url: database.url!, max: 4 }), drop: () => database.drop() };
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'atrium-durability-'));
  const dataDir = path.join(folder, 'pglite');
  const db = await openPglite({ dataDir, loadDataDir: new Blob([await readFile(inject('pgliteSnapshot'))]) });
  await seedTimers(db, TIMERS, new Date(NOW));
  await db.close();
  return { address: `pglite:${dataDir}`, open: () => openPglite({ dataDir }), drop: () => rm(folder, { recursive: true, force: true }) };
}

/** The engine process of the running test, killed in any case when the test ends. */
let running: ChildProcess | null = null;

/** Starts the child and resolves once `ready(lines)` holds for what it printed; rejects if it exits first. */
function runUntil(address: string, ready: (lines: string[]) => boolean): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, DURABILITY_DB: address, DURABILITY_NOW: NOW }, stdio: ['ignore', 'pipe', 'pipe'] });
  running = child;
  const lines: string[] = [];
  let errors = '';
  return new Promise((resolve, reject) => {
    let rest = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
      if (ready(lines)) resolve({ child, lines: [...lines] });
    });
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code, signal) => reject(new Error(`the engine process ended (${code ?? signal}) before the test killed it: ${errors}`)));
  });
}

describe('a server process killed while timers are due and jobs are in flight', () => {
  let target: Target;
  beforeAll(async () => {
    target = await makeTarget();
  }, 60_000);
  afterAll(async () => {
    if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
    await target?.drop();
  });

  it('fires each due timer exactly once and completes each job once after a restart', async () => {
    // Killed while a job holds its transaction open ("running" last), after some work committed.
    const inFlight = (lines: string[]) => lines.filter((l) => l.startsWith('done')).length >= 2 && !!lines.at(-1)?.startsWith('running');
    const { child, lines } = await runUntil(target.address, inFlight);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const firedBefore = lines.filter((l) => l.startsWith('fired')).reduce((n, l) => n + Number(l.split(' ')[1]), 0);
    // The kill came in the middle: timers still due, a job in flight.
    expect(firedBefore).toBeGreaterThan(0);
    expect(firedBefore).toBeLessThan(TIMERS);

    // The restart: a new engine host with the same engine on the same database.
    const db = await target.open();
    // The job the process was running is still claimed in the queue: it was in flight when the process died.
    const [claimed] = await db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM atrium_jobs.job WHERE name = ${FIRE_JOB} AND state = 'active'`);
    expect(claimed.n).toBeGreaterThanOrEqual(1);
    const stats = { tickFailures: 0 };
    const host = timerHost(db, pino({ level: 'silent' }), new ManualClock(NOW), timerEngine({ host: 'restarted', batch: 20, expireInSeconds: 2, stats }), false);
    await host.start();
    try {
      // The killed run's job is taken back once its expiry (2 s of database time) has passed: poll, with a deadline.
      const deadline = Date.now() + 20_000;
      let result = await outcome(db);
      while (result.completed < TIMERS && Date.now() < deadline) {
        await host.jobs.recover();
        await host.drain();
        result = await outcome(db);
        if (result.completed < TIMERS) await new Promise((r) => setTimeout(r, 250));
      }
      expect({ ...result, runs: undefined }).toEqual({ timers: TIMERS, unfired: 0, firings: TIMERS, effects: TIMERS, applied_runs: TIMERS, runs: undefined, jobs: TIMERS, completed: TIMERS });
      // A job whose run committed just before the kill may run again; it then finds its effect and applies nothing.
      expect(result.runs).toBeGreaterThanOrEqual(TIMERS);
      expect(stats.tickFailures).toBe(0);
      expect(await host.jobs.dead()).toEqual([]);
    } finally {
      await host.stop();
      await db.close();
    }
  }, 90_000);
});
