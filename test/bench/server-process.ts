import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ServerProcess {
  name: string;
  pid: number;
  /** What the child announced: at least `url`; Atrium adds `token`. */
  info: { url: string; token?: string; [k: string]: unknown };
  /** Milliseconds from spawn to the ready line. */
  readyMs: number;
  /** Asks the child over IPC. */
  ask<T = Record<string, unknown>>(cmd: string): Promise<T>;
  /** Resident and peak resident memory of the child, in MB, from /proc. */
  memory(): { rssMb: number; peakRssMb: number };
  /** The child's stderr so far (for errors). */
  stderr(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
  /** The line prefix that carries the child's JSON (default `BENCH_READY`). */
  readyLine?: string;
}

/** Spawns a child that prints `BENCH_READY {json}` (or another `readyLine`) and answers `{ id, cmd }` on IPC. */
export async function startServerProcess(options: SpawnOptions): Promise<ServerProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let err = '';
  let out = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.length > 200_000) err = err.slice(-100_000);
  });
  const info = await new Promise<ServerProcess['info']>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} did not start within ${options.timeoutMs ?? 120_000} ms\n${err.slice(-4000)}`)), options.timeoutMs ?? 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = new RegExp(`^${options.readyLine ?? 'BENCH_READY'} (.*)$`, 'm').exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code ?? signal}) before it was ready\n${err.slice(-4000)}${out.slice(-2000)}`));
    });
  });
  const readyMs = performance.now() - started;
  // Keep draining stdout so a chatty child never blocks on a full pipe.
  child.stdout!.on('data', () => {});

  let nextId = 1;
  const waiting = new Map<number, (m: any) => void>();
  child.on('message', (m: { id: number }) => {
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    name: options.name,
    pid: child.pid!,
    info,
    readyMs,
    ask(cmd) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${options.name} did not answer "${cmd}"`)), 10_000);
        waiting.set(id, (m) => {
          clearTimeout(timer);
          resolve(m);
        });
        child.send({ id, cmd });
      });
    },
    memory: () => processMemory(child.pid!),
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A `shutdown` command first (see servers/atrium-server.ts for why not a signal), then SIGTERM, then SIGKILL.
      if (child.connected) child.send({ id: 0, cmd: 'shutdown' });
      else child.kill('SIGTERM');
      const term = setTimeout(() => child.kill('SIGTERM'), 10_000);
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(term);
      clearTimeout(kill);
    },
  };
}

/** VmRSS and VmHWM of a process, in MB. */
export function processMemory(pid: number): { rssMb: number; peakRssMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakRssMb: NaN };
  }
}
