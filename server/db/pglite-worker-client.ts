import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BUILD_DIR, BUILT } from '../build/built.js';
import { deserializeError, type PgliteWorkerData, type WorkerMessage, type WorkerRequest } from './pglite-protocol.js';
import { StatementTimeoutError } from './statement-timeout-error.js';

const bootUrl = new URL('./pglite-worker-boot.mjs', import.meta.url);
const entry = new URL('./pglite-worker.ts', import.meta.url).href;
// The compiled server has the worker compiled beside it: no tsx to register in the thread (~1 s of every start).
const workerUrl = BUILT ? pathToFileURL(path.join(BUILD_DIR, 'pglite-worker.js')) : bootUrl;

export interface PgliteWorkerEvents {
  onNotification(channel: string, payload: string): void;
  /** The thread ended without `close`: stopped past a budget, or it failed (a WASM abort). Called once. */
  onLost(reason: Error): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout | null;
}

/**
 * One worker thread running PGlite, and calls to it. A call with a budget that runs past it ends the thread
 * (a WASM statement cannot be interrupted otherwise): the call fails with a StatementTimeoutError and the
 * owner reopens the database in a new thread.
 */
export class PgliteWorkerClient {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private lost: Error | null = null;
  private closing = false;

  private constructor(
    private readonly worker: Worker,
    private readonly events: PgliteWorkerEvents,
  ) {
    worker.on('message', (m: WorkerMessage) => this.receive(m));
    worker.on('error', (err) => this.end(new Error(`the embedded database failed: ${err.message}`, { cause: err })));
    worker.on('exit', (code) => this.end(new Error(`the embedded database stopped (exit code ${code})`)));
  }

  /** Starts a thread and resolves once PGlite is open in it. */
  static start(data: Omit<PgliteWorkerData, 'entry'>, events: PgliteWorkerEvents): Promise<PgliteWorkerClient> {
    const workerData: PgliteWorkerData = { ...data, entry };
    const worker = new Worker(workerUrl, { workerData, transferList: data.loadDataDir ? [data.loadDataDir] : [] });
    return new Promise((resolve, reject) => {
      const failed = (err: Error) => reject(new Error(`the embedded database did not open: ${err.message}`, { cause: err }));
      const exited = (code: number) => reject(new Error(`the embedded database did not open (exit code ${code})`));
      worker.once('error', failed);
      worker.once('exit', exited);
      worker.once('message', (m: WorkerMessage) => {
        worker.off('error', failed);
        worker.off('exit', exited);
        if (m.kind === 'ready') resolve(new PgliteWorkerClient(worker, events));
        else reject(new Error(`the embedded database sent ${m.kind} before it was ready`));
      });
    });
  }

  /** Sends one request; with `budgetMs`, the thread is ended when the answer takes longer. */
  call<T>(request: WorkerRequest, budgetMs: number | null): Promise<T> {
    if (this.lost) return Promise.reject(this.lost);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = budgetMs === null ? null : setTimeout(() => this.end(new StatementTimeoutError(budgetMs), id), budgetMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.worker.postMessage({ id, request });
    });
  }

  /** Closes PGlite (flushing the data folder) and ends the thread. */
  async close(): Promise<void> {
    this.closing = true;
    try {
      await this.call({ op: 'close' }, null);
    } finally {
      await this.worker.terminate();
    }
  }

  private receive(m: WorkerMessage): void {
    switch (m.kind) {
      case 'notification':
        this.events.onNotification(m.channel, m.payload);
        return;
      case 'result':
      case 'error': {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (p.timer) clearTimeout(p.timer);
        if (m.kind === 'result') p.resolve(m.value);
        else p.reject(deserializeError(m.error));
        return;
      }
      case 'ready':
        return;
      default: {
        const never: never = m;
        throw new Error(`unknown worker message ${JSON.stringify(never)}`);
      }
    }
  }

  /** The thread is gone or going: fail what waits (the call that ran too long with `reason`), tell the owner once. */
  private end(reason: Error, culprit?: number): void {
    if (this.lost) return;
    const gone = this.closing ? new Error('the embedded database is closed') : reason;
    this.lost = gone;
    for (const [id, p] of this.pending) {
      if (p.timer) clearTimeout(p.timer);
      p.reject(id === culprit || culprit === undefined ? gone : new Error('the embedded database was restarted while this statement waited', { cause: reason }));
    }
    this.pending.clear();
    void this.worker.terminate();
    if (!this.closing) this.events.onLost(gone);
  }
}
