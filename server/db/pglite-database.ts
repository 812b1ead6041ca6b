import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pg-proxy';
import type { Database, Executor, Orm, Row, Statement, TransactionOptions } from './database.js';
import { StatementListeners } from './listeners.js';
import type { RowShape } from './pglite-protocol.js';
import { PgliteWorkerClient } from './pglite-worker-client.js';
import { SerialQueue } from './serial-queue.js';
import { toStatement } from './to-statement.js';

export interface PgliteOptions {
  /** A folder to keep the database in; memory when absent. */
  dataDir?: string;
  /** A tarball from `dumpDataDir`, to start from a prepared state (tests); with `dataDir`, that folder must be new. */
  loadDataDir?: Blob | File;
  /**
   * Longest a statement may run, in ms; null or absent: no limit. PGlite ignores `statement_timeout`, so past the
   * budget the thread running PGlite is stopped, the statement fails with a StatementTimeoutError, its
   * transaction is lost (never committed) and the database is reopened from its data folder. Off for an
   * in-memory database, which could not be reopened: only tests use those.
   */
  statementTimeoutMs?: number | null;
  /** Told when the database is reopened after its thread was stopped or failed (to log it). */
  onRestart?: (reason: Error) => void;
}

/** The embedded database, with a way to snapshot it (tests start every file from one). */
export interface PgliteDatabase extends Database {
  readonly driver: 'pglite';
  /** The whole database as a gzipped tarball, for `loadDataDir`. */
  dumpDataDir(): Promise<Blob>;
}

type Send = (sql: string, params: unknown[], shape: RowShape) => Promise<unknown[]>;

interface Channel {
  callbacks: Set<(payload: string) => void>;
  /** Resolves once the worker listens. */
  listening: Promise<void>;
}

/** Drizzle over a send function: its 'all' queries want rows as arrays, 'execute' as objects. */
function proxyOrm(send: Send): Orm {
  return drizzle(async (sql, params, method) => ({ rows: await send(sql, params, method === 'all' ? 'drizzle-arrays' : 'drizzle-objects') })) as unknown as Orm;
}

/**
 * The embedded database: PostgreSQL compiled to WASM, one connection, in a worker thread so a long statement
 * does not stop the server's event loop. Statements and transactions are serialised here (one connection);
 * statement listeners and timing stay on this thread.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  const dataDir = options.dataDir ?? null;
  const budget = dataDir ? (options.statementTimeoutMs ?? null) : null;
  const listeners = new StatementListeners();
  const queue = new SerialQueue();
  const channels = new Map<string, Channel>();
  let closed = false;
  let closing: Promise<void> | null = null;
  /** Counts threads: a transaction begun in an earlier one was lost with it. */
  let generation = 0;

  const start = (loadDataDir: ArrayBuffer | null): Promise<PgliteWorkerClient> => {
    const gen = generation;
    return PgliteWorkerClient.start(
      { dataDir, loadDataDir },
      {
        onNotification(channel, payload) {
          if (gen !== generation) return;
          for (const callback of channels.get(channel)?.callbacks ?? []) callback(payload);
        },
        onLost: (reason) => lost(gen, reason),
      },
    );
  };
  const settle = (p: Promise<PgliteWorkerClient>) => {
    p.catch(() => {}); // awaited by the next caller; not an unhandled rejection meanwhile
    return p;
  };

  let current = settle(start(options.loadDataDir ? await options.loadDataDir.arrayBuffer() : null));
  await current;

  /** PGlite recovers the data folder from its WAL on open; what was committed is there, what was not is gone. */
  async function reopen(): Promise<PgliteWorkerClient> {
    const w = await start(null);
    for (const channel of channels.keys()) await w.call({ op: 'listen', channel }, null);
    return w;
  }

  function lost(gen: number, reason: Error): void {
    if (gen !== generation || closed) return;
    generation++;
    if (!dataDir) {
      current = settle(Promise.reject(new Error(`the in-memory embedded database stopped and cannot be reopened (${reason.message})`, { cause: reason })));
      return;
    }
    options.onRestart?.(reason);
    current = settle(reopen());
  }

  async function worker(): Promise<PgliteWorkerClient> {
    try {
      return await current;
    } catch (err) {
      if (closed || !dataDir) throw err;
      // The last reopening failed; try again for this caller rather than failing every later one.
      current = settle(reopen());
      return current;
    }
  }

  async function send<T>(w: PgliteWorkerClient, sql: string, params: unknown[], shape: RowShape, budgetMs: number | null): Promise<T[]> {
    const began = performance.now();
    const rows = await w.call<T[]>({ op: 'query', sql, params, shape }, budgetMs);
    if (listeners.active) listeners.emit(sql, performance.now() - began);
    return rows;
  }

  const control = (w: PgliteWorkerClient, sql: 'BEGIN' | 'COMMIT' | 'ROLLBACK') => w.call({ op: 'query', sql, params: [], shape: 'objects' }, null);

  const sendAlone: Send = (sql, params, shape) => queue.run(async () => send(await worker(), sql, params, shape, budget));

  return {
    driver: 'pglite',
    orm: proxyOrm(sendAlone),
    run<T extends Row>(statement: SQL | Statement): Promise<T[]> {
      const { sql, params } = toStatement(statement);
      return sendAlone(sql, params, 'objects') as Promise<T[]>;
    },
    transaction<T>(fn: (tx: Executor) => Promise<T>, txOptions: TransactionOptions = {}): Promise<T> {
      const txBudget = dataDir && txOptions.statementTimeoutMs !== undefined ? txOptions.statementTimeoutMs : budget;
      return queue.run(async () => {
        const w = await worker();
        const gen = generation;
        const rolledBack = () => new Error('the transaction was rolled back: the embedded database was restarted after a statement ran past its time budget');
        await control(w, 'BEGIN');
        let open = true;
        const sendInTx: Send = (sql, params, shape) => {
          if (!open) return Promise.reject(new Error('the transaction has ended; run its statements inside its callback'));
          if (gen !== generation) return Promise.reject(rolledBack());
          return send(w, sql, params, shape, txBudget);
        };
        const tx: Executor = {
          orm: proxyOrm(sendInTx),
          run<R extends Row>(statement: SQL | Statement): Promise<R[]> {
            const { sql, params } = toStatement(statement);
            return sendInTx(sql, params, 'objects') as Promise<R[]>;
          },
        };
        try {
          const result = await fn(tx);
          // The callback may have caught the timeout and carried on: its work is gone all the same.
          if (gen !== generation) throw rolledBack();
          await control(w, 'COMMIT');
          return result;
        } catch (err) {
          if (gen === generation) await control(w, 'ROLLBACK').catch(() => {});
          throw err;
        } finally {
          open = false;
        }
      });
    },
    async listen(channel, onPayload) {
      let ch = channels.get(channel);
      if (!ch) {
        const created: Channel = {
          callbacks: new Set(),
          listening: queue.run(async () => {
            await (await worker()).call({ op: 'listen', channel }, null);
          }),
        };
        created.listening.catch(() => channels.get(channel) === created && channels.delete(channel));
        channels.set(channel, created);
        ch = created;
      }
      await ch.listening;
      const subscribed = ch;
      subscribed.callbacks.add(onPayload);
      return async () => {
        if (!subscribed.callbacks.delete(onPayload) || subscribed.callbacks.size > 0 || channels.get(channel) !== subscribed) return;
        channels.delete(channel);
        if (closed) return;
        await queue.run(async () => {
          await (await worker()).call({ op: 'unlisten', channel }, null);
        });
      };
    },
    onStatement: (l) => listeners.add(l),
    script<T extends Row>(text: string): Promise<T[]> {
      return queue.run(async () => {
        const w = await worker();
        const began = performance.now();
        const rows = await w.call<T[]>({ op: 'exec', sql: text }, budget);
        if (listeners.active) listeners.emit(text, performance.now() - began);
        return rows;
      });
    },
    migrate: (migrationsFolder) => queue.run(async () => (await worker()).call<void>({ op: 'migrate', migrationsFolder }, null)),
    dumpDataDir: () => queue.run(async () => new Blob([await (await worker()).call<ArrayBuffer>({ op: 'dump' }, null)])),
    close() {
      closing ??= queue.run(async () => {
        closed = true;
        const w = await current.catch(() => null);
        current = settle(Promise.reject(new Error('the database is closed')));
        await w?.close();
      });
      return closing;
    },
  };
}
