import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processCpuMs } from './cpu-time.js';
import { processMemory } from './server-process.js';

/** What starts the server: `compiled` is what `npm start` runs (the build's JavaScript), `tsx` the TypeScript source. */
export type ColdStartRunner = 'compiled' | 'tsx';

const RUNNER_ARGS: Record<ColdStartRunner, string[]> = {
  compiled: ['.atrium-build/main.js'],
  tsx: ['--import', 'tsx', 'server/main.ts'],
};

export interface ColdStart {
  /** Milliseconds from spawning the server (see ColdStartRunner) to the first answered GraphQL query. */
  ms: number;
  rssMb: number;
  /**
   * CPU time (user + system, all threads) the server used until that answer: steadier than `ms` on a shared
   * machine, where other processes stretch the wall clock.
   */
  cpuMs: number;
  /** Milliseconds from SIGTERM to exit (graceful stop, PGlite closes its data folder). */
  stopMs: number;
  /** The process had not exited STOP_WAIT_MS after SIGTERM and was killed. */
  killed: boolean;
}

export interface ColdStartResult {
  runner: ColdStartRunner;
  fresh: ColdStart;
  reopened: ColdStart[];
  /** Milliseconds for a bare `node --import tsx` to import server/atrium.ts: the part of every start that is module loading. */
  importMs: number;
}

/**
 * Cold start on PGlite: the server in a child with ATRIUM_DATA_DIR set to a new temporary folder (fresh: the
 * compiled server loads the build's template, tsx runs initdb; then migrations), then again on the same folder
 * (reopened). Timed until `{ __typename }` answers over HTTP. The compiled runner builds first when stale.
 */
export async function coldStartBench(repoRoot: string, reopenRuns = 2, runner: ColdStartRunner = 'compiled'): Promise<ColdStartResult> {
  if (runner === 'compiled') await buildIfStale(repoRoot);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'atrium-bench-pglite-'));
  try {
    const fresh = await startOnce(repoRoot, dataDir, runner);
    const reopened: ColdStart[] = [];
    for (let i = 0; i < reopenRuns; i++) reopened.push(await startOnce(repoRoot, dataDir, runner));
    return { runner, fresh, reopened, importMs: await importTime(repoRoot) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function buildIfStale(repoRoot: string): Promise<void> {
  const child = spawn(process.execPath, ['server/build/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`server/build/build.mjs failed: ${err.slice(-2000)}`);
}

async function startOnce(repoRoot: string, dataDir: string, runner: ColdStartRunner): Promise<ColdStart> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ATRIUM_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, RUNNER_ARGS[runner], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering\n${stderr.slice(-3000)}`);
      if (performance.now() - started > 120_000) throw new Error(`the server did not answer within 120 s\n${stderr.slice(-3000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        const body = (await res.json()) as { data?: { __typename?: string } };
        if (res.ok && body.data?.__typename) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    const ms = performance.now() - started;
    const cpuMs = processCpuMs(child.pid!);
    const rssMb = processMemory(child.pid!).rssMb;
    const stopping = performance.now();
    const killed = await stop(child, exited);
    return { ms, rssMb, cpuMs, stopMs: performance.now() - stopping, killed };
  } finally {
    await stop(child, exited);
  }
}

const STOP_WAIT_MS = 15_000;

/** SIGTERM, then SIGKILL after STOP_WAIT_MS; true when it had to kill. */
async function stop(child: ReturnType<typeof spawn>, exited: Promise<void>): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return false;
  let killed = false;
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, STOP_WAIT_MS);
  await exited;
  clearTimeout(timer);
  return killed;
}

async function importTime(repoRoot: string): Promise<number> {
  const code = `const t = performance.now(); await import(${JSON.stringify(path.join(repoRoot, 'server', 'atrium.ts'))}); process.stdout.write(String(performance.now() - t));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code_ = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code_ !== 0) throw new Error(`importing server/atrium.ts failed: ${err.slice(-2000)}`);
  return Number(out.trim());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
